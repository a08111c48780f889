# A float or int the trace computed and holds unboxed in two slots (a copy
# `b = a`, a value on the stack and in a local) is one object again when
# the trace exits, and one object in the containers the trace builds: `is`,
# and a NaN found in a list by identity, as in the interpreter.  (A number
# the trace unboxed from a list item or a frame slot and copied is not yet:
# see examples/minipy/README.md, "Not yet".)
# jit-expect: traces_compiled>=1 exits>=1
def copies():
    out = []
    a = 1.5
    n = 1000
    for i in range(3000):
        a = a * 1.0001
        n = n + 7
        b = a
        m = n
        if i % 1000 == 999:
            out.append((b is a, m is n, [a, b][0] is [a, b][1]))
    return out

print(copies())

def nan_in_list():
    inf = float('inf')
    hits = 0
    for i in range(3000):
        x = inf - inf if i % 500 == 0 else i * 0.5
        y = x
        if x is y:
            hits += 1
        if x in [y] and y in (x, 1.0):
            hits += 1000
    return hits

print(nan_in_list())

def tuples():
    t = 0
    big = 10 ** 6
    for i in range(2000):
        big = big + 1
        k = big
        tup = (k, big, k)
        if tup[0] is tup[1] and tup[1] is tup[2]:
            t += 1
    return t

print(tuples())

# The copy made at the end of the body, seen after the loop's last exit
# (the loop-carried values of both slots).
def after_loop():
    a = 1.5
    n = 10 ** 9
    for i in range(3000):
        a = a * 1.0001
        n = n + 3
        b = a
        m = n
    return a is b, n is m

print(after_loop())
