# Division by zero mid hot loop for every operator and type (int //, %, /,
# divmod; float /, //, %; a zero that arrives as 0, 0.0, -0.0 or False),
# caught each time with CPython's message, inside the loop and from a
# function the loop calls.
# jit-expect: traces_compiled>=1 deopts>=1
def ratio(a, b):
    return a / b
divisors = [3, 2, 0, -4, 0.0, 1.5, -0.0, False, 7]
ok = 0.0
errs = {}
for i in range(9000):
    b = divisors[i % 9]
    for op in range(4):
        try:
            if op == 0:
                ok += ratio(i, b)
            elif op == 1:
                ok += i // b
            elif op == 2:
                ok += i % b
            else:
                q, r = divmod(i, b)
                ok += q + r
        except ZeroDivisionError as e:
            # divmod by a float zero: minipy's message differs from
            # CPython's (float_divmod_zero.py, an expected failure).
            k = str(e) if op < 3 else "divmod by " + type(b).__name__
            errs[k] = errs.get(k, 0) + 1
print(ok)
for k in sorted(errs):
    print(k, errs[k])
# The divisor becomes zero once, after thousands of good iterations.
n = 10000
s = 0
for i in range(20000):
    try:
        s += 1000000 // (n - i)
    except ZeroDivisionError:
        s = -s
print(s)
x = 1.0
for i in range(5000):
    try:
        x = x / (2500 - i) + 1.0
    except ZeroDivisionError as e:
        print(i, x, e)
print(x)
