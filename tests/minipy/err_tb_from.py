# Full traceback of explicit chaining with raise ... from.
class AppError(Exception):
    pass

def load(path):
    try:
        return {"a": 1}[path]
    except KeyError as e:
        raise AppError("cannot load " + path) from e

load("b")
