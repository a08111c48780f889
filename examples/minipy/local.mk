## examples/minipy/local.mk -- minipy, the reference mini-Python host.
## (See examples/minipy/README.md.)  prelude.c is generated from lib/*.py by
## gen-prelude.py and unicode.c by gen-unicode.py (from python3's str
## methods); both are committed, so building needs no Python.

bin_PROGRAMS += examples/minipy/minipy
## Everything but main.c: also linked into tests/test_minipy (CUnit).
MINIPY_CORE_SOURCES = \
	examples/minipy/object.h examples/minipy/ast.h examples/minipy/opcodes.h \
	examples/minipy/symtable.h examples/minipy/prelude.h \
	examples/minipy/lexer.c examples/minipy/parser.c examples/minipy/symtable.c \
	examples/minipy/compile.c examples/minipy/ceval.c examples/minipy/specialize.c \
	examples/minipy/object.c examples/minipy/protocol.c examples/minipy/int.c \
	examples/minipy/float.c examples/minipy/str.c examples/minipy/format.c \
	examples/minipy/list.c examples/minipy/dict.c examples/minipy/set.c \
	examples/minipy/func.c examples/minipy/gc.c examples/minipy/builtins.c examples/minipy/modules.c \
	examples/minipy/sha512.c examples/minipy/prelude.c \
	examples/minipy/unicode.h examples/minipy/unicode.c \
	examples/minipy/jit/jit.h examples/minipy/jit/jit_internal.h \
	examples/minipy/jit/jit_host.c examples/minipy/jit/jit_lower.c \
	examples/minipy/jit/jit_helpers.c examples/minipy/jit/jit_lower_generic.c
examples_minipy_minipy_SOURCES = $(MINIPY_CORE_SOURCES) examples/minipy/main.c
examples_minipy_minipy_CFLAGS = $(AM_CFLAGS) -fno-strict-aliasing
examples_minipy_minipy_LDADD = libjitcore/libjitcore.la $(GMP_LIBS) $(LIBM) -lm -lpthread
EXTRA_DIST += examples/minipy/README.md examples/minipy/gen-prelude.py examples/minipy/gen-unicode.py \
	examples/minipy/lib/builtins.py examples/minipy/lib/random.py \
	examples/minipy/lib/itertools.py examples/minipy/lib/bisect.py \
	examples/minipy/lib/functools.py examples/minipy/lib/heapq.py \
	examples/minipy/lib/collections.py examples/minipy/lib/string.py \
	examples/minipy/lib/operator.py examples/minipy/lib/copy.py \
	examples/minipy/lib/array.py examples/minipy/lib/io.py

## `make valgrind-minipy`: run the language corpus under valgrind's memcheck and
## fail on any memory error (invalid reads/writes, uninitialised values) and on
## any definite or indirect leak: minipy tears the interpreter down at exit
## (gc.c, mp_teardown), so whatever is left was lost by a reference count.
## VALGRIND_TESTS=pattern restricts it (e.g. VALGRIND_TESTS='gc_*'); the JIT is
## off (VALGRIND_MINIPY_FLAGS): libjitcore's memory is checked by its own tests.
## minipy links the libtool library, so valgrind runs through libtool.
VALGRIND_TESTS = *
VALGRIND_MINIPY_FLAGS = --jit=off
## (libtool is named by its absolute path: the programs run in the source
## tree's tests/minipy; a status of 126 or 127 -- nothing ran -- also fails.)
valgrind-minipy: examples/minipy/minipy$(EXEEXT)
	@command -v valgrind >/dev/null || { echo "valgrind-minipy: valgrind not found (apt-get install valgrind)"; exit 1; }
	@bad=0; n=0; for f in $(top_srcdir)/tests/minipy/$(VALGRIND_TESTS).py; do \
	  case $$f in */helper_*) continue;; esac; \
	  b=`basename $$f`; n=`expr $$n + 1`; \
	  if (cd $(top_srcdir)/tests/minipy && $(SHELL) $(abs_top_builddir)/libtool --mode=execute valgrind -q --error-exitcode=99 \
	      --leak-check=full --show-leak-kinds=definite,indirect \
	      --errors-for-leak-kinds=definite,indirect \
	      $(abs_top_builddir)/examples/minipy/minipy$(EXEEXT) $(VALGRIND_MINIPY_FLAGS) $$b \
	      >/dev/null 2>/dev/null </dev/null; \
	      st=$$?; test $$st -ne 99 && test $$st -ne 126 && test $$st -ne 127); then :; \
	  else echo "memcheck error or leak (or valgrind did not run): $$b"; bad=1; fi; \
	done; test $$bad = 0 && echo "valgrind-minipy: $$n programs, no memory errors, no leaks"
.PHONY: valgrind-minipy
