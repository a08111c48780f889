# The program of jit_payback.py and jit_payback_off.py: loops whose trace
# would mostly call the interpreter's generic paths (a function with a
# loop of its own, which is never inlined; a generator), next to loops
# that are all native work.
def digits(p):
    s = 0
    for v in p:
        s = s * 10 + v
    return s

def gen(n):
    i = 0
    while i < n:
        yield i * 3 % 7
        i += 1

def main():
    rows = []
    for i in range(3000):
        rows.append([(i * 7 + j) % 10 for j in range(5)])
    total = 0
    for r in rows:
        total = (total + digits(r)) % 1000000007
    acc = 0
    for x in gen(4000):
        acc = (acc * 31 + x) % 1000003
    k = 0
    for i in range(5000):
        k = (k + i * i) % 65521
    print(total, acc, k)
    # the same loop again after a type change inside the callee's data
    rows[100] = [1.5, 2, 3, 4, 5]
    total = 0
    for r in rows:
        total = total + digits(r)
    print(total)
