# str's case mappings and character classes on all of Unicode, against
# CPython: every code point below U+3400 and in the blocks above it that
# have case mappings or digits, one in 7 elsewhere, summarised per
# block of 4096 code points (a checksum of each method's results, so a
# mismatch names its block and method), then strings where context matters
# (final sigma, title case, multi-character mappings).
METHODS = ["upper", "lower", "title", "casefold", "swapcase", "capitalize"]
PREDS = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
         "islower", "isupper", "istitle", "isprintable", "isidentifier"]

def checksum(s, acc):
    for ch in s:
        acc = (acc * 31 + ord(ch)) % 4294967291
    return (acc * 31 + len(s)) % 4294967291

def sweep(lo, hi, step):
    sums = [0] * (len(METHODS) + 1)
    n = 0
    for c in range(lo, min(hi, 0x110000), step):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        sums[0] = checksum(ch.upper(), sums[0])
        sums[1] = checksum(ch.lower(), sums[1])
        sums[2] = checksum(ch.title(), sums[2])
        sums[3] = checksum(ch.casefold(), sums[3])
        sums[4] = checksum(ch.swapcase(), sums[4])
        sums[5] = checksum(ch.capitalize(), sums[5])
        bits = 0
        if ch.isalpha(): bits |= 1
        if ch.isdigit(): bits |= 2
        if ch.isdecimal(): bits |= 4
        if ch.isnumeric(): bits |= 8
        if ch.isalnum(): bits |= 16
        if ch.isspace(): bits |= 32
        if ch.islower(): bits |= 64
        if ch.isupper(): bits |= 128
        if ch.istitle(): bits |= 256
        if ch.isprintable(): bits |= 512
        if ch.isidentifier(): bits |= 1024
        sums[6] = (sums[6] * 1031 + bits) % 4294967291
        n += 1
    return n, sums

for lo in range(0, 0x3400, 0x1000):
    n, sums = sweep(lo, min(lo + 0x1000, 0x3400), 1)
    print("U+%04X" % lo, n, " ".join(str(x) for x in sums))
for lo, hi in [(0xA640, 0xA800), (0xAB70, 0xABC0), (0xFB00, 0xFB50), (0xFF00, 0xFFF0),
               (0x10400, 0x10500), (0x10570, 0x105C0), (0x10C80, 0x10D00), (0x118A0, 0x11900),
               (0x16E40, 0x16EA0), (0x1D400, 0x1D800), (0x1E900, 0x1E960), (0x1F100, 0x1F200)]:
    n, sums = sweep(lo, hi, 1)
    print("U+%05X-U+%05X" % (lo, hi), n, " ".join(str(x) for x in sums))
for lo in range(0x3400, 0x110000, 0x10000):
    n, sums = sweep(lo, lo + 0x10000, 7)
    print("U+%05X/7" % lo, n, " ".join(str(x) for x in sums))

words = ["ΟΔΟΣ", "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ", "Σ", "ΑΣ.", "Α.Σ", "ΑΣ'Β", "ΑΣ\u0301", "ΑΣ\u0301Β",
         "straße", "ǆemal ǅ Ǆ", "ﬁnal ﬂow", "İstanbul", "ŉ", "ΐ", "hello world", "o'neil mc-donald",
         "Ⅻ ⅻ", "ǈubljana", "Ꭰ ꭰ", "𐐀𐐨", "ⓐⒶ", "\u0345", "ᾳ ᾼ ῳ", "ὒ", "ß" * 3]
for w in words:
    print(repr(w), [getattr(w, m)() for m in METHODS])
    print("   ", [getattr(w, p)() for p in PREDS])
for s in ["", " ", "\u00a0", "\u2028", "\x1c", "٣٤", "²", "½", "一二", "Ⅷ", "_x1", "1x", "ℕ", "℘x", "x·y", "·x"]:
    print(repr(s), [getattr(s, p)() for p in PREDS])
