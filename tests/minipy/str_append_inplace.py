# s + t and s += t where s's only references are the operand stack (a
# temporary) or the local being reassigned: minipy appends in place.  Every
# other reference (another name, a list, a dict key, a default, a closure)
# must keep the old value; hashes, lengths, non-ASCII text, empty strings
# and errors as CPython's.

def build(n):
    s = ""
    for i in range(n):
        s += "ab"
        s = s + str(i % 10)
    return s

r = build(3000)
print(len(r), r[:20], r[-12:], hash(r) == hash("".join(r)), r.count("ab"))

def aliases():
    s = "start:" + str(7)
    keep = s
    s += "x"
    print(s, keep)
    l = ["head" + str(1)]
    t = l[0]
    t += "tail"
    print(t, l)
    d = {}
    k = "key" + str(2)
    d[k] = 1
    k += "!"
    print(k, d, "key2" in d, d.get("key2"))
    h = "hash" + str(3)
    before = hash(h)
    h += "more"
    print(h, hash(h) == hash("hash3more"), before == hash("hash3"))
    g = "gen" + str(4)
    def inner():
        return g
    g2 = g
    g2 += "!"
    print(inner(), g2)
    u = "ünï" + "cödé"
    u += "ß"
    u = u + "€"
    print(u, len(u), u.upper(), u[2:6], u.encode()[:6])
    e = "" + ""
    e += ""
    e += "a"
    e += ""
    print(repr(e), len(e), e == "a")
    w = "word" + str(5)
    w2 = w + w
    w += w
    print(w, w2, w == w2)

def temporaries(words):
    out = []
    for i in range(len(words) - 1):
        key = words[i] + "|" + words[i + 1] + "|" + str(i)
        out.append(key)
    return out

aliases()
ws = ["ka", "lo", "mi", "ünï", "ze", "", "qua"] * 50
ks = temporaries(ws)
print(len(ks), ks[:4], ks[-2:], len(set(ks)))
counts = {}
for k in ks:
    counts[k[:5]] = counts.get(k[:5], 0) + 1
print(sorted(counts.items())[:6])

def errors():
    s = "x" + str(1)
    try:
        s += 5
    except TypeError as e:
        print("TypeError:", e)
    print(s)
    try:
        s = s + None
    except TypeError as e:
        print("TypeError:", e)
    print(s)

errors()
big = ""
for i in range(20000):
    big += "0123456789"
print(len(big), big[-15:], big.count("9"))
