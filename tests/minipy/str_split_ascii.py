# str.split() without a separator: ASCII strs take a table-driven path
# (str.c, split_ascii_ws), others the Unicode one.  Both must agree with
# CPython on every whitespace character, maxsplit, and the edges.
cases = ["", " ", "   ", "a", " a ", "a b", "  a  b  ", "a\tb\nc\x0bd\x0ce\rf",
         "x\x1cy\x1dz\x1ew\x1fv", "a\x00b c", "tab\t\tsep", "\n\nlines\n\n",
         "one", "trailing   ", "   leading", "a  b   c    d", "a\x7fb c", "a\x1bb"]
for s in cases:
    print(repr(s), s.split(), s.split(None), s.split(maxsplit=1), s.split(None, 0), s.split(None, 2))
# non-ASCII strs: Unicode whitespace (\x85, \xa0, U+2003, U+3000) splits too
for s in ["caf\xe9 au lait", "a\xa0b", "a\x85b", "x\u2003y\u3000z", " \xe9 ", "\u2003lead trail\u2003"]:
    print(repr(s), s.split(), s.split(maxsplit=1))
# the words are ordinary strs: equal, hashable, ASCII-ness correct
words = "the cat  sat on\tthe mat".split()
print(words, words[0] == words[4], words[0] is not words[4], len({w: 1 for w in words}))
print([w.upper() for w in words], [len(w) for w in words], "".join(words), words[1][::-1])
print("\xe9" + words[1], (words[2] + "\xe9").split(), ["a b"][0].split()[1] == "b")
# a str subclass and a long text
class S(str):
    pass
print(S("  sub class  text ").split(), type(S("a b").split()[0]).__name__)
text = " ".join("w%d" % (i % 37) for i in range(5000)) + "\n"
parts = text.split()
print(len(parts), parts[:3], parts[-1], sum(len(p) for p in parts))
# bytes keep their own whitespace set (\x1c-\x1f are not bytes whitespace)
print(b"a\x1cb c\td".split(), b"  x  y ".split(maxsplit=1))
