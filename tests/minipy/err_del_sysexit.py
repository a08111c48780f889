# sys.exit(3) from inside a call: the frames are freed (their locals'
# finalizers run), then what is alive at exit; the status is 3.
import sys
class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        raise RuntimeError("ignored at exit")
top = C(1)
def f():
    x = C(2)
    sys.exit(3)
f()
