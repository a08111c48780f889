# User exception classes and hierarchy.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__("not found: " + what)
        self.what = what
class Fatal(AppError):
    def __str__(self):
        return "FATAL!"
for exc in (NotFound("x"), Fatal(), AppError("plain"), ValueError("v")):
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.what)
    except AppError as e:
        print("AppError", type(e).__name__, e)
    except Exception as e:
        print("other", e)
print(issubclass(NotFound, Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(isinstance(NotFound("a"), AppError), NotFound("q").args)
