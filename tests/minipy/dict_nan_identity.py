# A NaN key is found again by identity (NaN != NaN, but `is` comes first in
# dict and set lookups), also from a hot loop; a fresh NaN never matches.
nan = float("nan")
d = {}
for i in range(4000):
    k = [0.0, -0.0, 0, nan][i % 4]
    d[k] = d.get(k, 0) + 1
print(len(d), d[0], d[nan], d.get(float("nan")), nan in d)
s = set()
hits = 0
for i in range(3000):
    x = nan if i % 2 else 1.5
    hits += x in s
    s.add(x)
print(len(s), hits)
lst = [nan] * 10
print(lst.count(nan), nan in lst, lst.index(nan), [nan] == [nan], (nan,) == (nan,))
# A NaN computed in a hot loop is one object, used twice as a key.
def keyed(n):
    inf = float("inf")
    found = 0
    for i in range(n):
        x = inf - inf
        e = {x: i}
        found += x in e
        s = set()
        s.add(x)
        found += x in s
    return found
print(keyed(3000))
