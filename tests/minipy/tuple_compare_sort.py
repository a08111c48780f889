# Tuples as records: sorting, comparison, nested tuples.
recs = [("bob", 25, 3.5), ("alice", 30, 3.9), ("bob", 22, 3.9), ("carl", 25, 2.0)]
print(sorted(recs))
print(sorted(recs, key=lambda r: (-r[2], r[0])))
print(max(recs, key=lambda r: r[1]), min(recs)[0], (1, (2, 3)) < (1, (2, 4)), (1, 2, 3) > (1, 2))
print([name for name, age, _ in recs if age == 25], tuple(sorted((3, 1, 2))), (1, 2) * 2)
