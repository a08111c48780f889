# Tuples: packing, unpacking, comparison, hashing.
t = (1, "two", 3.0)
print(t, t[1], t[-1], t[1:], len(t), (1,), (), tuple([4, 5]), tuple("ab"))
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y, (1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) + (3,), (0,) * 3)
print(t.index("two"), (1, 1, 2).count(1), 3.0 in t, hash((1, 2)) == hash((1, 2)))
d = {(0, 0): "origin", (1, 2): "p"}
print(d[(1, 2)], d[0, 0])
