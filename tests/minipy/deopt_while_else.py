# while loops with break/else and for-else in hot code: the else runs only
# when no break happened; the break condition changes mid run; continue in a
# while loop; while True with a break whose trigger changes type.
# jit-expect: traces_compiled>=1 deopts>=1
def search(lst, x):
    i = 0
    while i < len(lst):
        if lst[i] == x:
            break
        i += 1
    else:
        return -1
    return i
lst = list(range(0, 300, 3))
print(sum(search(lst, k) for k in range(400)))
elses = 0
breaks = 0
for n in range(2, 3000):
    for d in range(2, 40):
        if n % d == 0 and n != d:
            breaks += 1
            break
    else:
        elses += 1
print(elses, breaks)
i = 0
odd = 0
while i < 20000:
    i += 1
    if i % 2 == 0:
        continue
    odd += i
else:
    odd = -odd
print(odd)
n = 0
limit = 5000
while True:
    n += 1
    if n == 2500:
        limit = 4000.5
    if n > limit:
        break
print(n, limit)
k = 0
count = 0
while k < 10000:
    k += 3 if k < 5000 else 1
    if k % 1000 == 999:
        break
    count += 1
else:
    count = -1
print(k, count)
# An else that runs after a while loop whose condition changes inside.
m = 10 ** 4
hits = 0
while m:
    m -= 1
    hits += m % 3 == 0
else:
    hits *= 2
print(hits)
