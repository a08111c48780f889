# An exception thrown into a suspended generator and not caught: the
# traceback shows the yield it was raised at.
def g():
    yield 1

x = g()
next(x)
x.throw(KeyError("k"))
