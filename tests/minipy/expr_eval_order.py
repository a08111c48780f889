# Evaluation order, short-circuiting and chained comparisons evaluating once.
log = []
def t(name, v):
    log.append(name)
    return v
print(t("a", 1) < t("b", 2) < t("c", 3), log); log.clear()
print(t("a", 3) < t("b", 2) < t("c", 3), log); log.clear()
print(t("x", 0) and t("y", 1), t("p", 1) or t("q", 2), log); log.clear()
d = {}
d[t("key", "k")] = t("value", "v")
print(log); log.clear()
r = [t("first", 1), t("second", 2)][t("index", 0)]
print(r, log); log.clear()
def f(a, b, *c, **k):
    return a
f(t("1", 1), t("2", 2), t("3", 3), z=t("kw", 4))
print(log)
a = b = []
a.append(1)
print(a, b, a is b)
x = [0, 0, 0]
i = 0
i, x[i] = 1, 5
print(i, x)
