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
