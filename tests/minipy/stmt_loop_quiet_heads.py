# Loops the JIT gives up on (too few iterations per entry): their back
# edges become JUMP_QUIET (ceval.c), which must jump exactly as JUMP does,
# from every back edge of a head (continue, the loop's end, while and for
# loops, nested loops, break/else), before and after the rewrite.
# jit-expect: quiet_jumps>=3

def short_for(k, n):
    total = 0
    for i in range(n):
        if i == 2:
            continue
        if i == 400:
            break
        total += i * k
    else:
        total += 1
    return total

def short_while(k, n):
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 2:
            s += i
            continue
        s -= 1
    return s

def nested(k, n):
    s = 0
    for a in range(n):
        for b in range(a + 1):
            if b == 1:
                continue
            s += a * 10 + b
    return s

acc = 0
for k in range(6000):
    acc += short_for(k, k % 4 + 1) + short_while(k, k % 3 + 2) + nested(k, k % 3)
print(acc)
# Long loops through the same (now quiet) heads.
print(short_for(3, 500), short_while(7, 1000), nested(5, 60))
acc = 0
for k in range(6000, 9000):
    acc += short_for(k, k % 5) - short_while(k, k % 4) + nested(k, k % 4)
print(acc)
