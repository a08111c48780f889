# &, | and ^ in hot loops: machine ints take the specialized forms
# (BINARY_OP_AND/OR/XOR_INT); big ints, bools (True & False is a bool),
# negative ints and a user int subclass with its own __and__ arrive
# mid-loop and must give CPython's results and types.
# jit-expect: traces_compiled>=1 deopts>=1

class Mask(int):
    def __and__(self, other):
        return "mask&%d" % other
    __rand__ = __and__

def mix(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        a = x & y
        o = x | y
        e = x ^ y
        out.append((a, o, e, type(a).__name__, type(o).__name__, type(e).__name__))
    return out

ints = list(range(-20, 40))
for row in mix(ints, [i * 7 + 3 for i in ints])[::7]:
    print(row)
big = [2 ** 64 + 5, -(2 ** 70), 2 ** 63 - 1, -2 ** 63]
print(mix(ints[:30] + big + ints[:10], ints[:30] + [3, 2 ** 65 + 1, -1, 1] + ints[:10])[28:36])
print(mix(ints[:30] + [True, False, True, 6], ints[:30] + [False, True, True, True])[28:])
print(mix(ints[:30] + [Mask(12), 5], ints[:30] + [10, Mask(3)])[29:])

acc = 0
h = 0x1234
for i in range(5000):
    acc ^= i * 2654435761 & 0xffffffff
    h = (h | i) & 0xffff ^ (h >> 3)
    if i == 4000:
        acc |= 2 ** 80
print(acc, h)
