# divmod with a float zero divisor, or a float dividend and a zero divisor,
# raises ZeroDivisionError with CPython's message "float divmod()".
for a, b in [(1, 0.0), (1.5, 0), (-2.0, -0.0), (0.0, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(a, b, e)
for a, b in [(1, 0), (1.5, 0), (1, 0.0)]:
    try:
        a // b
    except ZeroDivisionError as e:
        print(a, b, e)
