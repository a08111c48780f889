# Properties and class attributes through inheritance.
class Base:
    kind = "base"
    def __init__(self, w):
        self._w = w
    @property
    def width(self):
        return self._w
    def describe(self):
        return "%s(%d)" % (self.kind, self.width)
class Wide(Base):
    kind = "wide"
    @property
    def width(self):
        return self._w * 10
print(Base(2).describe(), Wide(2).describe(), Wide.kind, Base.kind)
try:
    Base(1).width = 5
except AttributeError as e:
    print("AttributeError")
