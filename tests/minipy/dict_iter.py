# Iterating over dicts; order after deletes and re-inserts.
d = {}
for i in range(20):
    d[i * 7 % 20] = i
print(d)
for k in list(d):
    if k % 3 == 0:
        del d[k]
print(d)
for k, v in d.items():
    d[k] = v * 2
print(d)
d[3] = "back"
print(list(d.items())[-3:])
total = 0
for v in d.values():
    if isinstance(v, int):
        total += v
print(total)
inv = {v: k for k, v in d.items()}
print(inv)
