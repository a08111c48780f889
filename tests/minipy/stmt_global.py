# global, nonlocal, del.
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 10
    inc(); inc()
    return x
print(outer())
def make_global():
    global created
    created = "yes"
make_global()
print(created)
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3]
del lst[1]
d = {"k": 1}
del d["k"]
print(lst, d)
