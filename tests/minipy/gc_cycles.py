# Cycles that reference counting cannot free; gc.collect() returns how many
# objects it found unreachable (only kinds whose count is the same in
# CPython and minipy are printed exactly).
import gc

gc.collect()

def case(name, make):
    make()
    print(name, gc.collect())

def self_list():
    l = []
    l.append(l)

def two_lists():
    a = [1, 2]
    b = [a]
    a.append(b)

def self_dict():
    d = {"k": 1}
    d["self"] = d

def tuple_list():
    t = ([],)
    t[0].append(t)

def tuple_key():
    d = {}
    def f(x=d):
        return x
    d[(f,)] = 1

def closure():
    def g():
        return g
    return g

def ring(n):
    first = [0]
    cur = first
    for i in range(1, n):
        nxt = [i]
        cur.append(nxt)
        cur = nxt
    cur.append(first)

case("self list", self_list)
case("two lists", two_lists)
case("self dict", self_dict)
case("tuple and list", tuple_list)
case("tuple as key", tuple_key)
case("closure", closure)
case("ring of 100", lambda: ring(100))
case("nothing", lambda: None)

# Acyclic garbage is freed by reference counting, never by the collector.
def acyclic():
    x = [[i] for i in range(100)]
    y = {i: (i, [i]) for i in range(100)}
case("acyclic", acyclic)

# Objects reachable from live variables survive collections.
keep = []
keep.append(keep)
inner = {"list": keep}
keep.append(inner)
print("kept", gc.collect(), len(keep), keep[1]["list"] is keep)
del inner
print("still kept", gc.collect(), keep[1]["list"] is keep)
del keep
print("now garbage", gc.collect())

# Instances, bound methods and exceptions in cycles: CPython's count depends
# on how it stores instance dicts, so only whether something was found.
class Node:
    def __init__(self):
        self.me = self
        self.m = self.method
    def method(self):
        return 1

n = Node()
del n
print("instance", gc.collect() > 0)

def exc_cycle():
    try:
        raise ValueError("x")
    except ValueError as e:
        e.keep = e
exc_cycle()
print("exception", gc.collect() > 0)
print("empty", gc.collect())
