# round (banker's rounding), divmod, abs on many values.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.45, -123.45, 1e16 + 1]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(15, -1), round(25, -1), round(-15, -1), round(123456, -3), round(2 ** 70, -20))
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (7.5, 2), (-7.5, 2), (2 ** 70, 3 ** 20)]:
    print(a, b, divmod(a, b))
print(abs(-0.0), abs(-(2 ** 70)), abs(3 - 4j))
