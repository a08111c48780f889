/* sieve -- C version of bench/sieve.py. */
#include <stdio.h>
#include <stdlib.h>
static void sieve(long n, long *count, long *last) {
    char *flags = malloc(n + 1);
    for (long k = 0; k <= n; k++) flags[k] = 1;
    flags[0] = flags[1] = 0;
    for (long i = 2; i * i <= n; i++)
        if (flags[i])
            for (long j = i * i; j <= n; j += i) flags[j] = 0;
    *count = 0; *last = 0;
    for (long k = 0; k <= n; k++)
        if (flags[k]) { (*count)++; *last = k; }
    free(flags);
}
int main(void) {
    long total = 0, c = 0, last = 0;
    for (long r = 0; r < 15; r++) { sieve(1000000 + r, &c, &last); total += c; }
    printf("sieve %ld %ld\n", total, last);
    return 0;
}
