# float ** in hot loops: the JIT computes x ** y for a positive float base
# with C's pow and guards a finite result; a base that turns zero or
# negative mid-loop (ZeroDivisionError, a complex result, 0.0 ** 0.5), an
# overflow (OverflowError), an infinite or NaN result and an int exponent
# all leave the trace at the instruction and give CPython's result.
# jit-expect: traces_compiled>=1 deopts>=1
import math

def roots(xs, y):
    s = 0.0
    for x in xs:
        s += x ** y
    return s

base = [float(i % 7 + 1) for i in range(3000)]
print("%.12g" % roots(base, 0.5))
print("%.12g" % roots(base, -1.25))
print("%.12g" % roots(base, 3))          # int exponent, float base
# a zero base mid-loop: 0.0 ** 0.5 is 0.0, 0.0 ** -1.0 raises
z = base[:]
z[2500] = 0.0
print("%.12g" % roots(z, 0.5))
try:
    roots(z, -1.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
# a negative base mid-loop: a complex result
n = base[:]
n[2600] = -4.0
r = 0.0
for i in range(len(n)):
    v = n[i] ** 0.5
    if isinstance(v, complex):
        print("complex at", i, "%.6f %.6f" % (v.real, v.imag))
    else:
        r += v
print("%.12g" % r)
# overflow mid-loop
big = [1.5] * 2000 + [1e300] + [2.0] * 10
t = 0.0
k = 0
try:
    for x in big:
        t += x ** 2.0
        k += 1
except OverflowError as e:
    print("OverflowError at", k, e)
# an infinite base, a NaN exponent: not finite results
odd = [2.0] * 2000 + [float("inf"), 3.0, 4.0]
acc = []
for x in odd:
    acc.append(x ** 0.5)
print(acc[-3:], "%.9f" % math.fsum(acc[:2000]))
ys = [0.5] * 2000 + [float("nan"), 0.25]
out = []
for y in ys:
    out.append(9.0 ** y)
print(out[-2], out[-1], out[0])
# an int base with a float exponent, and 1.0 ** nan (1.0 in C and Python)
print("%.12g" % sum([i ** 0.5 for i in range(1, 3000)]))
print(1.0 ** float("nan"))
