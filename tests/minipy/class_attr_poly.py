# Attribute loads and stores in an inherited method whose self is of several
# classes (instance attributes at the same dict entry), including one whose
# class has a property, a class attribute or a slot-less __getattr__ of that
# name, and one that gains a class attribute mid-run.
class Base:
    def __init__(self, v):
        self.v = v
        self.n = 0
    def bump(self):
        self.n = self.n + self.v
        return self.n
class A(Base): pass
class B(Base): pass
class C(A): pass
class P(Base):
    @property
    def n(self):
        return 1000
    @n.setter
    def n(self, x):
        self.__dict__['nn'] = x
class K(Base):
    v = 7            # instance attribute still wins over a plain class attribute
class G(Base):
    def __getattr__(self, name):
        return 'missing ' + name
objs = [A(1), B(2), C(3), A(4), K(5), G(6)]
for r in range(60):
    for o in objs:
        o.bump()
print([o.n for o in objs])
p = P(9)
for r in range(3):
    print(p.bump(), p.__dict__)
# a class attribute of the name appears on one class: its instances still
# read their own (instance first), a data descriptor takes over
for r in range(30):
    for o in objs:
        o.bump()
B.n = 'class'
print([o.bump() for o in objs])
def set_n(self, v):
    self.__dict__['set_' + str(v)] = v
A.n = property(lambda self: -1, set_n)
print([o.bump() for o in objs])
print(sorted(objs[0].__dict__.items()))
print(objs[5].missing_attr)
