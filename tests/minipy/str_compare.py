# String comparison, membership and ordering.
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "abc" == "abc", "a" != "b")
print("ell" in "hello", "xyz" in "hello", "" in "abc", "h" not in "hello")
words = ["pear", "Apple", "banana", "apple", "Banana", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(max(words), min(words), ord("a"), chr(65), chr(0x263A), ord("\u00e9"))
