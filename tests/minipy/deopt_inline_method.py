# A method inlined into a hot loop (LOAD_METHOD + CALL): the attribute it
# reads overflows the machine int inside the inlined body (a guard in the
# callee: its frame is materialised at the exit), and then the class's
# method is replaced mid loop (the trace depends on the class).
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1 frames_materialised>=1
class P:
    def __init__(self, x):
        self.x = x
    def step(self, k):
        return self.x * k + 1
    def other(self, k):
        return self.x - k
p = P(3)
t = 0
for i in range(30000):
    if i == 10000:
        p.x = 2 ** 61
    if i == 12000:
        p.x = 7
    if i == 20000:
        P.step = P.other
    t += p.step(i)
print(t)
# An inherited method, then one defined on the subclass after the loop got
# hot, shadowing it.
class Q(P):
    pass
q = Q(5)
u = 0
for i in range(20000):
    if i == 15000:
        Q.step = lambda self, k: k * 3
    u += q.step(i) + q.other(1)
print(u)
