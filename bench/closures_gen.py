# closures_gen -- closures, generators and generator expressions in hot loops.
def make_scaler(k):
    def scale(x):
        return x * k + 1
    return scale
def counter():
    n = 0
    def inc(d):
        nonlocal n
        n += d
        return n
    return inc
def gen_range(n, step):
    i = 0
    while i < n:
        yield i
        i += step
def main():
    fs = [make_scaler(k) for k in range(1, 8)]
    inc = counter()
    acc = 0
    for i in range(3000000):
        acc = (acc + fs[i % 7](i)) % 1000003
        inc(i & 3)
    g = 0
    for rep in range(100):
        g += sum(x * x for x in gen_range(60000, 3))
        for v in gen_range(30000, 7):
            g ^= v
    print("closures_gen", acc, inc(0), g)
main()
