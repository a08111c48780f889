# Closures in a hot loop (deopt candidate).
def make(k):
    def f(x):
        return x * k + 1
    return f
fs = [make(k) for k in range(5)]
total = 0
for i in range(20000):
    total += fs[i % 5](i)
print(total)
def acc():
    s = 0
    def add(v):
        nonlocal s
        s += v
        return s
    return add
a = acc()
for i in range(30000):
    a(i)
print(a(0))
