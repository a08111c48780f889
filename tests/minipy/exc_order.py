# Order of evaluation around try/except/else/finally.
def trace(tag, fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError(tag)
        log.append("after-raise")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("end")
    return log
print(trace("a", False))
print(trace("b", True))
def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as e:
            last = e
    return repr(last)
print(swallow())
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(e, type(e.__context__).__name__)
