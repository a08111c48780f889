# __call__, callable(), bound methods as values.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(3), callable(len), callable(Adder), list(map(add5, [1, 2])))
class Acc:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
a = Acc()
f = a.add
f(1); f(2).add(3)
print(a.items)
