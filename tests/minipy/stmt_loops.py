# while/for with else, break and continue.
for i in range(5):
    if i == 3:
        break
    print("for", i)
else:
    print("not reached")
for i in range(3):
    pass
else:
    print("for-else ran", i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("while", n)
else:
    print("not reached")
while False:
    pass
else:
    print("while-else ran")
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
print(list(range(10, 0, -3)), list(range(-5)), len(range(0, 100, 7)), range(5)[2], list(range(2, 8)[1:4]))
