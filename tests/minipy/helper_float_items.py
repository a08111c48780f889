# The program of list_float_items.py and list_float_items_off.py: float
# items of small lists read and written through constant indices in
# unrolled loops (nbody's shape), with the cases where a known item value
# must be forgotten: two refs to one list (b holds x twice), a store
# through a variable index, a negative index, an int store, a method call
# that changes the list, a function that stores into it, a NaN stored and
# read back, a list changed by its methods and by a slice store.  range()
# of ints made in the trace, and one whose step becomes 0 (ValueError).
def bump(l):
    l[1] += 0.25

def step(b, dt, steps, k):
    n = len(b)
    for s in range(steps):
        for i in range(n):
            p = b[i]
            for j in range(i + 1, n):
                q = b[j]
                d = p[0] - q[0]
                e = d * dt + p[2] * 0.001
                p[1] -= e
                q[1] += e
                p[2] = p[0] * 0.5 - q[1]
                q[2] = q[2] * 0.5 + p[1]
        for p in b:
            p[0] += dt * p[1]
        b[0][k] = b[0][k] + 0.001         # a variable index
        b[1][-1] = b[1][-1] * 0.5         # a negative one
        b[2][3] = 2                       # an int item for a while
        b[2][3] = b[2][3] + b[0][3] * 0.5
        b[1].append(9.0)                  # the list changes under a call
        b[1].pop()
        bump(b[0])                        # a function stores into it
        b[0][1] = b[2][1] - 0.25

def nan_items(steps):
    l = [1.0, 2.0, 3.0]
    seen = 0
    for s in range(steps):
        for i in range(3):
            l[0] = l[1] - l[2]
            if s == steps - 2:
                l[1] = float("inf")
                l[2] = float("inf")
            l[2] = l[0] * 0.5
            x = l[0]
            if x != x:
                seen += 1
            l[1] = l[1] + 1.0
    return seen, l

def clobber(steps):
    l = [1.0, 2.0, 0.5]
    t = 0.0
    for s in range(steps):
        l[0] = l[1] * 0.5 + l[2]
        l.reverse()                       # a method changes the items
        t += l[0] - l[1]
        l[1:] = [l[2], s * 0.25]          # a slice store
        t += l[1] * l[2]
        l[2] = l[0] - 1.0
    return t, l

def ranges(steps):
    t = 0
    for s in range(steps):
        for a in range(3):
            for c in range(a, 4):
                for d in range(c, 9, 3):
                    t += a * 100 + c * 10 + d
    return t

def zero_step(steps):
    t = 0
    for s in range(steps):
        st = 1 if s < steps - 5 else 0
        try:
            for j in range(0, 3, st):
                t += j
        except ValueError as err:
            t += 1000
            last = str(err)
    return t, last

def main():
    x = [1.0, 0.5, 0.25, 7.0]
    b = [x, [2.0, -0.5, 0.125, 5.0], x]
    step(b, 0.01, 300, 3)
    for p in b:
        print(" ".join("%.12f" % v for v in p))
    c = [[float(i), 0.1 * i, 0.2, 1.0] for i in range(3)]
    step(c, 0.02, 300, 2)
    for p in c:
        print(" ".join("%.12f" % v for v in p))
    print(nan_items(400))
    print(clobber(300))
    print(ranges(300))
    print(zero_step(300))
