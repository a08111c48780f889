# Generators in hot loops: one generator object per iteration, a long-lived
# generator consumed by a hot loop whose yielded type changes, generator
# expressions, and a generator finished early (close) inside the loop.
# jit-expect: traces_compiled>=1 deopts>=1
def countdown(n):
    while n > 0:
        yield n
        n -= 1
t = 0
for i in range(3000):
    for v in countdown(i % 7):
        t += v
print(t)
def mixed():
    for i in range(9000):
        if i < 3000:
            yield i
        elif i < 6000:
            yield i / 4
        else:
            yield str(i % 10)
ints = 0
floats = 0.0
chars = []
for v in mixed():
    if type(v) is int:
        ints += v
    elif type(v) is float:
        floats += v
    else:
        chars.append(v)
print(ints, floats, "".join(chars[:20]), len(chars))
s = 0
for i in range(2000):
    s += sum(x * x for x in range(i % 11))
print(s)
def squares():
    k = 0
    try:
        while True:
            yield k * k
            k += 1
    finally:
        closed.append(k)
closed = []
tot = 0
for i in range(1500):
    g = squares()
    for v in g:
        if v > i % 40:
            break
        tot += v
    g.close()
    tot += next(g, -1)
print(tot, len(closed), closed[:8], sum(closed))
# send() into a generator from a hot loop.
def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
a = averager()
next(a)
r = 0
for i in range(5000):
    r = a.send(i if i < 4000 else i * 0.5)
print(r)
