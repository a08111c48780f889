# A hot loop calls through three functions; the innermost one raises an
# uncaught exception after thousands of good iterations.  The whole traceback
# (every frame, line and source line) must be CPython's.
# jit-expect: traces_compiled>=1 deopts>=1
def leaf(d, k):
    return d[k]
def middle(d, k):
    v = leaf(d, k)
    return v + 1
def outer(d, i):
    return middle(d, i % 5000) * 2
d = {i: i for i in range(4999)}
tot = 0
for i in range(20000):
    tot += outer(d, i)
print(tot)
