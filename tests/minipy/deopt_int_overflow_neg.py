# Ints leave the 64-bit range mid hot loop downwards, by multiplication and
# by negation, and come back; every boundary value is printed.
# jit-expect: traces_compiled>=1 deopts>=1
lo = -2 ** 63
x = lo + 3000
for i in range(6000):
    x -= 1
    if x in (lo + 1, lo, lo - 1) or i == 5999:
        print(i, x, x < lo, type(x).__name__)
print(x - lo)
# -(-2**63) and abs(-2**63) do not fit in int64.
neg = []
for i in range(4000):
    v = lo + (i % 3)
    neg.append(-v)
    neg.append(abs(v))
print(neg[:6], sum(neg) - 4000 * 2 ** 64)
# Products that overflow once the factors grow; signs alternate.
acc = 0
p = 1
for i in range(1, 3000):
    p = (p * -3) if i % 50 else 1
    acc += p
    if i % 700 == 49:
        print(i, p, acc % 1000003)
print(acc, acc.bit_length())
# x * y with x, y near sqrt(2**63); overflow exactly when the product passes it.
big = 0
for a in range(3037000400, 3037000600):
    big += a * a - 9223372036854775807
print(big)
# Shifts that overflow and floor division / modulo of negatives near the edge.
s = 0
for i in range(5000):
    k = i % 70
    s += (1 << k) - (-1 << k)
    s += (lo + i) // 7 + (lo + i) % 7 + (-i) // 3 + (-i) % 3
print(s)
