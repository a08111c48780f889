## tests/local.mk -- the test suite run by `make check`.
## CUnit suites (one per module, tests/test_<module>.c) run through automake's
## parallel test driver; tests/cunit_main.c gives each the same command line.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	NM='$(NM)'; OBJDUMP='$(OBJDUMP)'; ABIDIFF='$(ABIDIFF)'; ABIDW='$(ABIDW)'; \
	PYTHON3='$(PYTHON3)'; \
	export top_srcdir top_builddir NM OBJDUMP ABIDIFF ABIDW PYTHON3;

noinst_LTLIBRARIES = tests/libcunitmain.la
tests_libcunitmain_la_SOURCES = tests/cunit_main.c tests/cunit_main.h
tests_libcunitmain_la_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)

TEST_CUNIT_LDADD = tests/libcunitmain.la libjitcore/libjitcore.la $(CUNIT_LIBS)

check_PROGRAMS += tests/test_version
tests_test_version_SOURCES = tests/test_version.c
tests_test_version_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_version_LDADD = $(TEST_CUNIT_LDADD)

TESTS += tests/test_version tests/check-symbols.sh tests/check-abi.sh

# minipy's object model (tests/test_minipy.c) over minipy's own objects.
check_PROGRAMS += tests/test_minipy
tests_test_minipy_SOURCES = tests/test_minipy.c $(MINIPY_CORE_SOURCES)
tests_test_minipy_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) -fno-strict-aliasing
tests_test_minipy_LDADD = $(TEST_CUNIT_LDADD) $(GMP_LIBS) $(LIBM) -lm -lpthread
TESTS += tests/test_minipy

# The runtime half's suites.
check_PROGRAMS += tests/test_host tests/test_runtime
tests_test_host_SOURCES = tests/test_host.c tests/dummy_host.h
tests_test_host_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_host_LDADD = $(TEST_CUNIT_LDADD)
tests_test_runtime_SOURCES = tests/test_runtime.c tests/dummy_host.h
tests_test_runtime_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_runtime_LDADD = $(TEST_CUNIT_LDADD)
TESTS += tests/test_host tests/test_runtime

# The test host: a small stack VM and its libjitcore plugin (tests/vm/).
noinst_LTLIBRARIES += tests/libvm.la
tests_libvm_la_SOURCES = tests/vm/vm.c tests/vm/vm.h tests/vm/vm_host.c \
	tests/vm/vm_host.h tests/vm/vm_lower.c tests/vm/vm_check.c tests/vm/vm_check.h \
	tests/vm/vm_programs.c tests/vm/vm_programs.h
# The exactness harness of the suites that run VM programs (CUnit asserts).
noinst_LTLIBRARIES += tests/libvmcompare.la
tests_libvmcompare_la_SOURCES = tests/vm/vm_compare.c tests/vm/vm_compare.h
tests_libvmcompare_la_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
TEST_VM_LDADD = tests/libvmcompare.la tests/libvm.la $(TEST_CUNIT_LDADD)
check_PROGRAMS += tests/test_deopt
tests_test_deopt_SOURCES = tests/test_deopt.c
tests_test_deopt_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_deopt_LDADD = $(TEST_VM_LDADD)
TESTS += tests/test_deopt
check_PROGRAMS += tests/test_select
tests_test_select_SOURCES = tests/test_select.c tests/dummy_host.h
tests_test_select_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_select_LDADD = $(TEST_CUNIT_LDADD)
TESTS += tests/test_select
check_PROGRAMS += tests/test_vm
tests_test_vm_SOURCES = tests/test_vm.c
tests_test_vm_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_vm_LDADD = $(TEST_VM_LDADD)
TESTS += tests/test_vm
check_PROGRAMS += tests/test_side
tests_test_side_SOURCES = tests/test_side.c
tests_test_side_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_side_LDADD = $(TEST_VM_LDADD)
TESTS += tests/test_side
check_PROGRAMS += tests/test_async
tests_test_async_SOURCES = tests/test_async.c
tests_test_async_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_async_LDADD = $(TEST_VM_LDADD)
TESTS += tests/test_async

## The test VM's benchmark: interpreter vs JIT, compile latency per trace.
EXTRA_PROGRAMS = tests/vm/vm_bench
tests_vm_vm_bench_SOURCES = tests/vm/vm_bench.c
tests_vm_vm_bench_LDADD = tests/libvm.la libjitcore/libjitcore.la
CLEANFILES += tests/vm/vm_bench
bench-vm: tests/vm/vm_bench$(EXEEXT)
	./tests/vm/vm_bench$(EXEEXT)
.PHONY: bench-vm

# The compiler half's suites link the IR and backend sources directly, so
# they can test the hidden internal interface (ir.h, backend.h).
JC_COMPILER_SOURCES = libjitcore/ir.c libjitcore/lower.c libjitcore/ir_dump.c \
	libjitcore/emit_gccjit.c libjitcore/disk_cache.c libjitcore/opt_fold.c libjitcore/opt_facts.c libjitcore/opt_rc.c \
	libjitcore/opt_dce.c
JC_INTERNAL_CPPFLAGS = $(AM_CPPFLAGS) -DJC_BUILDING_LIBRARY $(LIBGCCJIT_CFLAGS)
check_PROGRAMS += tests/test_ir tests/test_emit
tests_test_ir_SOURCES = tests/test_ir.c tests/ir_fixture.h $(JC_COMPILER_SOURCES)
tests_test_ir_CPPFLAGS = $(JC_INTERNAL_CPPFLAGS)
tests_test_ir_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_ir_LDADD = tests/libcunitmain.la $(CUNIT_LIBS) $(LIBGCCJIT_LIBS) $(LIBM)
tests_test_emit_SOURCES = tests/test_emit.c tests/ir_fixture.h $(JC_COMPILER_SOURCES)
tests_test_emit_CPPFLAGS = $(JC_INTERNAL_CPPFLAGS)
tests_test_emit_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_emit_LDADD = tests/libcunitmain.la $(CUNIT_LIBS) $(LIBGCCJIT_LIBS) $(LIBM)
check_PROGRAMS += tests/test_opt
tests_test_opt_SOURCES = tests/test_opt.c tests/ir_fixture.h $(JC_COMPILER_SOURCES)
tests_test_opt_CPPFLAGS = $(JC_INTERNAL_CPPFLAGS)
tests_test_opt_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_opt_LDADD = tests/libcunitmain.la $(CUNIT_LIBS) $(LIBGCCJIT_LIBS) $(LIBM)
TESTS += tests/test_ir tests/test_emit tests/test_opt
check_PROGRAMS += tests/test_disk_cache
tests_test_disk_cache_SOURCES = tests/test_disk_cache.c tests/ir_fixture.h $(JC_COMPILER_SOURCES)
tests_test_disk_cache_CPPFLAGS = $(JC_INTERNAL_CPPFLAGS)
tests_test_disk_cache_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_disk_cache_LDADD = tests/libcunitmain.la $(CUNIT_LIBS) $(LIBGCCJIT_LIBS) $(LIBM)
TESTS += tests/test_disk_cache

EXTRA_DIST += tests/check-symbols.sh tests/check-abi.sh tests/abi/libjitcore.abi \
	tests/installcheck-consumer.c

## The ABI baseline.  A deliberate, compatible addition to the ABI (a new
## function, a new field at the tail of a size-versioned struct) is recorded
## by regenerating the baseline with `make abi-baseline` and committing it in
## the same change as the addition; see README, "ABI".
abi-baseline: libjitcore/libjitcore.la
	$(ABIDW) --no-corpus-path --no-comp-dir-path --no-show-locs \
	  --headers-dir $(top_srcdir)/include/jitcore \
	  --headers-dir $(top_builddir)/include/jitcore \
	  --out-file $(top_srcdir)/tests/abi/libjitcore.abi \
	  libjitcore/.libs/libjitcore.so
.PHONY: abi-baseline

## `make installcheck` (and so `make distcheck`) builds a program outside the
## tree against the installed library, exactly as a host would.
installcheck-local:
	PKG_CONFIG_PATH='$(DESTDIR)$(libdir)/pkgconfig' ; export PKG_CONFIG_PATH ; \
	$(CC) -o installcheck-consumer$(EXEEXT) $(top_srcdir)/tests/installcheck-consumer.c \
	  `$(PKG_CONFIG) --define-variable=prefix='$(DESTDIR)$(prefix)' --cflags --libs jitcore` && \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)' ./installcheck-consumer$(EXEEXT) && \
	rm -f installcheck-consumer$(EXEEXT)

## `make check-tsan`: the suites that run the compile thread, built and run
## under ThreadSanitizer in a build directory of their own (tsan-build/,
## removed by `make clean`); fails on any test failure or TSan report.
## Needs an out-of-tree build (a configured source tree refuses VPATH).
TSAN_TESTS = tests/test_async tests/test_side tests/test_emit tests/test_vm
check-tsan:
	$(MKDIR_P) tsan-build
	cd tsan-build && $(abs_top_srcdir)/configure -q \
	  CFLAGS="-g -O1 -fsanitize=thread" LDFLAGS="-fsanitize=thread" && \
	  $(MAKE) $(AM_MAKEFLAGS) check TESTS="$(TSAN_TESTS)"
	@if grep -l "WARNING: ThreadSanitizer" tsan-build/tests/*.log; then \
	  echo "ThreadSanitizer reports in the logs above"; exit 1; fi
	@echo "check-tsan: $(TSAN_TESTS): no ThreadSanitizer report"
clean-local:
	rm -rf tsan-build
.PHONY: check-tsan
