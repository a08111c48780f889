#!/usr/bin/env python3
# tests/fuzz/gen_program.py -- write a random, deterministic Python program
# for the JIT's differential fuzzer (tests/fuzz/run-fuzz).
#
# Usage: gen_program.py SEED [ITERATIONS]
#
# The same SEED always gives the same program (random.Random(SEED), no other
# input).  A program is a few small functions and a class, then several
# "loop functions", each a hot loop of ITERATIONS (default 300) iterations
# whose body mixes what a tracing JIT specialises and must deoptimise
# exactly:
#   * int arithmetic that overflows 64 bits (results wrapped by moduli
#     beyond 2**63, so big ints appear and values stay bounded), Python's
#     floor division and modulo of negatives, shifts and bitwise operators;
#   * float arithmetic, int/float mixing, a variable that changes type from
#     int to float (or back) at an iteration chosen by the seed;
#   * branches on the loop counter that flip mid-loop (side exits, side
#     traces), chained comparisons, `and`/`or` as values, break/continue;
#   * calls to small functions (inlined calls), a bounded recursion,
#     methods of a class, attribute loads and stores, a method and a global
#     rebound mid-loop (invalidation);
#   * list appends, indexing and stores, dict updates, a string built up;
#   * a division by zero raised inside the loop at a chosen iteration and
#     caught there, and sometimes one that escapes a called function.
# Every loop function prints what it computed, so any difference in any
# value shows in stdout.  The programs are valid Python 3 that CPython runs
# without error (except where a ZeroDivisionError is caught on purpose);
# each runs well under a second.
import random
import sys

MODULI = ["4611686018427387903", "18446744073709551629", "(10**30 + 57)",
          "2147483647", "1000000007"]
SMALL = ["0", "1", "2", "3", "-1", "-7", "12", "97", "255", "65536",
         "1103515245", "9223372036854775807", "-9223372036854775807"]
FLOATS = ["0.5", "1.25", "-2.75", "3.0", "1e-3", "1e10", "-0.0", "7.5"]


class Gen:
    def __init__(self, seed, iters):
        self.r = random.Random(seed)
        self.iters = iters
        self.out = []
        self.nfuncs = 0

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def emit(self, indent, line):
        self.out.append("    " * indent + line)

    # --- expressions, by static type: "int", "float", "num" (int or float)
    def int_expr(self, ivars, depth=0):
        r = self.r.random()
        if depth > 2 or r < 0.25:
            return self.pick(ivars) if self.chance(0.6) else self.pick(SMALL)
        a = self.int_expr(ivars, depth + 1)
        b = self.int_expr(ivars, depth + 1)
        op = self.pick(["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>",
                        "+", "-", "*"])
        if op in ("//", "%"):
            # nonzero divisor of either sign
            sign = self.pick(["", "-"])
            return "(%s %s %s(abs(%s) + 1))" % (a, op, sign, b)
        if op in ("<<", ">>"):
            return "(%s %s (%s & 31))" % (a, op, b)
        return "(%s %s %s)" % (a, op, b)

    def num_expr(self, ivars, fvars, depth=0):
        r = self.r.random()
        if depth > 2 or r < 0.25:
            c = self.r.random()
            if c < 0.35 and fvars:
                return self.pick(fvars)
            if c < 0.7 and ivars:
                return self.pick(ivars)
            return self.pick(FLOATS + SMALL[:8])
        a = self.num_expr(ivars, fvars, depth + 1)
        b = self.num_expr(ivars, fvars, depth + 1)
        op = self.pick(["+", "-", "*", "/", "//", "%", "+", "*"])
        if op in ("/", "//", "%"):
            return "(%s %s (abs(%s) + 0.5))" % (a, op, b)
        return "(%s %s %s)" % (a, op, b)

    def cond(self, ivars, fvars):
        k = self.r.randrange(1, self.iters)
        c = self.r.random()
        if c < 0.3:
            return "i %s %d" % (self.pick(["<", ">=", "==", "!="]), k)
        if c < 0.5:
            return "i %% %d == %d" % (self.r.randrange(2, 9), self.r.randrange(0, 2))
        if c < 0.65:
            return "%d <= i < %d" % (k // 2, k)
        if c < 0.8:
            return "(%s) %s (%s)" % (self.int_expr(ivars, 2), self.pick(["<", ">", "==", "<="]),
                                     self.int_expr(ivars, 2))
        return "(%s > %s) %s (i %% 3 == 0)" % (self.num_expr(ivars, fvars, 2), self.pick(FLOATS),
                                              self.pick(["and", "or"]))

    # --- the shared helpers
    def helpers(self):
        self.emit(0, "G = %s" % self.pick(SMALL[:8]))
        self.emit(0, "H = %s" % self.pick(FLOATS))
        self.emit(0, "class P:")
        self.emit(1, "def __init__(self, a, b):")
        self.emit(2, "self.a = a")
        self.emit(2, "self.b = b")
        self.emit(1, "def m(self, x):")
        self.emit(2, "return (self.a * x + self.b) %% %s" % self.pick(MODULI))
        self.emit(1, "def f(self, y):")
        self.emit(2, "return self.b * 0.5 + y")
        self.emit(0, "def m2(self, x):")
        self.emit(1, "return (self.a - x) %% %s" % self.pick(MODULI))
        self.emit(0, "def rec(n):")
        self.emit(1, "return n if n < 2 else rec(n - 1) + rec(n - 2)")
        for k in range(3):
            self.emit(0, "def f%d(a, b=%s):" % (k, self.pick(SMALL[:6])))
            if self.chance(0.5):
                self.emit(1, "if %s:" % self.int_expr(["a", "b"], 2))
                self.emit(2, "return (%s) %% %s" % (self.int_expr(["a", "b"]), self.pick(MODULI)))
            self.emit(1, "return (%s) %% %s" % (self.int_expr(["a", "b", "G"]), self.pick(MODULI)))
        self.emit(0, "def g0(x, y):")
        self.emit(1, "return %s" % self.num_expr(["G"], ["x", "y", "H"]))
        self.emit(0, "class Count:")
        self.emit(1, "def __init__(self, n):")
        self.emit(2, "self.i = -1")
        self.emit(2, "self.n = n")
        self.emit(1, "def __iter__(self):")
        self.emit(2, "return self")
        self.emit(1, "def __next__(self):")
        self.emit(2, "self.i += 1")
        self.emit(2, "if self.i >= self.n:")
        self.emit(3, "raise StopIteration")
        self.emit(2, "return self.i")
        self.emit(0, "def upto(n):")
        self.emit(1, "for i in range(n):")
        self.emit(2, "yield i")
        self.emit(0, "def boom(x, k):")
        self.emit(1, "return x // (k - %d)" % self.r.randrange(0, self.iters))

    # --- one loop function
    def loop_function(self, name):
        ivars = ["x", "z"]
        fvars = ["y"]
        mod = self.pick(MODULI)
        self.emit(0, "def %s(n):" % name)
        self.emit(1, "global G, H")
        self.emit(1, "x = %s" % self.pick(SMALL))
        self.emit(1, "z = %s" % self.pick(SMALL))
        self.emit(1, "y = %s" % self.pick(FLOATS))
        self.emit(1, "v = %s" % self.pick(SMALL[:6]))
        self.emit(1, "lst = [0, 1, 2]")
        self.emit(1, "d = {}")
        self.emit(1, "s = ''")
        self.emit(1, "o = P(%s, %s)" % (self.pick(SMALL[:6]), self.pick(SMALL[:6])))
        self.emit(1, "caught = 0")
        loop = self.pick(["for i in range(n):", "for i in range(n):",
                          "while_loop", "for i in tuple(range(n)):",
                          "for j, i in enumerate(range(n), 3):",
                          "for i, j in zip(range(n), range(5, n + 10)):",
                          "for i in Count(n):", "for i in upto(n):"])
        body = 2
        if loop == "while_loop":
            self.emit(1, "i = -1")
            self.emit(1, "while i < n - 1:")
            self.emit(2, "i += 1")
        else:
            self.emit(1, loop)
        nstmts = self.r.randrange(4, 10)
        for _ in range(nstmts):
            self.statement(body, ivars, fvars, mod)
        self.emit(1, "print(%r, x, y, z, v, len(lst), sum(lst) %% 1000003, "
                     "lst[-3:], sorted(d.items())[:4], len(d), s[-12:], o.a, o.b, caught)" % name)
        self.emit(0, "")

    def statement(self, ind, ivars, fvars, mod):
        k = self.r.randrange(0, self.iters)
        c = self.r.randrange(0, 23)
        if c <= 3:
            t = self.pick(ivars)
            self.emit(ind, "%s = (%s) %% %s" % (t, self.int_expr(ivars + ["i"]), mod))
        elif c == 4:
            t = self.pick(ivars)
            op = self.pick(["+=", "-=", "*=", "^=", "|="])
            self.emit(ind, "%s %s %s" % (t, op, self.int_expr(ivars + ["i"], 1)))
            self.emit(ind, "%s %%= %s" % (t, mod))
        elif c <= 6:
            self.emit(ind, "y = (%s) %% 1000.25" % self.num_expr(ivars + ["i"], fvars))
        elif c == 7:
            # v changes type mid-loop
            self.emit(ind, "if i == %d:" % k)
            self.emit(ind + 1, "v = %s" % self.pick(["float(v)", "v + 0.5", "int(v) if isinstance(v, float) else v * 1.5"]))
            self.emit(ind, "v = (v + %s) %% 999983" % self.pick(["i", "x % 7", "y", "1"]))
        elif c == 8:
            self.emit(ind, "if %s:" % self.cond(ivars + ["i"], fvars))
            self.statement(ind + 1, ivars, fvars, mod)
            self.emit(ind, "else:")
            self.statement(ind + 1, ivars, fvars, mod)
        elif c == 9:
            self.emit(ind, "lst.append((%s) %% 1000)" % self.int_expr(ivars + ["i"], 1))
            self.emit(ind, "lst[i %% len(lst)] = lst[(i * 7) %% len(lst)] + %s" % self.pick(["1", "i", "x % 5"]))
            self.emit(ind, "if len(lst) > 40:")
            self.emit(ind + 1, "del lst[:20]")
        elif c == 10:
            self.emit(ind, "d[i %% %d] = d.get(i %% %d, 0) + %s" % (
                self.r.randrange(3, 20), self.r.randrange(3, 20), self.pick(["1", "x % 11", "i"])))
        elif c == 11:
            f = self.r.randrange(0, 3)
            args = "x, i" if self.chance(0.6) else "z"
            self.emit(ind, "x = f%d(%s) %% %s" % (f, args, mod))
        elif c == 12:
            self.emit(ind, "z = (z + o.m(i)) %% %s" % mod)
            self.emit(ind, "o.a = (o.a + %s) %% 1009" % self.pick(["1", "i", "x % 13"]))
            if self.chance(0.3):
                self.emit(ind, "if i == %d:" % k)
                self.emit(ind + 1, "P.m = %s" % self.pick(["m2", "lambda self, x: x * 3"]))
        elif c == 13:
            self.emit(ind, "y = (y + o.f(%s)) %% 777.5" % self.pick(["1.5", "i", "y"]))
        elif c == 14:
            self.emit(ind, "if i == %d:" % k)
            self.emit(ind + 1, self.pick(["G = G + 1", "H = 2", "H = H * 2", "G = -G"]))
            self.emit(ind, "y = (y + g0(y, %s)) %% 500.5" % self.pick(["i", "x % 9", "1.0"]))
        elif c == 15:
            self.emit(ind, "try:")
            self.emit(ind + 1, "z = (z + x // (i - %d)) %% %s" % (k, mod))
            self.emit(ind, "except ZeroDivisionError:")
            self.emit(ind + 1, "caught += 1")
        elif c == 16:
            self.emit(ind, "try:")
            self.emit(ind + 1, "x = (x + boom(x, i)) %% %s" % mod)
            self.emit(ind, "except ZeroDivisionError:")
            self.emit(ind + 1, "caught += 10")
        elif c == 17:
            self.emit(ind, "s = s + str(i %% 10) if len(s) < 30 else s[%d:]" % self.r.randrange(1, 10))
        elif c == 18:
            self.emit(ind, "z = (z + rec(i %% %d)) %% %s" % (self.r.randrange(3, 12), mod))
        elif c == 19:
            self.emit(ind, "if %s:" % self.cond(ivars + ["i"], fvars))
            self.emit(ind + 1, self.pick(["continue", "x = (x * 3 + 1) %% %s" % mod]))
        elif c == 20:
            self.emit(ind, "if i == %d and %s:" % (k, self.pick(["True", "x % 2 == 0", "n > 5"])))
            self.emit(ind + 1, "break")
        elif c == 21:
            # an inner loop over a tuple (or its pairs), made in the trace
            if self.chance(0.5):
                self.emit(ind, "for t in (x, z, i, %s):" % self.pick(SMALL[:6]))
                self.emit(ind + 1, "z = (z + t) %% %s" % mod)
            else:
                self.emit(ind, "for t, u in zip((x, i), [z, %s, 7]):" % self.pick(SMALL[:6]))
                self.emit(ind + 1, "x = (x + t * u) %% %s" % mod)
        else:
            self.emit(ind, "x = (x + (%s if %s else %s)) %% %s" % (
                self.int_expr(ivars, 2), self.cond(ivars + ["i"], fvars),
                self.int_expr(ivars + ["i"], 2), mod))

    def program(self, seed):
        self.emit(0, "# fuzz program, seed %d (tests/fuzz/gen_program.py)" % seed)
        self.helpers()
        nloops = self.r.randrange(2, 5)
        for k in range(nloops):
            self.loop_function("loop%d" % k)
        for k in range(nloops):
            self.emit(0, "loop%d(%d)" % (k, self.iters))
            if self.chance(0.3):
                self.emit(0, "loop%d(%d)" % (k, self.iters // 2 + 1))
        return "\n".join(self.out) + "\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: gen_program.py SEED [ITERATIONS]\n")
        sys.exit(2)
    seed = int(sys.argv[1])
    iters = int(sys.argv[2]) if len(sys.argv) == 3 else 300
    sys.stdout.write(Gen(seed, iters).program(seed))


if __name__ == "__main__":
    main()
