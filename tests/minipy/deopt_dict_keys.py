# Dict lookups in hot loops when the key types change (int, then str, then
# tuple and float keys equal to int keys), keys deleted and re-inserted so
# insertion order changes, and a missing key raising KeyError mid run.
# jit-expect: traces_compiled>=1 deopts>=1
d = {}
for i in range(300):
    d[i] = i * i
s = 0
for i in range(15000):
    if i == 5000:
        for k in range(300):
            d[str(k)] = k
    if i == 10000:
        d[(1, 2)] = -5
    k = i % 300
    s += d[k] + (d[str(k)] if i >= 5000 else 0) + (d[(1, 2)] if i >= 10000 else 0)
print(s, len(d))
f = 0
for i in range(6000):
    f += d[float(i % 300)] + d[True] + d[False]
print(f)
miss = []
for i in range(9000):
    if i == 4000:
        del d[17]
    if i == 6000:
        d[17] = "back"
    try:
        v = d[i % 40]
    except KeyError as e:
        miss.append(e.args[0])
print(len(miss), set(miss), list(d)[-3:], d[17])
counts = {}
for i in range(12000):
    w = "w%d" % (i % 37)
    counts[w] = counts.get(w, 0) + 1
    if i % 3000 == 2999:
        del counts["w0"]
print(len(counts), list(counts)[:3], counts["w5"], sum(counts.values()))
