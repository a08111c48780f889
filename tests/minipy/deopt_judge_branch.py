# A loop whose trace was recorded on the branch its first iterations take
# (i < 30, with everything hot at once) and which afterwards always goes
# the other way: the trace exits at that branch on every entry.  A side
# trace there would be entered, and the root re-entered through a full
# restore, on every iteration, which costs more than interpreting the loop
# (measured: more user time than --jit=off for an int loop like this one,
# and dict_words' `if key in pairs` loop took 9.20G instructions against
# 7.99G), so the judge does not wait for it (only a receiver guard's exit,
# at a polymorphic call or attribute site, is waited for): the trace is
# dropped at its first judgement, before its exit gets a side trace (side
# threshold 1000 through jit-env, as outside the forced-hot way).  Ints,
# then floats through the same loop, equal to python3's.
# jit-env: JITCORE_OPTIONS=side_threshold=1000
# jit-expect: invalidated>=1 side_traces==0
def f(n, x):
    a = 0
    b = 0
    for i in range(n):
        if i < 30:
            a += i * x
        else:
            b += i * x % 7
    return a, b
print(f(20000, 1))
print(f(500, 0.5))
