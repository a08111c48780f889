# Set iteration order for ints (table layout), after growth and deletion.
s = set()
for i in range(0, 200, 7):
    s.add(i)
print(s)
for i in range(0, 200, 21):
    s.discard(i)
print(s)
print(set([31, 63, 95, 127, 1, 33]), set(range(40, -40, -9)))
print({2 ** 40, 2 ** 41, 3, 1 << 62}, list({8: 0, 16: 0, 0: 0}))
