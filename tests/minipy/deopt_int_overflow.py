# Ints overflow 64 bits mid hot loop and come back down.
# jit-expect: traces_compiled>=1 deopts>=1
x = 1
for i in range(200):
    x = x * 3 + i
    if i % 40 == 0:
        print(i, x)
print(x % 1000000007, x.bit_length())
y = 2 ** 62
vals = []
for i in range(10000):
    y += 1 if i < 5000 else -1
    if i in (0, 4999, 5000, 9999):
        vals.append(y)
print(vals, y == 2 ** 62)
s = 0
for i in range(100000):
    s += i * i * i
print(s)
z = 9223372036854775000
for i in range(2000):
    z += 1
print(z, z - 9223372036854775807, -z - 10)
