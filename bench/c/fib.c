/* fib -- C version of bench/fib.py. */
#include <stdio.h>
static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void) { printf("fib %ld\n", fib(35)); return 0; }
