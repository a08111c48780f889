# oo_sim -- a particle/agent simulation with polymorphic method calls,
# attribute loads and stores, and small object allocation.
class Agent:
    def __init__(self, ident, x, y):
        self.ident = ident
        self.x = x
        self.y = y
        self.energy = 100
    def step(self, world):
        self.energy -= 1
    def score(self):
        return self.energy
class Walker(Agent):
    def step(self, world):
        self.x = (self.x + 1) % world.w
        self.energy -= 1
class Jumper(Agent):
    def __init__(self, ident, x, y, k):
        Agent.__init__(self, ident, x, y)
        self.k = k
    def step(self, world):
        self.x = (self.x + self.k) % world.w
        self.y = (self.y + self.k * 2) % world.h
        self.energy -= 2
    def score(self):
        return self.energy * 2 + self.k
class Grazer(Agent):
    def step(self, world):
        if world.food(self.x, self.y):
            self.energy += 3
        else:
            self.y = (self.y + 1) % world.h
            self.energy -= 1
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)
class World:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.agents = []
    def food(self, x, y):
        return (x * 7 + y * 13) % 5 == 0
    def tick(self):
        for a in self.agents:
            a.step(self)
    def total(self):
        t = 0
        c = Vec(0, 0)
        for a in self.agents:
            t += a.score()
            c = c.add(Vec(a.x, a.y))
        return t, c.x, c.y
world = World(97, 89)
for i in range(300):
    kind = i % 3
    if kind == 0:
        world.agents.append(Walker(i, i % 97, i % 89))
    elif kind == 1:
        world.agents.append(Jumper(i, i % 97, (i * 3) % 89, i % 5 + 1))
    else:
        world.agents.append(Grazer(i, (i * 11) % 97, i % 89))
for t in range(25000):
    world.tick()
print("oo_sim", world.total())
