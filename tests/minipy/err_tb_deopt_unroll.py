# An exception raised inside an unrolled inner iteration (the divisor
# becomes zero at one (s, i, j) only): the trace exits there with the
# iterators where that iteration had them, the handler counts it and the
# loops go on; the last one is uncaught, and its traceback must be
# CPython's.
# jit-expect: traces_compiled>=1 unrolled_iterations>=1
def step(a, b):
    return a // b

def run(steps, bad):
    n = 4
    acc = 0
    caught = 0
    for s in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                d = (s - bad) * (j - 2) + 1 if (s == bad or s == bad + 7) and j == 3 else j
                try:
                    acc += step(s, d - 1 if s == bad else d)
                except ZeroDivisionError:
                    caught += 1
                    acc -= i * 100 + j
    return acc, caught

print(run(3000, 2500))

def boom(steps):
    t = 0
    for s in range(steps):
        for k in range(3):
            t += 10 // (2999 - s + k if k == 1 else 1)
    return t

print(boom(4000))
