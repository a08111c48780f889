# collections.py -- deque, defaultdict, Counter, namedtuple, OrderedDict (Python versions).
class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def extend(self, it):
        for x in it:
            self.append(x)
    def extendleft(self, it):
        for x in it:
            self.appendleft(x)
    def clear(self):
        self._items = []
    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return len(self._items) > 0
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)

class _DictLike:
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d)
    def __contains__(self, k):
        return k in self._d
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, k, default=None):
        return self._d.get(k, default)
    def pop(self, k, *default):
        return self._d.pop(k, *default)
    def setdefault(self, k, v=None):
        return self._d.setdefault(k, v)
    def update(self, *args, **kw):
        self._d.update(*args, **kw)
    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other
    def copy(self):
        c = self.__class__.__new__(self.__class__) if False else None
        return dict(self._d)

class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kw):
        self.default_factory = default_factory
        self._d = dict(*args, **kw)
    def __getitem__(self, k):
        d = self._d
        if k in d:
            return d[k]
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        d[k] = v
        return v
    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)

class Counter(_DictLike):
    def __init__(self, iterable=None, **kw):
        self._d = {}
        if iterable is not None:
            self.update(iterable)
        if kw:
            self.update(kw)
    def update(self, iterable=None, **kw):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for k, v in iterable.items():
                    d[k] = d.get(k, 0) + v
            else:
                for k in iterable:
                    d[k] = d.get(k, 0) + 1
        for k, v in kw.items():
            d[k] = d.get(k, 0) + v
    def __getitem__(self, k):
        return self._d.get(k, 0)
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        for k, v in self._d.items():
            for i in range(v):
                yield k
    def total(self):
        return sum(self._d.values())
    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())

class OrderedDict(_DictLike):
    def __init__(self, *args, **kw):
        self._d = dict(*args, **kw)
    def __getitem__(self, k):
        return self._d[k]
    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self._d.items()),)

def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    class NT:
        __slots__ = ()
        _fields = fields
        def __init__(self, *args, **kw):
            vals = list(args)
            for name in fields[len(args):]:
                if name in kw:
                    vals.append(kw[name])
                else:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, name))
            self._vals = tuple(vals)
            for i in range(len(fields)):
                setattr(self, fields[i], vals[i])
        def __getitem__(self, i):
            return self._vals[i]
        def __iter__(self):
            return iter(self._vals)
        def __len__(self):
            return len(self._vals)
        def __eq__(self, other):
            if isinstance(other, tuple):
                return self._vals == other
            return self._vals == other._vals
        def __lt__(self, other):
            return self._vals < other._vals
        def __hash__(self):
            return hash(self._vals)
        def __repr__(self):
            return typename + "(" + ", ".join("%s=%r" % (fields[i], self._vals[i]) for i in range(len(fields))) + ")"
        def _asdict(self):
            return dict(zip(fields, self._vals))
        def _replace(self, **kw):
            d = dict(zip(fields, self._vals))
            d.update(kw)
            return NT(**d)
    NT.__name__ = typename
    NT.__qualname__ = typename
    return NT
