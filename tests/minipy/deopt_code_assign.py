# A function's __code__ assigned mid hot loop: the trace that inlined the
# function is invalidated and the next calls run the new code; also a
# function that assigns its own __code__ while a trace runs it inlined.
# Selected at the 100th visit (jit-env), when tier 1 has made the CALL
# CALL_PY_EXACT: the inlined callee is then guarded by identity and its
# code is a dependency, which the assignment invalidates (a trace
# selected at the first visit, forced hot's threshold of 1, finds the
# CALL generic and guards the code itself, and runs on with no
# invalidation once nothing else makes it exit).
# jit-env: JITCORE_OPTIONS=threshold=100
# jit-expect: traces_compiled>=1 invalidated>=1
def step(i):
    return i + 1

def double(i):
    return 2 * i

def neg(i):
    return -i

total = 0
for i in range(30000):
    if i == 10000:
        step.__code__ = double.__code__
    if i == 20000:
        step.__code__ = neg.__code__
    total += step(i)
print(total)

class Acc:
    def __init__(self):
        self.n = 0
    def add(self, k):
        self.n += k
        return self.n

def add3(self, k):
    self.n += 3 * k
    return self.n

a = Acc()
for i in range(20000):
    if i == 12000:
        Acc.add.__code__ = add3.__code__
    a.add(i % 7)
print(a.n)

# The callee has its own code swapped (by a function it calls) on the
# 15000th call: that call finishes with the old code (in the trace, or in
# the frame an exit rebuilds), the later ones run the new code.
def alt(i):
    return i * 10

def swapper():
    flip.__code__ = alt.__code__

def flip(i):
    if i == 15000:
        swapper()
        return i - 0.5
    return i

s = 0
for i in range(25000):
    s += flip(i)
print(s)
