# l.append(v) in a hot loop: tier 1 rewrites the call to CALL_LIST_APPEND
# (exact list, list.append), which skips the statement's POP_TOP.  The same
# sites must still behave when the receiver stops being a list, is a list
# subclass (with and without its own append), or when the result is used.

def fill(l, n):
    for i in range(n):
        l.append(i * 3)
    return l

print(fill([], 40)[-5:], len(fill([], 40)))
print(fill([7, 8], 20)[:4])

class MyList(list):
    pass

class Logged(list):
    def append(self, v):
        print("Logged.append", v)
        list.append(self, -v)

class NotAList:
    def __init__(self):
        self.items = []
    def append(self, v):
        self.items.append(v)
        return "ret%d" % v

# the same (already specialized) site with other receivers
m = fill(MyList(), 12)
print(type(m).__name__, m)
lg = fill(Logged(), 3)
print(type(lg).__name__, lg)
na = fill(NotAList(), 4)
print(type(na).__name__, na.items)
print(fill([], 15)[10:])

# the value of the call is used: None must be pushed
def results(l, n):
    out = []
    for i in range(n):
        out.append(l.append(i))
    return out

print(results([], 12))
print(results(NotAList(), 3))

# appending a list to itself, aliasing, growing past many capacities
def selfref(n):
    a = []
    for i in range(n):
        a.append(a if i == 5 else i)
    return a

s = selfref(12)
print(len(s), s[5] is s, s[:5], s[6:])

def grow(n):
    a = []
    b = a
    for i in range(n):
        b.append(i)
    return a

g = grow(1000)
print(len(g), sum(g), g[-1], g[511], g[512])

# a temporary receiver and the reference counts of appended objects
def temp(n):
    r = 0
    for i in range(n):
        x = []
        x.append([i])
        r += x[0][0]
        [].append(i)
    return r

print(temp(50))

# errors still raised at the site: wrong argument counts are other sites,
# but a receiver whose append raises goes through the generic call
class Bad(list):
    def append(self, v):
        raise ValueError("no append %d" % v)

def try_all(objs):
    for o in objs:
        try:
            o.append(1)
            print("ok", type(o).__name__, len(o))
        except ValueError as e:
            print("ValueError", e)
        except AttributeError as e:
            print("AttributeError", e)

try_all([[], [], [], [], [], [], [], [], [], [], Bad(), (), [], MyList()])
try:
    [].append()
except TypeError as e:
    print("TypeError", e)
try:
    [].append(1, 2)
except TypeError as e:
    print("TypeError", e)

# list.append fetched once and called later is not a method call
def bound(n):
    a = []
    ap = a.append
    for i in range(n):
        ap(i)
    return a

print(bound(10))

# rebinding the name append on a class: the site must follow
class Swap(list):
    pass

def swapper(o, n):
    for i in range(n):
        o.append(i)

sw = Swap()
swapper(sw, 10)
Swap.append = lambda self, v: list.append(self, v * 100)
swapper(sw, 3)
print(sw)
