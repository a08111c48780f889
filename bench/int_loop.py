# int_loop -- integer arithmetic in nested loops (a linear congruential mix).
def mix(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        acc = (acc + (x >> 7) ^ i) % 1000000007
    return acc
def main():
    total = 0
    for r in range(4):
        total += mix(1500000)
    print("int_loop", total)
main()
