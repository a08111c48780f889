# A hot loop whose inner loops over constant ranges are unrolled into one
# large trace (nbody-like: float arithmetic on lists of lists), large
# enough for home-word exits (libjitcore's options.home_exits): its exits
# store nothing, the trace stores each value into its exit-buffer home
# before the first guard that needs it.  Mid-run the trace leaves at many
# different guards: a float that becomes an int, then a str, a list item
# replaced by another list, an int item where a float was, a bool
# coordinate; every exit must restore exactly the interpreter's state
# (the forced-hot way also makes side traces seeded from those exits).
# jit-expect: traces_compiled>=1 deopts>=5 home_exit_traces>=1

def make(n):
    bodies = []
    for i in range(n):
        bodies.append([[0.5 * i, 1.0 + i, -0.25 * i], [0.01 * i, -0.02, 0.03 * i], 1.0 + 0.1 * i])
    return bodies

def step(bodies, steps, dt, poke):
    acc = 0.0
    for s in range(steps):
        for i in range(3):
            p = bodies[i][0]
            v = bodies[i][1]
            m = bodies[i][2]
            for j in range(3):
                p[j] = p[j] + dt * v[j]
            for k in range(3):
                q = bodies[k][0]
                dx = p[0] - q[0]
                dy = p[1] - q[1]
                dz = p[2] - q[2]
                acc = acc + m * (dx * dx + dy * dy + dz * dz)
        if s == poke[0]:
            dt = 1                          # a float becomes an int
        elif s == poke[1]:
            bodies[2][0][1] = 3             # an int item where a float was
        elif s == poke[2]:
            bodies[1][0] = [7.0, 8.0, 9.0]  # a list item replaced
        elif s == poke[3]:
            dt = 0.001
            bodies[3][2] = 2                # a mass becomes an int
        elif s == poke[4]:
            bodies[0][0][2] = True          # a bool coordinate
        elif s == poke[5]:
            dt = "x"                        # a str where a float was
    return acc

def run(poke, steps):
    b = make(4)
    try:
        r = step(b, steps, 0.01, poke)
        print("acc %.6f" % r)
    except TypeError as e:
        print("TypeError", e)
    for body in b:
        print(["%.6f" % float(x) for x in body[0]], "%.6f" % float(body[2]))

run([-1, -1, -1, -1, -1, -1], 300)
run([40, 90, 140, 190, 240, -1], 300)
run([200, 30, 60, 250, 100, 280], 300)
run([5, 6, 7, 8, 9, 10], 40)
