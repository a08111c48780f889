/* nbody -- C version of bench/nbody.py, same bodies and operation order. */
#include <math.h>
#include <stdio.h>
#define N 5
static double b[N][7];
static const double PI = 3.141592653589793;
static void make_bodies(void) {
    double sm = 4 * PI * PI;
    double specs[4][4] = {{5.2, 0.02, 0.05, 0.0009}, {9.5, -0.03, 0.04, 0.0003},
                          {19.2, 0.01, 0.03, 0.00004}, {30.1, -0.02, 0.02, 0.00005}};
    for (int k = 0; k < 7; k++) b[0][k] = 0.0;
    b[0][6] = sm;
    for (int i = 0; i < 4; i++) {
        double r = specs[i][0], z = specs[i][1], vz = specs[i][2], m = specs[i][3];
        double v = pow(sm / r, 0.5);
        double sgn = i % 2 == 0 ? 1.0 : -1.0;
        double *p = b[i + 1];
        p[0] = r * sgn; p[1] = 0.1 * i; p[2] = z;
        p[3] = 0.01 * i; p[4] = v * sgn; p[5] = vz; p[6] = m * sm;
    }
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < N; i++) {
        px += b[i][3] * b[i][6]; py += b[i][4] * b[i][6]; pz += b[i][5] * b[i][6];
    }
    b[0][3] = -px / sm; b[0][4] = -py / sm; b[0][5] = -pz / sm;
}
static double energy(void) {
    double e = 0.0;
    for (int i = 0; i < N; i++) {
        double *p = b[i];
        e += 0.5 * p[6] * (p[3] * p[3] + p[4] * p[4] + p[5] * p[5]);
        for (int j = i + 1; j < N; j++) {
            double *q = b[j];
            double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
            e -= p[6] * q[6] / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    }
    return e;
}
static void advance(double dt, int steps) {
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < N; i++) {
            double *p = b[i];
            for (int j = i + 1; j < N; j++) {
                double *q = b[j];
                double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * pow(d2, 0.5));
                double pm = p[6] * mag, qm = q[6] * mag;
                p[3] -= dx * qm; p[4] -= dy * qm; p[5] -= dz * qm;
                q[3] += dx * pm; q[4] += dy * pm; q[5] += dz * pm;
            }
        }
        for (int i = 0; i < N; i++) {
            double *p = b[i];
            p[0] += dt * p[3]; p[1] += dt * p[4]; p[2] += dt * p[5];
        }
    }
}
int main(void) {
    make_bodies();
    printf("nbody %.9f\n", energy());
    advance(0.01, 250000);
    printf("nbody %.9f\n", energy());
    return 0;
}
