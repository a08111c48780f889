# Recursion called from hot loops: depth varying per iteration, mutual
# recursion, a recursive function whose argument type changes, and a
# RecursionError caught inside a loop (the frames must all be unwound).
# jit-expect: traces_compiled>=1 deopts>=1
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
s = 0
for i in range(3000):
    s += fib(i % 12)
print(s)
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(sum(1 for i in range(1500) if is_even(i % 60)))
def power(b, e):
    if e == 0:
        return b * 0 + 1
    h = power(b, e // 2)
    return h * h * (b if e % 2 else 1)
tot = 0
for i in range(2000):
    b = 3 if i < 1000 else (1.5 if i < 1500 else 10 ** 10)
    tot += power(b, i % 9)
print(tot)
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
import sys
sys.setrecursionlimit(400)
ok = 0
errs = 0
for i in range(40):
    try:
        ok += down(i * 20)
    except RecursionError:
        errs += 1
print(ok, errs, down(100))
sys.setrecursionlimit(1000)
# Ackermann-style recursion with small arguments in a loop.
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print([ack(2, k) for k in range(30)][-1], sum(ack(1, k) for k in range(300)))
