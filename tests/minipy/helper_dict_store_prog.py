# The program of dict_store_direct.py and dict_store_direct_off.py: loops
# that store into exact dicts with str and int keys (the JIT's direct store
# helpers, the one-lookup `d[k] = d.get(k, 0) + 1`, in-place int updates)
# and into module globals at their entries, and the cases they must leave
# to the general path or get right: big ints made mid-loop, keys of mixed
# classes (floats and bools equal to int keys, a user class colliding with
# an int key's hash), dict subclasses, a dict changed by a call between the
# get and the store, values the loop keeps a reference to, globals deleted
# and made again while a loop stores them.

W = ""
N = 0
TOTAL = 0
GI = 0
GJ = 0
GK = 0


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        if isinstance(other, K):
            return self.v == other.v
        return self.v == other

    def __repr__(self):
        return "K(%r)" % (self.v,)


class Sub(dict):
    def total(self):
        return sum(self.values())


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def count_global(words):
    # as bench/dict_words.py's module-level loop: w and the dict are globals
    global W, N
    g = {}
    for W in words:
        g[W] = g.get(W, 0) + 1
        N += 1
    return g


def big_counts(n):
    # values that leave the int64 range in the middle of the loop
    d = {"a": 0, "b": 2 ** 62, 7: -(2 ** 62)}
    for i in range(n):
        d["a"] = d.get("a", 0) + 3
        d["b"] = d.get("b", 0) + 2 ** 59
        d[7] = d.get(7, 0) - 2 ** 58
    return d


def mixed_keys(n):
    # int keys meeting equal float and bool keys stored before
    d = {1.0: 0, True: 5, 2: 0, "2": 0, 3.5: 0}
    for i in range(n):
        k = i % 4
        d[k] = d.get(k, 0) + 1
        s = str(k)
        d[s] = d.get(s, 0) + 10
    return d


def user_collide(n):
    # a user key with the hash of the int keys: its __eq__ must run
    d = {K(3): 0, 4: 0}
    for i in range(n):
        k = 3 + i % 2
        d[k] = d.get(k, 0) + 1
    return d


def changed_between(n):
    # a call between d.get and the store changes the dict's keys
    d = {"x": 0, "y": 0}

    def meddle(i):
        if i % 7 == 3:
            del d["x"]
        elif i % 7 == 5:
            d["z" + str(i % 3)] = i
        return 1

    for i in range(n):
        v = d.get("x", 100)
        inc = meddle(i)
        d["x"] = v + inc
        d["y"] = d.get("y", 0) + 2
    return d


def kept_values(n):
    # values the loop holds on to must not change under it
    d = {"a": 1000, "b": 5}
    seen = []
    for i in range(n):
        old = d.get("a", 0)
        ref = d["a"]
        d["a"] = d.get("a", 0) + 1000
        d["b"] = d.get("b", 0) + 1
        if i % 50 == 0:
            seen.append((old, ref, d["a"]))
    return seen, d


def obj_values(n):
    # object, float, bool and str values; values replaced of each kind
    d = {}
    for i in range(n):
        k = "k" + str(i % 5)
        d[k] = [i]
        d[i % 3] = i / 4
        d["flag"] = i % 2 == 0
        d["s"] = k * 2
        d[-1] = (i, k)
    return sorted((str(a), repr(b)) for a, b in d.items())


def subclass_store(n):
    d = Sub()
    for i in range(n):
        d[i % 3] = d.get(i % 3, 0) + i
    return d, d.total()


def order(n):
    # insertion order with deletes and re-inserts while the loop stores
    d = {}
    for i in range(n):
        k = (i * 7) % 11
        d[k] = d.get(k, 0) + 1
        if i % 13 == 12:
            del d[(i * 3) % 11]
    return list(d.items())


def global_stores(n):
    global TOTAL
    out = 0
    for i in range(n):
        TOTAL = i * 2 + 1
        out += TOTAL
        if i % 100 == 99:
            del globals()["TOTAL"]
            TOTAL = -i
    return out, TOTAL


def global_ints(n):
    # ints stored raw into globals (into the old int when only the global
    # holds it), read back after the store, sometimes shared with another
    # global, and stored through globals() as a dict
    global GI, GJ
    GI = 1000
    GJ = 0
    g = globals()
    acc = 0
    for i in range(n):
        GI = GI + 1000
        acc += GI
        if i % 10 == 0:
            GJ = GI
        acc += GJ
        g["GK"] = g.get("GK", 0) + 1000
        acc += GK
    return acc, GI, GJ, GK


def main():
    syl = ["ka", "lo", "mi", "ne", "ru", "sa", "to"]
    words = [syl[i % 7] + syl[(i * 3) % 5] + syl[(i // 7) % 3] for i in range(4000)]
    c = count_words(words)
    print(len(c), list(c.items())[:5], sum(c.values()))
    g = count_global(words)
    print(len(g), list(g.items())[-3:], W, N)
    print(big_counts(3000))
    print(mixed_keys(2000))
    print(user_collide(2000))
    print(changed_between(2000))
    s, d = kept_values(600)
    print(s[:3], s[-1], d)
    print(obj_values(1000))
    print(subclass_store(1000))
    print(order(3000))
    print(global_stores(1000))
    print(global_ints(1000))
