# A generator consumed by a hot loop raises from inside its body after many
# yields; the traceback must show the loop line and the generator frame.
# jit-expect: traces_compiled>=1 exits>=1
def values(n):
    for i in range(n):
        if i == 6000:
            x = i / (i - 6000)
        yield i * 2
total = 0
for v in values(10000):
    total += v
print(total)
