## bindings/local.mk -- language bindings of libjitcore (none yet).
EXTRA_DIST += bindings/README.md
