# for loops over tuples (an index with a bounds guard in the trace): a loop
# whose sequence is a tuple for many runs and then a list, tuples whose item
# types change, a tuple iterator consumed in two loops (break, then the rest),
# exhausted iterators reused, break/else, and a list mutated while a list
# iterator made inside the trace walks it.
# jit-expect: traces_compiled>=1 deopts>=1
def total(seq):
    t = 0
    for v in seq:
        t += v
    return t
acc = 0
for k in range(3000):
    acc += total((k, 1, 2, 3))
print(acc)
acc = 0
for k in range(3000):
    acc += total((k, 1, 2, 3) if k < 2000 else [k, 1, 2])
print(acc)
mixed = (1, 2, 3) * 1000 + (0.5, 1.5) * 1000 + (True, False) * 500
s = 0
for v in mixed:
    s += v
print(s)
words = tuple("w%d" % i for i in range(3000))
n = 0
for w in words:
    n += len(w)
print(n)
things = (1,) * 2500 + ("a",) + (2,) * 10
out = 0
txt = ""
for v in things:
    if type(v) is str:
        txt += v
    else:
        out += v
print(out, txt)
# One iterator, two loops: the second goes on where the break left it.
it = iter(tuple(range(5000)))
first = 0
for v in it:
    if v == 3000:
        break
    first += v
rest = 0
for v in it:
    rest += v
print(first, rest)
again = 0
for v in it:            # exhausted: no iterations
    again += 1
print(again)
# break/else over tuples.
found = []
for k in range(200):
    for v in (1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23):
        if v == k:
            found.append(v)
            break
    else:
        found.append(-1)
print(len(found), sum(found))
# A list iterator made inside the trace, its list growing and shrinking.
grid = [[1, 2, 3] for _ in range(2000)]
count = 0
for row in grid:
    for x in row:
        if x == 2 and len(row) < 5:
            row.append(9)
        if x == 9:
            row.pop(0)
        count += x
print(count, sum(len(r) for r in grid))
# Tuples of tuples unpacked in the loop.
pairs = tuple((i, i * 0.5) for i in range(3000))
a = b = 0
for p, q in pairs:
    a += p
    b += q
print(a, b)
pairs = pairs[:2000] + ((1, 2, 3),) + pairs[2000:]
try:
    for p, q in pairs:
        a -= p
except ValueError as e:
    print("ValueError", e, a)
