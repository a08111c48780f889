# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, not 1 == 2, not (1 and 0), 1 < 2 == 2, -3 // 2 * 2, 7 - -3, ~1 + 1)
print(3 if 0 else 4 if 1 else 5, 1 or 2 and 0, (1 or 2) and 0, [1, 2][-1] ** 2, "a" "b" * 2)
x = 5
print(x > 3 and x < 10, x > 3 > 2, x in [5] and x is not None, 2 * -x, - - x)
