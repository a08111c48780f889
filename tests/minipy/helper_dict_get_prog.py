# The program of dict_get_direct.py and dict_get_direct_off.py: loops of
# d.get(k[, default]) on exact dicts with str and int keys (the JIT's
# direct helper), and the cases it must leave to the general call: a dict
# subclass with __missing__ or its own get, keys of a user class with
# __hash__/__eq__ (also colliding with an int key already in the dict),
# other key classes, and dicts changed during the loop.

class Missing(dict):
    def __missing__(self, k):
        return "missing"


class OwnGet(dict):
    def get(self, k, d=None):
        return ("own", k, d)


EQS = [0]


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v

    def __eq__(self, other):
        EQS[0] += 1
        if isinstance(other, K):
            return self.v == other.v
        return self.v == other


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def int_keys(n):
    d = {}
    for i in range(n):
        k = (i * 7) % 13
        d[k] = d.get(k, 100) - 1
    return d


def no_default(d, keys):
    out = []
    for k in keys:
        out.append(d.get(k))
    return out


def mixed(dicts, key):
    out = []
    for d in dicts:
        out.append(d.get(key, -1))
    return out


def mutating(n):
    d = {"a": 1}
    tot = 0
    for i in range(n):
        v = d.get("a", 0)
        tot += v
        if i % 50 == 7:
            del d["a"]
        elif i % 50 == 9:
            d["a"] = i
        if i % 97 == 0:
            d["x" + str(i)] = i      # grows: the table is rebuilt
    return tot, len(d)


def user_keys(n):
    d = {K(5): "k5", 6: "six"}
    got = []
    for i in range(n):
        got.append(d.get(5 + i % 2, "none"))
        got.append(d.get(K(6), "none"))
    return got.count("k5"), got.count("six"), got.count("none")


def main():
    syl = ["ka", "lo", "mi", "ne", "ru"]
    words = [syl[i % 5] + syl[(i * 3) % 5] for i in range(3000)]
    c = count_words(words)
    print(sorted(c.items()))
    print(sorted(int_keys(3000).items()))
    print(no_default({"a": 1, 2: "two"}, ["a", 2, "b", 3] * 300)[:8])
    ds = [{"q": i} for i in range(400)] + [Missing(), OwnGet({"q": 5})] + [{"q": 9}] * 400
    print(mixed(ds, "q")[395:405], sum(x for x in mixed(ds, "q") if isinstance(x, int)))
    print(mutating(3000))
    EQS[0] = 0
    print(user_keys(1000), EQS[0])
    fl = {1.5: "f", 2: "i"}
    print(no_default(fl, [1.5, 2.0, 2, 3.0] * 200)[:4])
    # int keys equal to floats and bools already in the dict
    eq = {1.0: "float one", True: "true?", 2: "two"}
    print(no_default(eq, [1, 0, 2, 3] * 200)[:4])
