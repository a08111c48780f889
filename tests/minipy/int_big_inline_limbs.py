# Big ints of one and two 64-bit limbs (minipy keeps their limbs in the int
# object, without a GMP allocation) used everywhere GMP reads them: as
# operands of every operator (their results of 1, 2, 3 and more limbs),
# conversions, hashes, formatting, comparisons, dict keys; and freed in
# great numbers (the LCG loop), all as CPython prints them.

edges = [2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, 2**100, 2**126 - 1,
         2**126, 2**127 - 1, 2**127, 2**128 - 1, 2**128, 2**129 + 7]
edges = edges + [-e for e in edges] + [-2**63 - 1, -2**63]
print(len(edges))
for e in edges:
    print(e, hex(e), oct(e)[:12], bin(e)[-8:], e.bit_length(), str(e)[-5:], repr(e)[:6])
    print(hash(e), float(e), e // 3, e % 7, -e, abs(e), ~e, e >> 5, e << 3, e & 0xffff, e | 1, e ^ (2**64 - 1))

ops = 0
for a in edges:
    for b in edges[:8] + [1, -1, 3, 2**62]:
        s = (a + b, a - b, a * b, a // b, a % b, divmod(a, b), a & b, a | b, a ^ b)
        c = (a < b, a <= b, a == b, a != b, a > b, a >= b)
        ops += len(s) + len(c)
        if a == edges[3]:
            print(s, c)
print(ops)
print(pow(2**64 + 3, 3), pow(2**64 + 3, 5, 2**64 - 59), (2**64) ** 2, (-2**65) ** 3)
print(int("18446744073709551617"), int("-340282366920938463463374607431768211455"), int("ffffffffffffffffff", 16))
print(sorted([2**64, -2**64, 2**63, 2**128, 0, -1]), max(edges), min(edges), sum(edges))
d = {2**64: "a", 2**64 + 1: "b", -2**64: "c"}
print(d[2**64], d[18446744073709551617], d[-(2**64)], 2**64 in d, 2**65 in d)
print(f"{2**64:,}", f"{2**100:x}", "%d" % (2**70), format(-2**64, ">30"), (2**64).to_bytes(9, "big"))
print((2**64 + 5) == 18446744073709551621, int(2.0**70), int(-2.0**64))
print(2**64 / 3, (2**64) / (2**63), 10**30 // 2**64, 2**64 * 1.5, 2**64 == 2.0**64)

# the LCG of bench/sort_algos.py: ~2 big results an iteration, freed at once
x = 1
acc = 0
for i in range(20000):
    x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
    acc ^= x >> 44
print(x, acc)
keep = []
y = 3
for i in range(2000):
    y = (y * 6364136223846793005 + 1) % 2**128
    keep.append(y)
print(sum(keep) % 1000000007, keep[-1], len(set(keep)))

# 127-bit operands take the 128-bit path; what overflows it goes to GMP
m = 2**127 - 1
for a in (m, -m, m - 5, 2**126 + 3, -(2**126) - 3):
    for b in (1, -1, 2, m, -m, 2**64, -(2**64) + 1):
        print(a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a >> 3)
print(-m - 1, (-m) ^ 1, (-m) & (-2), (-m) | (-m), m ^ -1, (-m - 1) // -1)
