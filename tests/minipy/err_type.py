# Uncaught TypeError from mixing types.
items = [1, 2, "3"]
total = 0
for i in items:
    total = total + i
    print(total)
