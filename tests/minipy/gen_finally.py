# Generators: finally blocks, exceptions inside, partially consumed generators.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("g finally")
for v in g():
    print("got", v)
def failing():
    yield "ok"
    raise KeyError("inside")
try:
    for v in failing():
        print(v)
except KeyError as e:
    print("caught", e)
def nums():
    for i in range(3):
        try:
            yield i
        except Exception:
            pass
print(list(nums()), [x for x in nums() if x])
