# String literals, escapes and repr.
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("nl\n"))
print(repr("\x00\x7f\x80"), repr("\u00e9\u4e2d"), repr("\\"), "a\\nb", r"raw\n")
print("""triple
quoted""", 'single' "concat" 'ed')
print(len("\u00e9"), len("日本語"), "日本語"[1], "ü".upper(), repr(chr(7)))
print(str(b"bytes"), repr(b"a\x00b"), "%r" % "x")
