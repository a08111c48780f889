# Uncaught chained exception: last line is the outer exception.
try:
    int("nope")
except ValueError as e:
    raise RuntimeError("conversion failed") from e
