# StopIteration, iter()/next() protocol, for loops ending.
it = iter(range(3))
out = []
while True:
    try:
        out.append(next(it))
    except StopIteration:
        break
print(out)
def gen():
    yield 1
    return "retval"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(next(iter([]), "default"))
