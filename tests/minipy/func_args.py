# Defaults, *args, **kwargs, keyword arguments.
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, sorted(kw.items())
print(f(1))
print(f(1, 5, 6, 7, c=8, z=9, y=10))
print(f(b=1, a=0), f(*[1, 2, 3], **{"c": 4, "d": 5}))
def g(x, *, key):
    return x + key
print(g(1, key=2))
def h(a, b):
    return a - b
print(h(b=1, a=10), h(*(5, 2)), h(**{"a": 3, "b": 4}))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults(3, []))
def kwonly(**kw):
    return kw
print(kwonly(), kwonly(a=1, b=2))
def varargs(*a):
    return len(a), a
print(varargs(), varargs(1, "x", None))
