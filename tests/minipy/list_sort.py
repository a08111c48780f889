# Sorting: stability, keys, reverse.
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z"), (3, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, reverse=True), nums)
nums.sort(key=lambda x: -x); print(nums)
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted([2.5, 1, 3.0, -1.5]))
big = [(i * 7919) % 1000 for i in range(200)]
big.sort()
print(big[:10], big[-5:], len(set(big)))
