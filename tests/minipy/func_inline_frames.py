# Python-to-Python calls run in the caller's dispatch loop (no C recursion):
# recursion near the limit, exceptions unwinding through such frames,
# generators calling functions, methods, closures, cells, super(),
# __del__ at return, return out of try/with blocks.
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

sys.setrecursionlimit(3000)
print(depth(2900))
for rep in range(3):
    try:
        depth(10 ** 6)
    except RecursionError:
        print("RecursionError", rep, depth(2900))

# a RecursionError caught at an intermediate level, recursion goes on
def probe(n, log):
    if n == 0:
        try:
            depth(10 ** 6)
        except RecursionError:
            log.append("deep")
        return 0
    return probe(n - 1, log) + 1
log = []
print(probe(1000, log), log)

# exceptions through many frames, caught halfway, finally on the way
order = []
def thrower(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        return thrower(n - 1)
    finally:
        if n % 10 == 0:
            order.append(n)
def catcher(n, at):
    if n == at:
        try:
            return thrower(n)
        except ValueError as e:
            return "caught %s at %d" % (e, n)
    return catcher(n + 1, at)
print(catcher(0, 25), order)

def reraiser(n):
    try:
        return thrower(n)
    except ValueError:
        raise KeyError(n)
try:
    reraiser(7)
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__)

# generators calling functions, functions draining generators
def sq(x):
    return x * x
def checked(x):
    if x == 5:
        raise IndexError(x)
    return sq(x) + 1
def gen(n):
    for i in range(n):
        try:
            yield checked(i)
        except IndexError as e:
            yield -int(str(e))
def total(g):
    s = 0
    for v in g:
        s += sq(v) if v < 0 else v
    return s
print(list(gen(8)), total(gen(8)))
def drain(n):
    return sum(x for x in gen(n)) + depth(10)
print(drain(12))

# methods (self in the call's first slot), super(), closures, cells
class Base:
    def __init__(self, k):
        self.k = k
    def val(self, x):
        return self.k + x
class Derived(Base):
    def val(self, x):
        return super().val(x) * 2
    def twice(self, x):
        return self.val(self.val(x))
d = Derived(3)
print(d.val(1), d.twice(1), [d.val(i) for i in range(4)])

def make_adder(a):
    def add(b):
        return a + b
    return add
add5 = make_adder(5)
def use(f, n):
    return f(n) + f(n + 1)
print(use(add5, 1), use(make_adder(10), 2))

def captured(a, b):       # an argument that is a cell
    def get():
        return a * b
    a += 1
    return get()
print(captured(3, 4), [captured(i, i) for i in range(3)])

def scope(x, y):
    z = x + y
    return sorted(locals().items())
print(scope(1, 2))

# defaults, keywords, *args on calls next to fast ones
def kd(a, b=2, *, c=3):
    return a + b * c
def fast(a, b):
    return kd(a) + kd(a, b) + kd(a, c=b) + kd(b=a, a=b)
print(fast(1, 2), fast(3, 4))
def star(*args):
    return len(args)
def fast2(a):
    return star(a, a) + star() + fast(a, a)
print(fast2(2))

# __del__ when a frame's locals go at its return
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def holder(name):
    n = Noisy(name)
    print("made", n.name)
    return len(name)
def outer():
    r = holder("a") + holder("bb")
    print("back", r)
    return r
outer()

# return out of try/finally, except and with blocks
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", a[0] is None)
        return False
def ret_finally(x):
    try:
        return x + 1
    finally:
        print("finally", x)
def ret_except(x):
    try:
        raise ValueError(x)
    except ValueError as e:
        return str(e) + "!"
def ret_with(x):
    with Ctx():
        return ret_finally(x) * 2
def nested_loops(n):
    for i in range(n):
        for j in range(n):
            if i * j == 6:
                return ret_except(i) + ret_except(j)
    return None
print(ret_finally(1), ret_except(2), ret_with(3), nested_loops(5))
for i in range(3):
    print(ret_with(i) + ret_finally(i))
