# Converting numbers to and from strings.
for v in [0, -1, 255, 10 ** 20, 3.0, -2.5, 1e-7, 1e21, 123.456]:
    print(str(v), repr(v), "%s" % v, f"{v}", format(v))
print(int("  42\n"), float("1e3"), float(".5"), float("5."), int("-0"), float("-inf"), str(float("1e-320")))
print([int(c) for c in str(2 ** 50)], sum(int(c) for c in str(2 ** 1000)))
