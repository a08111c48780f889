# Exceptions from deep call chains, caught at various levels.
def level(n):
    if n == 0:
        raise KeyError("bottom")
    return level(n - 1) + 1
for depth in (1, 10, 100):
    try:
        level(depth)
    except KeyError as e:
        print("caught from depth", depth, e)
def safe(n):
    try:
        return level(n)
    except KeyError:
        return -n
print(sum(safe(i) for i in range(50)))
count = 0
for i in range(5000):
    try:
        if i % 7 == 0:
            raise ValueError(i)
        count += 1
    except ValueError as e:
        count -= e.args[0] % 3
print(count)
