# Generators consumed in hot loops (deopt candidate).
def gen(n):
    for i in range(n):
        yield i * 2
total = 0
for v in gen(100000):
    total += v
print(total)
def window(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]
data = list(range(2000))
print(sum(sum(w) for w in window(data, 3)))
def tree(n):
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(sum(tree(12)), len(list(tree(10))))
