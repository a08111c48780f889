# Uncaught TypeError: calling a non-callable.
f = 5
print("calling")
f()
