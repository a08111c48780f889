# Unpacking in hot loops when the shapes change: tuples then lists then
# strings, a length mismatch mid run (ValueError caught with CPython's
# message), starred targets, and swapping through unpacking.
# jit-expect: traces_compiled>=1 deopts>=1
rows = [(i, i * 2) for i in range(3000)] + [[i, -i] for i in range(3000)] + ["ab"] * 500
s = 0
for a, b in rows:
    s += a + b if type(a) is int else len(a + b)
print(s)
bad = 0
ok = 0
for i in range(6000):
    t = (1, 2) if i % 1500 else (1, 2, 3)
    try:
        x, y = t
        ok += x + y
    except ValueError as e:
        bad += 1
        msg = str(e)
print(ok, bad, msg)
few = 0
for i in range(4000):
    t = (i,) if i % 1000 == 0 else (i, i)
    try:
        p, q = t
    except ValueError as e:
        few += 1
        msg2 = str(e)
print(few, msg2)
h = 0
for i in range(5000):
    first, *mid, last = range(i % 6 + 2)
    h += first + len(mid) * 10 + last * 100
print(h)
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a % 10 ** 9, b.bit_length())
