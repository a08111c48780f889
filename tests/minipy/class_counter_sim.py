# A small OO simulation: bank accounts with polymorphic fees.
class Account:
    fee = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        total = amt + self.charge(amt)
        if total > self.balance:
            raise ValueError("insufficient funds for %s" % self.owner)
        self.balance -= total
        self.history.append(("wd", amt))
    def charge(self, amt):
        return self.fee
class Premium(Account):
    def charge(self, amt):
        return 0 if amt < 100 else amt // 100
class Basic(Account):
    fee = 2
accts = [Account("ann", 100), Premium("bob", 1000), Basic("cy", 50)]
for step in range(30):
    for a in accts:
        try:
            if step % 3 == 0:
                a.deposit(step * 10)
            else:
                a.withdraw(step * 7)
        except ValueError as e:
            a.history.append(("fail", str(e)))
for a in accts:
    print(a.owner, type(a).__name__, a.balance, len(a.history), a.history[-1])
