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

class _BigRange:
    # range() whose bounds do not fit in 64 bits (the C range handles the rest)
    def __init__(self, start, stop, step):
        self.start, self.stop, self.step = start, stop, step
    def __len__(self):
        if self.step > 0:
            n = (self.stop - self.start + self.step - 1) // self.step
        else:
            n = (self.start - self.stop - self.step - 1) // -self.step
        return n if n > 0 else 0
    def __getitem__(self, i):
        n = len(self)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("range object index out of range")
        return self.start + i * self.step
    def __iter__(self):
        v = self.start
        if self.step > 0:
            while v < self.stop:
                yield v
                v += self.step
        else:
            while v > self.stop:
                yield v
                v += self.step
    def __contains__(self, x):
        if self.step > 0:
            ok = self.start <= x < self.stop
        else:
            ok = self.stop < x <= self.start
        return ok and (x - self.start) % self.step == 0
    def __repr__(self):
        if self.step == 1:
            return "range(%r, %r)" % (self.start, self.stop)
        return "range(%r, %r, %r)" % (self.start, self.stop, self.step)
