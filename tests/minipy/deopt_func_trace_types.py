# A recursive function with a body long enough for a function-entry trace
# (jit/jit_host.c): its int arithmetic overflows into big ints deep in the
# recursion, and later an argument becomes a float, then a bool.
# No loops: every trace is walk's function trace or one of its side traces.
# jit-expect: traces_compiled>=1 deopts>=1

def walk(n, x, y):
    if n <= 0:
        return x + y
    a = x * 3 + y
    b = a - x * 2 + 7
    c = (b * b) % 1000003 + a
    d = c + b - a + n
    e = d * 5 - c * 4 + 1
    f = e + a - b + c - d
    g = f * 2 - e + n * 3
    h = g - f + e - d + 11
    return walk(n - 1, h + x, g - y) + a - b

def drive(k, y):
    if k == 0:
        return 0
    return walk(12, k, k + y) % 1000 + drive(k - 1, y)

print(walk(10, 1, 2))
total = drive(300, 1)
print(total)
# 2**60 grows past 64 bits within a few levels
print(walk(8, 2 ** 60, 3))
print(walk(8, 2 ** 62, -(2 ** 62)))
total += drive(100, 0)
print(total)
# a float argument, then a bool
print(walk(6, 1.5, 2))
print(walk(6, 2, 0.25))
print(walk(6, True, False))
print(walk(12, 5, 6))
