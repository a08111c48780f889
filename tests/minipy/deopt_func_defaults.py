# Function defaults and function objects replaced mid hot loop.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
def f(x, k=1):
    return x * k
total = 0
for i in range(30000):
    if i == 10000:
        f.__defaults__ = (3,)
    if i == 20000:
        def f(x, k=10):
            return x + k
    total += f(i)
print(total)
class C:
    def m(self):
        return 1
def m2(self):
    return 2
c = C()
s = 0
for i in range(20000):
    if i == 10000:
        C.m = m2
    s += c.m()
print(s)
