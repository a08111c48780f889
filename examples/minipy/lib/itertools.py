# itertools.py -- the itertools functions, as generators.
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) > 2 else 1
        if start is None:
            start = 0
        if step is None:
            step = 1
    it = iter(iterable)
    i = 0
    nexti = start
    for x in it:
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield x
            nexti += step
        i += 1

def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for i in range(times):
            yield obj

def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x

def chain(*iterables):
    for it in iterables:
        for x in it:
            yield x

def _from_iterable(iterables):
    for it in iterables:
        for x in it:
            yield x

chain.from_iterable = _from_iterable

def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        for x in it:
            total = x
            break
        else:
            return
    yield total
    for x in it:
        total = func(total, x) if func is not None else total + x
        yield total

def starmap(func, iterable):
    for args in iterable:
        yield func(*args)

def takewhile(pred, iterable):
    for x in iterable:
        if pred(x):
            yield x
        else:
            return

def dropwhile(pred, iterable):
    it = iter(iterable)
    for x in it:
        if not pred(x):
            yield x
            break
    for x in it:
        yield x

def filterfalse(pred, iterable):
    for x in iterable:
        if not (pred(x) if pred is not None else x):
            yield x

def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d

def zip_longest(*iterables, fillvalue=None):
    its = [iter(x) for x in iterables]
    n = len(its)
    if not n:
        return
    sentinel = object()
    while True:
        active = 0
        vals = []
        for i in range(n):
            v = next(its[i], sentinel)
            if v is sentinel:
                vals.append(fillvalue)
            else:
                active += 1
                vals.append(v)
        if not active:
            return
        yield tuple(vals)

def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)

def groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    it = iter(iterable)
    sentinel = object()
    cur = next(it, sentinel)
    while cur is not sentinel:
        k = keyfunc(cur)
        group = [cur]
        cur = next(it, sentinel)
        while cur is not sentinel and keyfunc(cur) == k:
            group.append(cur)
            cur = next(it, sentinel)
        yield k, iter(group)

def pairwise(iterable):
    it = iter(iterable)
    sentinel = object()
    a = next(it, sentinel)
    if a is sentinel:
        return
    for b in it:
        yield a, b
        a = b
