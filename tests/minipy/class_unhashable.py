# A class defining __eq__ without __hash__ is unhashable.
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)
print(P(1) == P(1), P(1) != P(2), P(1) in [P(0), P(1)])
class H(P):
    def __hash__(self):
        return self.v
print(len({H(1), H(1), H(2)}))
