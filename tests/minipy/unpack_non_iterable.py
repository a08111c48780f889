# Unpacking something that is not iterable says so as CPython does; an
# __iter__ raising its own TypeError keeps its message.
def u2(v):
    a, b = v
    return a, b

def ustar(v):
    a, *b = v
    return a, b

for v in [5, None, 3.5, len, "xy", (1, 2), [3, 4], {5: 0, 6: 1}]:
    for fn in (u2, ustar):
        try:
            print(fn.__name__, fn(v))
        except (TypeError, ValueError) as e:
            print(fn.__name__, type(e).__name__, e)

class It:
    def __iter__(self):
        raise TypeError("custom")

class NoIter:
    pass

for v in [It(), NoIter()]:
    try:
        a, b = v
    except TypeError as e:
        print(e)
try:
    for x, y in [(1, 2), 3]:
        print(x, y)
except TypeError as e:
    print(e)
