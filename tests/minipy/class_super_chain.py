# super() through a three-level chain, with keyword arguments.
class A:
    def __init__(self, **kw):
        self.log = ["A"]
        self.kw = kw
    def who(self):
        return "A"
class B(A):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("B")
    def who(self):
        return "B>" + super().who()
class C(B):
    def __init__(self, x, **kw):
        super().__init__(**kw)
        self.x = x
        self.log.append("C")
    def who(self):
        return "C>" + super().who()
c = C(1, color="red")
print(c.log, c.kw, c.x, c.who(), isinstance(c, A))
