# pass in various places; del of names, items, attributes, slices.
def nothing():
    pass
class Nothing:
    pass
for i in range(3):
    pass
if True:
    pass
print(nothing(), type(Nothing()).__name__)
x, y = 1, 2
del x, y
l = list(range(8))
del l[0], l[-1]
print(l)
o = Nothing()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
d = {1: 1, 2: 2, 3: 3}
for k in [1, 3]:
    del d[k]
print(d)
