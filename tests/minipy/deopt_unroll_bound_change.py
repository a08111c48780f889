# The stop of an unrolled inner range is speculated from tier 1's profile
# (it was always the same value); here it changes in the middle of a hot
# run, first to a larger and then to a smaller value and to zero, so the
# guard on it fails and the interpreter carries on with the real range.
# jit-expect: traces_compiled>=1 unrolled_iterations>=1 deopts>=1
def run(steps):
    total = 0
    log = []
    n = 4
    for s in range(steps):
        if s == 2500:
            n = 7
        elif s == 3500:
            n = 2
        elif s == 4200:
            n = 0
        for i in range(n):
            total += i * s
            if s in (2499, 2500, 3499, 3500, 4199, 4200):
                log.append((s, i))
    return total, log

print(run(5000))

def lists(steps):
    b = [1, 2, 3]
    out = 0
    for s in range(steps):
        if s == 1800:
            b = [4, 5, 6, 7, 8]
        if s == 2600:
            b = []
        for v in b:
            out += v * (s % 7)
    return out

print(lists(3000))
