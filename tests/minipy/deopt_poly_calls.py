# Polymorphic method calls at one call site in a hot loop.
# jit-expect: traces_compiled>=1 deopts>=1
class Shape:
    def area(self):
        return 0
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Circ(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.0 * self.r * self.r
class Tri(Shape):
    def __init__(self, b, h):
        self.b, self.h = b, h
    def area(self):
        return self.b * self.h / 2
shapes = [Sq(2), Circ(1), Tri(3, 4), Shape()]
total = 0
for i in range(40000):
    total += shapes[i % 4].area() if i < 30000 else shapes[0].area()
print(total)
