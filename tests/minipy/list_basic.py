# List operations.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); a.extend([3, 5]); a.insert(0, 8); a.insert(100, 7); a.insert(-1, 0)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove(1)
print(a, a.index(5), a.count(5), 9 in a, 10 in a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a == b, b, a[:] is a)
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, [] == [], [1, [2]] == [1, [2]], [1, 2] < [1, 3])
print(list(range(5)), list("abc"), list((1, 2)), sum([1, 2, 3]), max([1, 5, 2]), sorted([3, 1, 2]))
