# A variable changes type mid hot loop: int -> float -> str.
# jit-expect: traces_compiled>=1 deopts>=1
x = 0
out = []
for i in range(30000):
    if i == 10000:
        x = float(x)
    if i == 20000:
        x = str(x)
    if isinstance(x, str):
        x = x[:12] if len(x) > 12 else x + "a"
    else:
        x = x + 1
    if i % 5000 == 4999:
        out.append(repr(x))
print(out)
def add(a, b):
    return a + b
acc = []
for v in [1, 2, 3] * 3000 + [1.5, 2.5] * 3000 + ["s"] * 10:
    acc.append(add(v, v))
print(len(acc), acc[0], acc[9000], acc[-1], sum(acc[:15000]))
