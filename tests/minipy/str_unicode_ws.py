# str.split()/strip() on Unicode whitespace, strip(chars) with non-ASCII
# characters, repr() of non-printable characters, and bytes methods staying
# ASCII-only.
s = "a\u00a0b\u2003c\u3000d\x1ce\x85f\u2028g"
print(s.split(), len(s.split()), s.split(None, 2), s.rsplit(None, 2))
print(repr("\u2003 x \u00a0".strip()), repr("\u2003 x \u00a0".lstrip()), repr("\u2003 x \u00a0".rstrip()))
print(repr("éàéxàé".strip("é")), repr("éàéxàé".strip("éà")), repr("ébé".lstrip("à")), repr("日本語日".strip("日")))
print(repr("\x1c\x1d\x1e\x1fz".strip()))
print(repr("\u200b\u00ad\u0085\u00a0\u2028\u3000 \U0001F600 \U000E0001 \ue000 \u0378 ok"))
print(ascii("é\u200b"), repr("\x7f\x80\x9f"), [repr(chr(c)) for c in (0xa0, 0xad, 0x34f, 0x61c, 0xfeff, 0x1d173, 0x10ffff)])
b = b"caf\xc3\xa9 \x1c X"
print(b.upper(), b.lower(), b.split(), b.strip(), b"\xc3\xa9".isalpha(), b"12".isdigit(), b"\xd9\xa3".isdigit())
print("ΣΑΣ σας".lower(), "İ".lower(), len("İ".lower()), "ﬃ".upper(), "ß".casefold(), "ǅ".swapcase())
