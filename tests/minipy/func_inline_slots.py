# Frames of calls run in the caller's loop (minipy's CALL_PY_EXACT and the
# generic CALL): the slots past the arguments start empty whatever their
# number (0 to 7 here: locals, cells and frees), so a local read before it
# is set raises UnboundLocalError, from a frame reused from an earlier call
# that had set it too; a closure's frees, with or without cells of its own,
# are its closure's.

def s0(a):
    return a
def s1(a):
    if a > 1: x = a
    try: return x
    except UnboundLocalError: return "unbound1"
def s2(a):
    if a > 1: x = y = a
    try: return x + y
    except UnboundLocalError: return "unbound2"
def s3(a):
    if a > 1: x = y = z = a
    try: return x + y + z
    except UnboundLocalError: return "unbound3"
def s4(a):
    if a > 1: x = y = z = w = a
    try: return (x, y, z, w)
    except UnboundLocalError: return "unbound4"
def s5(a):
    if a > 1: x = y = z = w = v = a
    try: return (x, y, z, w, v)
    except UnboundLocalError: return "unbound5"
def s7(a, b):
    if a > 1: x = y = z = w = v = u = t = a + b
    try: return (x, y, z, w, v, u, t)
    except UnboundLocalError: return "unbound7"
def last_only(a):
    # only the last slot is set on the first path
    if a > 1: q = a
    p = 1
    o = 2
    try: return (o, p, q)
    except UnboundLocalError: return ("unbound_q", o, p)

res = []
for i in range(300):
    a = i % 3
    res.append((s0(a), s1(a), s2(a), s3(a), s4(a), s5(a), s7(a, i), last_only(a)))
print(res[:6], res[-3:])
print(sum(1 for r in res if r[1] == "unbound1"), sum(1 for r in res if r[6] == "unbound7"))

def make_frees(k):
    def scale(x):
        return x * k + 1          # a free only
    return scale
def make_cells(k):
    def outer(x):
        m = x + k                 # a cell of its own and a free
        def inner():
            return m * 2
        return inner() + k
    return outer
def counter():
    n = 0
    def inc(d):
        nonlocal n
        n += d
        return n
    return inc
def frees_and_unbound(k):
    def f(flag):
        if flag: loc = k
        try: return loc + k
        except UnboundLocalError: return -k
    return f

fs = [make_frees(k) for k in range(1, 6)]
gs = [make_cells(k) for k in range(1, 6)]
hs = [frees_and_unbound(k) for k in range(1, 4)]
inc = counter()
acc = 0
out = []
for i in range(2000):
    acc += fs[i % 5](i) + gs[i % 5](i)
    inc(i & 3)
    out.append(hs[i % 3](i % 2))
print(acc, inc(0), out[:8], sum(out))
