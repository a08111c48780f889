# Guards failing inside inlined callees, at depth 1 and 2: an attribute
# the callee reads changes type (int -> float -> str concatenation), and
# an argument makes a callee's multiplication overflow into a big int.
# jit-expect: traces_compiled>=1 deopts>=1 frames_materialised>=1
class Box:
    def __init__(self, v):
        self.v = v
def get(o):
    return o.v + 1
def outer(o):
    return get(o) * 2
def mul(a, b):
    return a * b
def mul2(a, b):
    return mul(a, b) + mul(b, a)
b = Box(1)
s = 0
f = 0.0
for i in range(30000):
    if i == 10000:
        b.v = 0.5
    if i == 20000:
        b.v = 3
    s += get(b)
    f += outer(b)
print(s, f)
n = 0
for i in range(30000):
    k = 2 ** 40 if i % 5000 == 4999 else i
    n += mul2(k, 3 * k) + mul(i, k)
print(n)
