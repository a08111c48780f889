# A while loop whose body branches each way about half the time (as
# bench/sort_algos.py's merge loop, `if left[i] <= right[j]`): a trace
# follows one way, so every other iteration would leave it (the judge does
# not wait for a side trace at a branch) and it would be dropped after its
# first window, once its compile was paid.  The branch's history says so
# when the loop gets hot: the selection is refused (branch_stays in
# jit/jit_lower.c) and the loop never compiles.  A loop that leaves by a
# rare break next to it is traced as before: branches that end the loop
# are left to the judge (how long a loop runs changes as a program goes
# on).  Thresholds as outside the forced-hot way (jit-env), so that the
# histories hold the loop's first 2000 iterations when it is selected.
# With MINIPY_JIT_BRANCH_JUDGE=0 both loops compile (compiled=2).  Ints,
# then floats through the first loop, equal to python3's.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: compiled==1
def merge_like(n, x):
    a = 0
    b = 0
    i = 0
    while i < n:
        if (i * 7) % 10 < 5:
            a += i * x
        else:
            b += x
        i += 1
    return a, b
def until_big(n, lim):
    s = 0
    for i in range(n):
        s += i % 13
        if s > lim:
            break
    return s
print(merge_like(40000, 3))
print(until_big(50000, 250000))
print(merge_like(300, 0.5))
