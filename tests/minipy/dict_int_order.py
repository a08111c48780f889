# Dicts keep insertion order; sets of ints follow hash order.
d = {}
for k in [10, -1, 3, 1000, 7, 2 ** 40]:
    d[k] = str(k)
print(d, list(d), set(d))
del d[3]
d[3] = "again"
print(d)
print(dict.fromkeys([5, 3, 5, 1]), set([5, 3, 5, 1]), {v: None for v in (9, 8, 7)})
