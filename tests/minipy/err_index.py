# Uncaught IndexError.
lst = list(range(3))
for i in range(5):
    print(lst[i])
