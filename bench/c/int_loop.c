/* int_loop -- C version of bench/int_loop.py; identical output. */
#include <stdio.h>
static long mix(long n) {
    long acc = 0, x = 12345;
    for (long i = 0; i < n; i++) {
        x = (x * 1103515245L + 12345) % 2147483648L;
        acc = ((acc + (x >> 7)) ^ i) % 1000000007L;
    }
    return acc;
}
int main(void) {
    long total = 0;
    for (int r = 0; r < 4; r++)
        total += mix(1500000);
    printf("int_loop %ld\n", total);
    return 0;
}
