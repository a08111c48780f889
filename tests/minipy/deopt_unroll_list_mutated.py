# A list loop unrolled because its length was always the same: the list
# grows and shrinks inside the loop and between runs of it, so the bounds
# guards of the unrolled iterations fail and the interpreter goes on with
# the real iterator at the position the trace left it.
# jit-expect: traces_compiled>=1 unrolled_iterations>=1 deopts>=1
def run(steps):
    items = [1, 2, 3, 4]
    total = 0
    trail = []
    for s in range(steps):
        for v in items:
            total += v
            if s == 2000 and v == 2:
                items.append(10)
            if s == 2001 and v == 3:
                items.pop()
                items.pop()
            if s in (1999, 2000, 2001, 2002):
                trail.append(v)
        if s == 2500:
            items[0] = 1.5
        if s == 2700:
            items[1] = "x" if False else 2
    return total, trail, items

print(run(4000))

def rows(steps):
    grid = [[1, 2], [3, 4], [5, 6]]
    acc = 0
    for s in range(steps):
        for row in grid:
            for x in row:
                acc += x
        if s == 1500:
            grid[1].append(7)
        if s == 2200:
            del grid[2]
    return acc, grid

print(rows(3000))
