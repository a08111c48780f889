/* float_loop -- C version of bench/float_loop.py. */
#include <stdio.h>
static double integrate(double a, double b, long n) {
    double h = (b - a) / n, s = 0.0;
    for (long i = 0; i < n; i++) {
        double x = a + (i + 0.5) * h;
        s += (x * x + 1.0) / (x * x * x + 2.0 * x + 3.0);
    }
    return s * h;
}
int main(void) {
    double total = 0.0;
    for (int k = 1; k < 6; k++) total += integrate(0.0, (double)k, 1500000);
    printf("float_loop %.9f\n", total);
    return 0;
}
