# Parsing text with split/join/strip.
text = """name,age,city
alice, 30 ,Paris
 bob,25,  Berlin
carol,35,Rome
"""
rows = [line.split(",") for line in text.strip().split("\n")]
header = rows[0]
recs = [dict(zip(header, [f.strip() for f in r])) for r in rows[1:]]
for r in recs:
    print(r)
print(sum(int(r["age"]) for r in recs), ";".join(r["city"].upper() for r in recs))
print("a  b   c".split(" "), "  lead".split(), "x--y--z".split("--"), "k=v".split("=", 5))
print("|".join(["", "", ""]), "1 2 3".replace(" ", ""), "  x  ".strip() == "x")
