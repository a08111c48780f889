# array: basic typed arrays.
import array
a = array.array("i", [1, 2, 3])
a.append(4)
a[0] = 10
print(a, len(a), a[1], sum(a), a[1:3], list(a), a.typecode)
d = array.array("d", [0.5] * 4)
for i in range(len(d)):
    d[i] = d[i] * i
print(d, d.tolist())
from array import array as arr
b = arr("l", range(5))
b.extend([7, 8])
print(b, b.pop(), b.index(3), 3 in b)
try:
    a.append(1.5)
except TypeError as e:
    print("TypeError:", e)
