# Module-level loops that load a global they stored or loaded before in the
# same iteration (bench/dict_words.py: `counts[w] = counts.get(w, 0) + 1`).
# The trace gives the second load the ref it already has, guarded by the
# entry still holding the same object (global_known in jit/jit_lower.c),
# with no keep and no unboxing again.  Here Python code run from inside a
# helper call (sorted's key function, which the trace cannot inline)
# rebinds those globals between the two loads now and then: the guard
# fails, the trace exits, and the interpreter loads the new value.  Ints,
# floats, strs and dicts; equal to python3's output in all three ways.
# jit-expect: compiled>=1 exits>=1
counts = {}
words = ("a b c a b a " * 500).split()
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
total = 0
def rebind(i):
    global total, counts, label
    if i % 97 == 0:
        total = total + 1000
        label = "r%d" % i
    if i == 1500:
        counts = {"z": 1}
    return i
label = "x"
for i in range(3000):
    total = total + 1
    sorted([i], key=rebind)
    total = total + i
    label = label[:3] + "!"
    counts["n"] = counts.get("n", 0) + sorted([i], key=rebind)[0] % 2
    out = label + str(total % 10)
print(total, label, out, sorted(counts.items()))
x = 1.5
for i in range(2000):
    x = x * 1.0001
    y = x + 1
    if i % 500 == 499:
        x = x / 2
print(round(x, 6), round(y, 6))
