# The program of side_raw_ptrs.py and its twin side_raw_ptrs_off.py
# (the option off): one copy, run on import.


class P:
    def __init__(self, x):
        self.x = x

    def twice(self):
        return 2 * self.x


class Q(P):
    def twice(self):
        return 3 * self.x


def run(n):
    ps = [P(i) for i in range(n)]
    names = ["a", "bb", "ccc"]
    total = 0
    seen = None
    for i in range(n):
        p = ps[i]
        s = names[i % 3]
        if i % 4 == 0:
            # side path: p and s come from the exit buffer
            total += p.twice() + len(s)
            if seen is p:
                total += 1000
            seen = p
        else:
            total -= p.x
        if i == n // 2:
            # p's class changes under the side trace
            for j in range(0, n, 3):
                ps[j] = Q(j)
    return total, seen.x


def temps(n):
    # the object on the stack at the exit is a temporary: only the trace
    # holds it (a new string per iteration, a new list)
    out = 0
    for i in range(n):
        t = str(i) + "x"
        lst = [i, t]
        if i % 5 == 0:
            out += len(t) + len(lst[1])
        else:
            out += 1
    return out


print(run(3000))
print(temps(3000))
