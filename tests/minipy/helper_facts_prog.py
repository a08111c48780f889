# The program of deopt_guard_facts.py and deopt_guard_facts_off.py
# (libjitcore's FACTS pass on and off): loops whose list indexes a guard
# has already shown non-negative (range counters, with the negative-index
# select and its guards decided), and loops where that is not so
# (negative starts, indexes past the end of a list that shrinks mid-loop,
# a while loop's counter), so every guard the pass keeps must still exit
# where the interpreter raises or goes on.


def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c


def neg_walk(l):
    t = 0
    for j in range(-len(l), len(l)):
        t += l[j] * (j + 3)
    return t


def shrink(l, cut):
    t = 0
    for j in range(len(l)):
        t += l[j]
        if j == cut:
            del l[cut + 2:]
    return t


def countdown(l):
    j = len(l) - 1
    t = 0
    while j >= -2:
        t = t * 3 + l[j]
        t %= 1000003
        j -= 1
    return t


def main():
    n = 24
    a = [[float((i * 7 + j) % 11) - 5.0 for j in range(n)] for i in range(n)]
    b = [[float((i + j * 3) % 13) * 0.25 for j in range(n)] for i in range(n)]
    c = matmul(a, b, n)
    print("matmul %.6f %.6f" % (sum(sum(r) for r in c), c[3][17]))
    l = list(range(60))
    print("neg_walk", sum(neg_walk(l) for _ in range(40)))
    for r in range(40):
        try:
            print("shrink", r, shrink(list(range(20)), 5 + r % 17))
        except IndexError as e:
            print("IndexError", r, e)
    print("countdown", [countdown(list(range(k, k + 30))) for k in range(0, 60, 7)])
