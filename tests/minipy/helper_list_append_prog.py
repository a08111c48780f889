# The program of list_append_call.py and list_append_call_off.py.
class Log(list):
    def append(self, v):
        list.append(self, ("logged", v))

def fill(dst, n):
    for i in range(n):
        dst.append(i * 3 % 11)
        dst.append(float(i) / 4)
    return dst

def main():
    a = fill([], 2000)
    print(len(a), sum(x for x in a if isinstance(x, int)), a[-4:])
    b = fill(Log(), 300)           # the method is no longer list.append
    print(len(b), b[:3], b[-1])
    c = []
    for i in range(3000):
        if i == 2500:
            c = Log()              # changes class mid-loop
        c.append(i)
    print(len(c), c[-1])
