# dict_words -- word frequency counting on generated text: string building,
# split, dict get/set, sorting items.
SYL = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qua", "ish"]
def make_text(nwords, seed):
    x = seed
    words = []
    for i in range(nwords):
        x = (x * 1103515245 + 12345) % 2147483648
        n = 1 + (x >> 16) % 3
        w = ""
        y = x
        for k in range(n):
            w += SYL[y % 12]
            y //= 12
        words.append(w)
    return " ".join(words)
text = make_text(1000000, 7)
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
pairs = {}
ws = text.split()
for i in range(len(ws) - 1):
    key = ws[i] + "|" + ws[i + 1]
    if key in pairs:
        pairs[key] += 1
    else:
        pairs[key] = 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
toppair = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
print("dict_words", len(counts), len(pairs), top, toppair)
