# A user iterator's __next__, called from a hot loop's trace, raises after
# many items; the traceback shows the for line and the __next__ frame.
# jit-expect: traces_compiled>=1
class Items:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == self.n:
            return {}["missing"]
        return self.i
def consume(it):
    total = 0
    for v in it:
        total += v
    return total
print(consume(Items(10)) if False else "start")
print(consume(Items(5000)))
