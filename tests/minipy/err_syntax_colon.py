# Syntax error: missing colon.
print("never printed")
for i in range(3)
    print(i)
