# An exception raised in a natively self-called frame with raw arguments,
# after a local was set and a self-call returned: the traceback lists every
# frame and line as without the JIT.
# jit-expect: traces_compiled>=1 raw_self_calls>=100
def g(n, d):
    if n == 0:
        return 7 // d
    x = g(n - 1, d)
    y = g(n - 1, d - 1)
    return x + y

t = 0
for i in range(200):
    t += g(4, 10)
print(t)
g(3, 2)
