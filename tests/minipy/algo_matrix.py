# Matrix product and transpose with lists.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
print(matmul(A, B), [list(r) for r in zip(*A)])
I = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
M = [[i * 4 + j for j in range(4)] for i in range(4)]
print(matmul(M, I) == M, matmul(M, M))
F = [[1, 1], [1, 0]]
R = [[1, 0], [0, 1]]
for _ in range(90):
    R = matmul(R, F)
print(R[0][1])
