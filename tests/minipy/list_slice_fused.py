# x[a:b] of lists and tuples (minipy copies the items without a slice
# object when the ends are machine ints or None) and every other case of
# two-ended slicing, which takes the generic path: as CPython.

def slices(x):
    n = len(x)
    out = []
    ends = [None, 0, 1, 2, n - 1, n, n + 1, n + 5, -1, -2, -n, -n - 1, -n - 7]
    for a in ends:
        for b in ends:
            out.append(x[a:b])
    return out

l = [1, "two", 3.0, None, (5,), [6]]
t = tuple(l)
r1 = slices(l)
r2 = slices(t)
print(len(r1), r1[:20], r1[-5:])
print(len(r2), r2[:20], r2[-5:])
print(slices([]) == [[]] * 169, slices(()) == [()] * 169)

c = l[:]
c.append("x")
print(c is l, len(l), len(c), l[:] == l, t[:] is t, t[0:len(t)] is t, t[1:] is t)
inner = l[5:6]
inner[0].append(7)
print(l, inner)

i, j = 1, 3
big = 2**70
b, f = True, 1.5
print(l[i:j], t[i:j], l[big:], l[:big], l[-big:], l[:-big], t[-big:big])
print(l[b:], l[:b], t[False:True], "abcdef"[i:j], "abcdef"[-2:], b"bytes"[1:3], range(10)[2:5])
try:
    l[f:]
except TypeError as e:
    print("TypeError:", e)
try:
    t[:"x"]
except TypeError as e:
    print("TypeError:", e)

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

class MyList(list):
    def __getitem__(self, k):
        return ("MyList", k.start, k.stop, k.step)

print(l[Idx(1):Idx(4)], t[Idx(-2):], MyList([1, 2])[0:1], l[1:5:2], t[::-1])
nn = None
try:
    nn[1:2]
except TypeError as e:
    print("TypeError:", e)
five = 5
try:
    five[1:2]
except TypeError as e:
    print("TypeError:", e)
d = {}
try:
    d[1:2]
except Exception as e:
    print(type(e).__name__)

# a hot loop of slices, then many lists dropped at once and made again
def perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for k in range(len(items)):
        rest = items[:k] + items[k + 1:]
        for p in perms(rest):
            out.append([items[k]] + p)
    return out

total = 0
for rnd in range(3):
    ps = perms(list(range(6)))
    total += sum(p[0] * 10 + p[-1] for p in ps) + len(ps)
    ps = None
print(total)
rows = [[k] * (k % 40) for k in range(20000)]
rows = None
rows = [list(range(k % 30)) for k in range(20000)]
print(sum(len(x) for x in rows), rows[-1])
