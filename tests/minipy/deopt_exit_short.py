# Short loop bodies that end at a yield or return right after the loop
# head: a trace that would exit after a few instructions costs more than
# it saves, so these heads get no trace (the aborts are counted) and the
# programs run as in CPython.
# jit-expect: traces_aborted>=1
def evens(xs):
    for x in xs:
        yield x * 2

def first_neg(xs):
    for x in xs:
        return x
    return None

tot = 0
for v in evens(range(2000)):
    tot += v
print(tot)
s = 0
for i in range(500):
    s += first_neg([i, -i])
print(s)
def pairs(n):
    i = 0
    while i < n:
        yield i, i + 1
        i += 2
print(sum(a * b for a, b in pairs(1000)))
