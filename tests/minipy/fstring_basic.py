# f-strings with expressions and format specs.
name, n, pi = "world", 42, 3.14159265
print(f"hello {name}!", f"{n}", f"{n + 1}", f"{name.upper()}", f"{'quoted'}", f"{n!r} {name!r}")
print(f"{n:5d}|{n:<5}|{n:>5}|{n:^5}|{n:05}|{n:x}|{n:#b}|{n:,}")
print(f"{pi:.2f}|{pi:10.4f}|{pi:e}|{pi:.3g}|{-pi:+.1f}|{0.5:.0%}")
print(f"{name:>10}|{name:*<8}|{name:.3}|{{braces}}|{[1, 2]}|{ {'a': 1}['a'] }")
w, p = 8, 3
print(f"{pi:{w}.{p}f}|", f"{'x' * 3}", f"{n // 5 = }" if False else f"{n // 5}")
items = [("apple", 1.5, 3), ("kiwi", 0.25, 12)]
for it, price, q in items:
    print(f"{it:<8}{price:>6.2f}{q:>4}{price * q:>8.2f}")
print(f"{2 ** 70}", f"{1e20}", f"{None}", f"{True:d}" if False else f"{True}")
