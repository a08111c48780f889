/* mandelbrot -- C version of bench/mandelbrot.py. */
#include <stdio.h>
int main(void) {
    const long w = 400, h = 300, maxit = 400;
    long inside = 0, total = 0;
    for (long py = 0; py < h; py++) {
        double ci = 2.0 * py / h - 1.0;
        for (long px = 0; px < w; px++) {
            double cr = 3.0 * px / w - 2.0, zr = 0.0, zi = 0.0;
            long it = 0;
            while (it < maxit) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            if (it == maxit) inside++;
            total += it;
        }
    }
    printf("mandelbrot %ld %ld\n", inside, total);
    return 0;
}
