# str.format.
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="hi"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|".format("ab", "cd", "ef", "gh"))
print("{:5d}|{:<5d}|{:05d}|{:+d}|{:x}|{:X}|{:o}|{:b}|{:,}".format(42, 42, 42, 42, 255, 255, 8, 5, 1234567))
print("{:.2f} {:8.3f} {:e} {:.1%}".format(3.14159, 2.71828, 12345.678, 0.256))
print("{0!r} {0!s} {{literal}}".format("q"), "{:#x} {:#o} {:#b}".format(255, 8, 5))
print("{:>{w}}".format("r", w=5), "{:.{p}f}".format(1.23456, p=2))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
