# time, used only in deterministic ways.
import time
t0 = time.time()
p0 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t1 = time.time()
p1 = time.perf_counter()
print(s, t1 >= t0, p1 >= p0, type(t0).__name__, type(p0).__name__, t0 > 1.6e9)
