# The program of short_roots.py, short_roots_off.py and
# short_roots_home_off.py: nbody's loop nest over six bodies -- `for s`
# around `for i` around the short `for j in range(i + 1, n)` (5, 4, 3, 2,
# 1 and 0 iterations) and `for p in b` -- whose whole step, with the inner
# loops unrolled, is longer than a trace may be.  So the innermost loop
# becomes a short root (jit/jit_lower.c, mpj_sel_short_roots), its side
# traces go round `for i` and `for p` / `for s` back to its head and link
# to it (libjitcore's side_link_home).  Then the same nest where, late in
# the run, a body's mass becomes an int and a position becomes a big
# value, so guards in the tree fail and the interpreter resumes mid-step
# with exactly its values.
def make(n):
    b = []
    for i in range(n):
        b.append([1.5 * i, 0.25 * i - 0.5, 0.1 * i * i, 0.01 * i, -0.02 * i, 0.003, 1.0 + 0.5 * i])
    return b

def advance(b, dt, steps, late):
    n = len(b)
    for s in range(steps):
        if s == late:
            b[2][6] = 3                  # an int mass from now on
            b[4][0] = 1e6                # a far body
        for i in range(n):
            p = b[i]
            for j in range(i + 1, n):
                q = b[j]
                dx = p[0] - q[0]
                dy = p[1] - q[1]
                dz = p[2] - q[2]
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                pm = p[6] * mag
                qm = q[6] * mag
                p[3] -= dx * qm
                p[4] -= dy * qm
                p[5] -= dz * qm
                q[3] += dx * pm
                q[4] += dy * pm
                q[5] += dz * pm
        for p in b:
            p[0] += dt * p[3]
            p[1] += dt * p[4]
            p[2] += dt * p[5]

def energy(b):
    e = 0.0
    for i in range(len(b)):
        p = b[i]
        e += 0.5 * p[6] * (p[3] * p[3] + p[4] * p[4] + p[5] * p[5])
    return e

def main():
    b = make(6)
    advance(b, 0.01, 1500, -1)
    print("%.12f" % energy(b))
    for p in b:
        print(" ".join(repr(v) for v in p))
    c = make(6)
    advance(c, 0.005, 1500, 1200)
    print("%.12f" % energy(c))
    for p in c:
        print(" ".join(repr(v) for v in p))
