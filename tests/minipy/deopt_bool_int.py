# bool is a subclass of int: a loop specialised on ints meets True/False,
# and one specialised on bools meets ints; results keep CPython's types
# (True + True is 2, True & True is True, -True is -1).
# jit-expect: traces_compiled>=1 deopts>=1
vals = [3, True, False, 7, -2]
s = 0
kinds = set()
for i in range(10000):
    v = vals[i % 5]
    r = v + v
    kinds.add(type(r).__name__)
    s += r * 3 - v
print(s, sorted(kinds))
bits = []
for i in range(4000):
    a = (i % 3 == 0)
    b = (i % 2 == 0) if i < 2000 else i % 2
    bits.append((a & b, a | b, a ^ b))
print(bits[:4], bits[2000:2004], sum(1 for t in bits if type(t[0]) is bool))
acc = 0
for i in range(6000):
    acc += (i > 3000) - (i < 1000) + (-True if i % 7 == 0 else ~False)
print(acc)
cnt = [0, 0]
for i in range(5000):
    cnt[i % 3 == 0] += 1
    cnt[True] += i > 4990
print(cnt, str(True + 0), repr(False * 1.5), True / 2, True // 1)
