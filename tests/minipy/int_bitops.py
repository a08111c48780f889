# Bitwise operators and shifts.
vals = [0, 1, 5, -5, 255, -256, 12345]
for a in vals:
    print(a, a & 0xF0, a | 3, a ^ 0x55, a << 3, a >> 2, ~a)
print(1 << 63, 1 << 64, (1 << 64) >> 64, -1 >> 100, 5 >> 100)
print(0b1011 & 0b0110, 0o17 | 0x100, 0xDEADBEEF ^ 0xFFFFFFFF)
