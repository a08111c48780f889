# List methods on mixed contents; list as a stack and queue.
stack = []
for i in range(5):
    stack.append(i * i)
print(stack.pop(), stack.pop(), stack)
q = [1, 2, 3]
q.append(4)
print(q.pop(0), q)
l = ["b", "a", "c"]
l.extend("xy")
l.insert(1, "Z")
print(l, l.index("c"), l.count("a"), sorted(l), min(l), max(l))
nums = [3, 1, 2]
nums *= 2
print(nums, nums[::-2], list(reversed(nums)), [n for n in nums if n > 1])
print([1, 2, 3] * 2 == [1, 2, 3, 1, 2, 3], [[]] * 3, len([None] * 1000))
l2 = list(range(10))
l2[2:8:2] = "abc"
print(l2)
