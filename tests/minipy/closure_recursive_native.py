# Recursive closures and recursion around generators: a closure that
# calls itself through its cell, closures of one def with different free
# values, a recursive generator, and a recursive function that runs one.
# jit-expect: traces_compiled>=1
def make(k):
    def rec(n):
        if n == 0:
            return k
        return rec(n - 1) + 1
    return rec

fs = [make(k) for k in (0, 100, 0.5)]
t = 0
for i in range(1500):
    t += fs[i % 2](i % 10)
print(t, fs[2](10), make(2 ** 70)(5))

def tree(n):
    if n == 0:
        yield 0
        return
    yield n
    yield from tree(n - 1)
    yield -n

print(list(tree(4)))

def total(n):
    if n == 0:
        return 0
    return sum(x for x in range(n)) + total(n - 1)

s = 0
for i in range(1500):
    s += total(i % 8)
print(s, total(30))

def gen_depth(n):
    if n == 0:
        return list(tree(2))
    return gen_depth(n - 1) + [n]

print(gen_depth(5))
