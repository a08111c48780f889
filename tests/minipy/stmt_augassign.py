# Augmented assignment on names, attributes, subscripts.
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3; x **= 5; x <<= 2; x >>= 1; x |= 8; x &= 12; x ^= 5
print(x)
f = 1.5
f /= 2; f *= 4; f -= 0.5
print(f)
s = "a"; s += "b"; s *= 3
print(s)
class C:
    pass
c = C()
c.v = 1
c.v += 41
print(c.v)
l = [1, 2, 3]
l[0] += 100; l[-1] *= 7
l += [4]
print(l)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 1
print(d)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
m = [[1, 2], [3]]
m[0][1] += 10
print(m)
