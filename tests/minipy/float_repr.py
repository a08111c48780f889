# Shortest float repr, as CPython prints it.
vals = [0.1, 0.2, 0.30000000000000004, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345678.0,
        1e-5, 0.0001, 1.5e-7, 2.5, 1 / 3, 2 / 3, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
        3.141592653589793, 100.0, 1234.5678, 1e100, -1e-100, 9007199254740993.0, 0.1 * 3]
for v in vals:
    print(v, repr(v), str(v))
print([0.1, 1e16, -0.0])
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("  3.5 "), float("-0"), float(7), float("1_000.5"))
