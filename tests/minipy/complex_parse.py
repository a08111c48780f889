# complex(): strings in CPython's forms (and its errors), complex arguments.
for s in ["1+2j", " (1-2j) ", "j", "-j", "+1.5J", "3", "-2.5e3-4j", "1e-3j", "inf+nanj"]:
    print(repr(s), complex(s))
for bad in ["", "1+", "j1", "(1+2j", "1 + 2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), e)
print(complex(1+2j), complex(1, 2j), complex(1j, 1j), complex(2.5), complex(True))
for a in [(1, "2"), ("1", 2)]:
    try:
        complex(*a)
    except TypeError as e:
        print(e)
