# return/break/continue through finally blocks.
def f():
    try:
        return "try"
    finally:
        print("cleanup f")
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
def h():
    try:
        raise ValueError("x")
    except ValueError:
        return "from except"
    finally:
        print("cleanup h")
def nested():
    out = []
    try:
        try:
            out.append(1)
            return out
        finally:
            out.append(2)
    finally:
        out.append(3)
print(f(), g(), h(), nested())
