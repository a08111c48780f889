# Nested and starred unpacking.
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
p, *q = [9]
print(p, q)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
[x, y] = [10, 20]
print(x + y)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1], 2))
def f(*args):
    return args
print(f(*[1, 2], *(3,)))
