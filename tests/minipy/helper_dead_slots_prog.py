# The program of deopt_dead_slots.py and its twin deopt_dead_slots_off.py
# (MINIPY_JIT_DEAD_SLOTS=0): one copy, run on import.  Hot loops whose
# exits happen with operands on the stack -- below the exit's depth (live:
# they must come back) and above it (dead: left out of the snapshot) --
# through every way an exit resumes: a type change mid-expression, an
# overflow into big ints, a raised exception caught around the loop, an
# inlined call's guard with the caller's arguments pending, a side trace
# seeded from such an exit, a generator suspended inside an expression.

def mixed(xs):
    # The operands of the outer + and * wait on the stack while the inner
    # part changes type (int, float, big int, str).
    t = 0
    out = []
    for x in xs:
        try:
            v = (x * 3 + (x // 2 if x > 0 else -x)) * 2 - len(out)
        except TypeError as e:
            v = -1
            out.append("TypeError")
        t = t + v
        if len(out) < 5 and v < 0:
            out.append(v)
    return t, out

def args_pending(n):
    # f(a, b, g(i)): f, a and b are live on the stack when g's guards exit.
    def g(k):
        return k * 2 if k % 97 else k + 0.5
    def f(a, b, c):
        return a + b + c
    s = 0
    for i in range(n):
        s = s + f(i, i + 1, g(i))
    return s

def overflow(n):
    # a * b overflows part-way; the pending + still needs its left operand.
    a = 1
    r = []
    for i in range(n):
        a = a * 3 + (a - 1)
        r.append(a % 1000003)
    return sum(r) % 1000003, a.bit_length()

def raise_mid(n):
    # An exception from the middle of an expression: the handler runs with
    # the stack unwound; the locals set before the raise are the
    # interpreter's.
    hits = []
    total = 0
    for i in range(n):
        j = i * 7
        try:
            total += j + (100 // (i % 13 - 6)) * 2
        except ZeroDivisionError:
            hits.append((i, j, total))
    return total, hits[:4], len(hits)

def gen_mid(n):
    # The generator's frame keeps the left operand on its stack across the
    # yield; the consumer's loop is the trace.
    def g():
        acc = 0
        for i in range(n):
            acc = acc + (yield i) * 2 + i
        yield acc
    it = g()
    x = next(it)
    s = 0
    try:
        while True:
            s += x
            x = it.send(x + 1 if x % 50 else x * 1.5)
    except StopIteration:
        pass
    return s

def side_seeded(n):
    # A branch that turns after a while: the side trace starts from the
    # exit's (fewer) values; a local set in the loop is read after it.
    a = b = 0
    last = None
    for i in range(n):
        k = i % 10
        if k < 7 or i > n // 2:
            a += k * (i & 3)
        else:
            b -= k + (i & 1)
            last = (i, k)
    return a, b, last

def deleted(n):
    # del of a local set in the trace; locals() and vars() in the loop read
    # the frame's slots, which the trace keeps virtual: the call is the
    # interpreter's, after an exit that wrote them (jit_lower.c,
    # reads_frame_call).
    out = []
    for i in range(n):
        q = i * 2
        r = q + 1
        if i % 400 == 399:
            del q
            try:
                out.append(q)
            except NameError as e:
                out.append(str(e))
        elif i % 250 == 0:
            d = locals()
            out.append((d["i"], d["q"], d["r"], d.get("n")))
        elif i % 333 == 0:
            out.append(sorted(k for k in vars() if k != "d"))
    return out[:8], out[-3:], len(out)

class Base:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

class Sub(Base):
    def get(self):
        # super() reads slot 0 (self) of the frame
        return super().get() + 1

def supers(n):
    objs = [Sub(i) for i in range(10)]
    t = 0
    for i in range(n):
        t += objs[i % 10].get()
    return t

print(mixed(list(range(-20, 3000)) + [1.5, 2.25, 2 ** 70, -(2 ** 65)] + ["x"] + list(range(100))))
print(args_pending(3000))
print(overflow(60))
print(raise_mid(3000))
print(gen_mid(3000))
print(side_seeded(6000))
print(deleted(3000))
print(supers(3000))
