# staticmethod, classmethod, property.
class Temp:
    scale = "C"
    count = 0
    def __init__(self, c):
        self._c = c
        Temp.count += 1
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    @staticmethod
    def convert(x):
        return x * 2
    @classmethod
    def make(cls, v):
        return cls(v)
    @classmethod
    def describe(cls):
        return cls.__name__ + "/" + cls.scale
t = Temp(100)
print(t.f, t.c)
t.c = 0
print(t.f, Temp.convert(4), t.convert(5), Temp.make(37).f, Temp.describe(), Temp.count)
class Sub(Temp):
    scale = "K"
print(Sub.describe(), type(Sub.make(1)).__name__)
def deco(fn):
    def wrapper(*a):
        return "<" + str(fn(*a)) + ">"
    return wrapper
@deco
def double(x):
    return x * 2
print(double(21))
