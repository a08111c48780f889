# Suspended generators in garbage cycles are closed by the collector (their
# finally blocks run, errors ignored); one alive at exit is closed then.
import gc
def g(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

class Holder:
    pass
h = Holder()
h.gen = g("in cycle")
h.me = h
next(h.gen)
del h
print("before collect")
gc.collect()
print("after collect")

# a generator that references itself through its own frame
def selfref():
    me = yield
    try:
        yield 1
    finally:
        print("selfref finally")
s = selfref()
next(s)
s.send(s)
del s
gc.collect()
print("after selfref")

# a finalizer that raises in a cycle: ignored
def bad():
    try:
        yield 1
    finally:
        raise ValueError("in finally")
lst = [bad()]
lst.append(lst)
next(lst[0])
del lst
gc.collect()
print("after bad")

# alive at exit: closed at teardown
live = g("at exit")
next(live)
class D:
    def __del__(self):
        print("D at exit")
d = D()
print("end")
