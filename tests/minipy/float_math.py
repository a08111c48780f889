# Float kernels: accumulations that must round exactly like CPython.
s = 0.0
for i in range(1, 1001):
    s += 1.0 / (i * i)
print(s)
p = 1.0
for i in range(1, 50):
    p *= (1.0 + 1.0 / i)
print(p)
x = 0.5
for i in range(100):
    x = 3.7 * x * (1 - x)
print(x)
print(sum(i * 0.1 for i in range(100)), sum([1e100, 1.0, -1e100]))
