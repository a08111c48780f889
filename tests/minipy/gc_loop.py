# Programs that create reference cycles in a loop: without the cycle
# collector they would keep every cycle until exit.  The collector runs by
# itself (allocation thresholds), so what is left for gc.collect() at the
# end of each loop is a few hundred objects at most, never the whole loop's.
import gc

N = 60000
LEFT = 3000

class Node:
    def __init__(self, v):
        self.v = v
        self.me = self
        self.bound = self.get
    def get(self):
        return self.v

def lists():
    s = 0
    for i in range(N):
        a = [i]
        b = [a, i]
        a.append(b)
        s += b[0][0]
    return s

def instances():
    s = 0
    for i in range(N):
        n = Node(i)
        s += n.bound()
    return s

def make_closure(k):
    def f():
        return f, k
    return f

def closures():
    s = 0
    for i in range(N):
        s += make_closure(i)()[1]
    return s

def generators():
    def gen(v):
        box = [None]
        me = yield box
        box[0] = me
        yield v
    s = 0
    for i in range(N):
        g = gen(i)
        box = next(g)
        s += g.send(g)
    return s

def exceptions():
    s = 0
    for i in range(N // 4):
        try:
            raise KeyError(i)
        except KeyError as e:
            e.me = e
            s += e.args[0]
    return s

def dicts_and_sets():
    s = 0
    for i in range(N):
        d = {"i": i}
        t = (d, frozenset([i]))
        d["t"] = t
        s += len(t[1])
    return s

gc.collect()
for f in (lists, instances, closures, generators, exceptions, dicts_and_sets):
    r = f()
    left = gc.collect()
    print(f.__name__, r, left < LEFT)

# A long-lived structure with cycles survives the collections running while
# garbage is made around it.
tree = {"root": []}
for i in range(2000):
    child = {"parent": tree, "i": i, "kids": []}
    tree["root"].append(child)
    junk = [child]
    junk.append(junk)
print(sum(c["i"] for c in tree["root"]), all(c["parent"] is tree for c in tree["root"]))
del tree, child, junk
print(gc.collect() > 2000)
