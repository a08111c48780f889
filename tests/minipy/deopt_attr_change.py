# Attributes added and removed, methods replaced mid hot loop.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
class Obj:
    def __init__(self):
        self.a = 1
    def val(self):
        return self.a
o = Obj()
total = 0
for i in range(30000):
    if i == 10000:
        o.b = 5
    if i == 15000:
        Obj.val = lambda self: self.a + self.b
    if i == 20000:
        del o.b
        Obj.val = lambda self: -self.a
    if i == 25000:
        o.val = lambda: 1000
    total += o.val()
print(total)
class P:
    x = 1
ps = [P() for _ in range(10)]
s = 0
for i in range(20000):
    if i == 7000:
        P.x = 2
    if i == 14000:
        ps[3].x = 100
    s += ps[i % 10].x
print(s)
