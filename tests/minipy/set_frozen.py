# frozenset: hashable, usable as keys, algebra.
f = frozenset([3, 1, 2])
g = frozenset(range(2, 6))
print(f, g, f | g, f & g, f - g, f ^ g, len(f), 2 in f)
d = {f: "f", g: "g"}
print(d[frozenset({1, 2, 3})], frozenset() == frozenset([]), type(f | {9}).__name__)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), sorted(sorted(x) for x in s))
