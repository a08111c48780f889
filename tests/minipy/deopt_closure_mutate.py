# Closures of one def called at one site (inlined by code, see
# deopt_closure_poly) while, mid-loop, a cell changes type, defaults are
# reassigned (another count of them too), a function of the site gets
# other code, a closure starts raising, and a cell is emptied: each must
# leave the trace at the right place with the right result.
# jit-expect: traces_compiled>=1 deopts>=3
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

def run(n, mutate):
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

print(run(3000, False))
print(run(3000, True))
print([f(10) for f in scalers], [f(10) for f in offsets], offsets[4]())
offsets[4].__defaults__ = (7,)
try:
    offsets[4](1)
except TypeError as e:
    print("TypeError", e)
del scalers[0].__closure__[0].cell_contents
for i in range(50):
    try:
        r = scalers[i % 7](1)
    except NameError as e:
        r = str(e)
print(r, scalers[1](1))
