# str.format with attribute and index fields, nested specs, conversions.
class Pt:
    def __init__(self):
        self.x, self.y = 3, 4
    def __format__(self, spec):
        return "Pt<%s>" % spec if spec else "Pt"
    def __str__(self):
        return "Pt-str"
p = Pt()
print("{0.x},{0.y}".format(p), "{p.x}".format(p=p), "{}".format(p), "{:fancy}".format(p), "{!s}".format(p))
print("{:*>10,}".format(1234567), "{:<+8.2f}|".format(3.14159), "{:^#12x}|".format(48879))
print("%s|%5s|%-5s|%.1s" % ("a", "b", "c", "def"), "%s" % (1,), "%s" % [1], "%d%%" % 50)
print("{0:{1}{2}}".format(42, ">", 6), "{:{}}".format("z", 4) + "|")
print(f"{'nested ' + str(1 + 1)!r:>15}", f"{3.0:g}{2.50:g}", f"{1e-5:g}{123456789:g}")
