# Float formatting with format specs.
v = [3.14159265, -2.5, 1e10, 1.5e-9, 0.0, 123456.789]
for x in v:
    print("%f|%.2f|%e|%.3e|%g|%10.3f|%-10.1f|" % (x, x, x, x, x, x, x))
    print(f"{x:.3f}|{x:10.2f}|{x:<10.1f}|{x:+.2e}|{x:g}|{x:.0f}|{x:%}|")
print(format(1234567.891, ",.2f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.5, ".0f"))
print("%5.1f%%" % 99.44, "{:.10g}".format(1 / 7), "{:e}".format(0))
print(str(1.0), str(10.0 ** 16), "%s" % 1e-7, "%r" % 0.1)
