# The program of tests/minipy/deopt_branch_chain*.py and deopt_rec_loop*.py:
# chains of branches to one target (`if not a[i] and not b[j]:`, lowered
# as one guard, lower_chain in jit/jit_lower.c) in loops of recursive
# closures (judged as recursive loops, recursive_head in jit/jit_host.c),
# with the closure's cells rebound while it recurses.

def queens(n, rebind=None):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    calls = [0]
    def place(r):
        nonlocal cols, place, n
        calls[0] += 1
        if rebind == "cols" and calls[0] == 300:
            cols = list(cols)           # the cell now holds another list
        if rebind == "place" and calls[0] == 500:
            inner = place
            def place(r):               # the closure's own cell rebound
                calls[0] += 1000
                return inner(r)
        if rebind == "n" and calls[0] == 700:
            n = n + 0                   # a new int object, same value
        if r == n:
            return 1
        count = 0
        for c in range(n):
            if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                cols[c] = True
                d1[r + c] = True
                d2[r - c + n] = True
                count += place(r + 1)
                cols[c] = False
                d1[r + c] = False
                d2[r - c + n] = False
        return count
    return place(0), calls[0]

def spec(xs, lim, big):
    # Later conditions that would fail if the short circuit were ignored:
    # an index past the end, an int64 overflow; and chains of `and` with
    # comparisons and `not`, over ints, floats and bools.
    hits = 0
    n = len(xs)
    for i in range(n + 3):
        if i < n and xs[i] > lim and not xs[i] == 7:
            hits += 1
        if i >= n or xs[i] * big < 0 or xs[i] == 3:
            hits += 10
        if not (i % 3) and not (i % 5):
            hits += 100
    return hits

def while_chain(a, b):
    i = 0
    s = 0
    while i < len(a):
        if a[i] and b[i] and a[i] + b[i] > 3:
            s += a[i] * b[i]
        i += 1
    return s

def main():
    print(queens(7))
    print(queens(7, "cols"))
    print(queens(7, "place"))
    print(queens(7, "n"))
    print(queens(6))
    t = 0
    for k in range(300):
        xs = [(j * k) % 11 for j in range(40)]
        t += spec(xs, 5, 1 << 62 if k % 7 == 0 else 3)
    print(t)
    fl = [0.5 * j for j in range(30)]
    print(spec(fl, 2.0, 4))
    print(while_chain([j % 4 for j in range(3000)], [j % 3 for j in range(3000)]))
    print(while_chain([True, False, True] * 500, [1, 2, 3] * 500))
