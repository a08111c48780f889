# Cells: a closure sees later assignments to the captured variable.
def make():
    x = 1
    def get():
        return x
    x = 2
    return get
print(make()())
def loop_closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 100
    return [f() for f in fs]
print(loop_closures())
def counter_pair():
    n = [0]
    def inc():
        n[0] += 1
        return n[0]
    def dec():
        n[0] -= 1
        return n[0]
    return inc, dec
inc, dec = counter_pair()
print(inc(), inc(), dec(), inc())
def class_in_func(v):
    class Local:
        val = v
        def get(self):
            return self.val * 2
    return Local()
print(class_in_func(21).get(), type(class_in_func(1)).__name__)
