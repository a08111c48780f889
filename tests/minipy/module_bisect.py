# bisect on sorted lists.
import bisect
a = [1, 3, 3, 3, 7, 9]
print([bisect.bisect_left(a, x) for x in range(11)])
print([bisect.bisect_right(a, x) for x in range(11)], bisect.bisect(a, 3))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, v)
print(b)
from bisect import insort_left, bisect_left
insort_left(b, 4)
print(b, bisect_left(b, 4))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90]])
