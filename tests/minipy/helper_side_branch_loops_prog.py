# The program of side_branch_loops.py and its twin side_branch_loops_off.py
# (MINIPY_JIT_BRANCH_SIDES=0): one copy, run on import.  Loops whose body
# holds an if whose ways both go on with the loop, the less taken way
# between a sixth and a sixteenth of the iterations (too often for a trace
# that is left there on each, often enough to wait for its side trace), in
# several shapes.


def counts(flags):
    # bench/sieve.py's count loop: one way in eight.
    count = 0
    last = -1
    for k in range(len(flags)):
        if flags[k]:
            count += 1
            last = k
    return count, last


def two_types(n):
    # The two ways leave values of different types in the same local.
    v = 0
    acc = 0.0
    for i in range(n):
        if i % 9 == 4:
            v = i * 0.5
        else:
            v = i
        acc += v
    return acc, v


def elif_chain(n):
    # A chain of tests, the last way the common one.
    a = b = c = 0
    for i in range(n):
        r = i % 23
        if r == 3:
            a += i
        elif r == 11:
            b += 2
        elif r == 17:
            c -= 1
        else:
            a += 1
    return a, b, c


def nested(n):
    # An if inside the less taken way of another.
    s = 0
    t = 0
    for i in range(n):
        if i % 8 == 1:
            if i % 16 == 1:
                s += i
            else:
                t += i
        s += 1
    return s, t


def with_break(n, stop):
    # The less taken way may also end the loop.
    s = 0
    for i in range(n):
        if i % 10 == 7:
            s += 3
            if i > stop:
                break
        else:
            s += 1
    return s, i


def flipping(n):
    # The common way becomes the rare one half way through.
    s = 0
    h = n // 2
    for i in range(n):
        if (i < h) == (i % 11 == 0):
            s -= i
        else:
            s += 2
    return s


def while_loop(n):
    # The same in a while loop, the side way changing a float.
    i = 0
    x = 1.0
    m = 0
    while i < n:
        if i % 7 == 0:
            x = x * 0.5 + 1.0
        else:
            m += 1
        i += 1
    return x, m


def nested_rows(rows, n):
    # The if in an inner loop of a few iterations a run (30, one way in
    # seven): the side trace of the inner loop's end goes round the outer
    # loop and links back to the inner loop's trace once a run, which is
    # no hop of its branch (counted as one, a run would make 5.3 hops, 5.7
    # iterations a hop, and the hop judge would drop the trace).
    s = 0
    c = 0
    for r in range(rows):
        for i in range(n):
            if (i + r) % 7 == 3:
                c += r
            else:
                s += i
    return s, c


flags = [k % 8 == 3 for k in range(60000)]
for rep in range(3):
    print(counts(flags))
    print(two_types(30000))
    print(elif_chain(40000))
    print(nested(40000))
    print(with_break(30000, 29000 - rep * 10000))
    print(flipping(40000))
    print(while_loop(30000))
    print(nested_rows(8000, 30))
