/* backend.h -- the interface of the libgccjit backend (emit_gccjit.c):
 * compile finished traces (jc_lower after close_loop/end_exit) into native
 * functions, several at a time in one libgccjit context (a batch), or one
 * alone (jc_emit_compile, a batch of one).  Never installed.
 *
 * The compiled function has the signature
 *     uint32_t trace (void *frame, uint64_t *exit_buf);
 * It returns the exit (= snapshot) number it left through, after storing
 * that snapshot's entries into exit_buf[0 .. nentries) as raw 64-bit words
 * (i64 as is, f64 as its bits, bool as 0/1, ptr as the address).
 * Constants from jc_lower_const_obj and helper function pointers are read
 * from per-trace tables (globals of the compiled object, filled in after
 * the compile), never from immediates. */
#ifndef JC_BACKEND_H
#define JC_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include "ir.h"

typedef uint32_t (*jc_native_fn) (void *frame, uint64_t *exit_buf);

typedef struct jc_emit_opts {
  int opt_level;             /* 0..3; default 2 */
  int native_cpu;            /* 1: -march=native */
  int debuginfo;             /* 1: DWARF with guest file:line locations */
  int fast_link;             /* 1: -nostartfiles -nodefaultlibs (default) */
  int inject_failure;        /* test hook: JC_EMIT_FAIL_* */
  int loop_opt;              /* 1: loop-invariant values of the loop copy
                                reuse the first iteration's (JC_OPT_LOOP) */
  int range;                 /* 1: integer ranges drop checks that cannot
                                fail (JC_OPT_RANGE) */
  int sink;                  /* 1: memory cells of the loop copy stay in
                                locals, stored at its exits (JC_OPT_SINK) */
  int ov_builtins;           /* 1: ADDOV/SUBOV/MULOV through GCC's
                                __builtin_s*l_overflow when libgccjit has
                                them; 0: the portable sign tests and
                                128-bit product (tests cover both) */
  const char *dump_c;        /* if set, write libgccjit's C-like dump here */
  const char *dump_dir;      /* if set (JITCORE_DUMP), each context's
                                C-like dump and its assembly go to
                                DIR/NAME.c and DIR/NAME.s, NAME the first
                                trace's function name */
  const char *cache_dir;     /* if set (JITCORE_DISK_CACHE, options.
                                disk_cache_dir), the persistent code cache
                                (emit_gccjit.c, "Disk cache"): each trace is
                                compiled alone, its host pointers read from
                                a table, and its code loaded from or stored
                                in this directory */
  uint64_t cache_max_bytes;  /* its size limit (0: none; jc_disk_trim) */
} jc_emit_opts;

/* inject_failure: EMIT makes libgccjit reject the trace while it is built
 * (its batch goes on without it); COMPILE leaves an error libgccjit finds
 * only when the whole context is compiled (the batch fails, every trace is
 * compiled again alone). */
enum { JC_EMIT_FAIL_NONE = 0, JC_EMIT_FAIL_EMIT = 1, JC_EMIT_FAIL_COMPILE = 2 };

/* Defaults: opt_level 2, native_cpu 0, debuginfo 0, fast_link 1,
 * loop_opt 1, sink 1, range 1, ov_builtins 1. */
JC_HIDDEN void jc_emit_opts_init (jc_emit_opts *o);

/* The machine code of one libgccjit compile (a gcc_jit_result), shared by
 * the traces compiled together: reference-counted (atomically), released
 * with the last jc_compiled that holds it. */
typedef struct jc_emit_result jc_emit_result;

typedef struct jc_compiled {
  jc_native_fn entry;
  jc_emit_result *result;    /* one reference; jc_emit_release drops it */
  size_t code_bytes;         /* size of the function's machine code */
  double compile_ms;         /* wall time of the compile that made it (its
                                whole batch's) */
  void **consts;             /* the trace's constant table (nconsts entries,
                                filled from jc_ir_consts): the code reads
                                host objects from here on every use, so a
                                runtime may repoint an entry (relocation,
                                cache reload) without recompiling */
  uint32_t nconsts;
  /* A trace with self-calls (jc_lower_call_self): per exit of its own,
   * the native code of a side trace its self-calls run at once when that
   * exit is taken (NULL: none), which the runtime fills in and clears
   * (side.c); NULL for other traces. */
  void **self_sides;
  void **self_side_traces;   /* the same, the jc_trace of each */
  uint32_t nself_sides;
} jc_compiled;

/* Compile b alone (a batch of one).  On success returns 0 and fills *out;
 * on failure returns -1, writes libgccjit's first error (or the reason)
 * into err, and leaves *out zeroed (compile_ms aside).  Thread-safe apart
 * from libgccjit's own global lock. */
JC_HIDDEN int jc_emit_compile (const jc_lower *b, const char *name,
                               const jc_emit_opts *o, jc_compiled *out,
                               char *err, size_t errlen);
/* Drop c's reference to its machine code (freed with the last trace of
 * its batch) and zero *c.  Safe on any thread. */
JC_HIDDEN void jc_emit_release (jc_compiled *c);

/* Batches.  new (context options from o: opt_level, native_cpu,
 * debuginfo, fast_link, dump_c; NULL for defaults), add each trace, compile
 * once, take each trace's result, free.  A batch and its builders belong to
 * one thread at a time; nothing here calls a host callback, so a compile
 * thread may run it while the host's thread goes on.  Failures never lose
 * a trace silently: a trace libgccjit rejects while it is built fails with
 * that message and the rest are compiled without it; when the compile of
 * the whole context fails, each trace is compiled again alone
 * (info.retried) and gets its own outcome. */
typedef struct jc_emit_batch jc_emit_batch;

typedef struct jc_emit_batch_info {
  uint32_t contexts;         /* libgccjit compiles run (1 unless retried) */
  uint32_t retried;          /* traces compiled again alone */
  double ms;                 /* wall time of jc_emit_batch_compile */
  uint32_t disk_hits;       /* traces loaded from the disk cache */
  uint32_t disk_stores;     /* traces compiled and stored there */
  uint32_t disk_errors;     /* traces it could not serve or keep */
  uint32_t disk_evicted;     /* entries removed to keep it under its limit */
  char disk_note[256];      /* the last reason the cache was not used
                                for a trace (empty: none) */
} jc_emit_batch_info;

/* NULL when out of memory. */
JC_HIDDEN jc_emit_batch *jc_emit_batch_new (const jc_emit_opts *o);
/* Add b as function `name` (unique in the batch, shorter than 64 bytes;
 * its tables are name_k, name_h<i>).  From o (NULL: the batch's) only the
 * per-trace fields loop_opt and inject_failure are read.  b must stay
 * unchanged until the batch is compiled.  Returns the trace's index, or
 * -1 when out of memory; a bad trace (IR error, bad name) still gets an
 * index and fails with its reason. */
JC_HIDDEN int jc_emit_batch_add (jc_emit_batch *bt, const jc_lower *b,
                                 const char *name, const jc_emit_opts *o);
/* Compile every trace added; returns how many compiled. */
JC_HIDDEN uint32_t jc_emit_batch_compile (jc_emit_batch *bt);
/* Trace i's outcome: 0 and *out (the caller now holds its reference), or
 * -1 with the reason in err. */
JC_HIDDEN int jc_emit_batch_take (jc_emit_batch *bt, uint32_t i,
                                  jc_compiled *out, char *err,
                                  size_t errlen);
JC_HIDDEN void jc_emit_batch_get_info (const jc_emit_batch *bt,
                                       jc_emit_batch_info *out);
/* Free the batch and the results nobody took; taken ones stay valid. */
JC_HIDDEN void jc_emit_batch_free (jc_emit_batch *bt);

#endif /* JC_BACKEND_H */
