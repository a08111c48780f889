# Finalizers of objects still alive at exit run as CPython runs them:
# after the program, while globals are intact, oldest first.
import sys
class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, "sees global", TAG)
TAG = "intact"
a = C(1)
b = C(2)
c = C(3)
a = C(4)          # C(1) goes now
class Box:
    pass
box = Box()
box.item = C(5)
cyc = C(6)
cyc.me = cyc
def gen():
    try:
        yield 1
    finally:
        print("gen closed at exit")
g = gen()
next(g)
def main():
    local = C(7)
    print("main returns")
main()
print("end of program")
sys.stdout.flush()
