# The program of full_lot.py and full_lot_off.py: a loop whose helpers
# park about 3 references an iteration (a global rebound to each word,
# the value a dict store replaces, the new count), so the parking lot
# (jit/jit_helpers.c) fills every few hundred iterations and a helper
# fails there: the trace exits, the lot is released, the trace runs on.

SYL = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po"]


def make_words(n):
    words = []
    x = 7
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        words.append(SYL[(x >> 16) % 10] + SYL[(x >> 8) % 10])
    return words


words = make_words(30000)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1


def main():
    print(len(counts), sum(counts.values()))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
    print(top)
    print(w, counts[w])
