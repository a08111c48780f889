# The program of func_recursion_raw_args.py and its twin
# func_recursion_raw_args_off.py (raw arguments off): one copy, run on import.
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)

# Deeper than the 64 spare frames a code keeps: frames past them are freed.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

# The accumulator overflows 64 bits part-way down: the callee's raw
# argument cannot be passed (the caller's add exits), the rest runs with
# big ints in the interpreter, and the big result comes back up.
def acc(n, a):
    if n == 0:
        return a
    return acc(n - 1, a + n * 2 ** 58)

# A local set before the exception: the exit writes it and the raw
# argument into the frame, the handler at an outer level sees the traceback.
def boom(n, d):
    if n == 0:
        q = d * 2
        return q // (d - d)
    r = boom(n - 1, d + 1)
    return r

def catch(n):
    if n == 0:
        return 0
    if n % 5 == 0:
        try:
            return boom(3, n) + catch(n - 1)
        except ZeroDivisionError as e:
            return -1000 + catch(n - 1)
    return catch(n - 1) + n

# Floats and strs through a function seen with ints: the interpreter's
# entry does not take them raw.
def half(n):
    if n < 1:
        return n
    return half(n - 1) + 1

# del of a raw argument in the callee.
def gone(n):
    if n <= 0:
        return 0
    r = gone(n - 1) + n
    del n
    try:
        return n
    except UnboundLocalError:
        return r

# locals() reads the frame's slots: such code keeps its arguments boxed.
def seen(n):
    if n < 1:
        return len(locals())
    return seen(n - 1) + sorted(locals().items())[0][1]

def endless(n):
    return endless(n + 1) + 1

print(fib(20), [fib(k) for k in range(10)])
print(binom(16, 7), binom(10, 0), binom(9, 9))
print(depth(300), depth(70), depth(0))
print(acc(40, 0), acc(3, 5))
print(catch(23))
try:
    boom(4, 1)
except ZeroDivisionError as e:
    print("zde", e)
print(half(30), half(5.5), half(2.0), half(-3))
print(gone(40))
print(sum(seen(k) for k in range(30)))
sys.setrecursionlimit(300)
try:
    endless(0)
except RecursionError as e:
    print("RecursionError", e)
print(depth(250), fib(15))
