# A loop whose branch changes its way every 4000 iterations, for good
# each time only until the next change: every traced way is left at that
# branch at every entry after the change, dropped and re-armed, but at
# most MPJ_MAX_RETRACES (2) times (jit/jit_internal.h); after that the
# head is dead, so the loop is not traced over and over (the re-arm
# turned on: MINIPY_JIT_RETRACE=1).  The results
# match python3's.
# jit-env: MINIPY_JIT_RETRACE=1 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: retraces>=1 retraces<=2 traces_compiled<=6
def alt(n):
    a = 0
    b = 0
    for i in range(n):
        if (i // 4000) % 2 == 0:
            a += i % 5
        else:
            b += i % 3
    return a, b

print(alt(48000))
print(alt(100))
