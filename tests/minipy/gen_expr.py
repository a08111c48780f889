# Generator expressions capturing enclosing locals.
def f(k):
    return list(x * k for x in range(5))
print(f(3))
def g(limit):
    base = 100
    return sum(base + i for i in range(limit) if i % 2 == 0)
print(g(10))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]), any([]), all([]))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
print(dict((str(i), i) for i in range(3)), tuple(i for i in "xy"), set(i % 2 for i in range(9)))
