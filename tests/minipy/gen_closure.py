# Generators that close over state, generator objects in containers.
def counter_gen(start):
    state = [start]
    def step():
        state[0] += 1
    def gen():
        while state[0] < start + 5:
            yield state[0]
            step()
    return gen()
print(list(counter_gen(10)))
gens = [iter(range(i, i + 3)) for i in range(3)]
print([next(g) for g in gens], [list(g) for g in gens])
print(list(zip(counter_gen(0), counter_gen(100))))
