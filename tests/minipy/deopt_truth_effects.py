# Truth tests on objects whose __bool__ / __len__ have side effects (they
# print and count), in hot loops where the answer flips: when the trace's
# guard on the truth fails, the interpreter must not run __bool__ again.
# jit-expect: traces_compiled>=1 deopts>=1
calls = []
class Flag:
    def __init__(self, period):
        self.n = 0
        self.period = period
    def __bool__(self):
        self.n += 1
        calls.append(self.n)
        if self.n % self.period == 0:
            print("bool", self.n)
        return self.n % self.period != 0
class Bag:
    def __init__(self):
        self.items = [1, 2, 3]
        self.asked = 0
    def __len__(self):
        self.asked += 1
        if self.asked % 97 == 0:
            print("len", self.asked)
            return 0
        return len(self.items)

f = Flag(50)
t = 0
for i in range(3000):
    if f:
        t += 1
    else:
        t -= 1000
print("if", t, f.n, len(calls))

g = Flag(7)
u = 0
for i in range(3000):
    if not g:
        u += 5
    else:
        u += 1
print("not", u, g.n)

b = Bag()
v = 0
for i in range(3000):
    if b:
        v += len(b.items)
    else:
        v -= 1
print("len", v, b.asked)

h = Flag(33)
w = []
for i in range(2000):
    x = h or i
    w.append(x is h)
print("or", w.count(True), w.count(False), h.n)

k = Flag(40)
z = []
for i in range(2000):
    y = k and i
    z.append(-1 if y is k else y)
print("and", sum(z), k.n)

m = Flag(60)
n = 0
while m:
    n += 1
print("while", n, m.n)
print("total calls", len(calls))
