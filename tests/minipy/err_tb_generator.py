# Full traceback through a generator frame and the loop consuming it.
def items(n):
    for i in range(n):
        if i == 2:
            raise IndexError("no item %d" % i)
        yield i

for x in items(5):
    print(x)
