# nbody -- a planar-and-vertical gravity simulation of five bodies (floats).
PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24
def make_bodies():
    # x, y, z, vx, vy, vz, mass -- a sun and four made-up planets.
    b = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]]
    specs = [(5.2, 0.02, 0.05, 0.0009), (9.5, -0.03, 0.04, 0.0003),
             (19.2, 0.01, 0.03, 0.00004), (30.1, -0.02, 0.02, 0.00005)]
    for i, (r, z, vz, m) in enumerate(specs):
        v = (SOLAR_MASS / r) ** 0.5
        sgn = 1.0 if i % 2 == 0 else -1.0
        b.append([r * sgn, 0.1 * i, z, 0.01 * i, v * sgn, vz, m * SOLAR_MASS])
    px = py = pz = 0.0
    for p in b:
        px += p[3] * p[6]
        py += p[4] * p[6]
        pz += p[5] * p[6]
    b[0][3] = -px / SOLAR_MASS
    b[0][4] = -py / SOLAR_MASS
    b[0][5] = -pz / SOLAR_MASS
    return b
def energy(b):
    e = 0.0
    n = len(b)
    for i in range(n):
        p = b[i]
        e += 0.5 * p[6] * (p[3] * p[3] + p[4] * p[4] + p[5] * p[5])
        for j in range(i + 1, n):
            q = b[j]
            dx = p[0] - q[0]
            dy = p[1] - q[1]
            dz = p[2] - q[2]
            e -= p[6] * q[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e
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
b = make_bodies()
print("nbody %.9f" % energy(b))
advance(b, 0.01, 250000)
print("nbody %.9f" % energy(b))
