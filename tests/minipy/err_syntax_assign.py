# SyntaxError: cannot assign to a literal/function call.
print("never printed")
f() = 3
