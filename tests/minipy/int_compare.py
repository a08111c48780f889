# Comparisons, chained comparisons, int/float/bool mixing.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2, 1 == 1.0, 2 != 2.0, True == 1, False < 1)
print(10 ** 20 > 1e19, 10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1))
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 == 5.0)
print(max(3, 7, 1), min(3, 7, 1), max([4, 9, 2]), min(-1, -1.5), max(2, 2.0))
print(1 + True, True + True, 3 * False, -True)
