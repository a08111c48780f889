# printf-style % formatting.
print("%d %i %s %r" % (42, -7, "str", "str"))
print("%5d|%-5d|%05d|%+d|%x|%X|%o|%c|%%" % (42, 42, 42, 42, 255, 255, 8, 65))
print("%.3s|%10s|%-10s|" % ("abcdef", "right", "left"))
print("%s" % [1, 2], "%s %s" % (None, True), "%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%d" % 3.99, "%s" % 2 ** 70, "%x" % 2 ** 70, "%.2f" % 2.345, "%e" % 0.00012)
