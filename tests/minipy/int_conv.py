# int() conversions and bases.
print(int("42"), int("-17"), int("  8 "), int("ff", 16), int("0x1F", 16), int("777", 8))
print(int("1010", 2), int("z", 36), int(3.99), int(-3.99), int(True), int("0"))
print(hex(255), hex(-255), oct(8), bin(10), bin(-10), hex(2 ** 70))
print(int("1" * 40), int(1e20), int(-2.5e18))
print(str(0), str(-0), repr(123), format(255, "x"), format(255, "08b"))
print(round(7), round(7.5), round(8.5), round(-2.5), round(1234, -2), round(1250, -2))
