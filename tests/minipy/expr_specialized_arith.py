# The tier-1 specialized forms of int floor division and modulo, mixed
# float/int arithmetic and int true division, and the comparisons: each site
# runs hot with one kind of operands, then sees others (ints after floats,
# bools, big ints, zero divisors, NaN, signed zeros) and must give CPython's
# result every time.
def arith(a, b):
    return (a + b, a - b, a * b, b - a)

def div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)

def floordiv_mod(a, b):
    try:
        return (a // b, a % b)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)

def cmp(a, b):
    r = (a < b, a <= b, a == b, a != b, a > b, a >= b)
    s = ""
    if a < b: s += "<"
    if a <= b: s += "l"
    if a == b: s += "="
    if a != b: s += "!"
    if a > b: s += ">"
    if a >= b: s += "g"
    return r, s

out = []
for i in range(60):
    out.append(arith(i * 0.5, i))
    out.append(arith(i, 1.25))
    out.append(div(i, 7))
    out.append(div(i * 1.5, 4))
    out.append(floordiv_mod(i * 37 - 1000, 7))
    out.append(floordiv_mod(-i * 37, -6))
    out.append(cmp(i, 30))
    out.append(cmp(i * 0.5, 15.0))
    out.append(cmp("k%d" % i, "k30"))
# the same sites now see other operands
odd = [(3, 4), (True, 2.5), (2.5, False), (2 ** 70, 1.5), (1.5, 2 ** 70), (0, -5),
       (2 ** 53, 3), (2 ** 53 + 1, 3), (-2 ** 63, -1), (7, 0), (7.5, 0),
       (0.0, -3), (-0.0, 2), (float("nan"), 1), (1, float("nan")), (float("inf"), 2),
       (-7, 2 ** 64), (True, True), (False, True), (-9, 4), (9, -4)]
for a, b in odd:
    out.append(arith(a, b))
    out.append(div(a, b))
    out.append(floordiv_mod(a, b))
    out.append(cmp(a, b))
for a, b in [("a", "b"), ("b", "a"), ("", ""), ("é", "e"), ("abc", "abd")]:
    out.append(cmp(a, b))
for x in out:
    print(x)
# a site that goes float-int then int-int must stay int
def down(n):
    if n <= 0:
        return n * 0
    return n + down(n - 1)
print(down(40), down(40.0), down(30) * 10 ** 20, type(down(5)).__name__)
