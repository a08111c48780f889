# Functions called from a hot loop rebind globals with the global statement
# (the loop's own reads of them must see every write), change a global's
# type, and a global function is redefined with another arity mid run so the
# old call raises TypeError, caught by the program.
# jit-expect: traces_compiled>=1 deopts>=1 invalidated>=1
count = 0
scale = 1
def tick(i):
    global count, scale
    count += scale
    if i == 3000:
        scale = 0.5
    if i == 6000:
        scale = 10 ** 20
s = 0
for i in range(9000):
    tick(i)
    s += count if i % 1000 == 0 else 0
print(count, s, scale)
def op(a, b):
    return a - b
r = 0
errs = 0
for i in range(8000):
    if i == 4000:
        def op(a):
            return a * 3
    try:
        r += op(i, 1)
    except TypeError as e:
        errs += 1
        msg = str(e)
print(r, errs, msg)
names = ["alpha", "beta"]
def pick(i):
    global names
    if i == 2500:
        names = ("x", "y", "z")
    return names[i % len(names)]
print("".join(pick(i)[0] for i in range(5000)).count("x"))
