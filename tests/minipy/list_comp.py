# List, dict, set comprehensions and generator expressions.
print([x * x for x in range(10)], [x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(4)] for i in range(3)])
print({x: x ** 2 for x in range(5)}, {x % 4 for x in range(10)})
print(sum(x for x in range(101)), list(x + 1 for x in [1, 2]), max(len(w) for w in ["a", "bbb", "cc"]))
n = 3
print([x + n for x in range(3)], [[y for y in range(x)] for x in range(4)])
words = "the quick brown fox".split()
print({w: len(w) for w in words}, [w.upper() for w in words if len(w) > 3])
