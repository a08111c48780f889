# Lists whose element types change; indexing out of the hot path's assumptions.
# jit-expect: traces_compiled>=1 deopts>=1
lst = list(range(100))
s = 0
for i in range(20000):
    if i == 10000:
        lst[50] = 0.5
    if i == 15000:
        lst[51] = 10 ** 30
    s += lst[i % 100]
print(s)
grow = []
for i in range(10000):
    grow.append(i)
    if len(grow) > 100:
        grow = grow[50:]
print(len(grow), grow[0], grow[-1])
