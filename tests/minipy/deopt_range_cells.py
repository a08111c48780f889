# Range loops whose trace exits in the middle of an iteration: the
# iterator's position (a memory cell the compiled loop keeps in a register,
# libjitcore's SINK pass) must be exact at every exit, or the interpreter
# would repeat or skip an iteration.
# jit-expect: traces_compiled>=2 exits>=3

def grow(n, k):
    # x overflows into big ints after ~38 iterations: an exit mid-loop,
    # then the loop goes on in the interpreter
    acc = 0
    x = 1
    for i in range(n):
        x = x * 3 + i
        if i == k:
            acc += 1000 * i
        acc = (acc + x) % 1000003
    return acc, i

def flip(n):
    # the type of s changes once (int -> float) half way through
    s = 0
    for i in range(n):
        if i == n // 2:
            s = float(s)
        s += i
    return s, i

def breaks(n):
    out = []
    for k in (10, 1000, 3333):
        last = -1
        for i in range(n):
            if i == k:
                break
            last = i
        out.append((last, i))
    return out

def nested(n):
    t = 0
    for i in range(n):
        for j in range(i % 7, 40, 3):
            t += i ^ j
    return t

def steps(n):
    t = 0
    for i in range(n, -n, -3):
        t += i % 11
    for i in range(5, n, 7):
        t -= i // 4
    return t

print(grow(5000, 3))
print(grow(5000, 4000))
print(flip(10000))
print(breaks(5000))
print(nested(3000))
print(steps(30000))
