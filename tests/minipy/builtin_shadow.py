# Shadowing builtins with globals and locals, then restoring.
def use():
    return len([1, 2, 3])
print(use())
len = lambda x: -1
print(use())
del len
print(use())
def local_shadow():
    max = min
    return max(3, 1, 2)
print(local_shadow(), max(3, 1, 2))
list_ = list
def list(x):
    return "shadowed"
print(list((1, 2)), list_((1, 2)))
