# List slicing and slice assignment.
a = list(range(10))
print(a[2:5], a[::2], a[::-1], a[-3:], a[1:9:3], a[8:2:-2])
a[2:5] = ["x", "y"]; print(a)
a[1:1] = [100, 200]; print(a)
a[:] = a[::-1]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
del a[1:3]; print(a)
del a[::2]; print(a)
b = [1, 2, 3, 4, 5]
del b[0]; b[-1] = 50; print(b)
b[len(b):] = [6, 7]; print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
