# A finalizer that appears while traces run: until some class has __del__
# (or a generator is suspended inside a try block) no release can run code,
# and traces release what they drop when they exit; then those traces are
# invalidated (jit/jit_lower.c, "Finalizers") and the loops go on in traces
# that leave such releases to the interpreter.  Here __del__ is assigned to
# a class in the middle of a hot loop, whose objects were made before and
# after, and a generator suspended in try/finally is made and dropped in a
# hot loop: each finalizer runs where CPython runs it.
# jit-expect: traces_compiled>=1 invalidated>=1
N = 40

class Plain:
    def __init__(self, tag):
        self.tag = tag

def fin(self):
    print("del", self.tag)

def loop():
    keep = []
    cur = None
    for i in range(N):
        cur = Plain(i)
        if i % 10 == 0:
            keep.append(cur)
        if i == 25:
            Plain.__del__ = fin
            print("Plain has __del__ now")
        print("made", i)
    cur = None
    print("dropping keep")
    keep = None
    print("dropped keep")
loop()

def gen(tag):
    try:
        yield tag
        yield tag
    finally:
        print("finally", tag)

def gens():
    g = None
    for i in range(N):
        g = gen(i)
        print("first", next(g))
    g = None
    print("gens done")

total = 0
for i in range(3000):
    total += i % 7
print("total", total)
gens()
print("end")
