# Correct rounding when formatting floats with a fixed number of digits.
for x in (0.5, 1.5, 2.5, 0.125, 0.375, 0.25, 2.675, 1.005, 1e-7, 123.456, 9.995, 0.045):
    print("%.0f %.1f %.2f %.17g %.15e" % (x, x, x, x, x), "{:.3g}|{:,.2f}|{:.1e}".format(x, x * 1e6, x))
print("%.20f" % 0.1, "%.30g" % (1 / 3), "%g" % 1e-5, "%g" % 123456789.0, "%G" % 1e-10, "%#g" % 1.0)
print(format(5e-324, ".3e"), format(1.7976931348623157e308, ".5g"), format(-0.0, "g"), format(float("nan"), ".2f"), format(float("-inf"), "10.1f") + "|")
