# Mutating a dict while iterating over it raises RuntimeError; lists allow it.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
l = [1, 2, 3]
for v in l:
    if v < 3:
        l.append(v * 10)
print(l)
l = list(range(10))
for v in l:
    l.remove(v)
print(l)
