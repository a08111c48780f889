# A hot loop reads a list through two functions with an index that runs past
# the end after thousands of good iterations: the IndexError's whole
# traceback must be CPython's.  A tuple's is checked before, caught.
# jit-expect: traces_compiled>=1 deopts>=1
def item(seq, k):
    return seq[k]
def row_sum(rows, i, n):
    t = 0.0
    for j in range(n):
        t += item(rows[i], j)
    return t
tup = (1, 2, 3)
got = 0
for k in range(3000):
    try:
        got += item(tup, k % 4)
    except IndexError as e:
        got -= 1
print(got)
rows = [[float(i + j) for j in range(40)] for i in range(60)]
rows[59].pop()
tot = 0.0
for i in range(60):
    tot += row_sum(rows, i, 40)
print(tot)
