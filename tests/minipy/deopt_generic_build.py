# Generic instructions inside hot loops, lowered as calls into the
# interpreter's own code: BUILD_LIST / BUILD_TUPLE of more than four items,
# BUILD_SET, BUILD_MAP, BUILD_STRING and FORMAT_VALUE (f-strings with
# conversions and specs), BUILD_SLICE (two and three parts), LIST_EXTEND /
# SET_UPDATE / DICT_MERGE / LIST_TO_TUPLE (starred displays), UNPACK_EX,
# DELETE_SUBSCR, `and` / `or` values (JUMP_IF_*_OR_POP), unary operators
# on big ints and LOAD_CLOSURE.  Every loop here compiles without an abort;
# the one abort allowed is the function-entry trace of closures()'s `f`,
# refused as too short a body.  The side traces that a full parking lot
# would make hot are refused (full_lot.py) and those refusals count as
# aborts; here they are allowed, as they were before that refusal, so that
# the count stays about the loops.
# jit-env: MINIPY_JIT_FULL_LOT_REFUSE=0
# jit-expect: traces_compiled>=8 traces_aborted<=1
def builds(n):
    acc = []
    for i in range(n):
        l = [i, i + 1, i + 2, i + 3, i + 4, i + 5, i * 2]
        t = (i, -i, i * i, str(i), 1.5, None, True, l[0])
        s = {i % 3, i % 5, i % 7, 0}
        d = {'a': i, 'b': i * 2, 'c': l, i % 4: t[2]}
        acc.append((len(l), t[3], t[4] + i, sorted(s), d['b'], d.get(i % 4)))
    return acc
print(builds(30)[::7])

def fstrings(n):
    out = []
    for i in range(n):
        x = i * 1.25
        name = 'item' + str(i % 3)
        out.append(f"{name!r}:{i:>4}|{x:.2f}|{i!s}{name:^8}|{i:{'0' + str(i % 3 + 2)}d}")
    return out
r = fstrings(40)
print(r[0], r[17], r[39])

def slices(n):
    data = list(range(20))
    tot = 0
    parts = []
    for i in range(n):
        a = i % 7
        b = a + 5
        tot += sum(data[a:b]) + sum(data[a:b:2]) + len(data[::3]) + sum(data[-b:])
        parts.append(data[b:a:-1][:2])
    return tot, parts[:3]
print(slices(50))

def starred(n):
    res = []
    base = {'x': 1, 'y': 2}
    for i in range(n):
        a = [i, i + 1]
        b = (i * 2,)
        l = [*a, *b, 9]
        s = {*a, *b}
        t = (*a, i)
        d = {**base, 'z': i, **{'y': -i}}
        first, *mid, last = l
        *head, tail = t
        res.append((l, sorted(s), t, sorted(d.items()), first, mid, last, head, tail))
    return res
out = starred(25)
print(out[0], out[24])

def deletes(n):
    d = {}
    l = list(range(n + 10))
    for i in range(n):
        d[i] = i * i
        if i >= 3:
            del d[i - 3]
        del l[0]
    return sorted(d.items()), l[:4], len(l)
print(deletes(40))

def andor(n):
    tot = 0
    words = []
    for i in range(n):
        a = i % 3 and i
        b = (i % 4) or -1
        c = i > 5 and i < 20 or i == 30
        w = (i % 2 and 'odd') or 'even'
        tot += a + b + c
        words.append(w)
    return tot, words[:5]
print(andor(60))

def unary(n):
    big = 10 ** 30
    tot = 0
    for i in range(n):
        x = big + i
        tot += -x + (~x) + (+x) + (not x) + (not [])
    return tot
print(unary(40))

def closures(n):
    fs = []
    for i in range(n):
        def f(x, k=i):
            return x * 100 + k * 10 + i
        fs.append(f)
        g = lambda y, z=i * 2: y + z + i
        fs.append(g)
    return [h(1) for h in fs[:4]], [h(2) for h in fs[-2:]]
print(closures(30))
