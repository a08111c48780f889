# A recursive function whose int argument its trace needs as an object
# (str(n), a list of them): raw arguments are given up for it at the first
# selection, which is made again with the argument boxed; native self-calls
# still, through the boxing helpers.
# jit-expect: traces_compiled>=1 self_calls>=1000 raw_self_calls==0
def digits(n):
    if n < 1:
        return ""
    return digits(n - 1) + str(n)

def keep(n, out):
    if n == 0:
        return 0
    out.append(n)
    return keep(n - 1, out) + 1

t = 0
for i in range(60):
    t += len(digits(40))
print(t, digits(12))
out = []
print(keep(50, out), out[:5], len(out))
