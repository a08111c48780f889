# random.py -- CPython's random module algorithms over the C Mersenne Twister core.
from _random import seed as _seed, random, getrandbits
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil, sqrt as _sqrt, cos as _cos, sin as _sin, floor as _floor

_gauss_next = None

def seed(a=None, version=2):
    global _gauss_next
    _seed(a)
    _gauss_next = None

def _randbelow(n):
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r

def randrange(start, stop=None, step=1):
    istart = int(start)
    if stop is None:
        if istart > 0:
            return _randbelow(istart)
        raise ValueError("empty range for randrange()")
    istop = int(stop)
    width = istop - istart
    if step == 1:
        if width > 0:
            return istart + _randbelow(width)
        raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
    istep = int(step)
    if istep > 0:
        n = (width + istep - 1) // istep
    elif istep < 0:
        n = (width + istep + 1) // istep
    else:
        raise ValueError("zero step for randrange()")
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return istart + istep * _randbelow(n)

def randint(a, b):
    return randrange(a, b + 1)

def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[_randbelow(len(seq))]

def shuffle(x):
    for i in reversed(range(1, len(x))):
        j = _randbelow(i + 1)
        x[i], x[j] = x[j], x[i]

def uniform(a, b):
    return a + (b - a) * random()

def sample(population, k):
    n = len(population)
    if not 0 <= k <= n:
        raise ValueError("Sample larger than population or is negative")
    result = [None] * k
    setsize = 21
    if k > 5:
        setsize += 4 ** _ceil(_log(k * 3, 4))
    if n <= setsize:
        pool = list(population)
        for i in range(k):
            j = _randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
    else:
        selected = set()
        for i in range(k):
            j = _randbelow(n)
            while j in selected:
                j = _randbelow(n)
            selected.add(j)
            result[i] = population[j]
    return result

def choices(population, weights=None, *, cum_weights=None, k=1):
    n = len(population)
    if cum_weights is None:
        if weights is None:
            n += 0.0
            return [population[_floor(random() * n)] for i in range(k)]
        cum_weights = []
        t = 0
        for w in weights:
            t = t + w
            cum_weights.append(t)
    total = cum_weights[-1] + 0.0
    hi = n - 1
    from bisect import bisect as _bisect
    return [population[_bisect(cum_weights, random() * total, 0, hi)] for i in range(k)]

def gauss(mu=0.0, sigma=1.0):
    global _gauss_next
    z = _gauss_next
    _gauss_next = None
    if z is None:
        x2pi = random() * 2.0 * _pi
        g2rad = _sqrt(-2.0 * _log(1.0 - random()))
        z = _cos(x2pi) * g2rad
        _gauss_next = _sin(x2pi) * g2rad
    return mu + z * sigma

def expovariate(lambd):
    return -_log(1.0 - random()) / lambd

seed()
