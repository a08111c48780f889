# Recursive functions called from hot loops: fib inlines itself up to the
# runtime's depth limit and calls the rest; a countdown runs into the
# recursion limit (inlined frames count toward it; depths near the limit
# are left out: minipy counts one frame fewer than CPython) and the loop
# goes on working after it.
# jit-expect: traces_compiled>=1 deopts>=1
import sys
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
t = 0
for i in range(3000):
    t += fib(i % 15)
print(t)
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1
sys.setrecursionlimit(300)
ok = 0
err = 0
for i in range(4000):
    d = i % 400
    if 250 < d < 350:
        d = 100
    try:
        ok += down(d)
    except RecursionError:
        err += 1
print(ok, err)
