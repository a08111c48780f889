# range objects.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 7 in r, 8 in r, r.index(11) if hasattr(r, "index") else 2)
print(list(range(0)), list(range(5, 0)), list(range(5, 0, -1)), list(range(-3, 3)), range(10)[::2] == range(0, 10, 2))
print(sum(range(10 ** 6)), len(range(0, 10 ** 12, 3)), range(2 ** 70, 2 ** 70 + 2)[1])
for i in range(2, -7, -3):
    print(i, end=" ")
print()
