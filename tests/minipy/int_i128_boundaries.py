# Ints of 64 to 128 bits: arithmetic on operands of up to 126 bits runs in
# __int128 and builds the result's GMP limbs directly (int.c, as_i128 and
# from_i128); wider operands take GMP.  Values around every boundary (2**63,
# 2**64, 2**126, 2**127, 2**128, both signs), every operator, checked
# against python3 value by value and through a checksum.
edges = []
for e in (62, 63, 64, 65, 125, 126, 127, 128, 129):
    for d in (-2, -1, 0, 1, 2):
        edges.append(2 ** e + d)
        edges.append(-(2 ** e) + d)
edges += [0, 1, -1, 3, -7, 6364136223846793005, 1442695040888963407, 2 ** 64 - 1]
print(len(edges))

def ops(x, y):
    r = [x + y, x - y, x * y, x & y, x | y, x ^ y, -x, ~x]
    if y:
        r += [x // y, x % y]
    if 0 <= y < 200:
        r += [x >> y, x << (y % 70)]
    return r

check = 0
n = 0
for x in edges:
    for y in edges:
        for v in ops(x, y):
            check = (check * 1000003 + v) % (2 ** 61 - 1)
            n += 1
print(n, check)

# a few printed exactly (decimal and hex digits of the limbs)
print(2 ** 64 * 3 + 5, hex(2 ** 126 - 1), hex(-(2 ** 126) + 1))
print((2 ** 63) * (2 ** 63 - 1), (2 ** 64 - 1) * (2 ** 62 + 1), -(2 ** 63) * (2 ** 63))
print((2 ** 126 - 1) + 1, (2 ** 126) - 1, (2 ** 127) // 3, -(2 ** 125) * 2 - 1)
print((2 ** 64 + 7) % 2 ** 64, (-(2 ** 64) - 7) % 2 ** 64, (2 ** 100) >> 37, (-(2 ** 100)) >> 99)
print(type(2 ** 64 - 2 ** 64), 2 ** 64 - 2 ** 64 == 0, (2 ** 65) // (2 ** 64), hash(2 ** 64 + 1), hash(-(2 ** 70)))

# the linear congruential generator of bench/sort_algos.py
x = 1
for i in range(2000):
    x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
print(x, x >> 44, x > 2 ** 63, x == int(str(x)))

# results that shrink back into a machine int, compare and hash like one
a = 2 ** 64 + 5
b = a - 2 ** 64
print(b, b == 5, {5: "five"}[b], b is not None, [0, 1, 2, 3, 4, 5, 6][b])

# // and % by powers of two (a shift and a mask) of both signs, up to 2**126
for k in (0, 1, 5, 31, 63, 64, 65, 100, 125, 126):
    p = 2 ** k
    for v in (0, 1, -1, 7, -7, 2 ** 63 - 1, -(2 ** 63), 2 ** 64 + 3, -(2 ** 64) - 3,
              2 ** 126 - 1, -(2 ** 126), 2 ** 127 - 1, -(2 ** 127), 12345678901234567890123):
        print(k, v // p, v % p, -v // p if v != -(2 ** 127) else 0, divmod(v, p), v // -p, v % -p)
