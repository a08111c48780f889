# __slots__ accepted, class bodies with statements, class attributes shared.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x + p.y)
class Registry:
    items = []
    for i in range(3):
        items.append(i * i)
    def add(self, v):
        self.items.append(v)
r1, r2 = Registry(), Registry()
r1.add(100)
print(r2.items, Registry.items is r1.items)
class Base:
    def hello(self):
        return "base " + self.name()
    def name(self):
        return "B"
class Derived(Base):
    def name(self):
        return "D"
print(Base().hello(), Derived().hello())
