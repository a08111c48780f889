# builtins.py -- built-in iterators of minipy written in Python (enumerate, zip, map, filter).
_sentinel = object()

def enumerate(iterable, start=0):
    n = start
    for x in iterable:
        yield (n, x)
        n += 1

def zip(*iterables, strict=False):
    if not iterables:
        return
    its = [iter(x) for x in iterables]
    while True:
        result = []
        for it in its:
            v = next(it, _sentinel)
            if v is _sentinel:
                return
            result.append(v)
        yield tuple(result)

def map(func, *iterables):
    if len(iterables) == 1:
        for x in iterables[0]:
            yield func(x)
        return
    for args in zip(*iterables):
        yield func(*args)

def filter(func, iterable):
    if func is None:
        for x in iterable:
            if x:
                yield x
    else:
        for x in iterable:
            if func(x):
                yield x
