# f-strings: nested fields, conversions, quotes, expressions with calls and subscripts.
data = {"name": "Ada", "langs": ["py", "c"], "score": 97.25}
print(f"{data['name']} knows {len(data['langs'])} languages: {', '.join(data['langs'])}")
print(f"{data['score']:.1f}|{data['score']:>10.3f}|{int(data['score']):#06x}|{data['name']!r:>8}")
width = 12
for label, val in (("alpha", 1), ("beta", 22.5), ("gamma", -333)):
    print(f"{label:<{width}}{val:>{width // 2}}|{str(val):^7}|")
print(f"{'a' if width > 10 else 'b'}", f"{[x * 2 for x in range(3)]}", f"{(lambda v: v + 1)(41)}", f"{{}}{width}{{}}")
print(f"{3.14159:{'.3f'}}", f"{2 ** 100:,}", f"{-0.0}", f"{1 / 3!s:.5}")
