# Calls the JIT lowers through the interpreter's call: more than four
# positional arguments (Python functions, builtins, methods), keyword
# arguments (CALL_KW) and functions made in the loop (MAKE_FUNCTION with
# defaults and a closure over the loop variable), inside hot loops; their
# callees raising is the interpreter's exception at the call.
# jit-expect: traces_compiled>=4 deopts>=1
def six(a, b, c, d, e, f):
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f

class P:
    def __init__(self, base):
        self.base = base
    def m(self, a, b, c, d, e, scale=1, *, shift=0):
        return (self.base + a + b + c + d + e) * scale + shift

def kw(a, b=2, *, c=3, **rest):
    return a * 1000 + b * 100 + c * 10 + len(rest)

def calls(n):
    p = P(7)
    tot = 0
    seen = []
    for i in range(n):
        tot += six(i, 1, 2, 3, 4, 5)
        tot += max(i, 3, 9, 1, 4, 2 * i)
        tot += p.m(i, 1, 1, 1, 1)
        tot += p.m(i, 1, 1, 1, 1, scale=2, shift=i)
        tot += kw(i, c=1) + kw(1, 2, c=i, x=1, y=2) + kw(a=i)
        seen.append(sorted([3, 1, i % 5], key=lambda v: -v, reverse=(i % 2 == 0)))
        tot += len(dict(a=i, b=2)) + int('7' * (i % 3 + 1), base=8)
    return tot, seen[:3]
print(calls(60))

# A keyword call whose callee raises, inside a hot loop: the interpreter
# raises the callee's exception at the call and the handler runs.
def check(v, *, limit):
    if v > limit:
        raise ValueError('too big: %d' % v)
    return v

def guarded(n):
    ok = 0
    errs = []
    for i in range(n):
        try:
            ok += check(i, limit=40)
        except ValueError as e:
            errs.append(str(e))
    return ok, errs[:2], len(errs)
print(guarded(60))

def bad_keyword(n):
    out = 0
    for i in range(n):
        try:
            out += kw(i, nope=1, c=2) if i % 10 == 9 else kw(i, c=2)
        except TypeError as e:
            out -= 1
    return out
print(bad_keyword(50))

# Closures made in the loop capture the loop variable's cell: all of them
# see its last value, defaults see the value of their own iteration.
def makers(n):
    fs = []
    for i in range(n):
        fs.append(lambda x, d=i: (x, d, i))
    return [f(0) for f in fs[::5]]
print(makers(31))

def counters(n):
    made = []
    for i in range(n):
        count = i
        def bump(step=1):
            nonlocal count
            count += step
            return count
        bump()
        made.append(bump)
    return [f(10) for f in made[:3]], made[-1]()
print(counters(20))
