/* spectral_norm -- C version of bench/spectral_norm.py. */
#include <math.h>
#include <stdio.h>
#define N 450
static double a(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }
static void mul_av(const double *v, double *out) {
    for (long i = 0; i < N; i++) {
        double s = 0.0;
        for (long j = 0; j < N; j++) s += a(i, j) * v[j];
        out[i] = s;
    }
}
static void mul_atv(const double *v, double *out) {
    for (long i = 0; i < N; i++) {
        double s = 0.0;
        for (long j = 0; j < N; j++) s += a(j, i) * v[j];
        out[i] = s;
    }
}
static void mul_atav(const double *v, double *out, double *tmp) { mul_av(v, tmp); mul_atv(tmp, out); }
int main(void) {
    static double u[N], v[N], tmp[N];
    for (int i = 0; i < N; i++) { u[i] = 1.0; v[i] = 0.0; }
    for (int k = 0; k < 10; k++) { mul_atav(u, v, tmp); mul_atav(v, u, tmp); }
    double vbv = 0.0, vv = 0.0;
    for (int i = 0; i < N; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    printf("spectral_norm %.9f\n", pow(vbv / vv, 0.5));
    return 0;
}
