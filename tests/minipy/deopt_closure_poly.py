# One call site calling many closures of one def (a factory's products):
# the JIT inlines the body once, guarded by the code, with each closure's
# cells and defaults read from the function called, so the site stays on
# the trace whichever closure it calls.  40000 iterations make 120000
# such calls; exits must stay a small fraction of them (below 2000; with
# a guard on the function object each closure left the trace at the site
# or went through a chain of side traces, over 7000 exits).
# jit-expect: traces_compiled>=1 exits<=2000
def make_scaler(k):
    def scale(x):
        return x * k + 1
    return scale

def make_offset(k):
    def off(x, d=k, e=2):
        return x + d - e
    return off

def make_checked(limit):
    def chk(x):
        if x > limit:
            raise ValueError("over %d: %d" % (limit, x))
        return x
    return chk

def other_code(x, d=0, e=0):
    return -x - d

scalers = [make_scaler(k) for k in range(1, 8)]
offsets = [make_offset(k) for k in range(5)]
checks = [make_checked(10 ** 9), make_checked(10 ** 8)]

def run(n, mutate=False):
    acc = 0
    facc = 0.0
    errs = []
    for i in range(n):
        acc = (acc + scalers[i % 7](i)) % 1000003
        acc = (acc + offsets[i % 5](i)) % 1000003
        try:
            acc += checks[i & 1](i) & 7
        except ValueError as e:
            if len(errs) < 3:
                errs.append(str(e))
        if mutate:
            if i == 1000:
                # a cell of one closure now holds a float
                scalers[3].__closure__[0].cell_contents = 0.5
            elif i == 1500:
                offsets[2].__defaults__ = (100, 1)
                offsets[4].__defaults__ = (3, 7, 9)   # x has one too now
            elif i == 2000:
                offsets[1].__code__ = other_code.__code__
            elif i == 2500:
                checks[1].__closure__[0].cell_contents = 2400
            if i % 7 == 3:
                facc += scalers[3](i)
    return acc, facc, errs

print(run(40000))
print([f(10) for f in scalers], [f(10) for f in offsets], [f(5) for f in checks])
