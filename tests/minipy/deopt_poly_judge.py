# A loop whose method call sees three classes in turn: its trace exits at
# the receiver's class guard on nearly every entry until the other classes
# have side traces (root -> side -> root then stays native).  With the side
# threshold (1000 exits) as large as the judge's window (1000 entries), the
# trace used to be judged and dropped just before its hot exit got its side
# trace; the judge now puts the judgement off while one exit ends most
# entries and its side traces are on their way, and keeps the tree once it
# pays (bench/oo_sim.py's pattern).  Attribute stores through self, a
# branch in one of the methods, and a class changed at the end (the tree
# is invalidated then and the output still matches).
# jit-env: JITCORE_OPTIONS=side_threshold=1000
# jit-expect: side_traces>=2 side_entries>=10000
class A:
    def __init__(self, i):
        self.x = i
        self.n = 0
    def step(self, w):
        self.n += 1
class B(A):
    def step(self, w):
        self.x = (self.x + 1) % w
        self.n += 2
class C(A):
    def step(self, w):
        if self.x % 3 == 0:
            self.n += 3
        else:
            self.x = (self.x + 2) % w
            self.n -= 1
def tick(objs, w):
    for o in objs:
        o.step(w)
objs = []
for i in range(60):
    objs.append([A, B, C][i % 3](i))
for t in range(600):
    tick(objs, 17)
print(sum(o.n for o in objs), sum(o.x for o in objs))
def step2(self, w):
    self.n += 5
B.step = step2
for t in range(50):
    tick(objs, 17)
print(sum(o.n for o in objs), sum(o.x for o in objs))
