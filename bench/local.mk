## bench/local.mk -- the benchmark suite (`make bench`), not part of `make check`.
