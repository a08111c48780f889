# finally blocks run before an uncaught exception terminates the program.
def f():
    try:
        raise LookupError("lost")
    finally:
        print("finally printed first")
try:
    f()
finally:
    print("outer finally")
