# Three more superinstructions of minipy's tier 1 (compile.c's fused_run):
#   if x[y] < z[w]:      (SUBSCR2_CMP_JUMP: two lists, in-range indexes,
#                         machine int items: compare and jump at once)
#   l.append(v)          (APPEND_FAST: l an exact list)
#   l.append(x[y])       (APPEND_SUBSCR: l and x exact lists, y in range)
# Their results, and the fallback for everything else (tuples, dicts,
# strs, subclasses, other items, negative, out-of-range, bool and big int
# indexes, unbound locals, lists that change under the loop), must be
# CPython's.

def merge(left, right):
    # the merge loop of a merge sort: both forms in one loop
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    while i < len(left):
        out.append(left[i])
        i += 1
    while j < len(right):
        out.append(right[j])
        j += 1
    return out

def ops(a, b):
    # every operator, with jumps if false and if true (`or`, `not`)
    n = [0] * 8
    for i in range(len(a)):
        for j in range(len(b)):
            if a[i] < b[j]: n[0] += 1
            if a[i] <= b[j]: n[1] += 1
            if a[i] == b[j]: n[2] += 1
            if a[i] != b[j]: n[3] += 1
            if a[i] > b[j]: n[4] += 1
            if a[i] >= b[j]: n[5] += 1
            if a[i] < b[j] or i == 99: n[6] += 1
            if not a[i] >= b[j]: n[7] += 1
    return n

def cmp_all(a, b):
    # what the compare of x[y] and z[w] gives or raises, for any operands
    r = []
    for i in range(len(a)):
        for j in range(len(b)):
            try:
                if a[i] < b[j]:
                    r.append("<")
                elif a[i] == b[j]:
                    r.append("=")
                else:
                    r.append(">")
            except TypeError as e:
                r.append("TypeError: " + str(e))
    return r

def cmp_at(a, i, b, j):
    try:
        if a[i] < b[j]:
            return "lt"
        return "ge"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

class MyList(list):
    def __getitem__(self, i):
        return i * 10 + len(self)
    def append(self, v):
        super().append(("MyList.append", v))

class PlainSub(list):
    pass

class Appender:
    def __init__(self):
        self.got = []
    def append(self, v):
        self.got.append(v)
        return "ignored"

def compares():
    a = [5, 1, 4, 9, -3, 2**40, -2**62]
    b = [2, 9, 4, -3, 7, -2**62]
    print(merge(sorted(a), sorted(b)))
    print(merge([], [1, 2]), merge([3], []))
    print(ops(a, b))
    # items of other types, on either side, and mixed
    print(cmp_all([1, 2.5, True, 2**70, -2**70], [2, 2.5, False, 2**70 + 1]))
    print(cmp_all(["a", "b"], ["b", "a"]))
    print(cmp_all([None, 1], [1, None]))
    print(cmp_all([1, "x"], [[1], 2]))
    # containers that are not exact lists, on either side
    t = (3, 1, 2)
    d = {0: 5, 1: -5, 2: 0}
    s = "cab"
    ml = MyList([1, 2, 3])
    ps = PlainSub([3, 2, 1])
    for x in ([1, 2, 3], t, d, ml, ps):
        for z in ([2, 2, 2], t, d, ml, ps):
            print(type(x).__name__, type(z).__name__, cmp_all(x, z))
    print(cmp_all(s, "bca"), cmp_all([1, 2], s))
    # indexes: negative, out of range on either side, bool, big, float
    lst = [10, 20, 30]
    other = [15, 25, 35]
    for i, j in ((-1, -1), (-3, 0), (0, -3), (3, 0), (0, 3), (-4, 0), (0, -4),
                 (True, False), (2**70, 0), (0, 2**70), (-2**70, 0),
                 (1.0, 0), (0, 1.0), ("a", 0), (0, None)):
        print(i, j, cmp_at(lst, i, other, j))
    print(cmp_at(d, 1, lst, 0), cmp_at(lst, 0, d, 7), cmp_at(None, 0, lst, 0), cmp_at(lst, 0, 5, 0))
    # the same list on both sides
    print(ops(lst, lst))

def mutated():
    # lists that shrink, grow and change their items while the loop runs
    a = [1, 2, 3, 4, 5, 6, 7, 8]
    b = [4, 4, 4, 4, 4, 4, 4, 4]
    i = 0
    hits = 0
    while i < len(a) and i < len(b):
        if a[i] > b[i]:
            hits += 1
            b.pop()
        else:
            a[i] = a[i] * 3
        i += 1
    print(a, b, hits, i)
    c = [1, 2, 3]
    e = [0, 0, 0]
    i = 0
    while i < 6:
        try:
            if c[i] >= e[i]:
                c.append(i * 1.5)
                e.append(2**65 if i % 2 else "s")
        except TypeError as ex:
            print("TypeError:", ex)
            e[i] = -1
        i += 1
    print(c, e)

def unbound_cmp(which):
    if which == 0:
        try:
            if xa[0] < [1][0]:
                pass
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        xa = [1]
    lst = [1, 2]
    if which == 1:
        try:
            if lst[yi] < lst[0]:
                pass
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        yi = 0
    if which == 2:
        try:
            if lst[0] < zl[0]:
                pass
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        zl = [1]
    if which == 3:
        try:
            if lst[0] < lst[wi]:
                pass
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        wi = 0

def appends():
    out = []
    src = [3, -1, 2**70, 2.5, "s", None, [1]]
    for i in range(len(src)):
        out.append(src[i])
        out.append(i)
    for i in (-1, -7):
        out.append(src[i])
    print(out)
    # growing far past the first capacity, through both forms
    big = []
    for k in range(1000):
        big.append(k)
        big.append(src[k % 7])
    print(len(big), big[:5], big[-3:], sum(big[::14]))
    # out-of-range and bad indexes raise from the subscript, before append
    for i in (7, -8, 2**70, 1.0, "x"):
        try:
            out.append(src[i])
        except (IndexError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    print(len(out))
    # sources that are not exact lists
    t = (1, 2)
    d = {0: "d0", 1: "d1"}
    s = "st"
    ml = MyList([7, 8])
    r = []
    for x in (t, d, s, ml, PlainSub([5, 6])):
        for i in (0, 1):
            r.append(x[i])
    b = True
    r.append(src[b])
    print(r)
    # targets that are not exact lists
    for l in (MyList(), PlainSub(), Appender()):
        for i in range(2):
            l.append(src[i])
            l.append(i)
        print(type(l).__name__, l.got if isinstance(l, Appender) else l)
    sub = PlainSub()
    sub.append = lambda v: print("instance append", v)
    sub.append(1)
    sub.append(src[0])
    print(sub)
    for l in ((), {}, None, "str"):
        try:
            l.append(1)
        except AttributeError as e:
            print("AttributeError:", e)
        try:
            l.append(src[0])
        except AttributeError as e:
            print("AttributeError:", e)
    # a list appended to itself, an item of itself
    me = [1]
    me.append(me)
    me.append(me[0])
    me.append(me[-2])
    print(len(me), me[0], me[1] is me, me[2], me[3] is me)
    # the method as a value, then called: not the statement form
    ap = out.append
    ap(99)
    v = out.append(100)
    print(out[-2:], v)

def unbound_append(which):
    if which == 0:
        try:
            ul.append(1)
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        ul = []
    lst = []
    if which == 1:
        try:
            lst.append(uv)
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        uv = 0
    if which == 2:
        try:
            lst.append(ux[0])
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        ux = [1]
    if which == 3:
        try:
            lst.append(lst[uy])
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        uy = 0
    print(lst)

def types_change():
    # one site, warmed up on ints and lists, then given everything else
    vals = [[1, 2], (1, 2), {0: 3, 1: 4}, MyList([1, 2]), [1.5, 2.5], [2**64, 1], ["a", "b"]]
    res = []
    for rep in range(3):
        for v in vals:
            for k in range(20):
                x = v
                try:
                    if x[0] < x[1]:
                        res.append(x[0])
                    else:
                        res.append(x[1])
                except TypeError as e:
                    res.append(str(e))
    print(len(res), res[::17])

compares()
mutated()
for w in range(4):
    unbound_cmp(w)
appends()
for w in range(4):
    unbound_append(w)
types_change()
