# sys.setrecursionlimit keeps the value asked for (getrecursionlimit returns
# it) and deep Python recursion runs up to it; bad values raise as CPython.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(250000)
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(200000))
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
for bad in (0, -3, 2**31, 2**70, -2**31 - 1, -2**31):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.getrecursionlimit())
for bad in ("x", 2.5, None):
    try:
        sys.setrecursionlimit(bad)
    except TypeError as e:
        print("TypeError", e)
sys.setrecursionlimit(2147483647)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(depth(900))
