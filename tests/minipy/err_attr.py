# Uncaught AttributeError on an instance.
class C:
    pass
c = C()
c.here = 1
print(c.here)
print(c.missing)
