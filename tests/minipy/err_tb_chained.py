# Full traceback of an exception raised while handling another (implicit chaining).
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s)

print(parse("12"))
print(parse("twelve"))
