# Classes: __init__, methods, class attributes, instance attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(q.dims, type(p).__name__, isinstance(p, Point), Point.__name__)
m = p.norm2
print(m(), Point.norm2(q))
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a, hasattr(e, "a"), hasattr(e, "b"), getattr(e, "b", "none"))
setattr(e, "b", 2)
print(e.b)
del e.a
print(hasattr(e, "a"), e.b)
