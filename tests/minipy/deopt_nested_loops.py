# Nested hot loops: inner trip counts that vary, an inner loop whose values
# change type while the outer loop is running, break and continue out of the
# inner loop, and a triple nest updating a matrix.
# jit-expect: traces_compiled>=1 deopts>=1
t = 0
for i in range(300):
    for j in range(i % 17):
        t += i * j
print(t)
acc = 0
for i in range(200):
    step = 1 if i < 100 else (0.25 if i < 150 else 2 ** 70)
    for j in range(50):
        acc += step
print(acc)
found = []
for i in range(2, 2000):
    for d in range(2, i):
        if d * d > i:
            found.append(i)
            break
        if i % d == 0:
            break
print(len(found), found[-5:])
skips = 0
for i in range(400):
    for j in range(30):
        if (i + j) % 7 == 0:
            skips += 1
            continue
        if j > i % 25:
            break
        skips += j
print(skips)
n = 24
a = [[(i * n + j) % 7 - 3 for j in range(n)] for i in range(n)]
b = [[(i - j) % 5 for j in range(n)] for i in range(n)]
c = [[0] * n for _ in range(n)]
for i in range(n):
    for j in range(n):
        s = 0
        for k in range(n):
            s += a[i][k] * b[k][j]
        c[i][j] = s
print(sum(sum(r) for r in c), c[0][:6], c[-1][-3:])
# The inner loop's bound changes type (an int, then a len of a growing list).
grow = [1, 2, 3, 4, 5]
cnt = 0
for i in range(600):
    grow.append(i)
    lim = 5 if i < 300 else len(grow) % 13
    j = 0
    while j < lim:
        cnt += grow[j]
        j += 1
print(cnt)
