# Finalizers run where CPython runs them: at the store that drops the last
# reference, in hot loops, for every kind of store a trace makes -- a module
# global, a `global` in a function, a dict item, a list item (both signs of
# index), an instance attribute, a module attribute, a closure cell, a local
# variable, a deleted item -- and, when one iteration drops several objects,
# in the order it drops them (and a list's or a tuple's items last
# first, as CPython's list and tuple drop them).  Forced hot, every loop is traced with a
# class defining __del__ already there: the traces leave each store that
# drops an object to the interpreter (jit/jit_lower.c, "Finalizers").
# jit-expect: traces_compiled>=1 deopts>=1
import sys
N = 30

class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)

class Box:
    pass

g = None
for i in range(N):
    g = Noisy("g%d" % i)
    print("stored global", i)
g = None

def set_global():
    global g
    for i in range(N):
        g = Noisy("fg%d" % i)
        print("stored fglobal", i)
    g = None
set_global()

d = {}
for i in range(N):
    d["k"] = Noisy("d%d" % i)
    d[i % 2] = Noisy("di%d" % i)
    print("stored dict", i)
d.clear()
print("dict cleared")

lst = [None, None, None]
for i in range(N):
    lst[1] = Noisy("l%d" % i)
    lst[-1] = Noisy("m%d" % i)
    print("stored list", i)
lst = None
print("list dropped")

b = Box()
b.x = None
for i in range(N):
    b.x = Noisy("a%d" % i)
    print("stored attr", i)
b = None
print("box dropped")

mod = sys.modules[__name__]
for i in range(N):
    mod.g = Noisy("ma%d" % i)
    print("stored module attr", i)
mod.g = None

def cells():
    c = None
    def put(i):
        nonlocal c
        c = Noisy("c%d" % i)
    for i in range(N):
        put(i)
        print("stored cell", i)
    c = None
    print("cell cleared")
cells()

def local_loop():
    x = None
    for i in range(N):
        x = Noisy("x%d" % i)
        print("stored local", i)
    x = None
    print("local cleared")
local_loop()

def two_locals():
    a = Noisy("a-first")
    b = Noisy("b-first")
    for i in range(N):
        if i % 2:
            a = Noisy("a%d" % i)
            b = Noisy("b%d" % i)
        else:
            b = Noisy("b%d" % i)
            a = Noisy("a%d" % i)
        print("pair", i)
    a = b = None
    print("pair cleared")
two_locals()

def several_per_iteration():
    holder = {"p": Noisy("p0"), "q": Noisy("q0")}
    items = [Noisy("i0"), Noisy("j0")]
    for i in range(1, N):
        items[0] = Noisy("i%d" % i)
        holder["q"] = Noisy("q%d" % i)
        items[1] = Noisy("j%d" % i)
        holder["p"] = Noisy("p%d" % i)
        print("four stored", i)
    del items[0]
    print("deleted item")
    del holder["q"]
    print("deleted key")
several_per_iteration()

# a list and a tuple drop their items last first, as CPython's do
pair = (Noisy("t0"), Noisy("t1"), Noisy("t2"))
pair = None
row = [Noisy("r0"), Noisy("r1"), Noisy("r2")]
row = None
print("end")
