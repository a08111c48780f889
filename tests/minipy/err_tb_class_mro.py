# An inconsistent MRO is a TypeError with CPython's message.
class A:
    pass

class B(A):
    pass

class C(A, B):
    pass
