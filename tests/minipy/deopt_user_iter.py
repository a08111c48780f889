# for loops over iterators of user classes (__next__ through a helper in the
# trace): __next__ is called exactly as often as in the interpreter (its
# StopIteration ends the loop without a second call), an iterator that
# yields again after StopIteration, __next__ rebound mid loop, StopIteration
# subclasses, other exceptions out of __next__, break/else, and generators
# (exhausted ones reused, a return value, PEP 479).
# jit-expect: traces_compiled>=1 deopts>=1
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
c = Count(3000)
t = 0
for v in c:
    t += v
print(t, c.calls)
for v in c:
    t += 1
print(t, c.calls)
# Restarts after each StopIteration: every for loop stops at the first one.
class Restart:
    def __init__(self, n):
        self.i = 0
        self.n = n
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        self.i += 1
        if self.i % self.n == 0:
            raise StopIteration
        return self.i
r = Restart(500)
runs = []
for k in range(6):
    s = 0
    for v in r:
        s += v
    runs.append(s)
print(runs, r.calls)
# __next__ rebound on the class in the middle of a loop.
class Flip:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 2000:
            Flip.__next__ = Flip.other
        return self.i
    def other(self):
        self.i += 1
        if self.i > 2600:
            raise StopIteration
        return -self.i
s = 0
for v in Flip():
    s += v
print(s)
class Done(StopIteration):
    pass
class Sub:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise Done("over")
        return self.n
s = 0
for v in Sub(3000):
    s += v
print(s)
class Bad:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n == 0:
            raise ValueError("bad at zero")
        return self.n
s = 0
try:
    for v in Bad(3000):
        s += v
except ValueError as e:
    print("caught", e, s)
# break and else.
hits = 0
for k in range(40):
    for v in Count(100):
        if v == k * 3:
            hits += 1
            break
    else:
        hits += 1000
print(hits)
# Generators: exhausted ones iterated again, a return value, PEP 479.
def gen(n):
    for i in range(n):
        yield i
    return "ignored"
g = gen(3000)
s = 0
for v in g:
    s += v
for v in g:
    s += 1000000
print(s)
def stopper(n):
    for i in range(n):
        if i == 2500:
            raise StopIteration
        yield i
s = 0
try:
    for v in stopper(3000):
        s += v
except RuntimeError as e:
    print("RuntimeError", e, s)
