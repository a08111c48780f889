# Branch bias flips mid hot loop; comparisons switch between int, float and big int.
# jit-expect: traces_compiled>=1 deopts>=1
hits = [0, 0, 0]
for i in range(60000):
    if i < 20000:
        v = i
    elif i < 40000:
        v = i + 0.5
    else:
        v = i * 2 ** 64
    if v > 30000:
        hits[0] += 1
    elif v % 2 == 0:
        hits[1] += 1
    else:
        hits[2] += 1
print(hits)
flag = True
count = 0
for i in range(50000):
    if i % 10000 == 0:
        flag = not flag
    if flag:
        count += 1
    else:
        count -= 2
print(count)
