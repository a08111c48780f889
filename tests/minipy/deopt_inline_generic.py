# Generic instructions in inlined calls (jit_lower_generic.c's lowerings in
# an inlined frame): f-strings with specs, dict/set/long list displays,
# slices, starred unpacking, keyword calls, calls of many arguments, lambdas
# and closures made inside the callee, `and`/`or` values, del of an item.
# Each helper is called from a hot loop; some raise mid-run (the callee's
# frame is materialised and the exception caught by the caller), and one
# callee of another module makes a lambda in its own globals.
# jit-expect: traces_compiled>=1 deopts>=1 frames_materialised>=1
import helper_scale
def label(i, x):
    return f"{i:>4}|{x:.3f}|{i!r:<3}"
def record(i):
    d = {"a": i, "b": i * 2, i % 3: "k"}
    s = {i % 4, i % 5, 9}
    return (d["b"], len(d), sorted(s), [i, i + 1, i + 2, i + 3, i + 4, i + 5][1:5:2])
def spread(t):
    first, *mid, last = t
    return first + last + len(mid), [*mid, *t[:1]]
def kw(a, b=1, *, c=2):
    return a * 100 + b * 10 + c
def many(a, b, c, d, e, f):
    return a + b + c + d + e + f
def calls(i):
    return kw(i, c=3) + kw(a=i, b=2) + many(i, 1, 2, 3, 4, 5)
def adder(k):
    return (lambda x: x + k)(k) + (k and 5) + (k or 7)
def drop(l, i):
    del l[i % len(l)]
    return len(l)
def fmt_bad(i):
    return f"{i:{'>4' if i != 1500 else 'bad spec'}}"
def key_bad(i):
    return {(i if i != 1700 else [i]): 1}
out = []
l = list(range(5000))
acc = 0
for i in range(3000):
    out.append(label(i, i * 0.25))
    r = record(i)
    acc += r[0] + r[1] + len(r[2]) + r[3][0]
    a, m = spread((i, i + 1, i + 2, i + 3))
    acc += a + len(m)
    acc += calls(i) + adder(i % 4)
    acc += drop(l, i * 7)
    acc += helper_scale.scale_by(i, 3)
    try:
        acc += len(fmt_bad(i))
    except ValueError as e:
        print("ValueError", i)
    try:
        acc += len(key_bad(i))
    except TypeError as e:
        print("TypeError", e, i)
print(acc, out[7], out[-1], len(l))
