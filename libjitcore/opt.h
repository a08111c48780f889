/* opt.h -- the optimization passes over a finished trace's IR, run before
 * the backend.  Each pass has a bit so tests (and the `opt=` option) can run
 * a program with any set of passes and compare results.  Never installed.
 *
 *   FOLD   constant folding and integer algebraic identities (opt_fold.c)
 *   CSE    common-subexpression elimination of pure instructions, of loads
 *          not clobbered by a store to their alias class or a writing call,
 *          and of repeated guards (opt_fold.c: one forward walk)
 *   GUARD  guards proven by constants or by an identical earlier guard
 *          disappear (opt_fold.c)
 *   RC     an INCREF helper call and a later DECREF of the same value with
 *          nothing between them that could drop another reference cancel
 *          out (opt_rc.c); runs after CSE, which makes equal values one ref
 *   DCE    dead-code elimination (opt_dce.c)
 *   LOOP   in a looping trace, instructions of the loop copy whose operands
 *          are loop-invariant reuse the first iteration's value: invariant
 *          guards, loads and helper calls run once per entry (done by the
 *          backend while it emits the loop; see emit_gccjit.c)
 *
 * Removed instructions become NOPs in place, so refs stay valid; operands,
 * snapshot entries and loop-carried values are redirected.  Instructions
 * inside slot-load groups are never touched: the backend's loop copy relies
 * on them as recorded. */
#ifndef JC_OPT_H
#define JC_OPT_H

#include "ir.h"

enum {
  JC_OPT_FOLD = 1u << 0,
  JC_OPT_CSE = 1u << 1,
  JC_OPT_GUARD = 1u << 2,
  JC_OPT_DCE = 1u << 3,
  JC_OPT_LOOP = 1u << 4,
  JC_OPT_RC = 1u << 5,
  JC_OPT_SINK = 1u << 6,    /* in the backend (emit_gccjit.c) */
  JC_OPT_RANGE = 1u << 7,   /* in the backend (emit_gccjit.c) */
  JC_OPT_ALL = 0xff
};

typedef struct jc_opt_stats {
  uint32_t folded;           /* instructions turned into constants/operands */
  uint32_t cse;              /* pure instructions replaced by earlier ones */
  uint32_t loads_removed;    /* loads replaced by earlier loads */
  uint32_t guards_removed;   /* guards proven redundant */
  uint32_t dead;             /* instructions removed as unused */
  uint32_t rc_removed;       /* INCREF/DECREF calls removed (two per pair) */
} jc_opt_stats;

/* Run the forward passes selected in `passes` (FOLD, CSE, GUARD), then RC,
 * then DCE on a trace that has ended (loop or exit).  Adds to *st if non-NULL.
 * With dump non-NULL, the IR is listed after each pass that ran, headed by
 * the pass names and what they removed (JITCORE_LOG=ir).
 * Returns 0, or -1 with the builder's error set (out of memory). */
JC_HIDDEN int jc_opt_run (jc_lower *b, uint32_t passes, jc_opt_stats *st,
                          FILE *dump);

/* The host's entry for the helper the CALL instruction `in` calls, or NULL
 * when the host has none at that index.  Shared by every pass. */
JC_HIDDEN const jc_helper *jc_opt_helper (const jc_lower *b,
                                          const jc_ir_insn *in);

/* May the helper that the CALL instruction `in` calls write memory?  (A helper
 * that says nothing about memory may.)  Shared by CSE's load availability
 * and the backend's loop-invariant loads. */
JC_HIDDEN int jc_opt_call_writes (const jc_lower *b, const jc_ir_insn *in);

/* The alias classes a call may change, as a mask (bit a % 64 for class
 * a): 0 when jc_opt_call_writes says it writes nothing, the host's
 * jc_host.helper_writes entry when it gives one, else every class
 * (UINT64_MAX).  CSE and the loop copy keep loads of other classes. */
JC_HIDDEN uint64_t jc_opt_call_clobbers (const jc_lower *b,
                                         const jc_ir_insn *in);

/* Internal to the passes. */
JC_HIDDEN int jc_opt_fold_cse (jc_lower *b, uint32_t passes, jc_opt_stats *st);
JC_HIDDEN int jc_opt_dce (jc_lower *b, jc_opt_stats *st);
JC_HIDDEN int jc_opt_rc (jc_lower *b, jc_opt_stats *st);

#endif /* JC_OPT_H */
