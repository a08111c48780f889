# A failed augmented assignment names the augmented operator (|=, **=, ...)
# in its TypeError, a plain binary operation the plain one.
def ior(x, y): x |= y
def isub(x, y): x -= y
def ipow(x, y): x **= y
def imatmul(x, y): x @= y
def ifloordiv(x, y): x //= y
def ilshift(x, y): x <<= y
def imod(x, y): x %= y
def imul(x, y): x *= y
def iadd(x, y): x += y
def iand(x, y): x &= y
def bor(x, y): return x | y
def bpow(x, y): return x ** y
def bsub(x, y): return x - y
cases = [(ior, 1.5, 1), (isub, "a", 1), (ipow, None, 2), (imatmul, 3, 2),
         (ifloordiv, 2, []), (ilshift, 4, 1.0), (imod, 7, {}), (imul, [1], 1.5),
         (iadd, "s", 1), (iand, 3.0, "b"), (bor, 1.5, 1), (bor, None, 2),
         (bpow, None, 2), (bpow, "a", 1.0), (bsub, "a", 1.0)]
for f, a, b in cases:
    try:
        f(a, b)
    except TypeError as e:
        print(f.__name__, repr(a), repr(b), "->", e)
y = 2.5
for i in range(3):
    y += i
y |= 1
