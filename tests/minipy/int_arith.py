# Integer arithmetic with Python's floor semantics.
for a in (7, -7, 0, 1, -1, 13):
    for b in (3, -3, 1, -1, 5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** 0, (-2) ** 3, 10 ** -1, 7 / 2, -7 / 2, 6 / 3)
print(abs(-5), -(-5), +5, ~5, ~-1)
