# format() and the format mini-language on ints, floats and strings.
print(format(3.5), format(42, "d"), format(42, "o"), format(-42, "x"), format(42, "c"))
print(format(1234567, ","), format(1234567, "_"), format(-1234.5, ",.1f"), format(12, "+05d"))
print(format("abc", "^9"), format("abc", "x>6"), format(0.000012345, ".3g"), format(123456789.0, ".3g"))
print(format(1e-10, "f"), format(255, "#X"), format(-0.0, ".1f"), format(1.0, "g"), format(10.0 ** 20, "g"))
print(format(2 ** 64, "x"), format(-(2 ** 64), ","), format(7, "b").zfill(8), format(99.5, ".0f"), format(100.5, ".0f"))
print("{:>6.2%}".format(0.5), "{:=+8d}".format(42), "{:08.3f}".format(-3.14159))
