# User __eq__/__hash__ used by dicts and sets.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return self.a == o.a and self.b == o.b
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return "Key(%d,%d)" % (self.a, self.b)
d = {}
for i in range(10):
    d[Key(i % 3, i % 2)] = i
print(len(d), d[Key(0, 0)], d[Key(2, 1)], Key(1, 1) in d, Key(5, 5) in d)
s = {Key(1, 2), Key(1, 2), Key(2, 1)}
print(len(s))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, len({p, q, p}))
