# The base case of a natively self-called recursion runs from the
# self-call exit table; the function it calls rebinds the global the
# base case's side trace depends on while that side trace runs, twice:
# the side trace is invalidated mid-run (and kept alive until the
# recursion returns), the results are the interpreter's.
# jit-expect: traces_compiled>=2 self_calls>=1000 invalidated>=1
def f(n):
    if n < 2:
        return leaf(n)
    return f(n - 1) + f(n - 2)
cnt = [0]
def leaf(n):
    cnt[0] += 1
    if cnt[0] == 3000:
        rebind()
    return n
def leaf2(n):
    cnt[0] += 1
    if cnt[0] == 6000:
        rebind_back()
    return n * 2
def rebind():
    global leaf
    leaf = leaf2
def rebind_back():
    global leaf
    leaf = leaf3
def leaf3(n):
    return n + 1
for i in range(4):
    print(f(16), cnt[0])
