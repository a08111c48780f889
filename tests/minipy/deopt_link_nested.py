# Nested loops whose outer trace ends at the inner loop's head: libjitcore
# links the two traces (the outer trace goes on into the inner one inside
# one jc_trace_enter, without the interpreter).  Mid-run the assumptions
# change: a global the inner loop reads is rebound, a value changes type
# from int to float to a big int, the inner loop's trip count varies, and
# a class the inner loop's attribute loads depend on is changed.  (That a
# link to an invalidated trace falls back to the interpreter is checked on
# the test VM, test_side's link_target_invalidated: whether these rebinds
# invalidate a trace here depends on how the lowering reads globals.)
# jit-expect: traces_compiled>=2 trace_links>=1 deopts>=1
K = 3


def run(n):
    global K
    total = 0
    for i in range(n):
        if i == n // 2:
            K = 7
        j = 0
        while j < 40:
            total += K * j + i
            j += 1
    return total


print(run(600))


def typed(n):
    acc = 0
    for i in range(n):
        step = 1 if i < n // 3 else (0.5 if i < 2 * n // 3 else 2 ** 65)
        k = 0
        while k < 30:
            acc += step
            k += 1
    return acc


print(typed(600))


def varying(n):
    s = 0
    for i in range(n):
        m = i % 5
        for j in range(m):
            s += j * i
        s -= 1
    return s


print(varying(4000))


class Box:
    def __init__(self, v):
        self.v = v


def attrs(n):
    boxes = [Box(i) for i in range(6)]
    t = 0
    for i in range(n):
        if i == n - 50:
            Box.extra = 1       # the class changes: traces that assumed it go
        for b in boxes:
            t += b.v + i
    return t


print(attrs(2000))
