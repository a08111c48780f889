# The collector's three generations (young, middle, old; thresholds 700, 10,
# 10 as CPython's): cycles whose members survived into the middle or the old
# generation are still found once they are broken off, objects referenced
# only from older generations survive younger collections, finalizers run
# once, and gc.set_threshold/get_threshold take all three values.  Every
# part runs twice: with the default thresholds and with set_threshold(700,
# 1, 1) (a middle collection after every young one, a full one after every
# middle one: the two-generation behaviour), and with (50, 3, 2).
import gc

print(gc.get_threshold())
print(len(gc.get_count()))

finalized = []
class Node:
    def __init__(self, tag):
        self.tag = tag
        self.peer = None
    def __del__(self):
        finalized.append(self.tag)

def churn(n):
    # many tracked allocations: young, middle and full collections run
    keep = []
    for i in range(n):
        keep.append([i, (i, [i])])
        if len(keep) > 50:
            keep = keep[25:]
    return len(keep)

def run(label):
    del finalized[:]
    gc.collect()
    # long-lived cycles, promoted by the churn to the middle and old generations
    old = []
    for i in range(40):
        a = Node(("a", i)); b = Node(("b", i))
        a.peer = b; b.peer = a
        old.append(a)
    churn(30000)
    # an old list holding young lists: they must survive young collections
    holder = [list(range(5))]
    for i in range(20):
        holder.append([i, [i * 2]])
    churn(30000)
    ok = all(holder[i + 1] == [i, [i * 2]] for i in range(20)) and holder[0] == [0, 1, 2, 3, 4]
    # break half of the old cycles mid-run; the collector finds them by itself
    # or at the latest at the gc.collect() below
    del old[::2]
    churn(30000)
    # a cycle between an old object and a young one
    old[0].peer.peer = [old[0], Node(("young", 0))]
    old[0].peer.peer.append(old[0].peer.peer)
    del old[0]
    churn(3000)
    gc.collect()
    names = sorted(finalized)
    print(label, ok, len(names), names[:3], names[-3:])
    # every finalizer ran exactly once
    print(label, len(set(names)) == len(names))
    # what is still referenced is intact
    print(label, sorted(n.tag[1] for n in old)[:5], len(old))
    del old[:]
    gc.collect()
    print(label, len(finalized))

run("default")
gc.set_threshold(700, 1, 1)
print(gc.get_threshold())
run("two-gen")
gc.set_threshold(50, 3, 2)
print(gc.get_threshold())
run("small")
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
