# RecursionError in natively self-called recursion: raised where the
# interpreter raises it (the same depth as a call the JIT makes through
# the interpreter: varargs), caught at each depth, and the recursion
# works again afterwards.
# jit-expect: traces_compiled>=1 self_calls>=100
import sys
sys.setrecursionlimit(250)

def deep(n):
    if n < 0:
        return 0
    try:
        return deep(n + 1)
    except RecursionError:
        return n

def deep_va(*a):
    n = a[0]
    if n < 0:
        return 0
    try:
        return deep_va(n + 1)
    except RecursionError:
        return n

def count(n):
    if n == 0:
        return 0
    return count(n - 1) + 1

t = 0
for i in range(2000):
    t += count(i % 20)
print(t)
for rep in range(3):
    print(deep(0) == deep_va(0), deep(-1))
errors = 0
for rep in range(3):
    try:
        count(100000)
    except RecursionError as e:
        errors += 1
        print(type(e).__name__, e)
print(errors, count(100), count(19))
