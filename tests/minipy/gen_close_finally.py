# close() of a suspended generator raises GeneratorExit at its yield, so its
# finally blocks run; so does dropping the last reference to it (`del y`).
def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
x = g()
print(next(x))
x.close()
print("after close", next(x, "exhausted"))
y = g()
for v in y:
    break
del y
print("after del")
def h():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
z = h()
next(z)
z.close()
print("done")
