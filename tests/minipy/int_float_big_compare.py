# Comparisons and conversions between huge ints and floats.
big = 10 ** 400
print(big > 1e308, big < float("inf"), -big > float("-inf"), big == float("inf"), 2 ** 1000 > 1.0e301)
print(float(2 ** 53 + 1), float(10 ** 23), float(2 ** 63), float(-(2 ** 64) - 1), int(1e23), int(-1.5e16))
print(10 ** 400 / 10 ** 399, (2 ** 80 + 1) / 2 ** 80, 1 / 3 == (10 ** 30) / (3 * 10 ** 30), 7 // 2.5, 2 ** 64 / 3)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 0.1 < 1, 9007199254740993 > 9007199254740992.0)
for fn in (lambda: 2 ** 2000 / 3, lambda: float(10 ** 400)):
    try:
        fn()
    except OverflowError as e:
        print("OverflowError:", e)
print(pow(3, -1, 7), pow(38, -1, 97), (-7) % 2 ** 70, -(2 ** 70) // 7, hash(-(2 ** 100)) == hash(-(2 ** 100)))
