# An exception raised deep inside a recursion that has a function-entry
# trace, caught at an intermediate level and at the top.
# jit-expect: traces_compiled>=1

class Deep(Exception):
    pass

def down(n, x, stop):
    a = x * 3 + n
    b = a - x * 2 + 7
    c = (b * b) % 1000003 + a
    d = c + b - a + n
    e = d * 5 - c * 4 + 1
    f = e + a - b + c - d
    g = f * 2 - e + n * 3
    h = g - f + e - d + 11
    if n == stop:
        raise Deep(h % 97)
    if n <= 0:
        return h % 1000
    if n == stop + 3:
        try:
            return down(n - 1, h % 1000, stop) + 1
        except Deep as ex:
            return -ex.args[0]
    return down(n - 1, h % 1000, stop) + a % 7

t = 0
for i in range(400):
    t += down(15, i, -1)
print(t)
for stop in (0, 2, 5, 9):
    print(stop, down(15, stop, stop))
try:
    down(15, 4, 13)
except Deep as ex:
    print("caught at top", ex.args[0])
for i in range(100):
    t += down(15, i, i % 12 - 1)
print(t)
z = 0
def div(n, x):
    a = x * 3 + n
    b = a - x * 2 + 7
    c = (b * b) % 1000003 + a
    d = c + b - a + n
    e = d * 5 - c * 4 + 1
    f = e + a - b + c - d
    g = f * 2 - e + n * 3
    h = g - f + e - d + 11
    if n <= 0:
        return h // z
    return div(n - 1, h % 1000) + 1
for k in range(300):
    try:
        div(6, k)
    except ZeroDivisionError as ex:
        t += 1
print(t, "zero divisions")
