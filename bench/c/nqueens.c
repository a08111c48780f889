/* nqueens -- C version of bench/nqueens.py. */
#include <stdio.h>
#define N 12
static int cols[N], d1[2 * N], d2[2 * N];
static long place(int r) {
    if (r == N) return 1;
    long count = 0;
    for (int c = 0; c < N; c++)
        if (!cols[c] && !d1[r + c] && !d2[r - c + N]) {
            cols[c] = d1[r + c] = d2[r - c + N] = 1;
            count += place(r + 1);
            cols[c] = d1[r + c] = d2[r - c + N] = 0;
        }
    return count;
}
int main(void) {
    long total = 0;
    for (int rep = 0; rep < 2; rep++) total += place(0);
    printf("nqueens %ld\n", total);
    return 0;
}
