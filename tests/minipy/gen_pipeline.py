# Generator pipelines.
def numbers(n):
    for i in range(n):
        yield i
def squares(it):
    for x in it:
        yield x * x
def only_odd(it):
    for x in it:
        if x % 2:
            yield x
def take(it, n):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(only_odd(squares(numbers(100))), 6)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(fib(), 15)), list(take(fib(), 100))[-1])
