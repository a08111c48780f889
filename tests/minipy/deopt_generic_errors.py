# Errors raised by generically lowered instructions in hot loops: a bad
# slice, an unhashable set element and dict key, a bad format spec, a
# non-iterable after *, a failed starred unpack, deleting a missing key:
# each is the interpreter's exception at the instruction, after which the
# loop goes on (or the function ends) as in CPython.
# jit-expect: traces_compiled>=4 deopts>=1
def slice_errors(n):
    data = list(range(10))
    msgs = []
    tot = 0
    for i in range(n):
        lo = 'x' if i % 9 == 8 else i % 4
        try:
            tot += sum(data[lo:i % 10])
        except TypeError as e:
            msgs.append(type(e).__name__)
    return tot, msgs[:1], len(msgs)
print(slice_errors(50))

def hash_errors(n):
    bad = 0
    good = 0
    for i in range(n):
        k = [i] if i % 7 == 6 else i
        try:
            s = {k, 1, 2}
            d = {k: 1, 'a': 2}
            good += len(s) + len(d)
        except TypeError as e:
            bad += 1
            last = str(e)
    return good, bad, last
print(hash_errors(50))

def format_errors(n):
    out = []
    for i in range(n):
        v = 'text' if i % 8 == 7 else i
        try:
            out.append(f"{v:05d}")
        except ValueError as e:
            out.append('E:' + str(e))
    return out[5:9]
print(format_errors(40))

def star_errors(n):
    res = 0
    for i in range(n):
        it = i if i % 6 == 5 else [i, i]
        try:
            res += len([*it, 1])
        except TypeError as e:
            res -= 100
            msg = str(e)
        try:
            a, *b, c = [1] * (i % 4)
            res += len(b)
        except ValueError as e:
            res -= 1
            msg2 = str(e)
    return res, msg, msg2
print(star_errors(40))

def del_errors(n):
    d = dict.fromkeys(range(0, n, 2))
    miss = 0
    for i in range(n):
        try:
            del d[i]
        except KeyError as e:
            miss += 1
    return miss, len(d)
print(del_errors(40))

# An uncaught one ends the program as in CPython.
def boom(n):
    t = 0
    for i in range(n):
        t += len({i: 1, 'k': [i] * 3})
        if i == 30:
            t += len({[i]})
    return t
try:
    boom(40)
except TypeError as e:
    print('TypeError', e)
