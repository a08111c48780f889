# Dropping the last reference to a suspended generator closes it: its
# finally blocks run at once, an exception they raise is reported on stderr
# and dropped, a generator that yields again is reported too, and the
# exception being handled around the del is still the one being handled.
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)
def bad():
    try:
        yield 1
    finally:
        raise ValueError("boom")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
for k in range(3):
    x = g(k); next(x); del x
    print("after del", k)
    y = bad(); next(y); del y
    z = stubborn(); next(z); del z
    print("after bad", k)
d = {"a": g("dict")}
next(d["a"])
del d["a"]
print("dict entry gone", len(d))
lst = [g("list")]
next(lst[0])
lst.pop()
print("popped")
try:
    try:
        raise KeyError("a")
    except KeyError:
        w = bad(); next(w); del w
        raise
except KeyError as e:
    print("still handling", repr(e))
unstarted = g("never started")
del unstarted
done = g("done")
for _ in done:
    pass
del done
def outer():
    inner = g("local")
    next(inner)
    return 5
print(outer())
print("end")
