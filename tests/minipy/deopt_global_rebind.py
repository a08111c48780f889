# Globals and builtins rebound and deleted mid hot loop.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
K = 1
def f(i):
    return i * K
total = 0
for i in range(30000):
    if i == 10000:
        K = 2
    if i == 20000:
        K = 0.5
    total += f(i)
print(total)
res = 0
for i in range(20000):
    if i == 5000:
        len = lambda x: 42
    if i == 10000:
        del len
    res += len("abc")
print(res)
def g():
    return helper(3)
def helper(x):
    return x + 1
s = 0
for i in range(10000):
    if i == 5000:
        def helper(x):
            return x * 10
    s += g()
print(s)
abs_total = 0
import builtins
saved = builtins.abs
for i in range(6000):
    if i == 3000:
        builtins.abs = lambda x: 7
    abs_total += abs(-i)
builtins.abs = saved
print(abs_total, abs(-3))
