# if/elif/else and conditional expressions, truthiness.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 99)])
for v in (0, 1, "", "a", [], [0], {}, None, 0.0, (), set(), 2 ** 70):
    print(repr(v), "truthy" if v else "falsy", not v, bool(v))
x = 5
print("odd" if x % 2 else "even", 1 and 2, 0 and 2, 0 or "d", [] or {} or "last", None or 0)
