# min/max/sum/sorted with keys and mixed numeric types.
data = [("a", 3), ("b", 1), ("c", 2)]
print(max(data, key=lambda p: p[1]), min(data, key=lambda p: p[1]), sorted(data, key=lambda p: -p[1]))
print(max(1, 2.5), min(-1, -1.0), max([1, 2], [1, 3]), min("b", "a", "c"), sum([0.5, 1, 2 ** 64]))
print(sum(range(1000000)), sum([[1], [2]], []), max(range(10), key=lambda x: (x % 3, x)))
