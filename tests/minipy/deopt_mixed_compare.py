# Comparisons in hot loops between ints, floats and big ints around the
# points where float precision runs out (2**53), 64-bit boundaries, and
# strings compared with the same operators; mixed equality across types.
# jit-expect: traces_compiled>=1 deopts>=1
lim = 2 ** 53
eq = 0
lt = 0
for i in range(-2000, 2000):
    a = lim + i
    f = float(a)
    if a == f:
        eq += 1
    if a < f:
        lt += 1
print(eq, lt)
c = 0
for i in range(6000):
    x = 2 ** 63 + i - 3000
    y = 9.223372036854776e18
    c += (x < y) + 2 * (x == y) + 4 * (x > y)
print(c)
big = 10 ** 400
r = [0, 0, 0]
for i in range(3000):
    v = [1.0e308, float("inf"), -big, big][i % 4]
    r[0] += v < big
    r[1] += v > -big
    r[2] += v == big
print(r)
words = ["apple", "apples", "Apple", "", "b", "applf"]
order = 0
for i in range(6000):
    a = words[i % 6]
    b = words[(i // 6) % 6]
    order += (a < b) - (a > b) + (a <= b) * 3
print(order)
mixed = [1, 1.0, True, "1", None, (1,)]
same = 0
for i in range(6000):
    same += mixed[i % 6] == mixed[(i * 5) % 6]
print(same)
