# Hot loops that end in a return or a yield: an early return guarded by a
# branch (a side trace from the loop's guard runs up to the return and
# exits there), a return on the loop's usual path after a long body (the
# loop trace ends with an exit to the return), and generators that yield
# from inside their traced loop after a long body.
# jit-expect: traces_compiled>=4 deopts>=1
def find(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return -1
data = list(range(0, 300, 3))
tot = 0
for t in range(0, 300, 7):
    tot += find(data, t)
print(tot)

def settle(x, data):
    i = 0
    while True:
        a = data[i % 7] * 3 + x
        b = a * a - x * 2 + i
        c = (b % 1000) // 3 + a
        d = c - b % 17 + a * 2
        e = d + c - a + i * 5
        v = e % 97 + (d % 13) * (c % 11)
        if v % 5 != 0:
            return v + i
        i += 1
data7 = [5, 1, 4, 1, 5, 9, 2]
s = 0
for x in range(400):
    s += settle(x, data7)
print(s)

def squares(n, k):
    for i in range(n):
        a = i * k + 3
        b = a * a - i
        c = b % 1000 + a // 7
        d = c * 3 - b % 11 + i
        e = d + c - a + b % 5
        f = e * 2 - d + c % 13
        yield f - e + a + i % 7

def consume(n):
    tot = 0
    for v in squares(n, 3):
        tot += v
    return tot
print(consume(3000), sum(squares(50, 2)))

def nested(n):
    for i in range(n):
        for j in range(3):
            w = i * 10 + j
            w2 = w * w - i + j * 7
            w3 = w2 % 1009 + w // 3 - j
            w4 = w3 * 2 + w2 % 17 - i % 5
            w5 = w4 - w3 + w2 % 23 + w
            yield w5 + w4 % 7
print(sum(nested(400)), list(nested(2))[:4])
