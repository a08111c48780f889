# math functions in a hot loop; accumulated results are deterministic.
import math
s = 0.0
for i in range(1, 20001):
    s += math.sin(i) * math.cos(i / 2) + math.sqrt(i) / (1 + math.log(i))
print(s)
print(sum(math.floor(i * 1.5) for i in range(1000)), sum([0.1] * 10))
