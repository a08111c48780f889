# Support module for module_import_*.py (not a test itself).
PI_ISH = 3.0
calls = 0
def area(r):
    global calls
    calls += 1
    return PI_ISH * r * r
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
print("helper_geom loaded as", __name__)
if __name__ == "__main__":
    print("not printed when imported")
