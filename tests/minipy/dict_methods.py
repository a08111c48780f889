# More dict methods and views.
d = dict(zip("abcde", range(5)))
keys = d.keys()
print(len(keys), "c" in keys, list(keys), sorted(d.values(), reverse=True))
d2 = d.copy()
d2["z"] = 26
print(d == d2, len(d), len(d2), list(d2)[-1])
print({k: v for k, v in d.items() if v % 2}, dict(sorted(d.items(), key=lambda kv: -kv[1])))
print(list(zip(d, d.values())), {v: k for k, v in d.items()}[3])
d.update([("a", 100), ("q", 9)])
print(d, d.get("q"), d.pop("q"), "q" in d)
m = {}
for word in "one two three four five six".split():
    m.setdefault(len(word), []).append(word)
print(m)
