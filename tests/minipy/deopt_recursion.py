# Recursion inside hot loops; recursion with changing argument types.
# jit-expect: traces_compiled>=1 deopts>=1
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
s = 0
for i in range(2000):
    s += fact(i % 25)
print(s)
def sumdown(n):
    if n <= 0:
        return n * 0
    return n + sumdown(n - 1)
print(sumdown(300), sumdown(300.0), sumdown(50) * 10 ** 20)
def count_nodes(t):
    if t is None:
        return 0
    return 1 + count_nodes(t[0]) + count_nodes(t[1])
def build(d):
    return None if d == 0 else (build(d - 1), build(d - 1))
print(count_nodes(build(14)))
