# getattr/setattr/hasattr on objects, classes and modules.
import math
class C:
    a = 1
c = C()
setattr(c, "b", 2)
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "zz", None), hasattr(C, "a"), hasattr(C, "b"))
print(getattr(math, "sqrt")(49), hasattr(math, "nope"))
for name in ["x", "y", "z"]:
    setattr(C, name, name * 2)
print(C.x, c.y, [getattr(c, n) for n in "xyz"])
print(getattr("abc", "upper")(), getattr([3, 1, 2], "index")(2))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
