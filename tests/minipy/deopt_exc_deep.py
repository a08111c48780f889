# Exceptions raised from inside hot loops and deep (inlinable) calls.
# jit-expect: traces_compiled>=1 deopts>=1 frames_materialised>=1
def leaf(i):
    if i % 1000 == 999:
        raise ValueError("leaf %d" % i)
    return i
def mid(i):
    return leaf(i) + 1
def top(i):
    return mid(i) * 2
total = 0
msgs = []
for i in range(20000):
    try:
        total += top(i)
    except ValueError as e:
        msgs.append(str(e))
print(total, len(msgs), msgs[:3], msgs[-1])
def risky(d, k):
    return d[k]
d = {i: i * i for i in range(100)}
miss = 0
s = 0
for i in range(30000):
    try:
        s += risky(d, i % 150)
    except KeyError:
        miss += 1
print(s, miss)
