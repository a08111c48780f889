/* matmul -- C version of bench/matmul.py. */
#include <stdio.h>
#define N 300
static double a[N][N], b[N][N], c[N][N];
static void make(double m[N][N], unsigned long seed) {
    unsigned long x = seed;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            x = (x * 69069 + 1) % 4294967296UL;
            m[i][j] = (x % 1000) / 1000.0 - 0.5;
        }
}
int main(void) {
    make(a, 1); make(b, 2);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double aik = a[i][k];
            for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
        }
    double tr = 0.0;
    for (int i = 0; i < N; i++) tr += c[i][i] + c[i][N - 1 - i];
    printf("matmul %.9f %.9f\n", tr, c[7][11]);
    return 0;
}
