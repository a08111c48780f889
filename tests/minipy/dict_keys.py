# Keys of many hashable kinds.
d = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "true?", frozenset([1]): "fs"}
print(d)
print(d[1], d[2.5], d["s"], d[(1, 2)], d[None], d[frozenset({1})])
big = {2 ** 100: "big", -1: "neg", -2: "neg2"}
print(big[2 ** 100], big[-1], big[-2])
counts = {}
for w in "a b a c b a d".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
