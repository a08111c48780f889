# A callee inlined with one of its defaults (the trace reads the default
# as a constant, guarded by the function's defaults): the defaults are
# replaced mid loop, twice, and the function is rebound.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
def f(a, b=1, c=10):
    return a * b + c
t = 0
for i in range(30000):
    if i == 10000:
        f.__defaults__ = (2, 20)
    if i == 15000:
        f.__defaults__ = (3, 30)
    if i == 17000:
        f.__defaults__ = (40,)
    if i == 20000:
        def f(a, b=-1, c=0):
            return a * b - c
    if i >= 17000:
        if i < 20000:
            t += f(i, 7)
            continue
    t += f(i) + f(i, 5)
print(t)
def g(x, y=[]):
    y.append(x)
    return len(y)
n = 0
for i in range(5000):
    n += g(i)
print(n, len(g.__defaults__[0]))
