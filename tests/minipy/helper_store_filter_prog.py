# The program of store_filter.py and store_filter_off.py: module-level
# loops (their globals live in a watched module dict) that store globals
# no trace depends on at every iteration, and rebind mid-loop a global
# and a builtin the trace does depend on (those stores must invalidate).

def scale(x):
    return x * 2

total = 0
last = 0
for i in range(3000):
    last = i            # a store no trace depends on
    total += scale(i)   # scale is loaded by the trace: it depends on it
    if i == 1500:
        def scale(x):
            return x * 3
acc = 0
for i in range(2000):
    acc += len("ab" * (i % 3))
    if i == 1000:
        len = lambda s: 7   # a module global shadowing the builtin
del len
names = {}
for i in range(2000):
    k = "k" + str(i % 7)
    names[k] = names.get(k, 0) + i
    globals()["dyn" + str(i % 5)] = i


def main():
    print(total, last, acc, sorted(names.items()), dyn0, dyn4)
