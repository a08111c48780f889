# for-over-range loops whose counters do not fit a native int: bounds past
# 2**63, negative steps across the limits, a loop variable rebound inside the
# body (the next iteration ignores it), and ranges of big steps.
# jit-expect: traces_compiled>=1 deopts>=1
s = 0
for i in range(2 ** 63 - 2000, 2 ** 63 + 2000):
    s += i & 0xff
print(s)
last = None
n = 0
for i in range(-2 ** 63 + 1500, -2 ** 63 - 1500, -1):
    n += 1
    last = i
print(n, last, last < -2 ** 63)
c = 0
for i in range(0, 2 ** 64 * 5000, 2 ** 64):
    c += i >> 60
print(c)
t = 0
for i in range(10000):
    t += i
    i = "rebound"
    t += len(i)
print(t, i)
r = range(5, 50000, 7)
u = 0
for i in r:
    u ^= i
print(u, len(r), r[-1], r[1000])
# Reversed and negative-step ranges with a zero-length tail.
v = 0
for i in range(9000, 0, -3):
    v += i % 11
for i in range(10, 10):
    v = -1
print(v)
# A range whose stop is computed from a value that becomes big mid loop.
tot = 0
lim = 1
for k in range(120):
    lim = lim * 2 if k < 100 else lim
    for j in range(lim - 3, lim):
        tot += j % 1000
print(tot)
