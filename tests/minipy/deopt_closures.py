# Closures in hot loops: cells rebound by nonlocal mid loop, closures created
# per iteration capturing the loop variable, a free variable whose type
# changes, and a closure replaced by another one mid loop.
# jit-expect: traces_compiled>=1 deopts>=1
def make_counter():
    n = 0
    def inc(step):
        nonlocal n
        n += step
        return n
    return inc
c = make_counter()
last = 0
for i in range(20000):
    step = 1 if i < 10000 else (0.5 if i < 15000 else 10 ** 18)
    last = c(step)
print(last)
fs = []
for i in range(3000):
    fs.append(lambda x, i=i: x + i)
late = [lambda: j for j in range(5)]
print(sum(f(1) for f in fs), [f() for f in late])
def outer():
    k = 3
    def get():
        return k * 2
    tot = 0
    for i in range(12000):
        if i == 4000:
            k = "ab"
        if i == 8000:
            k = 1.25
        r = get()
        tot += len(r) if type(r) is str else r
    return tot
print(outer())
def adder(n):
    return lambda x: x + n
f = adder(1)
acc = 0
for i in range(15000):
    if i == 5000:
        f = adder(-2)
    if i == 10000:
        f = lambda x: x * 2
    acc += f(i)
print(acc)
# A cell shared by two closures, written by one and read by the other.
def pair():
    v = 0
    def put(x):
        nonlocal v
        v = x
    def get():
        return v
    return put, get
put, get = pair()
z = 0
for i in range(10000):
    put(i if i % 1000 else None)
    g = get()
    z += 0 if g is None else g
print(z)
