# sort_algos -- hand-written merge sort, quicksort and insertion sort on
# lists of ints, checked against the built-in sort.
def merge_sort(a):
    if len(a) <= 16:
        return insertion(a)
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    nl, nr = len(left), len(right)
    while i < nl and j < nr:
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v
    return a
def quicksort(a, lo, hi):
    while lo < hi:
        p = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < p:
                i += 1
            while a[j] > p:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            quicksort(a, lo, j)
            lo = i
        else:
            quicksort(a, i, hi)
            hi = j
def data(n, seed):
    x = seed
    out = []
    for i in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 44)
    return out
ok = 0
check = 0
for r in range(10):
    d = data(40000, r + 1)
    ref = sorted(d)
    m = merge_sort(d)
    q = d[:]
    quicksort(q, 0, len(q) - 1)
    if m == ref and q == ref:
        ok += 1
    check = (check * 31 + ref[len(ref) // 3] + m[-1] + q[0]) % 1000000007
print("sort_algos", ok, check)
