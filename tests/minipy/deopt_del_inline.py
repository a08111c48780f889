# Finalizers of objects that die inside calls a trace inlines, and of
# temporaries: a local of the callee dies at its return, a temporary dies
# after the expression that used it (an argument after the call, the
# object whose attribute was read, a call's result nobody keeps), an
# attribute rebound inside a method, a list built for one call -- each
# finalizer printed where CPython prints it, within hot loops (forced hot,
# with __del__ defined before every loop: jit/jit_lower.c, "Finalizers").
# jit-expect: traces_compiled>=1 deopts>=1
N = 30

class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
    def get(self):
        return self.tag

def make_and_drop(i):
    n = Noisy("local%d" % i)
    t = n.tag
    return len(t)

def consume(x):
    return x.tag

def replace(x, i):
    x = Noisy("param%d" % i)
    return i

class Holder:
    def __init__(self):
        self.item = None
    def put(self, i):
        self.item = Noisy("held%d" % i)
        return i

def run():
    total = 0
    for i in range(N):
        total += make_and_drop(i)
        print("after make_and_drop", i)
    for i in range(N):
        Noisy("stmt%d" % i)
        print("after statement", i)
    for i in range(N):
        print("arg", consume(Noisy("arg%d" % i)))
    for i in range(N):
        t = Noisy("attr%d" % i).tag
        print("read", t)
    for i in range(N):
        print("method", Noisy("meth%d" % i).get())
    h = Holder()
    for i in range(N):
        h.put(i)
        print("after put", i)
    h = None
    print("holder dropped")
    keep = Noisy("kept")
    for i in range(N):
        replace(keep, i)
        print("after replace", i)
    for i in range(N):
        print("len", len([Noisy("in-list%d" % i), i]))
    return total

print("total", run())
print("end")
