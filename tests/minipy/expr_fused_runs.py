# The longer superinstructions of minipy's tier 1 (a LOAD_FAST that runs
# `y = x + c` / `x -= c`, `x[y]`, `if x < y:` and `if x < c:` in one
# dispatch when the operands are machine ints and a list): their results
# and the fallback for every other operand (floats, bools, big ints,
# subclasses, unbound locals, errors) must be CPython's.

def counters():
    i = 0
    while i < 1000:
        i += 1
    j = 1000
    while j >= 0:
        j -= 1
    k = 5
    k = k + 7
    m = k - 20          # another local: the source keeps its value
    n = 10
    n = n - -3
    print(i, j, k, m, n)

def aliasing():
    x = 1000
    y = x               # two references: the += makes a new int
    x += 1
    keep = [x]
    x += 1              # the list's item keeps its value
    print(x, y, keep)
    z = 300
    for _ in range(400):
        z -= 1           # through the small ints: the shared ones come back
    zero = 0
    small = -100
    print(z, z == -100, z is small or z == small)
    w = 1000
    while w > 0:
        w -= 1
    print(w, w is zero)

def limits():
    a = 2**63 - 3
    for _ in range(5):
        a += 1
    b = -2**63 + 2
    for _ in range(5):
        b -= 1
    c = 2**70
    c += 1
    c -= 2
    print(a, b, c, type(a).__name__)

class MyInt(int):
    def __add__(self, o):
        return "MyInt.add"
    def __sub__(self, o):
        return "MyInt.sub"
    def __lt__(self, o):
        return True

def other_types():
    f = 1.5
    f += 1
    f = f - 2
    t = True
    t += 1
    u = False
    u = u - 1
    s = "ab"
    try:
        s += 1
    except TypeError as e:
        print("TypeError:", e)
    mi = MyInt(3)
    r1 = mi + 1
    mi2 = MyInt(3)
    mi2 -= 1
    print(f, t, u, r1, mi2)
    lst = [1]
    lst += [2]
    print(lst)

def unbound():
    try:
        q += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = 0
    try:
        if p < 3:
            pass
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    p = 1
    try:
        v = lst[p]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    lst = [1, 2]
    try:
        v = lst[idx]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    idx = 0
    print(q, p, lst[idx])

class MyList(list):
    def __getitem__(self, i):
        return ("MyList", i)

def subscripts():
    a = [10, 20, 30, 40]
    tot = 0
    for i in range(4):
        tot += a[i]
    i = -1
    neg = a[i]
    i = -4
    neg4 = a[i]
    print(tot, neg, neg4)
    for i in (4, -5, 2**70):
        try:
            v = a[i]
        except IndexError as e:
            print("IndexError:", e)
    t = (1, 2, 3)
    d = {0: "zero", True: "true"}
    s = "xyz"
    ml = MyList([1, 2])
    i = 1
    b = True
    print(t[i], d[i], s[i], ml[i], a[b])
    k = "key"
    try:
        v = a[k]
    except TypeError as e:
        print("TypeError:", e)
    f = 1.0
    try:
        v = a[f]
    except TypeError as e:
        print("TypeError:", e)
    n = None
    try:
        v = n[i]
    except TypeError as e:
        print("TypeError:", e)
    d2 = {}
    try:
        v = d2[i]
    except KeyError as e:
        print("KeyError:", e)

def compares():
    out = []
    vals = [-3, 0, 2, 2, 7, 2**64, 2.5, True, False]
    for x in vals:
        for y in vals:
            r = 0
            if x < y:
                r |= 1
            if x <= y:
                r |= 2
            if x == y:
                r |= 4
            if x != y:
                r |= 8
            if x > y:
                r |= 16
            if x >= y:
                r |= 32
            if not x < y:
                r |= 64
            out.append(r)
    print(out)
    c = []
    for x in vals:
        r = 0
        if x < 2:
            r |= 1
        if x <= 2:
            r |= 2
        if x == 2:
            r |= 4
        if x != 2:
            r |= 8
        if x > 2:
            r |= 16
        if x >= 2:
            r |= 32
        if x == 2**70:
            r |= 64
        c.append(r)
    print(c)
    n = None
    i = 1
    try:
        if n < i:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        if n < 3:
            pass
    except TypeError as e:
        print("TypeError:", e)
    s, t = "a", "b"
    if s < t:
        print("str compare")
    mi = MyInt(5)
    if mi < i:
        print("MyInt.__lt__")
    if mi < 0:
        print("MyInt.__lt__ const")
    nan = float("nan")
    if nan != i:
        print("nan != 1")
    if not nan < 1:
        print("not nan < 1")

def item_compares():
    # x[y] < z and the jump: ints, then every other item and z
    a = [5, 1, 4, 2.5, None, "s", True, 2**65, -3]
    out = []
    for z in (3, 2.5, 2**65, True):
        for i in range(-9, 9):
            try:
                if a[i] < z:
                    out.append(1)
                else:
                    out.append(0)
            except TypeError as e:
                out.append(str(e))
    print(out)
    i = 9
    try:
        if a[i] > z:
            pass
    except IndexError as e:
        print("IndexError:", e)
    t = (1, 2)
    i = 0
    if t[i] < z:
        print("tuple item")
    ml = MyList([1, 2])
    try:
        if ml[i] < z:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        if a[i] == w:
            pass
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    w = 5
    if a[i] == w:
        print("equal")
    if not a[i] != w:
        print("not unequal")

def sort_like(a):
    # quicksort's partition: every form in one loop, hot
    lo, hi = 0, len(a) - 1
    p = a[(lo + hi) // 2]
    i, j = lo, hi
    while i <= j:
        while a[i] < p:
            i += 1
        while a[j] > p:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    return i, j

counters()
aliasing()
limits()
other_types()
unbound()
subscripts()
compares()
item_compares()
data = [(x * 7919) % 1009 for x in range(3000)]
print(sort_like(data), sum(data[:100]))
fl = [x * 0.5 for x in range(300)]
print(sort_like(fl))
mixed = [x if x % 3 else x * 1.0 for x in range(300)]
print(sort_like(mixed))
