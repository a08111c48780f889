# The formatting fast paths: %-conversions parsed without a spec string,
# specs applied from the stack builder, f-string pieces joined at their final
# size, machine and big ints, padding longer than the builder's buffer.
vals = [0, 1, -1, 7, -42, 255, 99999, -100000, 2**31, -2**63, 2**63 - 1, 2**64 + 5, -(10**30)]
for v in vals:
    print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%08x|%i|%u" % (v, v, v, v, v, v, v, v, v, v, v, v, v, v))
    print(f"{v}|{v:>8}|{v:<8}|{v:^9}|{v:08}|{v:+}|{v:,}|{v:_}|{v:_x}|{v:#b}|{v:=+12}|{v:*^15,}")
    print(format(v, "020,"), format(v, "x"), format(v, "c") if 0 <= v < 0x110000 else "")
for x in [0.0, -0.0, 1.5, -2.25, 3.14159, 1e16, 123456.789, 1 / 3, float("inf"), -float("inf"), float("nan"), 2.5e-7]:
    print("%f|%.2f|%10.3f|%-10.1f|%e|%g|%G|%E|%+.0f|%010.2f" % (x, x, x, x, x, x, x, x, x, x))
    print(f"{x:.3f}|{x:>12.4f}|{x:,.2f}|{x:%}|{x:.1%}|{x}|{x:g}|{x:12}|{x:<12.2e}|{x:_.1f}")
for s in ["", "a", "abc", "héllo", "日本語", "x" * 300]:
    r = "%s|%5s|%-5s|%.2s|%r|%a|%c" % (s, s, s, s, s, s, "z")
    print(len(r), r[:80])
    print(f"[{s:>7}][{s:<7}][{s:^7}][{s:*^9}][{s:.1}][{s!r:>10}]"[:90])
print("%d%%" % 50, "%%", "%s and %s" % ("a", "b"), "%(x)s-%(y)05d" % {"x": "k", "y": 3})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%c%c" % (65, "b"), "%s" % ([1, 2],), "%s" % None, "%r" % "q", "%5.1s|" % "xyz")
print("a" * 250 + "%s" % "b" * 3)
w = 1000
print(len(f"{1:>{w}}"), len(format("x", "^600")), len("%700d" % 5), len("%-300s|" % "q"))
print(f"{'':>0}|{'':5}|", f"{''}{''}" == "", f"{'a'}{''}", f"{''}{'b'}{''}")
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(f"{F()}", f"{F():abc}", format(F(), "q"), f"[{F()!r:.3}]")
class Bad:
    def __format__(self, spec):
        return 5
for t in [lambda: f"{Bad()}x", lambda: format(Bad(), ""), lambda: "%d" % "s", lambda: "%d %d" % (1,),
          lambda: "%d" % (1, 2), lambda: "%z" % 1, lambda: "%" % 1, lambda: format(1, ".2d"),
          lambda: format(1.5, "d"), lambda: format("s", "="), lambda: format(3, ",x"), lambda: format(3, "5.q"),
          lambda: "%f" % "x", lambda: f"{3:abc}"]:
    try:
        print(t())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for t in [lambda: format(0x110000, "c"), lambda: format(-1, "c"), lambda: "%c" % 0x110000, lambda: "%c" % "ab",
          lambda: "%d é %y" % 1, lambda: "ab%" % ()]:
    try:
        print(t())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(repr("%c" % 233), repr("%5c|" % 0x65e5), repr(format(0x65e5, "^5c")), "%c" % "é", "%-3c|" % "x")
