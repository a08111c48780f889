## examples/hello/local.mk -- the smallest host program linked against libjitcore.

noinst_PROGRAMS += examples/hello/hello
examples_hello_hello_SOURCES = examples/hello/hello.c
examples_hello_hello_LDADD = libjitcore/libjitcore.la
EXTRA_DIST += examples/hello/README.md
