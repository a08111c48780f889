# One call site, one method name, objects of four classes in a hot loop:
# the class mix changes mid-loop (two classes, then four, then a subclass
# that overrides the method), a method is replaced on one class and later
# added to a subclass that inherited it, and an attribute the method reads
# is deleted from one object (AttributeError inside the inlined call).
# jit-expect: traces_compiled>=2 side_traces>=1 deopts>=1 invalidated>=1
class A:
    def __init__(self, v):
        self.v = v
    def f(self, k):
        return self.v + k
class B(A):
    def f(self, k):
        return self.v * 2 - k
class C(A):
    def f(self, k):
        return (self.v + k) % 7
class D:
    def __init__(self, v):
        self.v = v
        self.w = 3
    def f(self, k):
        return self.v - self.w + k
class E(B):
    def f(self, k):
        return -self.v + k
class F(A):
    pass

def c_new(self, k):
    return self.v * 100 + k
def f_own(self, k):
    return 7 * k - self.v

two = [A(1), B(2)] * 20
four = [A(1), B(2), C(3), D(4)] * 10
five = [A(1), E(2), C(3), D(4), F(5)] * 8
total = 0
errors = 0
log = []
for i in range(12000):
    if i < 3000:
        objs = two
    elif i < 6000:
        objs = four
    else:
        objs = five
    if i == 7000:
        C.f = c_new
    if i == 8000:
        del five[3].w
    if i == 9000:
        F.f = f_own
    if i == 10000:
        five[3].w = 5
    o = objs[i % len(objs)]
    try:
        total += o.f(i)
    except AttributeError as e:
        errors += 1
        if errors < 3:
            log.append(str(e))
    if i % 1000 == 999:
        log.append(total)
print(total, errors)
print(log)

# The same site inside a function called from a loop (the method call is
# inlined into the function's loop trace), with the list reordered so the
# classes come in runs instead of alternating.
def run(objs, n):
    s = 0
    for k in range(n):
        for o in objs:
            s += o.f(k)
    return s
mixed = [A(1), B(2), C(3), D(4)] * 25
runs = sorted(mixed, key=lambda o: type(o).__name__)
print(run(mixed, 40), run(runs, 40))
B.f = lambda self, k: k - self.v
print(run(mixed, 40), run(runs, 40))
