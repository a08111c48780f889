# math beyond the common core: isqrt, comb, perm, prod, modf, frexp, ldexp, fsum, erf.
import math
print(math.isqrt(10 ** 20 + 1), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.prod(range(1, 25)))
print(math.modf(3.25), math.modf(-2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fsum([0.1] * 10))
print(math.erf(0.5), math.gamma(5.5), math.lgamma(10), math.cosh(1), math.sinh(1), math.tanh(0.5), math.expm1(1e-10), math.log1p(1e-10))
print(math.dist([0, 0], [3, 4]), math.lcm(4, 6), math.isclose(1.0, 1.0 + 1e-12), math.remainder(7, 2), math.nan != math.nan)
