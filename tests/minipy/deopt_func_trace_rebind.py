# A recursive function with a function-entry trace is rebound mid-run (the
# global its recursive call loads), and its defaults change.
# No loops: every trace is a function trace or one of its side traces.
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

def drive(k, fn):
    if k == 0:
        return 0
    return fn(10, k) + drive(k - 1, fn)

t = drive(400, rec)
print(t)
orig = rec
def rec(n, x, k=3):
    return -1000
t += drive(5, orig)
print(t)
rec = orig
t += drive(200, rec)
print(t)
rec.__defaults__ = (5,)
t += drive(200, rec)
print(t)
print(rec(3, 7), rec(3, 7, 2))
