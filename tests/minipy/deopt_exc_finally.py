# Exceptions raised inside hot loops pass through try/finally blocks in the
# loop and in the functions it calls: the finally bodies run exactly once per
# raise, exception types differ by iteration, an exception escapes from an
# inlined method through two frames, and re-raise keeps the original.
# jit-expect: traces_compiled>=1 deopts>=1
log = []
def step(i):
    try:
        if i % 500 == 499:
            raise KeyError(i)
        if i % 700 == 699:
            raise ValueError("v%d" % i)
        return i
    finally:
        log.append(i % 3)
counts = {"ok": 0, "KeyError": 0, "ValueError": 0}
total = 0
for i in range(12000):
    try:
        total += step(i)
        counts["ok"] += 1
    except (KeyError, ValueError) as e:
        counts[type(e).__name__] += 1
    finally:
        total += 1
print(total, counts, len(log), sum(log))
class Acc:
    def __init__(self):
        self.n = 0
    def add(self, v):
        self.n += self.check(v)
    def check(self, v):
        if v < 0:
            raise ArithmeticError("negative %d" % v)
        return v
a = Acc()
bad = []
for i in range(10000):
    v = i if i % 1234 else -i
    try:
        a.add(v)
    except ArithmeticError as e:
        bad.append(e.args[0])
print(a.n, bad)
def wrap(i):
    try:
        return 10 // (i % 1000)
    except ZeroDivisionError:
        raise
seen = 0
for i in range(8000):
    try:
        wrap(i)
    except ZeroDivisionError as e:
        seen += 1
        ctx = (e.__context__, e.__cause__, str(e))
print(seen, ctx)
# raise ... from inside a hot loop; the cause is kept.
causes = []
for i in range(3000):
    try:
        try:
            [][i]
        except IndexError as e:
            if i % 1000 == 999:
                raise RuntimeError("at %d" % i) from e
    except RuntimeError as r:
        causes.append((str(r), type(r.__cause__).__name__))
print(causes)
# A return from inside finally in a loop swallows the exception.
def swallow(i):
    for j in range(3):
        try:
            if j == i % 3:
                raise OSError
        finally:
            if j == i % 3:
                return j + i
    return -1
print(sum(swallow(i) for i in range(6000)))
