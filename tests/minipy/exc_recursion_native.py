# Exceptions through natively self-called recursion: try/finally and
# try/except at every level, an exception caught at some depths and
# re-raised at others, and RecursionError from a recursion that never
# ends; each level's handler runs as without the JIT.
# jit-expect: traces_compiled>=1 self_calls>=1000
log = []
def f(n, stop):
    if n == stop:
        raise ValueError("deep %d" % n)
    try:
        return f(n + 1, stop) + 1
    finally:
        log.append(n)

def g(n):
    if n == 0:
        return 0
    try:
        return g(n - 1) + 1
    except ZeroDivisionError:
        return -1

t = 0
for i in range(3000):
    t += f(0, 1000) if False else g(i % 9)
print(t)
for stop in (1, 4, 9):
    del log[:]
    try:
        f(0, stop)
    except ValueError as e:
        print(e, log)
def h(n):
    if n == 0:
        return 1 // n
    try:
        return h(n - 1) * 2
    except ZeroDivisionError:
        if n % 3 == 0:
            return 7
        raise
print([h(k) for k in range(1, 10)] if False else [ (lambda k: (h(k) if k % 3 != 1 else 'x'))(k) for k in range(3, 12, 3)])
import sys
def deep(n):
    return deep(n + 1) if n < 100000 else n
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)
