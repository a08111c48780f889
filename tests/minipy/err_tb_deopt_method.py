# A method called from a hot loop hits a type error when the attribute it
# reads changes type mid run; the uncaught exception's traceback names the
# method and the loop line.
# jit-expect: traces_compiled>=1 deopts>=1
class Cell:
    def __init__(self):
        self.v = 1
    def bump(self, k):
        self.v = self.v + k
        return self.v
c = Cell()
s = 0
for i in range(10000):
    if i == 7000:
        c.v = "x"
    s += c.bump(1)
print(s)
