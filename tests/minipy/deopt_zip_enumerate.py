# for loops over zip, enumerate, reversed and dict views (iterators the
# trace runs through next()), their pairs unpacked (speculated tuples):
# uneven lengths, start values, a pair that is a list or of another length,
# views of a dict that changes size (RuntimeError), and iterators made by
# the loop's own trace.
# jit-expect: traces_compiled>=1 deopts>=1
a = list(range(3000))
b = [x * 0.5 for x in range(2000)]
s = 0
for x, y in zip(a, b):
    s += x * y
print(s)
s = 0
for x, y, z in zip(a, b, "abc" * 1000):
    s += x + len(z)
print(s)
s = 0
for i, v in enumerate(b, 10):
    s += i * v
print(s)
s = 0
for i, (x, y) in enumerate(zip(b, a)):
    s += i + x - y
print(s)
d = {i: i * i for i in range(3000)}
s = 0
for k, v in d.items():
    s += k + v
for k in d.keys():
    s -= k
for v in d.values():
    s -= v
print(s)
s = 0
for v in reversed(a):
    s = s * 3 % 1000003 + v
for v in reversed(range(2500)):
    s = s * 3 % 1000003 + v
for v in reversed((1, 2, 3) * 900):
    s = s * 3 % 1000003 + v
print(s)
pairs = [(i, i + 1) for i in range(2500)] + [[7, 8]] + [(1, 2)] * 100
s = 0
for x, y in pairs:
    s += x * y
print(s)
pairs.append((1, 2, 3))
try:
    for x, y in pairs:
        s -= x
except ValueError as e:
    print("ValueError", e, s)
try:
    for k, v in d.items():
        if k == 2000:
            d[-1] = 0
        s += v
except RuntimeError as e:
    print("RuntimeError", e, s)
# Iterators the outer loop's trace makes for an inner loop.
rows = [[i, i + 1, i + 2] for i in range(1500)]
s = 0
for r in rows:
    for j, v in enumerate(r):
        s += j * v
print(s)
for r in rows:
    for u, v in zip(r, r[1:]):
        s += u - v
print(s)
