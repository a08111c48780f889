# yield from delegation returning values, nested generators, early exit.
def averager(items):
    total = 0
    n = 0
    for x in items:
        yield x
        total += x
        n += 1
    return total / n if n else 0.0
def report(groups):
    out = []
    for name, items in groups:
        avg = yield from averager(items)
        out.append((name, avg))
    yield out
print(list(report([("a", [1, 2, 3]), ("b", []), ("c", [10])])))
def first_n(gen, n):
    for i, v in enumerate(gen):
        if i == n:
            break
        yield v
def naturals():
    k = 0
    while True:
        k += 1
        yield k
print(list(first_n(naturals(), 7)), sum(first_n((x * x for x in naturals()), 10)))
