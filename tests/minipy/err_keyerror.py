# Uncaught KeyError: exit 1, traceback on stderr ending "KeyError: 'k'".
def lookup(d, k):
    return d[k]
print("before")
lookup({"a": 1}, "k")
print("not reached")
