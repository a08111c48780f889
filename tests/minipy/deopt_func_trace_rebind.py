# A recursive function with a function-entry trace is rebound mid-run (the
# global its recursive call loads), and its defaults change.
# jit-expect: traces_compiled>=1 invalidated>=1

def rec(n, x, k=3):
    if n <= 0:
        return x
    a = x * k + n
    b = a - x * 2 + 7
    c = (b * b) % 1000003 + a
    d = c + b - a + n
    e = d * 5 - c * 4 + 1
    f = e + a - b + c - d
    g = f * 2 - e + n * 3
    h = g - f + e - d + 11
    return rec(n - 1, h % 100003) + 1

t = 0
for i in range(400):
    t += rec(10, i)
print(t)
orig = rec
def rec(n, x, k=3):
    return -1000
for i in range(5):
    t += orig(10, i)
print(t)
rec = orig
for i in range(200):
    t += rec(10, i)
print(t)
rec.__defaults__ = (5,)
for i in range(200):
    t += rec(10, i)
print(t)
print(rec(3, 7), rec(3, 7, 2))
