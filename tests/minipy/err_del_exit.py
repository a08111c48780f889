# An uncaught exception: its traceback is printed, then the frames it kept
# and the objects still alive are finalized; the exit status stays 1.
class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
keep = C(1)
def f():
    x = C(2)
    raise ValueError("boom")
f()
