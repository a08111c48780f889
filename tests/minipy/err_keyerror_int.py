# Uncaught KeyError with an int key inside a method.
class Store:
    def __init__(self):
        self.data = {1: "one"}
    def get(self, k):
        return self.data[k]
s = Store()
print(s.get(1))
print(s.get(2))
