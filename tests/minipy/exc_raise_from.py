# raise ... from, re-raise, exception chaining visible through __cause__.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad input " + repr(s)) from e
try:
    parse("x1")
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    raise ValueError
except ValueError as e:
    print("bare class raise", repr(e))
