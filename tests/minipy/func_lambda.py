# Lambdas and higher-order functions.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "nothing")())
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
funcs = [lambda x, i=i: x + i for i in range(3)]
print([fn(10) for fn in funcs])
late = [lambda: i for i in range(3)]
print([fn() for fn in late])
