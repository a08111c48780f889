# sys: argv, stdout.write, setrecursionlimit, maxsize.
import sys
print(sys.argv[0], len(sys.argv))
sys.stdout.write("via sys.stdout\n")
sys.setrecursionlimit(5000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(3000))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(type(sys.argv).__name__)
