# List and tuple subscripts in hot loops (indexed loads with bounds guards,
# list header loads kept across the loop): float rows updated in place
# (matmul's ci[j] += aik * bk[j]), a list grown while it is indexed, negative
# and out-of-range indexes, a tuple and a list at the same site, a list
# aliased into itself, floats shared by many slots, and an item read before
# the store that replaces it.
# jit-expect: traces_compiled>=1 deopts>=1
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
n = 24
a = [[(i * 7 + j * 3) % 11 / 4.0 - 1.0 for j in range(n)] for i in range(n)]
b = [[(i * 5 + j) % 13 / 8.0 for j in range(n)] for i in range(n)]
c = matmul(a, b, n)
print(sum(sum(r) for r in c), c[3][5], c[n - 1][0])
# The same row as both operands: ci is bk.
r = [float(j) for j in range(200)]
for k in range(30):
    for j in range(200):
        r[j] += 0.5 * r[j]
print(r[0], r[1], r[199])
# Negative indexes, constant and computed.
v = list(range(100))
s = 0
for j in range(4000):
    s += v[-1] + v[-100] + v[j % 100 - 100] + v[-(j % 100) - 1]
print(s)
# Out of range, both ends, caught.
w = [1.5, 2.5, 3.5]
miss = 0
got = 0.0
for j in range(3000):
    try:
        got += w[j % 7 - 5]
    except IndexError as e:
        miss += 1
        msg = str(e)
print(miss, got, msg)
# A tuple and a list at the same site.
def pick(seq, j):
    return seq[j % 3] + seq[-1]
tl = 0
for j in range(6000):
    tl += pick((1, 2, 3) if j % 2 else [4, 5, 6], j)
    tl += pick((10, 20, 30), j) if j > 3000 else 0
print(tl)
try:
    pick((), 0)
except IndexError as e:
    print("tuple:", e)
# Floats shared by many slots: storing into one must not change the others.
# (In functions: a loop at module level stores globals through helpers
# that may write anything.)
def shared():
    z = [0.0] * 50
    back = 0.0
    for j in range(3000):
        z[j % 50] += 1.25
        back += z[j % 50]
    print(z[0], z[49], z[0] is z[1], sum(z), back)
    same = [2.0] * 10
    for j in range(2000):
        same[j % 10] = same[(j + 1) % 10] * 1.0
    print(same)
shared()
# Floats also held elsewhere (a local, another list): stored around, never
# into; the list's own floats are updated.
def held():
    f = 1.5
    row = [f, 2.5, f, 3.5]
    other = [x * 1.0 for x in row]
    hold = other[1]
    for j in range(3000):
        row[j % 4] += 0.25
        other[j % 4] += 0.5
    print(f, row, other, hold, other[1] is hold)
held()
# An item read, then replaced: the read keeps the old value, the next read
# sees the new one.
def replaced():
    q = [float(j) for j in range(100)]
    old = []
    t = 0.0
    for j in range(2000):
        x = q[j % 100]
        q[j % 100] += 1.0
        t += q[j % 100] - x
        if j % 499 == 0:
            old.append((x, q[j % 100]))
    print(old, q[5], t)
replaced()
# Grown while indexed: each append may move the items.
def grown():
    g = [1, 2, 3]
    tot = 0
    for j in range(3000):
        tot += g[j // 2]
        g.append(j)
        if j % 500 == 0:
            g.extend([7] * 40)
    print(tot, len(g))
grown()
# A list that contains itself.
me = [1, 2]
me.append(me)
cnt = 0
for j in range(2000):
    if me[2] is me:
        cnt += me[2][j % 2]
print(cnt, len(me[2][2][2]))
# Objects stored into lists: items only the list holds (replaced through
# the helper), items held elsewhere, an item stored over itself, flags.
def objs():
    row = [str(j) for j in range(50)]
    keep = row[3]
    for j in range(3000):
        row[j % 50] = row[(j + 7) % 50]
        if j % 3 == 0:
            row[j % 50] = row[j % 50]
    flags = [True] * 100
    for j in range(2, 100, 3):
        flags[j] = False
    print(row[:5], keep, flags.count(True), row[3] is row[10])
objs()
