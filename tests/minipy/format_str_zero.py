# A leading 0 in a string's format spec pads with '0' on the right (no
# alignment given); an explicit '=' is still an error for strings.
for spec in ["0", "05", "03", "010.2", "<05", ">05", "^07", "x<05"]:
    print(repr(spec), repr(format("ab", spec)), repr(f"{'xyz':{spec}}"))
for v in [7, -7, 2.5, -2.5]:
    print(repr(format(v, "0")), repr(format(v, "06")), repr(format(v, "<06")))
try:
    format("ab", "=5")
except ValueError as e:
    print("ValueError:", e)
try:
    format("ab", "0=5")
except ValueError as e:
    print("ValueError:", e)
