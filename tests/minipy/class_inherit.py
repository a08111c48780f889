# Single inheritance, super(), method overriding, isinstance/issubclass.
class Animal(object):
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
for a in [Animal("generic"), Dog("rex", 3), Puppy("bit", 0)]:
    print(a.speak(), a.kind(), type(a).__name__)
p = Puppy("p", 1)
print(isinstance(p, Animal), isinstance(p, Dog), isinstance(3, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(isinstance(p, (int, Dog)), issubclass(bool, int), isinstance(True, int), p.tricks)
