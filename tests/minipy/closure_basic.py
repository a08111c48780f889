# Closures capturing variables, counters, late binding.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter(); c2 = make_counter()
print(c1(), c1(), c1(5), c2())
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders()])
def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3))
def shared():
    v = []
    def push(x):
        v.append(x)
    def get():
        return v
    return push, get
push, get = shared()
push(1); push(2)
print(get())
