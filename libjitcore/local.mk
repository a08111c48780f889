## libjitcore/local.mk -- the library: libjitcore.so and its installed headers.

lib_LTLIBRARIES += libjitcore/libjitcore.la

jitcoreincludedir = $(includedir)/jitcore
jitcoreinclude_HEADERS = \
	include/jitcore/jitcore.h \
	include/jitcore/common.h \
	include/jitcore/lower.h \
	include/jitcore/host.h \
	include/jitcore/runtime.h
nodist_jitcoreinclude_HEADERS = include/jitcore/version.h

libjitcore_libjitcore_la_SOURCES = \
	libjitcore/version.c

# The compiler half: trace IR, builder, snapshots, optimizer, libgccjit backend.
libjitcore_libjitcore_la_SOURCES += libjitcore/ir.h libjitcore/ir_internal.h libjitcore/ir.c libjitcore/lower.c libjitcore/ir_dump.c libjitcore/backend.h libjitcore/emit_gccjit.c libjitcore/disk_cache.h libjitcore/disk_cache.c libjitcore/opt.h libjitcore/opt_fold.c libjitcore/opt_facts.c libjitcore/opt_rc.c libjitcore/opt_dce.c

# The runtime half: host ABI checks, options, hotness, selection, exits, stats.
libjitcore_libjitcore_la_SOURCES += libjitcore/runtime.c libjitcore/options.c libjitcore/hotness.c libjitcore/select.c libjitcore/exit.c libjitcore/stats.c libjitcore/log.c libjitcore/runtime_internal.h libjitcore/select_ir.c libjitcore/select_ir.h libjitcore/invalidate.c libjitcore/side.c libjitcore/compile.c libjitcore/compile.h

libjitcore_libjitcore_la_CPPFLAGS = $(AM_CPPFLAGS) -DJC_BUILDING_LIBRARY \
	$(LIBGCCJIT_CFLAGS)
libjitcore_libjitcore_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
libjitcore_libjitcore_la_LIBADD = $(LIBGCCJIT_LIBS) $(LIBM)
libjitcore_libjitcore_la_LDFLAGS = -version-info $(JC_LT_VERSION) -no-undefined \
	-Wl,--version-script=$(srcdir)/libjitcore/libjitcore.map
EXTRA_libjitcore_libjitcore_la_DEPENDENCIES = libjitcore/libjitcore.map

EXTRA_DIST += libjitcore/libjitcore.map libjitcore/README.md
