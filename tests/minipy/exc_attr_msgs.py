# AttributeError and TypeError messages for user classes.
class Thing:
    def __init__(self):
        self.a = 1
    def m(self, x):
        return x
t = Thing()
for fn in (lambda: t.b, lambda: t.m(), lambda: t.m(1, 2), lambda: Thing(5), lambda: t(), lambda: t + 1, lambda: t[0]):
    try:
        fn()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, "|", e)
def f(a, b=1):
    return a
for call in (lambda: f(), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError |", e)
