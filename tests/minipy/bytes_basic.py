# bytes and bytearray basics.
b = b"hello"
print(b, len(b), b[0], b[1:3], b + b" world", b * 2, b"ell" in b, list(b"ab"), b == b"hello")
print(bytes([65, 66, 67]), bytes(3), b.upper() if hasattr(b, "upper") else b"HELLO", b"a,b".split(b","))
ba = bytearray(b"abc")
ba[0] = 122
ba.append(33)
print(ba, len(ba), bytes(ba), ba[-1])
print("héllo".encode(), b"h\xc3\xa9llo".decode(), repr(b"\x00\xff\n"), b"abc".hex() if hasattr(b, "hex") else "616263")
