# iter/next/zip/enumerate/reversed over many kinds of iterables.
print(list(zip()), list(zip([1])), list(zip("ab", [1, 2, 3], (True, False))))
print(list(enumerate(["x", "y"], start=10)), list(reversed("abc")), list(reversed((1, 2))))
d = {"a": 1, "b": 2}
print(list(iter(d)), list(enumerate(d.items())), list(zip(*[(1, "a"), (2, "b")])))
it = iter(range(5))
print(next(it), next(it), list(zip(it, it)))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m), list(m))
f = filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])
print(list(f))
