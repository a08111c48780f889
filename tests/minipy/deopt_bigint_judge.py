# A loop whose machine-int operations go to big ints on most iterations
# (bench/sort_algos.py's data(): a 64-bit LCG whose product always
# overflows and whose state is a big int half of the time).  A trace guards
# machine ints and would leave at once on most entries (dropped by the
# judge after its compile was paid); the interpreter's int operations count
# how often they took the generic path (ceval.c, INT_SLOW), and the
# selection is refused (int_goes_big in jit/jit_lower.c): lcg never
# compiles.  A loop that overflows on one iteration in 100 (sometimes) is
# traced and kept.  With MINIPY_JIT_BIGINT_JUDGE=0 lcg's loop compiles and
# is dropped (invalidated>=1).  Thresholds as outside the forced-hot way.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: compiled>=1 invalidated==0
def lcg(n, seed):
    x = seed
    out = 0
    for i in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out ^= x >> 44
    return out
def sometimes(n):
    s = 0
    for i in range(n):
        m = 4611686018427387904 if i % 100 == 7 else 3
        s = (s + i * m) % 1000000007
    return s
print(lcg(30000, 1))
print(lcg(5, 2), lcg(40, 3))
print(sometimes(100000))
print(sometimes(50))
