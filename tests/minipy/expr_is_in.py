# is / is not / in / not in semantics.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, 1 in a, 3 not in a)
print("b" in {"a": 1, "b": 2}, 2 in {"a": 1, "b": 2}, (1, 2) in [(1, 2)], 5 in range(10), 10 in range(10), 4 in range(0, 10, 2))
print(True is True, type(None) is type(None), [] is [], () == ())
x = None
if x is None:
    print("x is None")
print(1.0 in [1], "x" in "xyz", [] in [[]], {1} in [{1}])
