# A natively self-called recursion whose callee changes while it runs:
# the global rebound to another function, its __code__ replaced, and a
# closure of the same def called in its place.
# jit-expect: traces_compiled>=1 self_calls>=100
def walk(n):
    if n == 0:
        return 0
    if n == swap_at[0]:
        swap()
    return walk(n - 1) + 1

def other(n):
    if n == 0:
        return 1000
    return other(n - 1) + 10

saved = walk
swap_at = [-1]
def swap():
    global walk
    walk = other

t = 0
for i in range(2000):
    t += walk(i % 12)
print(t)
swap_at[0] = 5
print(walk(9))
walk = saved
print(walk(9))
swap_at[0] = -1
print(walk(9))

def down(n):
    if n == 0:
        return 0
    if n == code_at[0]:
        down.__code__ = up.__code__
    return down(n - 1) + 1

def up(n):
    if n == 0:
        return 0
    return down(n - 1) + 100

code_at = [-1]
t = 0
for i in range(2000):
    t += down(i % 11)
print(t)
code_at[0] = 4
print(down(8))
print(down(8))

# Two self-calls a level (fib's shape), the callee a constant (the global
# folded): __code__ replaced deep in the first call, so the callers' second
# calls, in frames that are still running the old code, call the new code.
def tw(n):
    if n < 2:
        return n
    if n == tw_at[0]:
        tw.__code__ = tw2.__code__
    return tw(n - 1) + tw(n - 2)

def tw2(n):
    if n < 2:
        return 100
    return tw(n - 1) + tw(n - 2) + 1

tw_at = [-1]
t = 0
for i in range(3000):
    t += tw(i % 13)
print(t)
tw_at[0] = 5
print(tw(14))
print(tw(14))
