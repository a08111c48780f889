# random with a seed gives CPython's Mersenne Twister numbers.
import random
random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(10) for _ in range(10)], random.randrange(5, 50, 5))
print(random.uniform(1.0, 2.0), random.choice("abcdefg"), random.choice([10, 20, 30]))
lst = list(range(20))
random.shuffle(lst)
print(lst)
random.seed(12345)
print(random.random(), random.randint(0, 10 ** 6))
