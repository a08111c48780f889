# A for loop over a suspended generator resumes it in the same dispatch
# loop (ceval.c, FOR_ITER): its yields come back to the loop, its return
# ends the loop, an exception leaving it raises at the loop.  Everything
# that can happen to a generator between two items must still work:
# next/send/throw/close from the loop body, re-entrance, exceptions caught
# inside and outside, yields inside except blocks and with blocks,
# yield from, nesting, recursion, breaking out and resuming later.
import sys

def count(n):
    for i in range(n):
        yield i
    return "done"

print(sum(x for x in count(10)), [x for x in count(5)])
t = 0
for x in count(1000):
    t += x
print(t)

# the return value is dropped by the loop, kept for yield from
def outer():
    r = yield from count(3)
    yield r
print(list(outer()))
for v in outer():
    print("outer", v)

# an exception leaving the generator raises at the for statement
def failing(n):
    for i in range(n):
        if i == 4:
            raise KeyError(i)
        yield i

got = []
try:
    for x in failing(10):
        got.append(x)
except KeyError as e:
    print("KeyError", e, got)

# PEP 479: StopIteration inside becomes RuntimeError
def stops():
    yield 1
    yield 2
    raise StopIteration("inner")

try:
    for x in stops():
        print("stops", x)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)

# caught inside the generator, which goes on yielding
def resilient(n):
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -int(str(e))
print(list(resilient(8)))
for x in resilient(7):
    print("r", x, end=" ")
print()

# yields inside an except block: the generator's handled exception and the
# loop's are each their own
def in_handler():
    try:
        raise TypeError("inside")
    except TypeError:
        for i in range(3):
            yield i, sys.exc_info()[0].__name__
    yield 9, sys.exc_info()[0]

try:
    raise OSError("outside")
except OSError:
    for i, name in in_handler():
        print("handler", i, name, sys.exc_info()[0].__name__)
print("after", sys.exc_info()[0])

# next(), send(), throw() and close() on the generator from the loop body
def echo():
    i = 0
    while True:
        try:
            got = yield i
        except ZeroDivisionError:
            got = "thrown"
        if got is not None:
            print("echo got", got)
        i += 1

g = echo()
for v in g:
    print("loop", v)
    if v == 1:
        print("next", next(g))
    if v == 3:
        print("send", g.send("hello"))
    if v == 5:
        print("throw", g.throw(ZeroDivisionError))
    if v == 7:
        g.close()
print("closed", list(g))

# re-entrance: the generator iterating over itself
def selfish():
    yield 1
    try:
        for x in me:
            yield x
    except ValueError as e:
        yield "ValueError: " + str(e)

me = selfish()
for v in me:
    print("selfish", v)

# try/finally and with blocks around the yield; break and resume later
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0])
        return False

def guarded(n):
    try:
        with Ctx():
            for i in range(n):
                yield i
    finally:
        print("finally")

g = guarded(6)
for v in g:
    print("guarded", v)
    if v == 2:
        break
print("resume", next(g))
for v in g:
    print("rest", v)

g = guarded(4)
for v in g:
    if v == 1:
        break
del g
print("deleted")

# nested and recursive generators
def tree(d):
    if d == 0:
        yield "leaf"
        return
    for x in tree(d - 1):
        yield x + "L"
    for x in tree(d - 1):
        yield x + "R"

print(len(list(tree(6))), list(tree(2)))

def deep(n):
    if n:
        for x in deep(n - 1):
            yield x + 1
    else:
        yield 0
print(list(deep(200)))

def too_deep(n):
    for x in too_deep(n + 1):
        yield x
    yield n

try:
    for x in too_deep(0):
        pass
except RecursionError as e:
    print("RecursionError", e)
print(list(deep(50)))

# a generator in a for loop in a generator in a for loop, with a lambda
# and a generator expression in between
def pipeline(src):
    for x in src:
        if x % 2:
            yield x * x

print(list(pipeline(y + 1 for y in pipeline(count(20)))))
total = 0
for z in pipeline(map(lambda q: q + 1, pipeline(count(30)))):
    total += z
print(total)

# the generator's frame keeps its locals between resumptions, and a
# generator running in the loop is "already executing" for next()
def watch():
    seen = []
    for i in range(3):
        seen.append(i)
        try:
            next(w)
        except ValueError as e:
            seen.append(str(e))
        yield list(seen)

w = watch()
for s in w:
    print("watch", s)
