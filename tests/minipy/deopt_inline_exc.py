# Exceptions raised inside inlined callees (a guard's exit in the callee,
# the interpreter raising after the frames are materialised): caught by
# the caller in the loop, caught one frame up inside the chain (a callee
# with a try block is called, not inlined), and a ZeroDivisionError raised
# by an inlined floor division.
# jit-expect: traces_compiled>=1 deopts>=1 frames_materialised>=1
def check(v):
    if v % 1000 == 999:
        raise KeyError(v)
    return v
def mid(v):
    return check(v) * 2
def safe(v):
    try:
        return mid(v)
    except KeyError:
        return -1
def div(a, b):
    return a // b
keys = []
zeros = 0
t = 0
for i in range(20000):
    try:
        t += mid(i) + safe(i + 1)
    except KeyError as e:
        keys.append(e.args[0])
    try:
        t += div(i, i % 777)
    except ZeroDivisionError as e:
        zeros += 1
        last = str(e)
print(t, len(keys), keys[:3], keys[-1], zeros, last)
