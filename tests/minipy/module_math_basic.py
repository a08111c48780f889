# math: the common functions and constants.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-3.9))
print(math.sin(1.0), math.cos(1.0), math.tan(0.5), math.atan(1), math.atan2(1, -1), math.asin(0.5), math.acos(0.5))
print(math.exp(1), math.log(10), math.log(8, 2), math.log10(1000), math.log2(1024), math.pow(2, 0.5))
print(math.fabs(-3), math.hypot(3, 4), math.factorial(20), math.factorial(30), math.gcd(84, 36))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.copysign(3, -0.0), math.fmod(-7, 3))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0), math.degrees(math.pi), math.radians(180))
