# yield from forwards send() and throw() (PEP 380): to inner generators,
# and to iterators that are not generators (objects with send/throw/close).
def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield "done"

g = outer()
print(next(g))
print(g.send(1))
print(g.send(10))
print(g.send(None))

# a just-started inner generator refuses a value: only via next() first
def echo():
    while True:
        try:
            v = yield
        except KeyError as e:
            print("echo caught", repr(e))
            v = "recovered"
        print("echo got", v)

def deleg():
    yield from echo()

d = deleg()
next(d)
d.send("a")
d.send("b")
d.throw(KeyError("k"))
d.close()
print("closed")

class Coro:
    """An iterator with send/throw/close, not a generator."""
    def __init__(self):
        self.n = 0
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        return self.send(None)
    def send(self, v):
        self.log.append(v)
        self.n += 1
        if self.n > 4:
            raise StopIteration("coro result")
        return "coro %d" % self.n
    def throw(self, e):
        self.log.append("throw " + type(e).__name__)
        if isinstance(e, ValueError):
            return "handled " + str(e)
        if isinstance(e, KeyError):
            raise StopIteration("stopped by throw")
        raise e
    def close(self):
        self.log.append("close")

def use(c):
    r = yield from c
    print("yield from gave", repr(r))
    yield "after"

c = Coro()
u = use(c)
print(next(u))
print(u.send("x"))
print(u.throw(ValueError("bad")))
print(u.send("y"))
print(next(u))
try:
    next(u)
except StopIteration:
    print("u exhausted")
print(c.log)

c = Coro()
u = use(c)
next(u)
print(u.throw(KeyError("stop")))
print(c.log)

c = Coro()
u = use(c)
next(u)
u.close()
print(c.log)

c = Coro()
u = use(c)
next(u)
try:
    u.throw(TypeError("propagates"))
except TypeError as e:
    print("delegator raised", e)
print(c.log)

# an iterator without send/throw
def over_list():
    r = yield from [1, 2, 3]
    print("list result", r)
it = over_list()
print(next(it))
try:
    it.send("v")
except AttributeError as e:
    print("AttributeError:", e)
it = over_list()
print(next(it))
try:
    it.throw(ValueError("into list"))
except ValueError as e:
    print("raised in delegator:", e)

class NextOnly:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration(self.i * 100)
        return self.i
def g2():
    r = yield from NextOnly()
    print("NextOnly result", r)
print(list(g2()))
