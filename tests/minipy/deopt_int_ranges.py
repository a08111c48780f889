# Integer ranges in compiled loops (libjitcore's RANGE pass): checks the
# trace may leave out because they cannot fail, and those it must keep.
# Each loop runs long enough to be compiled; the results are python3's.
# jit-expect: traces_compiled>=5 exits>=3

def lcg(n):
    # x stays in [0, 2**31): the * and + cannot overflow, % 2**31 of a
    # non-negative value is C's; acc's ^ with i keeps the floor fixup.
    x = 12345
    acc = 0
    t = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc = (acc + (x >> 7) ^ i) % 1000000007
        t += x // 3 + x % 5 + (x & 255) + (x | 7) - (x ^ 1023)
    return acc, t

def negative(n):
    # operands of both signs: Python's floor division and modulo
    x = 7
    t = 0
    for i in range(n):
        x = (x * 75 + 74) % 65537
        d = x - 32768
        t += d // 7 + d % 7 + (-x) // 9 + (-x) % 9 + d // -5 + d % -5
        t += (d >> 3) + (i - 500) % 13 + (i - 500) // 13
    return t

def overflows(n):
    # x < 2**32, so x * x may pass 2**63: the check must stay, and the
    # product goes on as a big int
    x = 3
    big = 0
    for i in range(n):
        x = (x * 69069 + 1) % 4294967296
        y = x * x
        big = (big + y) % 1000000000000000003
    return big

def divisors(n):
    # y in [1, 5]: no zero check needed; z in [-2, 2]: the zero check stays
    t = 0
    errs = 0
    for i in range(n):
        y = i % 5 + 1
        t += (i * 37) // y + (i * 37) % y
        z = i % 5 - 2
        try:
            t += 1000 // z
        except ZeroDivisionError:
            errs += 1
    return t, errs

def int_min(n):
    # -(2**63) // -1 does not fit: the trace must leave it to big ints
    m = -9223372036854775807 - 1
    out = []
    for i in range(n):
        d = -1 - i % 1
        if i % 500 == 499:
            out.append(m // d)
            out.append(m % d)
    return out[:4], len(out)

def shifts(n):
    t = 0
    for i in range(n):
        a = (i * 2654435761) % 4294967296
        t += (a >> 16) ^ (a >> 3) & 4095
        t %= 1000000007
    return t

def negstart(n):
    # range loops that start below zero on some entries: the trace's guard
    # that the counter is non-negative fails there, and (i ^ 5) % 7 of a
    # negative i needs Python's rounding
    t = 0
    for r in range(40):
        for i in range(r * 50 - 1000, n):
            t += (i ^ 5) % 7 + i // 3 + (i & 7)
    return t

print(lcg(20000))
print(negstart(3000))
print(negative(20000))
print(overflows(20000))
print(divisors(20000))
print(int_min(5000))
print(shifts(20000))
