# sieve -- sieve of Eratosthenes over a list of flags, repeated.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    last = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            last = k
    return count, last
total = 0
for r in range(15):
    c, last = sieve(1000000 + r)
    total += c
print("sieve", total, last)
