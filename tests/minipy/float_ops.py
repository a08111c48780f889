# Float operations and special values.
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf < 0, nan == nan, nan != nan, inf == inf)
print(1.5 // 0.4, 1.5 % 0.4, -1.5 % 0.4, 5.0 % -3, -5.0 // 3)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(3.14159, 3), round(2.5))
print(round(123.456, -1), round(1e20), type(round(1.5)), type(round(1.5, 1)))
print(abs(-2.5), (2.5).is_integer(), (2.0).is_integer(), float.fromhex("0x1p-1") if hasattr(float, "fromhex") else 0.5)
print(int(2.9999999999999996), 0.1 + 0.7, 4.35 * 100, 1.1 * 1.1)
x = 1.0
for i in range(60):
    x = x * 1.7
print(x)
print(1e300 * 1e10, 2.0 ** 1023 * 2, sum([0.1] * 10))
