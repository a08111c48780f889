# An instance attribute that shadows a method, stored through the instance
# __dict__ (or vars()) behind setattr, at call sites specialized on the
# method and at polymorphic ones; __dict__ of an instance without attributes.
class A:
    def m(self): return 1
class B(A):
    def m(self): return 10
class E(Exception):
    def m(self): return 5
objs = [A(), B(), A(), B()]
def f(o):
    return o.m()
t = 0
for i in range(200):
    for o in objs:
        t += f(o)
print(t)
x = objs[2]
x.__dict__['m'] = lambda: 2
print([f(o) for o in objs])
y = objs[1]
vars(y).update({'m': lambda: 7})
print([f(o) for o in objs])
e = E()
print(e.__dict__, f(e))
e.__dict__['m'] = lambda: 6
print(f(e))
class C:
    pass
c = C()
print(c.__dict__)
c.__dict__['z'] = 3
print(c.z)
def g(self): return 'g'
C.m = g
print(f(c))
c.m = lambda: 'inst'
print(f(c))
del c.m
print(f(c))
