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
 *   FACTS  comparisons decided by what earlier guards established (x >= 0
 *          after `guard x >= 0`, x < n after `guard x < n`, intervals of
 *          i64 values) become constants, so FOLD drops their selects and
 *          GUARD their guards (opt_facts.c, inside the FOLD walk)
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
  JC_OPT_FACTS = 1u << 8,   /* opt_facts.c, run by the fold walk */
  JC_OPT_ALL = 0x1ff
};

typedef struct jc_opt_stats {
  uint32_t folded;           /* instructions turned into constants/operands */
  uint32_t cse;              /* pure instructions replaced by earlier ones */
  uint32_t loads_removed;    /* loads replaced by earlier loads */
  uint32_t guards_removed;   /* guards proven redundant */
  uint32_t dead;             /* instructions removed as unused */
  uint32_t rc_removed;       /* INCREF/DECREF calls removed (two per pair) */
  uint32_t facts;            /* comparisons decided by facts (FACTS; also
                                counted in folded) */
  uint32_t facts_loop;       /* guards left out of the loop copy (FACTS) */
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

/* An i64 interval [lo, hi] (signed), for FACTS and the backend's RANGE. */
typedef struct jc_range { int64_t lo, hi; } jc_range;
/* The interval of `x sub y` (a jc_binop on i64) for operands in x and y:
 * the full range when the operation might wrap (or is not known). */
JC_HIDDEN jc_range jc_range_binop (uint32_t sub, jc_range x, jc_range y);
/* x OP y (a jc_cmp) holds: narrow *x and *y.  0 when that leaves no
 * value (the guard saying so always fails; nothing changed), else 1. */
JC_HIDDEN int jc_range_refine (uint32_t op, jc_range *x, jc_range *y);

/* FACTS (opt_facts.c), driven by the fold walk: a table of what the guards
 * passed so far establish.  jc_facts_decide: 1 or 0 when the comparison
 * (operands as remapped) is decided, else -1; jc_facts_note: learn from an
 * instruction the walk keeps (its interval, a guard's condition). */
typedef struct jc_facts jc_facts;
JC_HIDDEN jc_facts *jc_facts_new (const jc_lower *b);   /* NULL: no memory */
JC_HIDDEN void jc_facts_free (jc_facts *f);
JC_HIDDEN int jc_facts_decide (const jc_facts *f, const jc_ir_insn *cmp);
JC_HIDDEN void jc_facts_note (jc_facts *f, jc_ref i);
/* After the walk (snapshots and carried values remapped), in a looping
 * trace: mark JC_IRF_LOOP_IMPLIED the guards on `x OP k` whose x is the
 * value at the top of an iteration of a carried slot or of a memory cell
 * (one store per iteration, nothing else writes it) when the facts at the
 * body's end decide the same of the value it takes round the back edge:
 * by induction the guard then holds in every iteration after the first.
 * Returns how many. */
JC_HIDDEN uint32_t jc_facts_loop (const jc_facts *f, jc_lower *b);

/* Internal to the passes. */
JC_HIDDEN int jc_opt_fold_cse (jc_lower *b, uint32_t passes, jc_opt_stats *st);
JC_HIDDEN int jc_opt_dce (jc_lower *b, jc_opt_stats *st);
JC_HIDDEN int jc_opt_rc (jc_lower *b, jc_opt_stats *st);

#endif /* JC_OPT_H */
