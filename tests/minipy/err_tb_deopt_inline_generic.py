# An inlined callee's keyword call (a generic lowering in an inlined frame)
# raises after many iterations of a hot loop: the traceback shows the loop
# line, the inlined callee's line and the raising function, each once.
# jit-expect: traces_compiled>=1 frames_materialised>=1
def check(v, *, limit):
    if v >= limit:
        raise OverflowError(f"{v} >= {limit}")
    return v
def step(i):
    return check(i * 2, limit=7000) + len(f"{i:>6}")
total = 0
for i in range(5000):
    total += step(i)
print(total)
