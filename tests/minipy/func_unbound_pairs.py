# UnboundLocalError from each instruction of fused pairs (compile.c's
# fuse_pairs): LOAD_FAST first or second, STORE_FAST then LOAD_FAST.
def f(a):
    b = 1
    if a:
        c = 2
    return b + c
def g(a):
    if a:
        c = 2
    x = a
    return x, c
for fn in (f, g):
    try:
        fn(0)
    except UnboundLocalError as e:
        print(e)
print(f(1), g(1))
def h(n):
    for i in range(n):
        if i == 3:
            del k
            j = k
        k = i
        j = k
        k, j = j, k
    return j + k
print(h(3))
try:
    h(5)
except UnboundLocalError as e:
    print(e)
def p(x):
    y = x
    z = 1
    return x, y, z, 2, y
print(p(5))
