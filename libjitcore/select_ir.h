/* select_ir.h -- what trace selection needs from the IR builder and the
 * backend, in one narrow seam (implemented in select_ir.c on top of ir.h
 * and backend.h), plus the translation of snapshots into exits. */
#ifndef JC_SELECT_IR_H
#define JC_SELECT_IR_H

#include "runtime_internal.h"

struct jc_emit_opts;

/* A builder for a trace starting at (code, pc); NULL with err on failure. */
JC_HIDDEN jc_lower *jc_selir_new (jc_runtime *rt, const void *code,
                                  uint32_t pc, char *err, size_t len);
JC_HIDDEN void jc_selir_free (jc_lower *b);
JC_HIDDEN void jc_selir_begin_insn (jc_runtime *rt, jc_lower *b,
                                    const void *code, uint32_t pc);
JC_HIDDEN int jc_selir_push_frame (jc_lower *b, const jc_step *call,
                                   uint32_t call_pc);
JC_HIDDEN int jc_selir_pop_frame (jc_lower *b, const jc_step *ret);
/* Close the loop; if the builder cannot (a carried slot changed type) the
 * trace ends with an exit to the head instead.  0 on success. */
JC_HIDDEN int jc_selir_close_loop (jc_runtime *rt, jc_lower *b,
                                   uint32_t head_pc);
JC_HIDDEN int jc_selir_exit (jc_lower *b, uint32_t pc);
/* The next instruction is (1) or is not (0) a side trace's first. */
JC_HIDDEN void jc_selir_side_entry (jc_lower *b, int on);
JC_HIDDEN const char *jc_selir_error (const jc_lower *b);
/* Whether the instruction just lowered called jc_lower_unroll: 0 no, 1
 * granted (one unrolled iteration of the budget spent), 2 refused (the
 * budget was spent).  Clears the request. */
JC_HIDDEN int jc_selir_take_unroll (jc_lower *b);
JC_HIDDEN uint32_t jc_selir_nsnapshots (const jc_lower *b);
JC_HIDDEN uint32_t jc_selir_ninsns (const jc_lower *b);
/* Host instructions so far that called a JC_HELPER_GENERIC helper
 * unconditionally (the payback rule). */
JC_HIDDEN uint32_t jc_selir_generic_insns (const jc_lower *b);
/* 1 when the trace ended by closing its loop (not with an exit). */
JC_HIDDEN int jc_selir_loop_closed (const jc_lower *b);
/* A trace's limit of host instructions: max_trace_insns, or once the
 * walk has unrolled an inner loop options.unrolled_trace_factor times
 * that (at most 100000). */
JC_HIDDEN uint32_t jc_sel_max_insns (const jc_runtime *rt, int unrolled);
/* A side trace of exit exit_id of parent takes the exit's numbers raw: its
 * root slots of type i64, f64 and bool start as the exit's entries
 * (exit_buf or constants), so at run time only the exit's pointer slots
 * are restored before the side trace runs (exit.c), and those it loads.
 * 1 when seeded, 2 when its pointer slots were seeded too (the host's
 * seed_ptr took them all: nothing to write to the frame), 0 when the exit
 * does not qualify (inlined frames, or the option side_raw is 0), -1 on a
 * builder error. */
JC_HIDDEN int jc_selir_seed_side (jc_runtime *rt, jc_lower *b,
                                  const jc_trace *parent, uint32_t exit_id);
/* Everything before the backend, on the host's thread: optimize the
 * finished trace, give t its exits, dependencies and retained constants,
 * and fill *o with the emitter options; the code comes later
 * (compile.c).  On failure a message in msg. */
JC_HIDDEN jc_status jc_selir_prepare (jc_runtime *rt, jc_lower *b,
                                      jc_trace *t, struct jc_emit_opts *o,
                                      char *msg, size_t len);

#endif
