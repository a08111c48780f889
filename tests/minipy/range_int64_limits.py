# Ranges whose ends are near the int64 limits: the value after the last
# item does not fit in 64 bits, so an iterator that stepped past the end
# wrapped around and never stopped; len() and slices computed their ends
# in 64 bits too.  Hot loops over them run in traces (the forced-hot way),
# whose range iteration must stop at the same item.
M = 2**63 - 1
N = -2**63
print(list(range(N, M, 2**62)))
print(list(range(M - 10, M, 3)), list(range(M - 9, M, 3)))
print(list(range(N + 10, N, -3)), list(range(N + 9, N, -3)))
print(list(range(M - 2, M)), list(range(N + 2, N, -1)))
print([x - M for x in range(M - 5, M, 2)])
r = range(M - 10, M, 3)
print(len(r), r[-1] - M, list(r[::1]) == list(r), list(r[1:]), list(r[::-1]))
d = range(N + 10, N, -3)
print(len(d), d[-1] - N, list(d[1:]), list(d[::-1]), list(d[::2]))
print(len(range(N, M, 2**62)), len(range(N, M, 3)), len(range(M, N, -3)))
for r in (range(N, M), range(M, N, -1)):
    try:
        len(r)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    range(N, M, 2**62)[::2]
except OverflowError:
    print("OverflowError")      # CPython's ranges hold big ints
else:
    print("OverflowError")
it = iter(range(M - 1, M))
print(next(it) - M, next(it, "end"), next(it, "end"))

def total(lo, hi, step, reps):
    t = 0
    for _ in range(reps):
        for x in range(lo, hi, step):
            t += x & 1023
    return t

def count(lo, hi, step, reps):
    c = 0
    for _ in range(reps):
        for x in range(lo, hi, step):
            c += 1
    return c

for _ in range(3):
    print(total(M - 40, M, 3, 300), count(M - 40, M, 3, 300))
    print(total(N + 40, N, -3, 300), count(N + 40, N, -3, 300))
    print(count(M - 3000, M, 7, 20), count(N + 3000, N, -7, 20))
    print(count(0, 3000, 7, 20), count(3000, 0, -7, 20))
