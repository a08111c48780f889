## tests/fuzz/local.mk -- the JIT's differential fuzzer (tests/fuzz/README.md).
## `make check` runs three fixed seeds (fuzz-smoke.sh); `make fuzz-jit` runs
## FUZZ_SEEDS (default 1-200) and writes fuzz-results.txt, with each failing
## program and the outputs of every way in fuzz-failures/.

EXTRA_DIST += tests/fuzz/README.md tests/fuzz/gen_program.py tests/fuzz/run-fuzz \
	tests/fuzz/fuzz-smoke.sh
TESTS += tests/fuzz/fuzz-smoke.sh

FUZZ_SEEDS = 1-200
FUZZ_ITERS = 300
fuzz-jit: examples/minipy/minipy$(EXEEXT)
	$(PYTHON3) $(srcdir)/tests/fuzz/run-fuzz --minipy=examples/minipy/minipy$(EXEEXT) \
	  --seeds=$(FUZZ_SEEDS) --iters=$(FUZZ_ITERS) --out=fuzz-failures \
	  > fuzz-results.txt; st=$$?; cat fuzz-results.txt; exit $$st
.PHONY: fuzz-jit

clean-local: clean-fuzz
clean-fuzz:
	rm -rf fuzz-failures tests/fuzz/smoke-failures fuzz-results.txt
.PHONY: clean-fuzz
