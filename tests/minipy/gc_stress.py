# With gc.set_threshold(1) the collector runs at (nearly) every container
# allocation, in the middle of everything the interpreter does: any object
# whose reference count does not match the references the collector can see
# would be freed while in use.  The results must be unaffected.
import gc

gc.set_threshold(1)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)

def gen(n):
    acc = []
    for i in range(n):
        acc.append(i)
        try:
            yield (i, list(acc))
        finally:
            acc.append(-i)

def work():
    out = []
    ps = [Point(i, -i) for i in range(50)]
    total = Point(0, 0)
    for p in ps:
        total = total + p
    out.append(repr(total))
    d = {str(i): [i, (i, i * i), {i}] for i in range(100)}
    out.append(sum(v[1][1] for v in d.values()))
    out.append(sorted(d.items(), key=lambda kv: -kv[1][0])[:3])
    out.append([t for t in gen(6)])
    words = "the quick brown fox jumps over the lazy dog".split()
    counts = {}
    for w in words * 20:
        counts[w] = counts.get(w, 0) + 1
    out.append(sorted(counts.items()))
    try:
        {}["missing"]
    except KeyError as e:
        out.append(("KeyError", e.args))
    fs = [lambda x, i=i: x * i for i in range(10)]
    out.append([f(3) for f in fs])
    s = set()
    for i in range(200):
        s.add((i % 7, frozenset([i % 3])))
    out.append(len(s))
    cyc = []
    for i in range(300):
        a = [i]
        a.append(a)
        cyc.append(a if i % 50 == 0 else None)
    out.append([c[0] for c in cyc if c])
    return out

for line in work():
    print(line)
gc.set_threshold(700)
print(gc.collect() >= 0)
