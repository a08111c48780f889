# str() falls back to __repr__; print uses __str__; containers use __repr__.
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(R(), str(R()), [R()], S(), [S()], (S(),), {"k": S()}, "%s|%r" % (S(), S()))
class E(Exception):
    pass
print(repr(E("x")), str(E("x", 2)), repr(ValueError()), str(KeyError("k")))
