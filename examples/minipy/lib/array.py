# array.py -- basic typed arrays (a list with a type code that checks its items).
_INT_CODES = 'bBhHiIlLqQ'
_FLOAT_CODES = 'fd'

class array:
    def __init__(self, typecode, initializer=()):
        if typecode not in _INT_CODES and typecode not in _FLOAT_CODES and typecode != 'u':
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self.typecode = typecode
        self._a = []
        for x in initializer:
            self.append(x)
    def _check(self, x):
        if self.typecode in _INT_CODES:
            if not isinstance(x, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
            return x
        if self.typecode in _FLOAT_CODES:
            if not isinstance(x, (int, float)):
                raise TypeError("must be real number, not %s" % type(x).__name__)
            return float(x)
        return x
    def append(self, x):
        self._a.append(self._check(x))
    def extend(self, it):
        for x in it:
            self.append(x)
    def pop(self, i=-1):
        return self._a.pop(i)
    def index(self, x):
        return self._a.index(x)
    def count(self, x):
        return self._a.count(x)
    def insert(self, i, x):
        self._a.insert(i, self._check(x))
    def remove(self, x):
        self._a.remove(x)
    def reverse(self):
        self._a.reverse()
    def tolist(self):
        return list(self._a)
    def __len__(self):
        return len(self._a)
    def __iter__(self):
        return iter(self._a)
    def __contains__(self, x):
        return x in self._a
    def __getitem__(self, i):
        if isinstance(i, slice):
            return array(self.typecode, self._a[i])
        return self._a[i]
    def __setitem__(self, i, x):
        self._a[i] = self._check(x)
    def __eq__(self, other):
        return isinstance(other, array) and self._a == other._a
    def __repr__(self):
        if not self._a:
            return "array('%s')" % self.typecode
        return "array('%s', %r)" % (self.typecode, self._a)
