# pow with modulus and big exponents.
print(pow(2, 100), pow(3, 200, 1000000007), pow(7, 0, 13), pow(-3, 5))
print(pow(2, 521) - 1)
print(pow(123456789, 987654321, 10 ** 12 + 39))
n = 1
for i in range(100):
    n = n * 31 + i
print(n, n % 97, n.bit_length())
print((10 ** 40).bit_length(), (-(10 ** 40)).bit_length(), (0).bit_length())
