# Unicode strings: length, indexing, case, ord/chr.
s = "naïve café — 日本"
print(len(s), s[2], s[-1], s.upper(), s.title(), s[::-1])
print([ord(c) for c in "é日"], chr(233) + chr(26085), "ß".upper(), "İ".lower() == "i̇")
print("é" in s, s.find("café"), s.split(" "), repr("—"))
