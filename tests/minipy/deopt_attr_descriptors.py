# Attribute lookups in a hot loop invalidated by class changes: a property
# added on the class shadows the instance dict, then is removed; a base-class
# method replaced under a subclass; __getattr__ added for missing names; a
# class attribute shadowed by an instance attribute and uncovered again.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
class Base:
    def kind(self):
        return 1
class Sub(Base):
    pass
class Pt:
    def __init__(self, x):
        self.x = x
p = Pt(3)
o = Sub()
tot = 0
for i in range(20000):
    if i == 5000:
        Pt.x = property(lambda self: 100)
    if i == 10000:
        del Pt.x
    if i == 12000:
        Base.kind = lambda self: 7
    if i == 16000:
        Sub.kind = lambda self: -1
    tot += p.x + o.kind()
print(tot)
class Lazy:
    def __init__(self):
        self.a = 1
lz = Lazy()
miss = 0
got = 0
for i in range(12000):
    if i == 6000:
        Lazy.__getattr__ = lambda self, name: len(name)
    try:
        got += lz.a + lz.bcd
    except AttributeError as e:
        miss += 1
        msg = str(e)
print(got, miss, msg)
class K:
    v = 10
k = K()
s = 0
for i in range(15000):
    if i == 5000:
        k.v = 0.5
    if i == 10000:
        del k.v
    if i == 12500:
        K.v = "xyz"
    x = k.v
    s += len(x) if type(x) is str else x
print(s)
# setattr/delattr by name and __dict__ growth on many instances in a loop.
objs = [Pt(i) for i in range(50)]
w = 0
for i in range(10000):
    ob = objs[i % 50]
    name = "f%d" % (i % 4)
    if hasattr(ob, name):
        w += getattr(ob, name)
        delattr(ob, name)
    else:
        setattr(ob, name, i)
print(w, sum(len(vars(ob)) for ob in objs))
