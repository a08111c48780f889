## tests/minipy/local.mk -- minipy language tests: each .py runs under python3 and minipy;
## stdout and exit status must match byte for byte.
