# The program of deopt_retrace.py and deopt_retrace_off.py: a loop whose
# branch goes one way for its first 10000 iterations and the other way for
# the remaining 50000, after its trace was recorded (at iteration 2000,
# jit-env's threshold) along the first way.
def label(i):
    return "item%05d" % i

def flip(n):
    total = 0
    others = 0
    for i in range(n):
        s = label(i)
        if s.startswith("item0"):
            total += len(s) + s.count("1")
        else:
            others += 1
            total += i % 7
    return total, others

def main():
    print(flip(60000))
    print(flip(500))
