# object(), type(), isinstance against object and builtin types.
o = object()
print(type(o).__name__, isinstance(o, object), isinstance(3, object), isinstance(None, object))
class A(object):
    pass
class B(A):
    pass
print(type(B()) is B, type(B()) is A, isinstance(B(), A), issubclass(B, object), A.__name__, B.__name__)
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(A()).__name__, type(len).__name__ == "builtin_function_or_method", type(lambda: 0).__name__)
print(int, str, list, type(int) is type, type(A) is type)
