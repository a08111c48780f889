# Nested lists, aliasing and identity.
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == [1, 2, 3], a is [1, 2, 3])
m = [[1, 2], [3, 4]]
print([row[:] for row in m], [list(r) for r in zip(*m)], [x for row in m for x in row])
