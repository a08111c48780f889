# int / int is correctly rounded (half to even) for operands of any size,
# with the sign of a zero quotient, subnormal results rounded once and
# OverflowError past the largest float.
cases = [(2 ** 53, 100), (10 ** 20, 7), (2 ** 63 - 1, -1), (-2 ** 63, 3), (0, -5), (0, -2 ** 80),
         (1, 2 ** 1080), (3, 2 ** 1075), (7, 2 ** 1076), (5, 2 ** 1074), (1, 2 ** 1075),
         (3, 2 ** 1076), (2 ** 1024 // 3, 1), (2 ** 63 - 1, 2 ** 1080), (3 ** 100, 7 ** 30),
         (-(5 ** 200), 3 ** 250), (2 ** 2000, 3), (2 ** 2000 + 1, 2 ** 977), (12345678901234567890123, 10 ** 7),
         (2 ** 54 + 1, 2), (2 ** 54 + 3, 2), (2 ** 55 + 2, 4), (2 ** 55 + 6, 4), (7, 0), (2 ** 70, 0)]
for a, b in cases:
    try:
        print(a / b, -a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except OverflowError as e:
        print("OverflowError:", e)
x = 1
for i in range(1, 400):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** (64 + i * 3)
    y = (x >> (i % 97)) | 1
    print(i, x / y, y / x, (x % 1000003) / (y % 999983 + 1))
