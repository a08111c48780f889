# An exception raised three natively self-called frames deep: the
# traceback lists every frame and line as without the JIT.
# jit-expect: traces_compiled>=1 self_calls>=100
def f(n, stop):
    if n == stop:
        return 10 // (stop - 3)
    return f(n + 1, stop) + 1

t = 0
for i in range(2000):
    t += f(0, 5)
print(t)
print(f(1, 3))
f(0, 3)
