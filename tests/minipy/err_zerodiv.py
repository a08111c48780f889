# Uncaught ZeroDivisionError from a nested call.
def f(x):
    return g(x) + 1
def g(x):
    return 10 // x
print(f(5))
print(f(0))
