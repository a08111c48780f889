# Uncaught ValueError from int().
vals = ["1", "2", "three"]
print(sum(int(v) for v in vals))
