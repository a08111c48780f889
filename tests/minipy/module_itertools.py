# itertools: count, islice, permutations, product (the required core).
import itertools
from itertools import count, islice, permutations, product
print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice("abcdefg", 2, 6, 2)), list(islice(range(100), 3)))
print(list(permutations([1, 2, 3])), len(list(permutations(range(5)))), list(permutations("abc", 2)))
print(list(product("ab", "xy")), list(product([0, 1], repeat=3)), len(list(product(range(4), range(5)))))
for i, c in zip(count(1), "xyz"):
    print(i, c)
total = 0
for p in itertools.permutations(range(6)):
    total += p[0] * p[5]
print(total)
