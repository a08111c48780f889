# `a, b = x, y` and `a, b, c = x, y, z` compile to rotations, not a tuple
# (as CPython): values evaluated left to right, targets stored left to
# right, a failing store leaves the earlier ones done; swaps in hot loops.
log = []
class Box:
    def __init__(self, name):
        self.name = name
        self.d = {}
    def __getitem__(self, k):
        log.append("get %s[%r]" % (self.name, k))
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        log.append("set %s[%r]=%r" % (self.name, k, v))
        if v == "bad":
            raise ValueError("bad store")
        self.d[k] = v
def val(x):
    log.append("val %r" % (x,))
    return x

b = Box("b")
b[0], b[1] = val(10), val(11)
b[0], b[1] = b[1], b[0]
b.p, b[2], b.q = val(1), val(2), val(3)
[b.r, b[3]] = val("r"), val("s")
print(log, b.d, b.p, b.q, b.r)
log.clear()
try:
    b[5], b[6], b[7] = val(5), val("bad"), val(7)
except ValueError as e:
    print("ValueError", e, sorted(b.d.items()), log)
log.clear()
try:
    x, y = val(1), undefined_name
except NameError as e:
    print("NameError", log)
x, y = 1, 2
x, y = y, x
p, q, r = "pqr"
a1, (a2, a3) = 1, (2, 3)
s1, *s2 = 1, 2, 3
t1, t2 = [5, 6]
print(x, y, p, q, r, a1, a2, a3, s1, s2, t1, t2)
def swapper(seq, n):
    for k in range(n):
        i, j = k % len(seq), (k * 7 + 3) % len(seq)
        seq[i], seq[j] = seq[j], seq[i]
        u, v, w = seq[0], seq[1], seq[2]
        seq[0], seq[1], seq[2] = v, w, u
    return seq
print(swapper(list(range(11)), 3000))
def fib_pairs(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib_pairs(90), fib_pairs(200))
