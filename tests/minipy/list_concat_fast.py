# list + list (minipy's BINARY_OP_ADD_LIST) hot, and every case it must
# leave to the generic operator: +=, subclasses (with and without __add__
# / __radd__), tuples, mixed operands and their error messages.

def concat_loop(n):
    acc = []
    total = 0
    for i in range(n):
        x = [i] + [i + 1, i + 2]
        y = x + []
        z = [] + y
        total += len(z) + z[-1]
        acc = acc + [i % 3]
    return total, len(acc), acc[:6]

print(concat_loop(2000))

class L(list):
    pass

class A(list):
    def __add__(self, o):
        return "A.__add__"
    def __radd__(self, o):
        return "A.__radd__"

def mixed():
    a = [1, 2]
    b = [3]
    for other in ([4], L([5]), A([6]), (7,), "s", None, 8):
        try:
            r = a + other
            print(type(r).__name__, r)
        except TypeError as e:
            print("TypeError:", e)
        try:
            r = other + b
            print(type(r).__name__, r)
        except TypeError as e:
            print("TypeError:", e)
    c = a
    a += b
    print(a, c, a is c)
    d = a + b
    print(d, d is a, a)
    l1 = L([1])
    r = l1 + [2]
    print(type(r).__name__, r)
    e = []
    e = e + e
    print(e)
    s = [[0]] * 2
    t = s + s
    t[0].append(1)
    print(s, t)

for k in range(20):
    mixed() if k == 19 else concat_loop(10)

def add(p, q):
    return p + q

warm = 0
for i in range(50):
    warm += len(add([i], [i, i]))
print(warm)
for other in ([4], L([5]), A([6]), (7,), "s", None, 8, [9]):
    for p, q in (([1, 2], other), (other, [3])):
        try:
            r = add(p, q)
            print(type(r).__name__, r)
        except TypeError as e:
            print("TypeError:", e)
