# Syntax error: invalid syntax.
print("never printed")
x = = 5
