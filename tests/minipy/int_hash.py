# Numeric hashes agree across types.
print(hash(51.0) == hash(51), hash(True) == hash(1), hash(0) == hash(0.0) == hash(False))
print(hash(1), hash(-1), hash(-2), hash(12345), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(1.5), hash(-0.5), hash(2 ** 100))
d = {1: "a", 1.0: "b", True: "c"}
print(d, len(d))
s = {2, 2.0, 3}
print(len(s))
