# float_loop -- numerical integration (midpoint rule) of a rational function.
def integrate(a, b, n):
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        x = a + (i + 0.5) * h
        s += (x * x + 1.0) / (x * x * x + 2.0 * x + 3.0)
    return s * h
total = 0.0
for k in range(1, 6):
    total += integrate(0.0, float(k), 1500000)
print("float_loop %.9f" % total)
