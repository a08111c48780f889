# An inner loop whose range always stops at 100 is long, not one to unroll
# into the loop around it, even when the JIT first looks at it near its
# end (its first run starts at 95).  It must get its own trace.  When the
# inner loop was judged by what was left of it (4 items), it was refused
# for good, and as the outer loop cannot unroll 100 iterations, the side
# traces of the outer loop's trace kept aborting at the inner head; now
# nothing needs to abort: they link to the inner loop's trace.
# jit-expect: traces_compiled>=1 aborted==0
total = 0
row = list(range(3, 103))
for r in range(300):
    for j in range(95 if r == 0 else 0, 100):
        total += row[j] * (j + r)
    if r == 200:
        row[7] = 2 ** 70
print(total)
