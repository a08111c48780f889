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
