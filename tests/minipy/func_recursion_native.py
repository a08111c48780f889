# Recursive functions whose function-entry trace calls itself natively
# (examples/minipy/jit/jit_lower.c, "Self-calls"): results that change
# type mid-recursion (int -> float at depth, ints past 2**63 at depth,
# a str), two and three arguments, and the calls made again after the
# types went back to ints.
# jit-expect: traces_compiled>=1 self_calls>=1000 self_exits>=1
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

t = 0
for i in range(200):
    t += fib(i % 14)
print("fib", t, fib(18))

def add_down(n, x):
    if n == 0:
        return x
    return add_down(n - 1, x) + 1

print([add_down(k, 0) for k in range(0, 40, 7)])
print(add_down(20, 0.5), add_down(20, 2 ** 62), add_down(20, -2 ** 63))
print([add_down(k, 3) for k in range(5)])

def grow(n):
    if n == 0:
        return 1
    return grow(n - 1) * 3

for k in (5, 39, 40, 41, 70):
    print(k, grow(k))
print(grow(12))

def tri(n, step, bottom):
    if n <= 0:
        return bottom
    return tri(n - step, step, bottom) + n

print(tri(30, 1, 0), tri(30, 1, 0.25), tri(31, 2, 10 ** 20), tri(9, 3, 0))

def weird(n):
    if n == 0:
        return "end"
    r = weird(n - 1)
    if isinstance(r, str):
        return len(r) + n
    return r + n

print([weird(k) for k in range(6)])
s = 0
for i in range(3000):
    s += add_down(i % 9, i)
print(s)
