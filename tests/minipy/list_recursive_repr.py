# Self-referencing containers print with [...] and {...}.
l = [1, 2]
l.append(l)
print(l, len(l), l[2][2][0])
d = {"a": 1}
d["self"] = d
print(d)
outer = [[]]
outer[0].append(outer)
print(outer)
