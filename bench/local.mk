## bench/local.mk -- the benchmark suite (`make bench`), not part of `make check`.
##
## bench/*.py are CPU-bound programs written for this project, each printing a
## deterministic result; bench/c/*.c are C versions of the numeric ones that
## print the same bytes.  bench/run times python3, pypy3 (when installed),
## `minipy --jit=off`, `minipy` and C in one run, checks every output against
## python3's, prints a markdown table and writes bench/results.csv and
## bench/results.png (in the build directory).  See BENCHMARKS.md.
##   make bench                          # 3 repetitions of everything
##   make bench BENCH_FLAGS=--quick      # 1 repetition of a few programs
##   make bench BENCH_FLAGS='--only=fib,nbody --reps=5'

BENCH_PY_FILES = \
	bench/closures_gen.py \
	bench/dict_words.py \
	bench/fib.py \
	bench/float_loop.py \
	bench/int_loop.py \
	bench/mandelbrot.py \
	bench/matmul.py \
	bench/nbody.py \
	bench/nqueens.py \
	bench/oo_sim.py \
	bench/permutations.py \
	bench/sieve.py \
	bench/sort_algos.py \
	bench/spectral_norm.py \
	bench/str_build.py

BENCH_C_FILES = \
	bench/c/fib.c \
	bench/c/float_loop.c \
	bench/c/int_loop.c \
	bench/c/mandelbrot.c \
	bench/c/matmul.c \
	bench/c/nbody.c \
	bench/c/nqueens.c \
	bench/c/sieve.c \
	bench/c/spectral_norm.c

EXTRA_DIST += bench/run $(BENCH_PY_FILES) $(BENCH_C_FILES) BENCHMARKS.md

BENCH_FLAGS =

bench: all
	$(PYTHON3) $(srcdir)/bench/run --minipy='$(abs_top_builddir)/examples/minipy/minipy$(EXEEXT)' \
	  --outdir='$(abs_top_builddir)/bench' --cc='$(CC)' $(BENCH_FLAGS)
.PHONY: bench

CLEANFILES += bench/results.csv bench/results.dat bench/results.gp bench/results.png \
	$(BENCH_C_FILES:.c=)
