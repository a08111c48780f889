# Full traceback of an error at module level: a single frame.
values = [3, 2, 1, 0]
for v in values:
    print(12 // v)
