# Subclasses of bytes, frozenset and complex: the instance carries the
# built-in value; inherited methods, operators, hashing, repr, len,
# iteration, isinstance and super() reach it; overrides win.
class Tag(bytes):
    def shout(self):
        return self.upper()
t = Tag(b"abc")
print(t, len(t), t[0], t[1:], t.shout(), t.decode(), t.hex())
print(isinstance(t, bytes), type(t).__name__, t == b"abc", hash(t) == hash(b"abc"))
print(t + b"d", b"x" + t, list(t), b"b" in t, t * 2)
print(Tag(3), Tag([65, 66]), Tag("hé", "utf-8"))
print({t: 1}[b"abc"], sorted([Tag(b"b"), Tag(b"a")]))
class Hexy(bytes):
    def __repr__(self):
        return "Hexy(%s)" % self.hex()
print(repr(Hexy(b"\x01\xff")), str(Hexy(b"\x01")) if False else "")
class WithInit(bytes):
    def __new__(cls, s):
        return super().__new__(cls, s.encode())
    def __init__(self, s):
        self.src = s
w = WithInit("hey")
print(w, w.src, len(w))

class FS(frozenset):
    def describe(self):
        return "FS of %d" % len(self)
f = FS([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, f.describe(), isinstance(f, frozenset))
print(sorted(f | {9}), sorted(f & {1, 2}), sorted(f - {1}), f == frozenset({1, 2, 3}))
print(hash(f) == hash(frozenset({1, 2, 3})), {f: "k"}[frozenset({1, 2, 3})])
print(sorted(f.union([7])), f.issubset({1, 2, 3, 4}), type(f).__name__)
print(FS(), len(FS()))
class Named(frozenset):
    def __new__(cls, name, items):
        self = super().__new__(cls, items)
        self.name = name
        return self
n = Named("n", "aab")
print(n.name, sorted(n))

class Z(complex):
    def norm2(self):
        return self.real ** 2 + self.imag ** 2
z = Z(3, 4)
print(z, z.real, z.imag, abs(z), z.norm2(), z.conjugate(), isinstance(z, complex))
print(z + 1, z * 2j, -z, z == complex(3, 4), hash(z) == hash(3 + 4j), type(z).__name__)
print(Z(), Z(2), Z("1+2j"), Z(1.5, -2))
class Pretty(complex):
    def __repr__(self):
        return "Pretty(%g, %g)" % (self.real, self.imag)
print(Pretty(1, 2), [Pretty(0, 1)], str(Pretty(1, 1)))
