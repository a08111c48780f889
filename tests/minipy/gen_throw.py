# generator.throw and generator.close with CPython's semantics.

def counter():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("  caught", repr(e))
            i = -100
        i += 1

g = counter()
print(next(g), next(g))
print(g.throw(ValueError("reset")))
print(next(g))
print(g.throw(ValueError))              # a class is instantiated
print(g.throw(ValueError, "with value"))
print(g.throw(ValueError, ("a", 1)))
try:
    g.throw(KeyError("k"))              # not caught: propagates
except KeyError as e:
    print("KeyError out", e)
try:
    next(g)                              # and the generator is finished
except StopIteration:
    print("finished")
try:
    g.throw(IndexError("after"))         # an exhausted generator just raises
except IndexError as e:
    print("IndexError", e)

# throw into a generator that returns: StopIteration carries the value
def returner():
    try:
        yield 1
    except RuntimeError:
        return "done"

g = returner()
next(g)
try:
    g.throw(RuntimeError)
except StopIteration as e:
    print("StopIteration", e.value)

# throw into a just-created generator: raised before the body runs
def body():
    print("  body runs")
    yield 1

g = body()
try:
    g.throw(TypeError("early"))
except TypeError as e:
    print("TypeError", e)
print(list(g))

# finally blocks run when the exception passes through
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally")

g = with_finally()
next(g)
try:
    g.throw(ZeroDivisionError)
except ZeroDivisionError:
    print("ZeroDivisionError out")

# throw passes through yield from to the innermost generator
def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except ValueError:
        yield "inner caught"
    return "inner result"

def outer():
    r = yield from inner()
    print("  outer got", r)
    try:
        yield from inner()
    except KeyError:
        yield "outer caught KeyError"
    yield "outer end"

g = outer()
print(next(g))
print(g.throw(ValueError))
print(next(g))
print(next(g))
print(g.throw(KeyError))
print(next(g))

# close()
def closable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
    finally:
        print("  cleanup")

g = closable()
print(g.close())          # not started: nothing runs
g = closable()
next(g)
print(g.close())
print(g.close())          # closing twice is fine
try:
    next(g)
except StopIteration:
    print("closed generator is exhausted")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring")
    yield 2     # where the RuntimeError leaves it: closing again is quiet

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)

def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")

g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError", e)

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return 5
g = returns_on_close()
next(g)
print(g.close())

# close through yield from closes the inner generator too
def inner2():
    try:
        yield 1
    finally:
        print("  inner2 closed")
def outer2():
    try:
        yield from inner2()
    finally:
        print("  outer2 closed")
g = outer2()
next(g)
g.close()

# errors
g = counter()
for bad in (1, "x"):
    try:
        g.throw(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    g.throw(ValueError("x"), 1)
except TypeError as e:
    print("TypeError", e)

# a StopIteration thrown in and not caught becomes RuntimeError (PEP 479)
g = counter()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError", e)

# generator already executing
def selfthrow():
    yield me.throw(ValueError)
me = selfthrow()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
