# Parsing floats and round-tripping repr.
vals = ["0.1", "1e-3", "-2.5E+2", "3.14159", "1e308", "2.2250738585072014e-308", "123456789.123456789", "  7  ", "infinity", "-NaN"]
for s in vals:
    f = float(s)
    print(repr(s), f, float(repr(f)) == f or f != f)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 1e-400, -1e-400, 1.0 / 3.0 * 3.0 == 1.0)
