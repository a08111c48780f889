# str/int round trip of big numbers, and arithmetic identities.
n = 3 ** 300
s = str(n)
print(len(s), s[:20], s[-20:], int(s) == n, -n < 0, hash(n) == hash(int(s)))
a = 10 ** 50 + 12345
b = 10 ** 25 - 999
q, r = divmod(a, b)
print(q, r, q * b + r == a, (-a) // b, (-a) % b, a // -b, a % -b)
print(a * b - b * a, (a + b) ** 2 - (a * a + 2 * a * b + b * b), a ** 3 // a ** 2 == a)
