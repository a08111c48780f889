# Re-seeding reproduces the sequence; different seeds differ.
import random
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
b = [random.random() for _ in range(3)]
random.seed(8)
c = [random.random() for _ in range(3)]
print(a == b, a == c, a)
random.seed(0)
print(sum(random.randint(1, 6) for _ in range(1000)))
random.seed(2024)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:13])
from random import randint, seed
seed(1)
print([randint(0, 1) for _ in range(20)])
