# Integer and float literal forms.
print(1_000_000, 0x_FF, 0b1010_1010, 0o7_7, 1_0.5, 1e1_0, 0xffffffffffffffffffff)
print(int("1_000"), float("1_0.5"), 00, 0.0e0, .5, 5., 1E3, 0XAB, 0B11, 0O17)
print(10 ** 0, 0 ** 0, (-1) ** 0.5 if False else 0, 1.0 ** 1e308, (-8) ** (1 / 3) if False else 2)
