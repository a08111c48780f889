# Dict operations, insertion order.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 100
print(d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
d.update({"x": 1, "c": 30})
d.update(y=2)
print(d, d.setdefault("c", 0), d.setdefault("new", []), d)
e = dict(d)
e.clear()
print(e, d == dict(d), {1: 2} == {1: 2.0}, dict([(1, "a"), (2, "b")]), dict(a=1, b=2))
print(sorted(d), list(reversed(list(d))), {**{"p": 1}, "q": 2})
k, v = d.popitem()
print(k, v, d)
print(dict.fromkeys("abc", 0), {}.get(1), len({}))
