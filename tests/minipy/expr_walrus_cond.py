# Conditional expressions and and/or returning operands.
vals = [0, 1, "", "s", None, [], [3]]
print([v or "default" for v in vals])
print([v and "yes" for v in vals])
print([("T" if v else "F") for v in vals])
def first_truthy(*args):
    r = None
    for a in args:
        r = r or a
    return r
print(first_truthy(0, "", "win", "lose"), first_truthy(), 0 or None, "" and 1)
