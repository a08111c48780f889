# Inner loops with short trip counts known when the outer loop's trace is
# selected -- constants, an unrolled outer loop's variable, sums of those,
# and a bound read from a local whose value tier 1 always saw the same --
# are unrolled into the outer trace (jit_lower.c, "Unrolling").  Zero-trip
# loops, negative and larger steps, break and continue inside them.
# jit-expect: traces_compiled>=1 unrolled_iterations>=1
def pairs(steps, n):
    acc = 0
    seen = []
    for s in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                acc += (i + 1) * (j + 2) + s
                if s == steps - 1:
                    seen.append((i, j))
    return acc, seen

def shapes(steps):
    t = 0
    for s in range(steps):
        for a in range(3):
            t += a
        for b in range(5, 5):
            t += 1000
        for c in range(6, 0, -2):
            t += c * 3
        for d in range(1, 10, 4):
            if d == 9:
                break
            t += d
        for e in range(4):
            if e == 2:
                continue
            t -= e
        for f in range(0):
            t += 99999
    return t

def floats(steps):
    x = [0.5, 1.5, 2.5]
    tot = 0.0
    for s in range(steps):
        for k in range(3):
            tot += x[k] * k
            x[k] += 0.25
    return tot, x

print(pairs(3000, 5))
print(shapes(4000))
print(floats(3000))
