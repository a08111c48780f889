# Container protocol: __len__, __getitem__, __setitem__, __contains__, __iter__, __next__.
class Ring:
    def __init__(self, n):
        self.data = [0] * n
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i % len(self.data)]
    def __setitem__(self, i, v):
        self.data[i % len(self.data)] = v
    def __contains__(self, v):
        return v in self.data
r = Ring(4)
for i in range(10):
    r[i] = i
print(len(r), r[0], r[5], r[-1], 9 in r, 1 in r, r.data)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(5)), sum(Countdown(4)), [x * 2 for x in Countdown(3)])
for v in Countdown(2):
    print("v", v)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
