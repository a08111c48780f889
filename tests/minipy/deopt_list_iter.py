# for loops over lists mutated during the iteration (CPython iterates by
# index: appended items are seen, removed ones shift the rest), over a list
# whose element types change, and over a list replaced mid loop (the old
# list keeps being iterated).
# jit-expect: traces_compiled>=1 deopts>=1
lst = list(range(10))
seen = 0
for v in lst:
    if v < 3000:
        lst.append(v + 10)
    seen += 1
print(seen, len(lst), lst[-1])
lst = list(range(6000))
kept = 0
for v in lst:
    if v % 3 == 0:
        lst.remove(v)
    kept += v
print(kept, len(lst))
items = [1] * 3000 + [2.5] * 3000 + ["x"] * 3000
acc = 0
txt = ""
for it in items:
    if type(it) is str:
        txt += it
    else:
        acc += it
print(acc, len(txt))
src = list(range(8000))
total = 0
for v in src:
    if v == 4000:
        src = [0] * 10
    total += v
print(total, len(src))
# Slice assignment and clear() during an indexed loop.
buf = list(range(5000))
j = 0
t = 0
while j < len(buf):
    t += buf[j]
    if j == 2500:
        buf[j + 1:] = [1, 2, 3]
    j += 1
buf.clear()
print(t, j, buf)
