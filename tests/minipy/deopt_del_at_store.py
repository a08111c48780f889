# A finalizer runs when the last reference to its object goes, at the store
# that drops it, as in CPython: each "del" line comes right after the store
# that replaced the object, for a module global, a `global` in a function,
# a list item and a dict item.  Forced hot, the JIT's store helpers
# (jit/jit_helpers.c: h_store_global, list_store, h_store_entry) used to
# park the replaced object until the trace exited, so the finalizers ran
# late and in reverse order; now they leave such a store to the
# interpreter once a class has __del__ (jit/jit_lower.c, "Finalizers").
# jit-expect: traces_compiled>=1
class Noisy:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print("del", self.i)
cur = None
for i in range(40):
    cur = Noisy(i)
    print("stored", i)
def f():
    global cur
    for i in range(40, 80):
        cur = Noisy(i)
        print("stored", i)
f()
box = [None]
for i in range(80, 120):
    box[0] = Noisy(i)
    print("stored", i)
d = {}
for i in range(120, 160):
    d["k"] = Noisy(i)
    print("stored", i)
print("end")
