# Hot loops inside functions called from hot loops: the callee's loop is hot
# on its own, its argument types change between calls, it returns from inside
# its loop, and the callee itself is replaced mid run.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
def total(seq):
    s = 0
    for v in seq:
        s += v
    return s
r = 0
for i in range(800):
    if i < 300:
        r += total(range(i % 20))
    elif i < 600:
        r += total([0.5] * (i % 20))
    else:
        r += total([10 ** 20, -1] * (i % 5))
print(r)
def first_over(seq, lim):
    for k, v in enumerate(seq):
        if v > lim:
            return k
    return -1
data = [(i * 37) % 101 for i in range(300)]
print(sum(first_over(data, i % 110) for i in range(1000)))
def count_while(n):
    c = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
steps = 0
for i in range(1, 3000):
    steps += count_while(i if i < 2000 else i + 2 ** 64)
print(steps)
def inner(n):
    return sum(j for j in range(n))
def middle(n):
    t = 0
    for j in range(n):
        t += inner(j % 8)
    return t
out = 0
for i in range(200):
    if i == 100:
        def inner(n):
            x = 0
            for j in range(n):
                x -= j
            return x
    out += middle(i % 30)
print(out)
