# An exception raised deep inside a recursion that has a function-entry
# trace, caught at an intermediate level and at the top.
# No loops: every trace is a function trace or one of its side traces.
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

def drive(k, m):
    if k == 0:
        return 0
    return down(15, k, k % m - 1 if m else -1) + drive(k - 1, m)

t = drive(400, 0)
print(t)
print(0, down(15, 0, 0))
print(2, down(15, 2, 2))
print(5, down(15, 5, 5))
print(9, down(15, 9, 9))
try:
    down(15, 4, 13)
except Deep as ex:
    print("caught at top", ex.args[0])
t += drive(100, 12)
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
def drive_div(k):
    if k == 0:
        return 0
    try:
        div(6, k)
    except ZeroDivisionError:
        return 1 + drive_div(k - 1)
    return drive_div(k - 1)
print(t + drive_div(300), "zero divisions")
