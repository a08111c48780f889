# Conversions between types.
print(list((1, 2)), tuple([1, 2]), set([1, 1, 2]), dict([("a", 1)]), list({"k": 1}), list({1: 2}.items()))
print(str(12), str(-1.25), int("  -12  "), int(-0.9), float(3), float("-1.5e3"), complex(1, 2) if False else "c")
print(bool([]), bool([0]), int(True) + int(False), str(False), float(True))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.5"]], "".join(map(str, range(4))))
print(repr(1), repr(1.0), repr("1"), repr([1, "1", 1.0]), repr((1,)), repr({1: "1"}), repr(set()), repr(frozenset()))
print(int("0b101", 0), int("0o17", 0), int("0x1f", 0), int("10", 0))
