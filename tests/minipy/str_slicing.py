# String indexing and slicing.
s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[::-1], s[1:8:3], s[-3:], s[:-3])
print(s[100:], s[-100:3], s[5:2], s[5:2:-1], s[::-3], s[len(s):])
print(len(s), s[2:2] == "", "x" * 3, "ab" * 0, 3 * "-", "abc" + "def")
for i in range(-3, 3):
    print(i, s[i])
