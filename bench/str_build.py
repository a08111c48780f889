# str_build -- string formatting, concatenation, slicing, join and methods.
def render(i):
    name = "item%05d" % i
    tag = name.upper()[-3:]
    return f"{name}:{i * 3 % 101:>4}|{tag.lower()}|{i / 7:.3f}"
def main(n):
    parts = []
    total = 0
    for i in range(n):
        s = render(i)
        if s.startswith("item0") and "|" in s:
            total += len(s) + s.count("1") + s.find("|")
        parts.append(s[4:9].replace("0", "o"))
    blob = ",".join(parts)
    pieces = blob.split(",")
    rev = "".join(p[::-1] for p in pieces[:1000])
    print("str_build", total, len(blob), len(pieces), rev[:30], blob.count("o"))
main(800000)
