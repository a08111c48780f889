# While loops whose every execution runs a few iterations, re-run again
# and again in one frame (bench/sort_algos.py's insertion and quicksort
# inner loops).  The probe counts a while loop's executions by frame, so
# such a loop looked like one long execution; its trace was compiled and
# then dropped by the judge (too few iterations per entry).  The loop's
# branch histories count its exits since its counter was armed: too few
# iterations per exit, and the selection is refused, armed again with a
# doubled delay (jit_host.c, while_too_short).  short_runs never compiles;
# grows starts short and then runs 500 iterations per execution: refused
# while short, then traced and kept (no trace is dropped: invalidated==0;
# compiled: its loop's trace and at most one function-entry trace).  With
# MINIPY_JIT_EXIT_JUDGE=0 four compile and two are dropped (short_runs'
# and grows' loops, invalidated==2).  Thresholds as outside the forced-hot
# way.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=60000
# jit-expect: compiled<=2 invalidated==0
def short_runs(n):
    s = 0
    for i in range(n):
        j = i % 3
        while j > 0:
            s += j * i
            j -= 1
    return s
def grows(n, short):
    t = 0
    for i in range(n):
        m = 1 if i < short else 500
        j = 0
        while j < m:
            t += j ^ i
            j += 1
    return t
print(short_runs(30000))
print(grows(3100, 3000))
print(short_runs(40), grows(50, 45))
