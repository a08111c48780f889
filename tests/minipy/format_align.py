# A formatted report: alignment, padding, thousands separators, signs.
rows = [("widgets", 1234, 3.5), ("gadgets", 56, 1234.125), ("doohickeys", 7890123, -0.5)]
print("{:<12}|{:>10}|{:>12}".format("item", "count", "price"))
print("-" * 36)
for name, n, p in rows:
    print("{:<12}|{:>10,}|{:>12.2f}".format(name, n, p))
print("{:=^36}".format(" total "))
print("{:<12}|{:>10,}|{:>+12.3f}".format("sum", sum(r[1] for r in rows), sum(r[2] for r in rows)))
print("%-12s|%10d|%12.2f" % ("pct", 50, 12.345), "[%*d]" % (6, 42), "[%-*s]" % (6, "ab"))
