# functools.py -- reduce, partial, lru_cache/cache, wraps, cmp_to_key.
_initial_missing = object()

def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        value = next(it, _initial_missing)
        if value is _initial_missing:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords
    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)

def _make_cached(f):
    memo = {}
    def wrapper(*args, **kw):
        key = args if not kw else (args, tuple(sorted(kw.items())))
        if key in memo:
            return memo[key]
        r = f(*args, **kw)
        memo[key] = r
        return r
    wrapper.__wrapped__ = f
    wrapper.cache_clear = memo.clear
    return wrapper

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize):
        return _make_cached(maxsize)
    return _make_cached

def cache(f):
    return _make_cached(f)

def wraps(wrapped, assigned=None, updated=None):
    def deco(f):
        return f
    return deco

def cmp_to_key(mycmp):
    class K(object):
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
    return K
