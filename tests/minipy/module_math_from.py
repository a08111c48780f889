# from math import names; math errors.
from math import sqrt, pi, floor
from math import sin as sine
print(sqrt(pi), floor(pi), sine(pi / 2))
import math
for fn, arg in ((math.sqrt, -1), (math.log, 0), (math.log, -1.5), (math.acos, 2)):
    try:
        fn(arg)
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
