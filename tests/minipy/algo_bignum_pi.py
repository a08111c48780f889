# Digits of pi with big-int arithmetic (Machin's formula).
def arctan_inv(x, digits):
    scale = 10 ** (digits + 10)
    total = term = scale // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
def pi_digits(d):
    p = 4 * (4 * arctan_inv(5, d) - arctan_inv(239, d))
    return str(p // 10 ** 10)
s = pi_digits(300)
print(s[0] + "." + s[1:])
