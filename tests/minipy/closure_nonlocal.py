# nonlocal across several levels; closures over loop variables.
def outer():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return mid(), x
print(outer())
def fibs():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        a, b = b, a + b
        return a
    return nxt
n = fibs()
print([n() for _ in range(12)])
def make_all():
    out = []
    for i in range(3):
        def f(i=i):
            return i * 100
        out.append(f)
    return out
print([f() for f in make_all()])
