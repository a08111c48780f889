# A hot loop storing attributes of instances whose class (or a base) gains
# a __setattr__ mid-loop, later loses it, and a subclass defining its own:
# the stores specialised by tier 1 and compiled by the JIT must go through
# the new __setattr__ from that iteration on.
# jit-expect: traces_compiled>=1 deopts>=1
class Base:
    pass

class Point(Base):
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Tracked(Point):
    def __setattr__(self, name, value):
        counts[name] = counts.get(name, 0) + 1
        object.__setattr__(self, name, value)

counts = {}
calls = [0]

def doubling(self, name, value):
    calls[0] += 1
    object.__setattr__(self, name, value + 1000 if isinstance(value, int) else value)

pts = [Point(i, -i) for i in range(4)]
tr = Tracked(0, 0)
total = 0
for i in range(30000):
    p = pts[i & 3]
    p.x = p.x % 5000 + 1
    p.y = i
    tr.x = i
    if i == 10000:
        Base.__setattr__ = doubling      # a base gains one
    if i == 20000:
        del Base.__setattr__
    total += p.x + p.y
print(total, calls[0], counts, [(q.x, q.y) for q in pts], tr.x)
