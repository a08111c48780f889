# STORE_GLOBAL_MODULE (tier 1: a store to an existing global through the
# entry remembered in the inline cache): hot stores at module level and
# through `global` in a function, with the globals' key layout changing
# mid-loop (a new global, a deleted one, globals() written directly), an old
# value whose __del__ rebinds or deletes globals, and readers (LOAD_GLOBAL
# caches, JIT traces) that must see every store.
# jit-expect: traces_compiled>=1

total = 0
for i in range(300):
    total = total + i
print(total)

# the key layout changes while the store is hot
acc = 0
for i in range(300):
    acc = acc + 1
    if i == 100:
        extra1 = i                 # a new global: the store deoptimizes
    if i == 150:
        del extra1                 # deleted again
    if i == 200:
        globals()["extra2"] = i    # through the dict itself
    if i == 250:
        globals()["acc"] = acc + 1000
print(acc, extra2, "extra1" in globals())

# the stored name deleted and re-created mid-loop
for i in range(210):
    gone = i
    if i % 50 == 49:
        del gone
print(gone)

# a function storing hot through `global`, another one reading
counter = 0
def bump(n):
    global counter
    for _ in range(n):
        counter = counter + 1
def read():
    return counter
for r in range(5):
    bump(100)
    print(read(), end=" ")
print()

# stores of other value types into the same global
x = 0
for i in range(120):
    if i % 3 == 0:
        x = i
    elif i % 3 == 1:
        x = str(i)
    else:
        x = [i]
print(x)

# the old value's finalizer runs after the store (with the new value in
# place), and may change globals
log = []
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        log.append((self.tag, type(holder).__name__))
        if self.tag == 60:
            globals()["late"] = "made by __del__"
holder = None
for i in range(100):
    holder = Noisy(i)
# (the order is not printed: the JIT's store helper defers the release of
# the old values, which runs the finalizers later than CPython does)
print(len(log), sorted(log) == [(i, "Noisy") for i in range(99)], late)
holder = None
print(log[-1])

# a global whose store raises in __del__ of the old value: the new one stays
class Raises:
    def __del__(self):
        raise ValueError("ignored")
r = Raises()
for i in range(60):
    r = i
print(r)
