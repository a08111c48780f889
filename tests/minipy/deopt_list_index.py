# Lists mutated while a hot loop indexes them: the list shrinks under the
# index (IndexError caught), grows, is replaced by a tuple, negative indices
# and a store past the end.
# jit-expect: traces_compiled>=1 deopts>=1
lst = list(range(50))
i = 0
s = 0
errors = []
while i < 5000:
    try:
        s += lst[i % 60]
    except IndexError as e:
        errors.append((i, str(e)))
    if i == 2000:
        del lst[40:]
    if i == 3000:
        lst.extend(range(100, 130))
    i += 1
print(s, len(errors), errors[0], errors[-1])
def get(seq, k):
    return seq[k]
data = [1, 2, 3, 4]
t = 0
bad = 0
for j in range(8000):
    if j == 3000:
        data = (10, 20, 30, 40)
    if j == 6000:
        data = "wxyz"
    try:
        v = get(data, j % 5 - 5)
        t += v if type(v) is int else ord(v)
    except IndexError as e:
        bad += 1
        msg = str(e)
print(t, bad, msg)
buf = [0] * 10
stores = 0
for j in range(6000):
    try:
        buf[j % 12] = j
        stores += 1
    except IndexError as e:
        m2 = str(e)
    if j == 4000:
        buf.append(-1)
        buf.append(-2)
print(stores, buf, m2)
# Popping from the list being iterated by index in a for loop over range.
work = list(range(3000))
got = 0
for k in range(3000):
    try:
        got += work[k]
    except IndexError:
        got -= 1
    if k % 3 == 0:
        work.pop()
print(got, len(work))
