# Full traceback format through three function frames (compared without ^^^ lines).
def outer(d):
    return middle(d, "key")

def middle(d, k):
    x = 1
    return inner(d, k) + x

def inner(d, k):
    return d[k]

print("start")
outer({"other": 1})
