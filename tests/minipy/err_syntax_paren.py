# Syntax error: unclosed parenthesis; nothing runs.
print("never printed")
x = (1, 2
y = 3
