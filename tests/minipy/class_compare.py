# Rich comparisons and sorting user objects.
class V:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __le__(self, o):
        return self.n <= o.n
    def __gt__(self, o):
        return self.n > o.n
    def __ge__(self, o):
        return self.n >= o.n
    def __eq__(self, o):
        return self.n == o.n
    def __repr__(self):
        return "V%d" % self.n
vs = [V(3), V(1), V(2)]
print(sorted(vs), max(vs), min(vs), V(1) < V(2), V(2) <= V(2), V(3) > V(4), V(1) >= V(0), V(1) == V(1))
print(sorted(vs, reverse=True), V(5) in vs, V(2) in vs)
class OnlyLt:
    def __init__(self, k):
        self.k = k
    def __lt__(self, o):
        return self.k < o.k
print([o.k for o in sorted([OnlyLt(5), OnlyLt(2), OnlyLt(9)])], OnlyLt(3) > OnlyLt(1))
