# while loops with complex conditions, nested break/continue and else.
def find_pair(nums, target):
    i = 0
    while i < len(nums):
        j = i + 1
        while j < len(nums):
            if nums[i] + nums[j] == target:
                break
            j += 1
        else:
            i += 1
            continue
        return i, j
    return None
print(find_pair([1, 4, 6, 9, 12], 15), find_pair([1, 2], 10))
n, steps = 27, 0
while n != 1 and steps < 1000:
    n = n // 2 if not n % 2 else 3 * n + 1
    steps += 1
print(n, steps)
