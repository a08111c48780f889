# Sets of ints and their algebra; iteration order of small-int sets.
a = {5, 3, 1, 9, 7}
b = {1, 2, 3, 4}
print(a, b, a | b, a & b, a - b, b - a, a ^ b)
print(len(a), 3 in a, 4 in a, a <= (a | b), a < a, a.issubset(a | b), a.isdisjoint({100}))
a.add(11); a.discard(5); a.discard(99); a.remove(1)
print(a, sorted(a))
print(a.union([40, 41]), a.intersection(range(8)), a.difference({3}), set(), set([3, 3, 2]))
c = set(range(10))
c -= {1, 2}; c |= {20}; c &= set(range(5, 25)); print(c)
print({x % 5 for x in range(100)}, {-1, -2, 0}, {100, 33, 64, 1})
s = {1, 2, 3}
print(s.pop(), s, {1, 2} == {2, 1}, frozenset([1, 2]) == {1, 2})
