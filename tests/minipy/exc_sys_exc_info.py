# sys.exc_info() and sys.exception(): in except blocks, nested handlers,
# after the handler, in finally, in functions called from a handler, and in
# generators (which keep their own exception state across yields).
import sys

def show(tag):
    t, v, tb = sys.exc_info()
    print(tag, t.__name__ if t else None, repr(v), repr(sys.exception()))

show("start")
try:
    raise ValueError("a")
except ValueError:
    show("in except")
    try:
        raise KeyError("b")
    except KeyError:
        show("nested")
    show("back to outer")
show("after")

try:
    try:
        raise TypeError("c")
    finally:
        show("in finally while raising")
except TypeError as e:
    show("caught")
show("after finally")

def callee():
    show("callee")
try:
    1 / 0
except ZeroDivisionError:
    callee()

def reraiser():
    try:
        raise IndexError("d")
    except IndexError:
        show("reraiser")
        raise
try:
    reraiser()
except IndexError:
    show("outer of reraise")
show("after reraise")

# generators
def gen():
    show("gen start")
    try:
        raise ValueError("in gen")
    except ValueError:
        show("gen handler before yield")
        yield 1
        show("gen handler after yield")
    show("gen after handler")
    yield 2

g = gen()
next(g)
show("caller between")
try:
    raise KeyError("caller's")
except KeyError:
    next(g)
    show("caller handler after resume")
show("caller end")

def gen2():
    show("gen2 sees caller")
    yield
    show("gen2 resumed")
    yield
try:
    raise RuntimeError("outer")
except RuntimeError:
    g2 = gen2()
    next(g2)
next(g2)

def gen3():
    try:
        yield 1
    except GeneratorExit:
        show("gen3 closing")
        raise
g3 = gen3()
next(g3)
g3.close()
show("after close")

def gen4():
    try:
        yield 1
    except ZeroDivisionError:
        show("gen4 thrown")
        yield 2
    show("gen4 after")
    yield 3
g4 = gen4()
next(g4)
print(g4.throw(ZeroDivisionError("t")))
show("after throw")
print(next(g4))

# with statements
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        show("__exit__")
        print("exit args", t.__name__ if t else None, repr(v))
        return True
with CM():
    raise OSError("w")
show("after with")

try:
    sys.exc_info(1)
except TypeError as e:
    print(e)
