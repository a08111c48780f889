# Raw links in bench/nbody.py's loop nest: the root trace is the innermost
# `for j in range(i + 1, n)`, the side trace of its end goes round
# `for i` and links back to its head, and at the last i the next range is
# empty.  A loop copy seeded there must still be the root's loop: minipy
# lowers a copy's first FOR_ITER into the body, as the root went, and
# libjitcore refuses a copy whose walk differs (JC_ABORT_COPY_DIVERGED,
# counted in side_aborted), so the inner iterations run in the copy and
# its tree links back into it raw.
# jit-env: MINIPY_JIT_RAW_LINKS=1 JITCORE_OPTIONS=threshold=1000,side_threshold=1000
# jit-expect: raw_links>=20000 side_aborted==0


def bodies():
    b = []
    for k in range(5):
        r = 1.0 + 2.5 * k
        b.append([r, 0.1 * k, -0.05 * k, 0.01 * k, 0.3 / r, 0.002 * k,
                  1.0 / (k + 1)])
    return b


def advance(b, dt, steps):
    n = len(b)
    for s in range(steps):
        for i in range(n):
            p = b[i]
            for j in range(i + 1, n):
                q = b[j]
                dx = p[0] - q[0]
                dy = p[1] - q[1]
                dz = p[2] - q[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                p[3] -= dx * q[6] * mag
                p[4] -= dy * q[6] * mag
                p[5] -= dz * q[6] * mag
                q[3] += dx * p[6] * mag
                q[4] += dy * p[6] * mag
                q[5] += dz * p[6] * mag
        for p in b:
            p[0] += dt * p[3]
            p[1] += dt * p[4]
            p[2] += dt * p[5]


b = bodies()
advance(b, 0.01, 20000)
for p in b:
    print("%.9f %.9f %.9f" % (p[0], p[1], p[2]))
