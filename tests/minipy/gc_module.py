# The gc module: enable/disable/isenabled, collect() with and without a
# generation, and exact counts while automatic collection is off.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
for i in range(1000):
    l = [i]
    l.append(l)
del l
print(gc.collect())          # nothing ran automatically: all 1000 are left
for i in range(500):
    d = {}
    d[i] = [d]
del d
print(gc.collect(2))
print(gc.collect(0))
gc.enable()
print(gc.isenabled())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")
