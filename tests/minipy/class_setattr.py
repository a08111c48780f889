# A class's own __setattr__ and __delattr__ run for every attribute store
# and deletion on its instances (and its subclasses'), object.__setattr__
# and super().__setattr__ do the real store, and a __setattr__ can refuse.
class Logged:
    def __init__(self, x):
        self.x = x                      # through __setattr__ too

    def __setattr__(self, name, value):
        log.append(("set", name, value))
        super().__setattr__(name, value)

    def __delattr__(self, name):
        log.append(("del", name))
        object.__delattr__(self, name)

class Child(Logged):
    pass

class Frozen:
    def __init__(self, a):
        object.__setattr__(self, "a", a)

    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set %r" % name)

    __delattr__ = __setattr__

class Upper:
    def __setattr__(self, name, value):
        self.__dict__[name.upper()] = value

log = []
a = Logged(1)
a.y = 2
a.x += 10
setattr(a, "z", 3)
del a.y
delattr(a, "z")
c = Child(5)
c.w = 6
print(log)
print(a.__dict__, c.__dict__, hasattr(a, "y"))
try:
    del a.nothere
except AttributeError as e:
    print("AttributeError", e)

f = Frozen(4)
print(f.a)
for attempt in ["a", "b"]:
    try:
        setattr(f, attempt, 9)
    except AttributeError as e:
        print("AttributeError", e)
try:
    del f.a
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(f.a)

u = Upper()
u.name = "n"
u.value = 1
print(u.__dict__, u.NAME)

# object.__setattr__ checks its arguments
for fn, args in [(object.__setattr__, (a, 5, 1)), (object.__setattr__, (a,)),
                 (object.__setattr__, (a, "q")), (object.__setattr__, ()),
                 (object.__delattr__, (a,)), (object.__delattr__, (a, "x", 1))]:
    try:
        fn(*args)
    except TypeError as e:
        print("TypeError", repr(str(e)))

# a class that gains (and loses) __setattr__ after its instances exist
class Plain:
    pass
p = Plain()
p.v = 1
def noisy(self, name, value):
    log.append(("noisy", name, value))
    object.__setattr__(self, name, value * 2)
Plain.__setattr__ = noisy
p.v = 5
log.clear()
p.w = 7
del Plain.__setattr__
p.u = 1
print(p.__dict__, log)
