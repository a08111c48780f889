# A hot loop calling a chain of small functions deeper than any sensible
# inlining limit; an exception raised at the bottom is caught in the middle
# of the chain, so the frames between must be unwound exactly; and a
# function in the middle of the chain is replaced mid run.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1 frames_materialised>=1
def f0(x):
    if x % 997 == 996:
        raise LookupError(x)
    return x + 1
def f1(x): return f0(x) + 1
def f2(x): return f1(x) + 1
def f3(x): return f2(x) + 1
def f4(x):
    try:
        return f3(x) + 1
    except LookupError as e:
        return -e.args[0]
def f5(x): return f4(x) + 1
def f6(x): return f5(x) + 1
def f7(x): return f6(x) + 1
def f8(x): return f7(x) + 1
def f9(x): return f8(x) + 1
def f10(x): return f9(x) + 1
def f11(x): return f10(x) + 1
tot = 0
neg = 0
for i in range(20000):
    if i == 12000:
        def f2(x): return f1(x) * 2
    r = f11(i)
    if r < 0:
        neg += 1
    tot += r
print(tot, neg)
# Keyword and default arguments on an inlined path.
def g(a, b=2, *, c=3):
    return a * b + c
u = 0
for i in range(10000):
    if i < 5000:
        u += g(i)
    else:
        u += g(i, c=i % 4) + g(b=1, a=i)
print(u)
