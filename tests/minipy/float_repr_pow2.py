# repr of floats next to powers of two, where the interval of values that
# round to a float is lopsided: the shortest digits that round-trip are then
# sometimes not the correctly rounded ones (2.0 ** -1017 is
# 7.120236347223045e-307, one unit above its 16-digit rounding).
import math
out = []
for e in range(-1074, 1024, 3):
    x = math.ldexp(1.0, e)
    out.append(repr(x))
    out.append(repr(x * 3))
    out.append(repr(-x))
print(len(out))
for i in range(0, len(out), 6):
    print(" ".join(out[i:i + 6]))
print(2.0 ** -1017, 2.0 ** -1016, 2.0 ** 1023, 2.0 ** -1022, 5e-324, 2.2250738585072014e-308)
