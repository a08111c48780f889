# NaN, infinities and -0.0 flowing through comparisons and arithmetic in hot
# loops: every comparison with NaN is false (except !=), -0.0 == 0.0 but its
# sign survives, inf - inf is NaN, and min/max keep CPython's argument order.
# jit-expect: traces_compiled>=1 deopts>=1
import math
nan = float("nan")
inf = float("inf")
vals = [1.5, -0.0, 0.0, nan, inf, -inf, -2.5, 3]
counts = [0] * 7
for i in range(14000):
    a = vals[i % 8]
    b = vals[(i // 8) % 8]
    if a < b:
        counts[0] += 1
    if a <= b:
        counts[1] += 1
    if a == b:
        counts[2] += 1
    if a != b:
        counts[3] += 1
    if a > b:
        counts[4] += 1
    if a >= b:
        counts[5] += 1
    if not (a < b or a >= b):
        counts[6] += 1
print(counts)
signs = []
z = 0.0
for i in range(5000):
    z = -z if i % 2 else z * -1.0
    if i < 4 or i > 4995:
        signs.append((repr(z), math.copysign(1.0, z), z == 0.0))
print(signs)
acc = 0.0
nans = 0
for i in range(6000):
    x = inf if i % 3 == 0 else (-inf if i % 3 == 1 else 1.0)
    y = x + (inf if i % 5 == 0 else 2.0)
    if y != y:
        nans += 1
    elif y < inf:
        acc += y
print(acc, nans)
m = []
for i in range(3000):
    a = vals[i % 8]
    m.append((max(a, 1.0), min(a, 1.0), max(1.0, a), min(1.0, a)))
print(m[:8])
print(repr(-0.0 * 5), repr(0.0 * -5), repr(-0.0 + 0.0), repr(-0.0 - 0.0), repr(abs(-0.0)))
# Hashing and dict lookup with -0.0, 0.0 and 0 (one key) and NaN: the same
# NaN object is found by identity, a fresh NaN never.
d = {}
for i in range(4000):
    k = [0.0, -0.0, 0, nan][i % 4]
    d[k] = d.get(k, 0) + 1
e = {}
for i in range(2000):
    e[float("nan")] = i
print(len(d), d[0], d[nan], d.get(float("nan")), len(e))
# float -> int boundaries: int() of large floats, round trips.
tot = 0
for i in range(3000):
    f = 2.0 ** (i % 70) + 0.5
    tot += int(f) + round(f) + math.floor(-f)
print(tot)
