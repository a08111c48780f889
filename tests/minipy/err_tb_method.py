# Full traceback through a method and a module-level loop.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by):
        self.n += by
        if self.n > 5:
            raise ValueError("counter overflow: %d" % self.n)

c = Counter()
for i in range(10):
    c.bump(i)
    print(c.n)
