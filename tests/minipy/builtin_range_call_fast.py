# range(...) calls in hot loops: tier 1 makes the range at the CALL
# (CALL_RANGE) when the arguments are machine ints and the callee is the
# builtin range; every other case at the same site must behave as range().
def sums(n):
    t = 0
    for i in range(n):
        for j in range(i):
            t += j
        for j in range(i, 2 * i, 3):
            t += j
        for j in range(i, -i, -2):
            t -= j
    return t
print(sums(40))

def one(args):
    out = []
    for a in args:
        try:
            r = range(*a) if isinstance(a, tuple) else range(a)
            out.append((len(r), list(r)[:4], r.start, r.stop, r.step))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

def site1(vals):
    res = []
    for v in vals:
        try:
            res.append(list(range(v))[-3:])
        except (TypeError, ValueError) as e:
            res.append(type(e).__name__ + ": " + str(e))
    return res

class MyInt(int):
    pass

print(site1([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, True, False, -3, 2 ** 70 - 2 ** 70 + 4,
             MyInt(4), 3.0, "x", None, 2 ** 3]))

def site3(triples):
    res = []
    for a, b, c in triples:
        try:
            r = range(a, b, c)
            res.append((r[0] if r else None, len(r), r[-1] if r else None))
        except (TypeError, ValueError, IndexError) as e:
            res.append(type(e).__name__ + ": " + str(e))
    return res

print(site3([(0, 10, 1)] * 10 + [(10, 0, -1), (0, 10, 0), (0, 10, 3), (5, 5, 1),
      (-2 ** 63, 2 ** 63 - 1, 2 ** 62), (0, 2 ** 64, 2 ** 62), (MyInt(1), 9, 2), (1, 9.0, 2),
      (True, 5, True), (0, 10, -1)]))

def site2(pairs):
    return [list(range(a, b)) for a, b in pairs]
print(site2([(1, 4)] * 12 + [(3, 1), (-2, 2), (False, True)]))

# the name range rebound at run time: the site follows it
def use_range(n):
    return [len(range(k)) for k in range(n)]

print(use_range(12))
real_range = range
def fake(*a):
    return ["fake"] + list(a)
range = fake
print(use_range(3) if False else [range(1), range(1, 2), range(1, 2, 3)])
range = real_range
print(use_range(5), range(3))
r = range(-2 ** 63, 2 ** 63 - 1, 2 ** 62)
print(len(r), bool(r), r[0], r[-1], r[1:3])
r = range(2 ** 63 - 1, -2 ** 63, -2 ** 62)
print(len(r), bool(r), r[0], r[-1], r[3])
