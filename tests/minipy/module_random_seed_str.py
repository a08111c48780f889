# random.seed of a str, bytes or bytearray seeds as CPython's version 2
# (the bytes followed by their SHA-512 digest, as one big integer), so the
# numbers that follow are CPython's; seed() with no argument seeds from OS
# entropy (not reproducible: only its properties are checked).
import random

for s in ("", "a", "hello", "héllo wörld", "x" * 111, "y" * 112, "z" * 1000, b"bytes", bytearray(b"ba")):
    random.seed(s)
    print(repr(s)[:30], random.random(), random.randint(1, 10 ** 12), random.getrandbits(70))

random.seed("same")
a = [random.random() for _ in range(5)]
random.seed(b"same")
b = [random.random() for _ in range(5)]
print(a == b, a[:2])

random.seed()
x = [random.random() for _ in range(1000)]
print(all(0.0 <= v < 1.0 for v in x), len(set(x)) > 990)
random.seed(None)
y = [random.random() for _ in range(1000)]
print(x != y)
random.seed(12345)
print(random.random(), random.choice("abcdef"), random.sample(range(100), 3))
