# permutations -- generate all permutations recursively (list slicing and
# appends) and with an iterative generator (Heap's algorithm); checksum them.
def perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in perms(rest):
            out.append([items[i]] + p)
    return out
def heap_perms(n):
    a = list(range(n))
    c = [0] * n
    yield a
    i = 0
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                a[0], a[i] = a[i], a[0]
            else:
                a[c[i]], a[i] = a[i], a[c[i]]
            yield a
            c[i] += 1
            i = 0
        else:
            c[i] = 0
            i += 1
def checksum(p):
    s = 0
    for v in p:
        s = s * 10 + v
    return s
ps = perms(list(range(9)))
s1 = 0
for p in ps:
    s1 = (s1 + checksum(p)) % 1000000007
s2 = 0
count = 0
for p in heap_perms(9):
    s2 = (s2 * 31 + p[0] * 7 + p[-1]) % 1000000007
    count += 1
print("permutations", len(ps), s1, count, s2)
