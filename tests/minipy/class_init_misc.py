# __init__ returning non-None, super() in classmethods, class attribute shadowing.
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
class Base:
    registry = []
    @classmethod
    def create(cls, *a):
        obj = cls(*a)
        cls.registry.append(type(obj).__name__)
        return obj
class Child(Base):
    def __init__(self, v=0):
        self.v = v
    @classmethod
    def create(cls, *a):
        obj = super().create(*a)
        obj.v += 100
        return obj
print(Child.create(1).v, Base.registry, Child.registry is Base.registry)
class Shadow:
    x = "class"
    def get(self):
        return self.x
s = Shadow()
print(s.get())
s.x = "instance"
print(s.get(), Shadow.x)
del s.x
print(s.get())
