# __del__: called when the last reference goes, once; resurrection; exceptions
# in it ignored; cycles with finalizers collected (PEP 442); inheritance and
# __del__ set or deleted on a class later.
import gc
log = []
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = C("a")
del a
print("after del a")
b = C("b")
b = None
print("after b = None")

def f():
    x = C("local")
    print("in f")
f()
print("after f")

# called once; resurrection allowed
saved = []
class R:
    def __del__(self):
        print("R.__del__", len(saved))
        saved.append(self)
r = R()
del r
print("resurrected:", len(saved), type(saved[0]).__name__)
saved.clear()
print("cleared again (no second call)")

# exceptions in __del__ are ignored
class Bad:
    def __del__(self):
        raise ValueError("oops")
x = Bad()
del x
print("after Bad")

# an exception in flight survives a __del__ that runs meanwhile
class Noisy:
    def __del__(self):
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        print("noisy del")
try:
    n = Noisy()
    raise IndexError("outer")
except IndexError as e:
    del n
    print("caught", repr(e))

# cycles with __del__ are collected and finalized
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("finalize", self.name, self.other.name if self.other else None)
p = Node("p"); q = Node("q")
p.other = q; q.other = p
del p, q
print("collected", gc.collect() > 0)

# a finalizer in a cycle that resurrects: the cycle survives, no second call
keep = []
class K:
    def __del__(self):
        print("K.__del__")
        keep.append(self)
k = K(); k.me = k
del k
gc.collect()
print("kept", len(keep), keep[0].me is keep[0])
keep.clear()
gc.collect()
print("gone")

# subclass inherits __del__; __del__ added later to a class
class Sub(C):
    pass
s = Sub("sub")
del s
class Late:
    pass
l1 = Late()
Late.__del__ = lambda self: print("late del")
del l1
del Late.__del__
l2 = Late()
del l2
print("end")
