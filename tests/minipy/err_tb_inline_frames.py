# Full traceback of an exception raised five Python calls deep (calls that
# run in their caller's dispatch loop): a method, a closure, a recursive
# function and a generator's frame on the way, each line recorded once.
class Walker:
    def __init__(self, limit):
        self.limit = limit
    def step(self, n):
        return descend(n, self.limit)

def descend(n, limit):
    if n > limit:
        return explode(n)
    return descend(n + 1, limit) + 1

def make():
    def explode_inner(n):
        return {6: 60, 4: 40}[n]
    return explode_inner
explode = make()

def gen(w):
    for i in range(3):
        yield w.step(i)

print(Walker(5).step(4))
for v in gen(Walker(2)):
    print(v)
