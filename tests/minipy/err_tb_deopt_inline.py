# An uncaught exception raised two inlined calls deep in a hot loop (a
# guard fails in the callee, its frames are materialised and the
# interpreter raises there): the traceback names every frame once, with
# the lines of the calls, as CPython's.
# jit-expect: traces_compiled>=1 deopts>=1 frames_materialised>=1
def leaf(d, k):
    return d[k] + 1
def mid(d, k):
    return leaf(d, k) * 2
d = {}
for i in range(10000):
    d[i] = i
s = 0
for i in range(30000):
    s += mid(d, i % 10000 if i < 25000 else 10000 + i)
print(s)
