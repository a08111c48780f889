# The built-in exception hierarchy, as seen through except clauses.
def which(exc):
    try:
        raise exc
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError:
        return "LookupError"
    except (TypeError, ValueError) as e:
        return "TypeError/ValueError:" + type(e).__name__
    except Exception as e:
        return "Exception:" + type(e).__name__
for e in (ZeroDivisionError(), OverflowError(), KeyError(1), IndexError(), TypeError(), ValueError(),
          UnicodeError() if False else ValueError("u"), RuntimeError(), NotImplementedError(), AttributeError(),
          NameError(), RecursionError(), StopIteration(), AssertionError()):
    print(type(e).__name__, "->", which(e))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError),
      issubclass(Exception, BaseException), issubclass(SystemExit, Exception), issubclass(UnboundLocalError, NameError))
try:
    raise SystemExit(0)
except BaseException as e:
    print("BaseException caught", type(e).__name__)
