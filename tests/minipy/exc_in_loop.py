# try/except inside hot loops, exceptions changing control flow.
data = [1, 2, 0, 4, "x", 5, None, 8] * 500
total = 0.0
errs = {}
for v in data:
    try:
        total += 100 / v
    except ZeroDivisionError:
        errs["zero"] = errs.get("zero", 0) + 1
    except TypeError as e:
        errs[type(v).__name__] = errs.get(type(v).__name__, 0) + 1
print(total, errs)
def find(lst, x):
    try:
        return lst.index(x)
    except ValueError:
        return -1
print([find([5, 6, 7], i) for i in range(4, 9)])
