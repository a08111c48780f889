# A while loop of three iterations in a function called 20000 times, with
# side traces off (jit-env): its trace is entered once per call for three
# iterations and ends at the loop's exit every time, which the interpreter
# does better, so the judge drops it after its first window of 1000
# entries (nothing is growing: no judgement is put off); the function's
# own trace, which links to the loop's and so rarely reaches the return,
# goes after its 4000 entries.  Once dropped, both heads are quiet: neither
# is entered again (else the 20000 calls would make as many entries), and
# the remaining calls run interpreted.  The results (ints, then a float
# and a negative int through the same loop) match python3's.
# jit-env: JITCORE_OPTIONS=side_threshold=0
# jit-expect: invalidated>=2 trace_entries<=8000
def count3(n):
    k = 0
    s = n
    while k < 3:
        s = s * 2 + k
        k += 1
    return s
def total(m):
    t = 0
    for i in range(m):
        t += count3(i) % 1000
    return t
print(total(20000))
print(count3(2.5), count3(-7))
