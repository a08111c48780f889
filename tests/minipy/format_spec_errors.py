# The errors of format() and f-strings for bad specs name the value's type
# as CPython does: bool is 'bool', not 'int'; a spec with junk after the
# type character says "Invalid format specifier ... for object of type".
class Money(int):
    pass

values = [1500, -3, True, False, 2.5, float("inf"), "ab", Money(7), 10 ** 30]
specs = ["q", "dd", ",q", "10.3j", ".2d", "=^", "x", ">8", "ff", "ss"]
for v in values:
    for s in specs:
        try:
            print(repr(v), repr(s), "->", repr(format(v, s)))
        except (ValueError, TypeError) as e:
            print(repr(v), repr(s), type(e).__name__, e)

def fmt(v):
    # the same errors from an f-string in a loop (hot under the JIT)
    try:
        return f"{v:zq}"
    except ValueError as e:
        return str(e)

last = None
for i in range(40):
    last = fmt(i if i % 2 else i > 20)
print(last, fmt(1.5), fmt("s"))

# grouping characters: ',' and '_' with the decimal and float types, '_'
# also with b/o/x/X; anything else is refused
for v in [123456789, 2.5, "ab", True]:
    for s in [",", "_", ",d", "_d", ",x", "_x", "_b", ",o", "_X", ",n", "_n",
              ",f", "_e", ",%", ",s", "_s", ",c"]:
        try:
            print(repr(v), repr(s), "->", repr(format(v, s)))
        except (ValueError, TypeError) as e:
            print(repr(v), repr(s), type(e).__name__, e)
print("{:,}".format(1234567), f"{1234567:_x}", "{0:_}".format(10 ** 12))
try:
    "{:,q}".format(3)
except ValueError as e:
    print(e)
