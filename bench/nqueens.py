# nqueens -- count all solutions by backtracking over column/diagonal flags.
def solve(n):
    cols = [False] * n
    d1 = [False] * (2 * n)
    d2 = [False] * (2 * n)
    def place(r):
        if r == n:
            return 1
        count = 0
        for c in range(n):
            if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                cols[c] = True
                d1[r + c] = True
                d2[r - c + n] = True
                count += place(r + 1)
                cols[c] = False
                d1[r + c] = False
                d2[r - c + n] = False
        return count
    return place(0)
total = 0
for rep in range(2):
    total += solve(12)
print("nqueens", total)
