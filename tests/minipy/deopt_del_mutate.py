# Finalizers that change what a hot loop's trace assumed, run at the store
# that drops their object: one deletes a global the loop reads next (forced
# hot, the JIT's stores used to defer the finalizer to the trace's exit, and
# the loop read the global before it was gone: a NameError in the wrong
# place), one rebinds a function the trace called as a constant, one
# replaces a method of the class the loop calls, one changes the list the
# loop indexes.
# jit-expect: traces_compiled>=1 deopts>=1
N = 30

class Deleter:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        global flag
        if self.i == 20:
            del flag
            print("deleted flag")

flag = 1
cur = None
try:
    for i in range(N):
        cur = Deleter(i)
        print("flag", i, flag)
except NameError as e:
    print("NameError", e)

def step(x):
    return x + 1
def step2(x):
    return x + 100

class Rebinder:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        global step
        if self.i == 12:
            step = step2
            print("rebound step")

def calls():
    acc = 0
    r = None
    for i in range(N):
        r = Rebinder(i)
        acc = step(acc)
        print("acc", i, acc)
    r = None
calls()

class Shape:
    def area(self):
        return 1

def new_area(self):
    return 2

class Patcher:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        if self.i == 9:
            Shape.area = new_area
            print("patched Shape.area")

def areas():
    s = Shape()
    p = None
    for i in range(N):
        p = Patcher(i)
        print("area", i, s.area())
    p = None
areas()

data = [10, 20, 30]
class Shrinker:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        if self.i == 15:
            data.pop()
            print("popped")

def reads():
    slot = [None]
    for i in range(N):
        slot[0] = Shrinker(i)
        try:
            print("item", i, data[2])
        except IndexError:
            print("item", i, "gone")
    slot[0] = None
reads()
print("end")
