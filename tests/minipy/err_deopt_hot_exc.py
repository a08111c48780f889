# An uncaught exception from a deep call in a hot loop: exit 1.
# jit-expect: traces_compiled>=1 deopts>=1
def leaf(x):
    return 100 // x
def mid(x):
    return leaf(x) + 1
total = 0
for i in range(50000, -1, -1):
    total += mid(i)
print(total)
