# Containers mutated while hot loops read them: dict resize, list shrink, set growth.
# jit-expect: traces_compiled>=1 deopts>=1
d = {i: i for i in range(8)}
s = 0
for i in range(20000):
    if i % 2500 == 0:
        d[100 + i] = i
    s += d[i % 8]
print(s, len(d))
lst = list(range(1000))
acc = 0
i = 0
while i < len(lst):
    acc += lst[i]
    if i % 100 == 99:
        lst.pop()
    i += 1
print(acc, len(lst))
seen = set()
for i in range(30000):
    seen.add(i * 7 % 1009)
print(len(seen), sum(seen))
