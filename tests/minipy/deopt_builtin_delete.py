# Builtins shadowed by globals, the globals deleted (the builtin is found
# again), and globals deleted mid hot loop so that a NameError is raised and
# caught by the program; then the name is bound again.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
def use_len(s):
    return len(s)
tot = 0
for i in range(12000):
    if i == 3000:
        len = lambda s: -1            # a global shadows the builtin
    if i == 6000:
        del len                       # the builtin is visible again
    tot += use_len("abcd")
print(tot)
counter = 5
def read_counter():
    return counter
got = 0
missing = 0
for i in range(15000):
    if i == 4000:
        del counter
    if i == 9000:
        counter = 2.5
    try:
        got += read_counter()
    except NameError as e:
        missing += 1
        if missing == 1:
            print("caught:", e)
print(got, missing)
# Deleting a global read directly in the loop body, at module level.
flag = 1
seen = []
for i in range(8000):
    if i == 2000:
        del flag
    try:
        seen.append(flag)
    except NameError as e:
        seen.append(str(e))
        flag = i
print(len(seen), seen[1999], seen[2000], seen[2001], seen[-1])
# A builtin function removed from builtins itself, then restored.
import builtins
saved = builtins.min
m = 0
errs = 0
for i in range(6000):
    if i == 2000:
        del builtins.min
    if i == 4000:
        builtins.min = saved
    try:
        m += min(i, 10)
    except NameError as e:
        errs += 1
        last = str(e)
print(m, errs, last)
