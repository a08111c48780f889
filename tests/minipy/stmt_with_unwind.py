# An exception inside a with block while the stack holds temporaries (a
# for loop's iterator, a call's operands, a generator suspended inside a
# for loop in a with block and closed): __exit__ gets the exception, and a
# failing __enter__ or `as` target behaves as in CPython.
class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow

with Ctx("loop", True):
    for i in range(3):
        raise ValueError("in loop %d" % i)
print("after loop")

def boom():
    raise KeyError("arg")

def two(a, b):
    return a + b

with Ctx("call", True):
    print(two(1, boom()))
print("after call")

with Ctx("nested loops", True):
    for i in range(2):
        for j in "ab":
            for k in [1, 2]:
                if (i, j, k) == (1, "b", 2):
                    raise IndexError((i, j, k))
print("after nested")

try:
    with Ctx("not swallowed"):
        for x in [1, 2]:
            {}[x]
except KeyError as e:
    print("caught", repr(e))

def guarded(n):
    try:
        with Ctx("gen"):
            for i in range(n):
                yield i
    finally:
        print("finally")

g = guarded(5)
print(next(g), next(g))
g.close()
print("closed")
g = guarded(3)
for v in g:
    if v == 1:
        break
del g
print("deleted")

# two items, the second __enter__ failing: only the first exits
class BadEnter:
    def __enter__(self):
        raise RuntimeError("no enter")
    def __exit__(self, *a):
        print("never")

try:
    with Ctx("first"), BadEnter():
        print("never")
except RuntimeError as e:
    print("RuntimeError", e)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)

# the `as` target failing: __exit__ sees the exception
try:
    with Ctx("as target") as (a, b):
        print("never")
except TypeError as e:
    print("TypeError", e)

# return and break through a with inside a loop
def find(items):
    for x in items:
        with Ctx("find %d" % x):
            if x > 1:
                return x * 10
    return None
print(find([1, 2, 3]))
for x in range(5):
    with Ctx("brk %d" % x):
        if x == 1:
            break
print("x", x)
