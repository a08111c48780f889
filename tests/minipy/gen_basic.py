# Generators: yield, yield from, return in generators, laziness.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
def evens():
    n = 0
    while True:
        yield n
        n += 2
g = evens()
print([next(g) for _ in range(5)])
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3))))
def inner():
    yield "a"
    return "inner-result"
def outer():
    r = yield from inner()
    yield r
print(list(outer()))
log = []
def noisy():
    log.append("start")
    yield 1
    log.append("middle")
    yield 2
    log.append("end")
n = noisy()
print(log, next(n), log, next(n), log, list(n), log)
