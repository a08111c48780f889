/* backend.h -- the interface of the libgccjit backend (emit_gccjit.c):
 * compile one finished trace (a jc_lower after close_loop/end_exit) into a
 * native function.  Never installed.
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
  int inject_failure;        /* test hook: make libgccjit reject the code */
  int loop_opt;              /* 1: loop-invariant values of the loop copy
                                reuse the first iteration's (JC_OPT_LOOP) */
  const char *dump_c;        /* if set, write libgccjit's C-like dump here */
} jc_emit_opts;

/* Defaults: opt_level 2, native_cpu 0, debuginfo 0, fast_link 1,
 * loop_opt 1. */
JC_HIDDEN void jc_emit_opts_init (jc_emit_opts *o);

typedef struct jc_compiled {
  jc_native_fn entry;
  void *result;              /* gcc_jit_result * */
  size_t code_bytes;         /* size of the function's machine code */
  double compile_ms;
  void **consts;             /* the trace's constant table (nconsts entries,
                                filled from jc_ir_consts): the code reads
                                host objects from here on every use, so a
                                runtime may repoint an entry (relocation,
                                cache reload) without recompiling */
  uint32_t nconsts;
} jc_compiled;

/* Compile b.  On success returns 0 and fills *out; on failure returns -1,
 * writes libgccjit's first error (or the reason) into err, and leaves *out
 * zeroed.  Thread-safe apart from libgccjit's own global lock. */
JC_HIDDEN int jc_emit_compile (const jc_lower *b, const char *name,
                               const jc_emit_opts *o, jc_compiled *out,
                               char *err, size_t errlen);
/* Release the machine code of a compiled trace. */
JC_HIDDEN void jc_emit_release (jc_compiled *c);

#endif /* JC_BACKEND_H */
