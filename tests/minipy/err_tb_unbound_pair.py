# An unbound local read by the second instruction of a fused pair
# (LOAD_FAST a; LOAD_FAST c on the next line): the traceback names the line
# of the read that failed.
def f(a):
    if a > 1:
        c = a
    return (a +
            c)
print(f(2))
f(0)
