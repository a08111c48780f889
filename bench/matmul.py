# matmul -- dense matrix product of lists of floats (i-k-j loop order).
def make(n, seed):
    m = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 69069 + 1) % 4294967296
            row.append((x % 1000) / 1000.0 - 0.5)
        m.append(row)
    return m
def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c
n = 300
a = make(n, 1)
b = make(n, 2)
c = matmul(a, b, n)
tr = 0.0
for i in range(n):
    tr += c[i][i] + c[i][n - 1 - i]
print("matmul %.9f %.9f" % (tr, c[7][11]))
