# An exception raised while handling another: last line is the new one.
try:
    {}["a"]
except KeyError:
    print("handling")
    [].pop()
