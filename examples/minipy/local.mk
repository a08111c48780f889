## examples/minipy/local.mk -- minipy, the reference mini-Python host.
## (Rules are added as minipy is built; see examples/minipy/README.md.)
