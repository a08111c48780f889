# try/except/else/finally and exception objects.
def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, e)
        return None
    else:
        print("else ran")
        return r
    finally:
        print("finally ran")
print(div(1, 2), div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print("tuple catch", type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("base catch", repr(e), str(e))
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    raise TypeError("custom message")
except Exception as e:
    print(type(e).__name__, e.args)
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError:
    print("outer caught")
