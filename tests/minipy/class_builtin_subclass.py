# Subclassing built-in types: list, dict, int, str, float, tuple, set, with
# methods, super() calls to the built-in, and the built-in behaviour kept.

class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return f"Stack({self.name}, {list.__repr__(self) if False else list(self)})"

s = Stack("s", [1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s.pop(), s[0], s[1:], 3 in s, list(s), sorted(s, reverse=True))
print(isinstance(s, list), type(s).__name__, s == [1, 2, 3], bool(Stack("e")), s.name)
s += [9, 8]
print(type(s).__name__, s, s.count(9), s.index(8))
s.sort()
s[0] = 100
del s[1]
print(s, [x * 2 for x in s], sum(s), max(s), s + [0])

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self[key] + 1

c = Counter()
for w in "a b a c b a".split():
    c.add(w)
print(sorted(c.items()), c["zzz"], len(c), "a" in c, c.get("b"), dict(c), isinstance(c, dict))

class AttrDict(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.created = True
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

a = AttrDict({"x": 1}, y=2)
print(a.x, a.y, a["x"], sorted(a.keys()), a.created, a)
try:
    a.nope
except AttributeError as e:
    print("AttributeError", e)

class Money(int):
    def __repr__(self):
        return f"${int(self)}"
    def double(self):
        return Money(self * 2)

m = Money(21)
print(m, m + 1, m * 2, m.double(), -m, m > 20, m == 21, hash(m) == hash(21), int(m), str(m), f"{m:05d}")
print(isinstance(m, int), [0, 1, 2][Money(1)], range(Money(3)), m.bit_length(), type(m + 1).__name__)

class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, v)
    def fahrenheit(self):
        return self * 9 / 5 + 32

t = Celsius(100)
print(t, t.fahrenheit(), t + 1, round(t), isinstance(t, float), f"{t:.1f}")

class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("bob")
print(n, n.shout(), n.title(), len(n), n + "by", n == "bob", "o" in n, n[0], repr(n), {n: 1}["bob"])

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])

p = Pair(1, 2)
print(p, p.swap(), p[0], len(p), p == (1, 2), tuple(p), hash(p) == hash((1, 2)))

class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)

tg = Tags()
tg.add_all(3, 1, 2, 3)
print(sorted(tg), len(tg), 2 in tg)

# An exception subclass with extra attributes
class HttpError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"{code} {msg}")
        self.code = code

try:
    raise HttpError(404, "not found")
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)

# errors
for bases in ((int, str), (list, dict)):
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
