# A recursive function with a body long enough for a function-entry trace
# (jit/jit_host.c): its int arithmetic overflows into big ints deep in the
# recursion, and later an argument becomes a float, then a bool.
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

print(walk(10, 1, 2))
total = 0
for i in range(300):
    total += walk(12, i, i + 1) % 1000
print(total)
# 2**60 grows past 64 bits within a few levels
print(walk(8, 2 ** 60, 3))
print(walk(8, 2 ** 62, -(2 ** 62)))
for i in range(100):
    total += walk(12, i, 1) % 1000
print(total)
# a float argument, then a bool
print(walk(6, 1.5, 2))
print(walk(6, 2, 0.25))
print(walk(6, True, False))
print(walk(12, 5, 6))
