# Multiple inheritance: C3 method resolution order, super() along it,
# isinstance/issubclass, __mro__/__bases__, and CPython's errors.

class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
    def __init__(self):
        self.log = getattr(self, "log", []) + ["A.__init__"]

class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
    def __init__(self):
        super().__init__()
        self.log.append("B.__init__")

class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
    def only_c(self):
        return "only in C"
    def __init__(self):
        super().__init__()
        self.log.append("C.__init__")

class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
    def __init__(self):
        super().__init__()
        self.log.append("D.__init__")

def names(t):
    return [k.__name__ for k in t]

print(names(D.__mro__))
print(names(D.__bases__), D.__base__.__name__)
d = D()
print(d.who(), d.chain(), d.only_c())
print(d.log)
print(isinstance(d, A), isinstance(d, B), isinstance(d, C), isinstance(d, D))
print(issubclass(D, C), issubclass(C, B), issubclass(D, (int, A)), issubclass(B, object))
print(super(B, d).who(), super(C, d).who(), super(D, d).who())

# the classic example from the C3 paper
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print(names(Aa.__mro__))

# mixins
class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__} {self.__dict__}>"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__
    def __hash__(self):
        return hash(tuple(sorted(self.__dict__.items())))
class Point(ReprMixin, EqMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y
p, q = Point(1, 2), Point(1, 2)
print(p, p == q, p != Point(2, 1), len({p, q}))

# class attributes and classmethods through the MRO
class Base1:
    kind = "base1"
    @classmethod
    def make(cls):
        return cls.__name__ + " via " + cls.kind
class Base2:
    kind = "base2"
    extra = "from base2"
class Both(Base2, Base1):
    pass
print(Both.kind, Both.extra, Both.make())

# changing a base class later is seen by the subclass (version tags)
def run(o):
    return [o.who() for _ in range(3)]
print(run(d))
B.who = lambda self: "B patched"
print(run(d))
del B.who
print(run(d))

# an exception with a mixin
class Tagged:
    tag = "tagged"
class MyError(Tagged, ValueError):
    pass
try:
    raise MyError("bad")
except ValueError as e:
    print(type(e).__name__, e, e.tag, isinstance(e, Tagged), names(MyError.__mro__))

# errors, with CPython's messages
class X: pass
class Y(X): pass
for bases in ((X, Y), (X, X), (Y, X)):
    try:
        type("Z", bases, {})
        print("created", names(bases))
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)
