# split/rsplit with maxsplit and None separators, strip with char sets.
s = "  a  b c   d  "
print(s.split(None, 1), s.split(None, 2), s.rsplit(None, 1), s.rsplit(), "a,b,c".rsplit(",", 1))
print("a::b::c".split("::"), "::a::".split("::"), "abc".split("abc"), "aaa".split("a"))
print("xxyhixyx".strip("xy"), "www.example.com".lstrip("cmowz."), "mississippi".rstrip("ip"))
print("line1\nline2\r\nline3".split("\n"), "a\tb c\n".split())
print("Hello".ljust(8, "-") + "|", "Hello".rjust(8, "-") + "|", "x".center(4, "*"), "abc".zfill(2))
