# RecursionError from a recursion whose function has a function-entry
# trace is raised as without the JIT, and the program goes on.
# No loops but the last three tries: every other trace is deep's function
# trace or one of its side traces.
# jit-expect: traces_compiled>=1

def deep(n, x):
    a = x * 3 + n
    b = a - x * 2 + 7
    c = (b * b) % 1000003 + a
    d = c + b - a + n
    e = d * 5 - c * 4 + 1
    f = e + a - b + c - d
    g = f * 2 - e + n * 3
    h = g - f + e - d + 11
    if n <= 0:
        return h % 1000
    return deep(n - 1, h % 1000) + 1

def drive(k):
    if k == 0:
        return 0
    return deep(20, k) + drive(k - 1)

t = drive(300)
print(t)
for rep in range(3):
    try:
        deep(100000, 1)
        print("no error")
    except RecursionError:
        print("RecursionError", rep)
print(deep(50, 3))
