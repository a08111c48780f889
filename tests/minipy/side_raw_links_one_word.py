# Raw links (side_raw_links.py) where two locals hold one value at the link:
# rle's `j = i` before its inner loop.  The side trace of the inner loop's
# exit sets i = j, goes round the outer loop, sets j = i and links to the
# inner loop's head, so the loop copy starts with i and j read from one
# word of the exit; its loop changes j only, so its exits must write them
# as two (libjitcore select_ir.c, same_ref).  When they did not, forced
# hot never advanced i (tests/minipy/algo_strings.py did not end); here the
# outer loop also counts its iterations, so that fault gives wrong runs
# rather than no end.
# jit-env: MINIPY_JIT_RAW_LINKS=1
# jit-expect: raw_links>=100


def runs(s):
    out = []
    i = 0
    n = 0
    while n < len(s) and i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(j - i)
        i = j
        n += 1
    return out


r = runs("aaabccdddd" * 300)
print(len(r), sum(r), r[:8])
r = runs("".join(chr(97 + k % 5) * (1 + k % 4) for k in range(2000)))
print(len(r), sum(r), r[:8], r[-4:])
