# Iterating and building strings.
s = "hello world"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c for c in s if c in "aeiou"], list(reversed(s)), "".join(sorted(s)))
acc = ""
for i in range(10):
    acc += str(i)
print(acc, acc[::-1], int(acc) + 1)
print(list(enumerate("abc")), list(zip("abc", "xyz")), list(map(ord, "AB")))
print(str(123) + str(4.5) + str(None) + str(True) + str([1, "a"]) + str((1,)) + str({}))
