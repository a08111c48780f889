# Function attributes: __code__ (read and assigned), __globals__,
# __closure__, __kwdefaults__, code object attributes, and the errors for
# wrong assignments.
def f(x):
    return x + 1

def g(x):
    return x * 2

def h(a, b=3, *, c=4):
    return a + b + c

print(f.__code__ is f.__code__, f.__code__.co_name, g.__code__.co_qualname)
print(f.__code__.co_argcount, h.__code__.co_argcount, h.__code__.co_kwonlyargcount)
print(f.__code__.co_firstlineno, g.__code__.co_firstlineno)
print(f.__code__.co_filename == g.__code__.co_filename, type(f.__code__).__name__)
print(f.__globals__ is globals(), f.__closure__, h.__kwdefaults__)

f.__code__ = g.__code__
print(f(5), f.__name__, f.__code__.co_name)

h.__defaults__ = (10,)
print(h(1))
h.__kwdefaults__ = {'c': 100}
print(h(1))
h.__defaults__ = None
try:
    h(1)
except TypeError as e:
    print(e)
for bad in ([1], 5):
    try:
        h.__defaults__ = bad
    except TypeError as e:
        print(e)
try:
    h.__kwdefaults__ = (1,)
except TypeError as e:
    print(e)

def outer():
    n = 10
    def inner(x):
        return x + n
    return inner

inner = outer()
print(inner.__code__.co_freevars, outer.__code__.co_cellvars, len(inner.__closure__))
print(inner.__closure__[0].cell_contents)
try:
    inner.__code__ = g.__code__
except ValueError as e:
    print(e)
try:
    g.__code__ = inner.__code__
except ValueError as e:
    print(e)
try:
    g.__code__ = "not code"
except TypeError as e:
    print(e)
print(g(4))

def outer2():
    m = 1000
    def other(x):
        return x - m
    return other

inner.__code__ = outer2().__code__
print(inner(1))

# A function that swaps its own code: the running call finishes with the
# old code, the next call runs the new one.
def swap(x):
    swap.__code__ = g.__code__
    return x + 0.5

print(swap(1), swap(1))
