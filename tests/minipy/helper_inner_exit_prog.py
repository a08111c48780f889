# The program of func_inner_exit.py and func_inner_exit_off.py: two
# functions whose entry traces reach the head of their loop after more
# straight-line work than minipy's MPJ_FN_MIN_INSNS (64 instructions), so
# their traces end with an exit at that head (libjitcore's "Inner heads").
# prepare's loop (20-32 iterations) gets a trace of its own, which the
# entry trace then links to; prepare_short's (0-4) is refused one, so its
# entry trace exits to the interpreter there every time, which the
# function judge must count as work done (else it drops the trace).  The exit writes back ints, floats,
# strings, a list and a tuple; some calls make the loop run zero times, and
# the types of the arguments change late (an int where a float was), so
# the entry trace's guards fail too.
def prepare(n, scale, tag):
    a = n * 3 + 1
    b = a - n // 2
    c = (a * b) % 1000003
    d = c ^ (n << 3)
    e = d & 0xffff
    f = scale * 1.5 + 0.25
    g = f * f - scale
    h = g / (f + 1.0)
    s = tag + ":" + str(n % 7)
    t = s.upper()
    u = len(t) + e % 11
    lst = [a % 5, b % 5, c % 5]
    lst.append(u)
    tup = (a, u)
    k = a + b + c + d + e + u
    m = k % 97
    w = m * 2 - u
    z = w + tup[1] - lst[0]
    acc = 0
    i = 0
    while i < 20 + n % 13:
        acc += (i * z + e) % 1009
        lst[i % 4] += i
        i += 1
    return acc, round(h, 6), s, t, lst, tup, k, m, w, z

def prepare_short(n, scale, tag):
    a = n * 3 + 1
    b = a - n // 2
    c = (a * b) % 1000003
    d = c ^ (n << 3)
    e = d & 0xffff
    f = scale * 1.5 + 0.25
    g = f * f - scale
    h = g / (f + 1.0)
    s = tag + ":" + str(n % 7)
    t = s.upper()
    u = len(t) + e % 11
    lst = [a % 5, b % 5, c % 5]
    lst.append(u)
    tup = (a, u)
    k = a + b + c + d + e + u
    m = k % 97
    w = m * 2 - u
    z = w + tup[1] - lst[0]
    acc = 0
    i = 0
    while i < n % 5:
        acc += (i * z + e) % 1009
        lst[i % 4] += i
        i += 1
    return acc, round(h, 6), s, t, lst, tup, k, m, w, z

def main():
    total = 0
    for q in range(6000):
        r = q + 5
        res = prepare(r, 0.5 + r % 3 if q < 5000 else r % 3, "x" if r % 2 else "yy")
        total = (total * 31 + res[0] + res[6] + len(res[2]) + sum(res[4])) % 1000000007
        sh = prepare_short(r + 2, 1.5, "z")
        total = (total + sh[0] * 7 + sh[9]) % 1000000007
        if q % 997 == 0:
            print(r, res, sh)
    print("total", total)
