# Integer hot loops: collatz, digit sums, gcd.
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 20000), key=collatz)
print(best, collatz(best))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(sum(gcd(i, 360) for i in range(1, 5000)))
t = 0
i = 0
while i < 100000:
    t = (t + i * 31) % 65521
    i += 1
print(t)
