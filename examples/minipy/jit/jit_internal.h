/* jit/jit_internal.h -- what the files of minipy's libjitcore plugin share:
 * the per-code side table, the selection state the lowering reads, the
 * helper table and the invalidation keys.  See examples/minipy/README.md,
 * "The JIT plugin", for the design (slots, boxing, reference counts,
 * invalidation, deoptimization). */
#ifndef MINIPY_JIT_INTERNAL_H
#define MINIPY_JIT_INTERNAL_H

#include <stddef.h>
#include <jitcore/jitcore.h>
#include "../object.h"
#include "../opcodes.h"
#include "jit.h"

/* Per Code object, allocated at its first backward jump: a hotness counter
 * and the installed trace of every pc that is a loop head, and the operand
 * stack depth at every pc the lowering has seen (set_pc needs it to
 * restore sp; -1 = not known).  Indexed by pc = code-unit index. */
typedef struct {
    jc_counter *counters;
    jc_trace **traces;
    int16_t *depth;
    /* Per loop head: entries into its trace, and loop iterations the trace
     * ran (it counts them itself, see mpj_lower); a trace entered often for
     * only a few iterations each time costs more than it saves, and its
     * head is given up (dead). */
    uint64_t *entries, *iters;
    uint8_t *dead;
    /* 1 at the cache unit of a POP_JUMP_IF_* whose truth a trace took
     * from the truth helper (which may run __bool__ or __len__): a trace
     * decides the branch there, after the helper, with the condition and
     * its truth (a bool) on the stack, so a failed guard never asks for
     * the truth again; an exit there is finished by the host
     * (finish_branch in jit_host.c). */
    uint8_t *marker;
    /* Whether calls to a function with this code may be inlined
     * (MPJ_INL_*): decided by a scan of the code the first time, and set
     * to MPJ_INL_NO when a trace aborted while lowering an inlined body
     * of it, so the next attempt keeps the call a helper call. */
    uint8_t inl;
    /* Function-entry traces (jit_host.c, mp_jit_func_entry): whether this
     * code may have one (MPJ_FN_*), the hotness counter of its entry (its
     * trace is traces[0]), and per judging window the entries into that
     * trace and how many of them reached the function's return. */
    uint8_t fn;
    /* A recursive function's trace that came out too short (it took its
     * base case at the branch at fflip_pc): fflip = 1 and its selections
     * go that branch's other way (towards the self-calls); the way the
     * branch history favours is then its side trace's. */
    uint8_t fflip;
    uint32_t fflip_pc;
    /* Raw arguments (jit_lower.c, "Self-calls"): decided at the function
     * trace's first selection (rawknown), the positional parameters its
     * trace reads from Frame.jit_arg (rawargs: bit i for parameter i),
     * and those found boxed by a selection (never raw again). */
    uint8_t rawknown, rawargs, boxedargs;
    jc_counter fcounter;
    uint32_t fentries, fdone;
    /* The function trace's walk ended at this loop head + 1 (0: not at
     * one) after at least MPJ_FN_MIN_INSNS instructions: an entry that
     * exits there did its work (mp_jit_func_entry's judge). */
    uint32_t fend_pc;
    /* Per loop head before it has a trace: what the last back edge saw
     * (see probe_entry in jit_host.c); entries[] and iters[] then count the
     * interpreter's loop entries and iterations.  Once it has one, what
     * the last judgement of the trace saw of its side-trace tree (see
     * judge in jit_host.c): the live side traces, the exits warming
     * towards one, and how many judgements were put off with no compile
     * in flight. */
    struct MpjProbe {
        uintptr_t key; int64_t pos; uint32_t refused;
        /* recursive_head (jit_host.c): whether a loop encloses this head
         * in its code (0 not looked yet, 1 none, 2 one does), whether a
         * back edge came from a frame whose caller runs the same code, and
         * mp.depth at the last back edge. */
        uint8_t alone, rec; int depth;
        uint32_t nside, postponed; uint64_t warm_taken;
        /* judge_later: the window the tree must beat (entries 0: none
         * yet), and whether the next window is checked against it. */
        uint64_t judged_entries, judged_iters; uint8_t check;
        /* note_last_exit: the last entry's final exit (0: not at a
         * receiver guard), and how many entries of the window ended at a
         * receiver guard's exit where the one before did. */
        uint64_t last_exit, same;
        /* A while loop's exits (loop_exits in jit_host.c) when its
         * counter was armed, whether that count was exact (no history
         * saturated), and the refusals it has caused so far. */
        uint32_t exits0; uint8_t exits_ok, exit_refused;
        /* Back edges counted by the probe (the loop's iterations while it
         * had no trace), never reset: int_goes_big in jit_lower.c. */
        uint64_t all_iters;
        /* note_last_exit: the last entry's final exit when it was a
         * branch guard (0: another), how many entries of the window ended
         * at the branch guard where the one before did, and how often the
         * head was re-armed after a drop at a branch (mp_jit_loop_head). */
        uint64_t last_branch, same_branch; uint8_t retraces;
        /* A short root (mpj_sel_short_roots in jit_lower.c): a short
         * inner loop traced by itself because the loop around it was too
         * long to unroll it. */
        uint8_t short_root;
        /* Its trace was selected through branches both of whose ways go
         * on with the loop, leaving it too often to have been kept before
         * their side traces exist (branch_stays in jit_lower.c). */
        uint8_t branchy;
        /* At a decided branch's pc: 1 + the way the last root selection
         * through it went (a loop copy goes the same way). */
        uint8_t rootdir;
        /* A selection would have been branchy: the loop's branch
         * histories were started again from zero once (the next
         * selection judges the way the loop goes now). */
        uint8_t recounted;
        /* note_last_exit: entries of the window that ended at any branch
         * guard's exit (judge_later waits for a branchy trace's). */
        uint64_t any_branch;
        /* A branchy trace's hops (mpj_hop_judge in jit_host.c): side
         * traces started in its loop since the last hop judgement
         * (counted by their own code), and its iteration count then. */
        uint64_t hops, hop_iters;
    } *probe;
} MpJitCode;

_Static_assert(offsetof(MpJitCode, counters) == offsetof(MpJitHeads, counters)
               && offsetof(MpJitCode, traces) == offsetof(MpJitHeads, traces),
               "the dispatch loop reads MpJitCode's first members as MpJitHeads (jit.h)");

enum { MPJ_FN_UNKNOWN = 0, MPJ_FN_YES, MPJ_FN_NO };

/* Entries into a function trace after which it is judged, and the share
 * (in 1/8) of them that must end at the function's return (not at a guard
 * that left the rest to the interpreter) for it to stay. */
#define MPJ_FN_JUDGE_ENTRIES 4000
#define MPJ_FN_MIN_DONE_EIGHTHS 4
/* While a function's trace compiles (or after its counter gave up), the
 * entries until its slow path looks again. */
#define MPJ_FN_RECHECK 4096
/* The fewest instructions (the root frame's and inlined ones) a function
 * trace must run from its entry to its return: below that, entering the
 * trace and restoring the frame at its return cost more than interpreting
 * the body (measured on bench/fib.py's 19, see README). */
#define MPJ_FN_MIN_INSNS 64

enum { MPJ_INL_UNKNOWN = 0, MPJ_INL_YES, MPJ_INL_NO };

/* Entries after which a trace's iterations per entry are judged, and the
 * least it must average to stay (a failed judgement may be put off while
 * the trace's side traces are on their way: judge_later in jit_host.c). */
#define MPJ_JUDGE_ENTRIES 1000
#define MPJ_MIN_ITERS_PER_ENTRY 16
/* The same for a loop of a recursive function (recursive_head in
 * jit_host.c): each entry is one call's loop, whose iterations the calls
 * inside it interrupt without leaving its trace.  Measured on
 * bench/nqueens.py (12 iterations a call, 11.7 per trace entry), see
 * README "Recursive loops"; MINIPY_JIT_REC_LOOPS=0 keeps them at
 * MPJ_MIN_ITERS_PER_ENTRY. */
#define MPJ_MIN_ITERS_PER_ENTRY_REC 8
extern int mpj_rec_loops;
/* A trace that fails the judgement while its side-trace tree is still
 * growing is judged again a window later, at most this many times with
 * no side-trace compile in flight (see judge_later in jit_host.c). */
#define MPJ_MAX_POSTPONES 8
/* Before a head is traced: the interpreter's entries the hot event needs
 * to judge the head (fewer: trace it, as a small --jit-threshold asks), and
 * how many refusals make the head dead. */
#define MPJ_PRE_JUDGE_ENTRIES 32
#define MPJ_MAX_REFUSALS 3
/* A while loop refused for the exits its branches took (worth_tracing in
 * jit_host.c) is armed again with a doubled delay, up to this many times
 * before its head is dead: how long such a loop runs may grow as a program
 * goes on (bench/mandelbrot.py's escape loop). */
#define MPJ_MAX_EXIT_REFUSALS 6
/* The executions a branch's history must hold before a loop trace's
 * selection estimates from it how often iterations leave the trace there
 * (branch_stays in jit_lower.c). */
#define MPJ_BRANCH_MIN_SEEN 64
/* Branch side traces (branch_stays in jit_lower.c, judge_later in
 * jit_host.c): a loop trace whose root-frame branches both continue the
 * loop is kept waiting for the side traces of their unrecorded ways, which
 * go round the loop and link back to the trace at its head.  Each
 * iteration going such a way then "hops" (an exit into the side trace,
 * its link back, a restore and a new entry into the trace: about 700
 * instructions on bench/sieve.py, against about 140 for interpreting the
 * whole iteration there), so the selection still refuses when the
 * histories say fewer than MPJ_MIN_ITERS_PER_HOP iterations a hop.
 * MINIPY_JIT_BRANCH_SIDES=0 goes back to MPJ_MIN_ITERS_PER_ENTRY and to
 * no waiting (the behaviour before). */
#define MPJ_MIN_ITERS_PER_HOP 6
extern int mpj_branch_sides;
extern uint64_t mpj_branch_side_loops;
/* The hops (side traces started in a branchy trace's loop, which the
 * interpreter's entries do not see) after which the trace is judged by its
 * iterations per hop (mpj_hop_judge in jit_host.c), and the drops. */
#define MPJ_HOP_WINDOW 1000
extern uint64_t mpj_hop_drops;
void mpj_hop_judge(MpJitCode *jc, uint32_t pc);

/* A loop trace dropped because nearly all its entries left at one branch
 * guard has its head re-armed (traced again along the way the branch goes
 * now) at most this many times before it is dead (mp_jit_loop_head in
 * jit_host.c), when MINIPY_JIT_RETRACE=1 (off by default: dead at once). */
#define MPJ_MAX_RETRACES 2
extern uint64_t mpj_retraces;

/* The invalidation key of a loop head's own trace (dropping it). */
static inline uintptr_t mpj_key_head(const MpJitCode *jc, uint32_t pc)
{
    return (uintptr_t)&jc->iters[pc] | 2u;
}

/* Number of frame slots below the value stack: locals, cells, frees. */
static inline uint32_t mpj_nfixed(const Code *co)
{
    return (uint32_t)(co->nlocals + co->ncells + co->nfree);
}

MpJitCode *mpj_code(Code *co);

/* Default hotness thresholds (loop-head visits; exits for side traces). */
#define MPJ_DEFAULT_THRESHOLD 2000
#define MPJ_DEFAULT_SIDE_THRESHOLD 1000

/* The runtime (NULL when the JIT is off). */
extern jc_runtime *mpj_rt;

/* Defaults an inlined call guarded by code may take from its function. */
#define MPJ_INL_MAX_DEFAULTS 4

/* An inlined call being lowered (frame depth d > 0 is inl[d - 1]): the
 * callee, a stand-in frame for what the lowering reads of a frame (its
 * code, globals, builtins; its lp[] all NULL: nothing is live), the
 * caller's CALL and the caller's stack depth before it. */
typedef struct {
    Code *code;
    Func *fn;
    Frame *shadow;
    uint32_t call_pc;
    int caller_depth;
    uint32_t base;        /* caller slot of the CALL's first stack entry */
    uint32_t nargs;
    /* Guarded by code (bycode, see try_inline): the function object as the
     * trace has it, and the defaults the call takes, read at the call. */
    int bycode;
    jc_ref fref;
    jc_ref dflt[MPJ_INL_MAX_DEFAULTS];
    uint64_t stored;      /* locals (< 64) the trace has stored to in it */
} MpjInl;

/* Results of helpers made by the instruction being lowered that the next
 * one guards to be objects whose release runs no code, in a trace
 * selected with mp_finalizers_possible set (jit_lower.c, "Finalizers"). */
#define MPJ_MAX_FIN_PENDING 16

#define MPJ_MAX_INLINE 64
#define MPJ_MAX_GKNOWN 16

/* Selection state: the live frame whose loop head fired (its memory holds
 * the values the trace starts from, so load_slot can look at them to choose
 * the type guards) and the stack depth before the instruction being
 * lowered. */
typedef struct {
    Frame *frame;
    Code *code;
    int depth;
    int nrefs;
    Type **ptype;       /* per IR ref of type ptr: the class it is known to
                           have (guarded), or NULL */
    int cap;
    const char *why;    /* abort detail for the log */
    uint32_t head;      /* the root trace's head pc until lowered */
    int check_pending;  /* the last instruction called code that may have
                           invalidated traces (see check_valid) */
    MpjInl inl[MPJ_MAX_INLINE];
    int ninl;           /* inlined frames the lowering is in */
    uint32_t ret_marker;/* after an inlined return: the caller's pc the
                           walk continues at (UINT32_MAX: none) */
    int fentry;         /* selecting a function-entry trace (its own code's
                           recursive calls stay helper calls) */
    int fn_insns;       /* instructions lowered so far (any frame depth) */
    uint32_t next_pc;   /* the root frame's next pc after the last
                           instruction lowered in it (UINT32_MAX: none) */
    int nranges, niters;  /* entries of the unrolling tables (jit_lower.c) */
    int uopen;          /* unrolled loops not yet left (UIter.level) */
    uint64_t *iters;    /* the root trace's iteration count (judged by
                           mp_jit_loop_head), or NULL (side traces) */
    int nself;          /* native self-calls lowered (jit_lower.c) */
    uint8_t raw;        /* function trace: the parameters read raw from
                           Frame.jit_arg (MpJitCode.rawargs), and ... */
    jc_ref rawref[4];   /* ... their values (jit_lower.c, "Self-calls") */
    uint32_t fbranch;   /* function-entry trace: its first root-frame
                           branch's pc + 1, or 0 */
    double stay;        /* root loop trace: the share of iterations that
                           follow its root-frame branches so far, from
                           their histories (branch_stays in jit_lower.c) */
    int leaves;         /* the selection was refused for that share
                           (MPJ_LEAVES_BRANCHES) or for big ints
                           (MPJ_LEAVES_BIGINTS) */
    uint32_t back;      /* the root loop's last back edge's pc (0: not
                           looked for yet) */
    uint8_t side_sel;   /* a side trace's selection; copy: a loop copy
                           (jc_lower_side_entry 2) */
    uint8_t copy;
    uint8_t branchy;    /* branch_stays accepted the trace waiting for
                           side traces at its branches (MpjProbe.branchy) */
    /* Globals whose value the trace already has (global_known in
     * jit_lower.c): dict, name, the object the entry held then and the
     * ref a load gives (the object, or its unboxed number). */
    struct { Obj *dict, *name; jc_ref obj, val; } gknown[MPJ_MAX_GKNOWN];
    int ngknown;
    /* Finalizers (jit_lower.c): whether this trace was selected with
     * mp_finalizers_possible set (it then drops no object whose release
     * may run code) and the first instruction has been seen; the helper
     * results its next instruction guards; the root frame's locals stored
     * to so far (bits of slots < 256); its stack depth at the entry. */
    int strict, fin_started;
    jc_ref fin_pending[MPJ_MAX_FIN_PENDING];
    int nfin_pending;
    uint64_t root_stored[4];
    int entry_depth;
} MpjSel;
enum { MPJ_LEAVES_BRANCHES = 1, MPJ_LEAVES_BIGINTS, MPJ_LEAVES_RECOUNT };

/* Native self-calls (jit_lower.c, "Self-calls"): calls made, the lowest
 * C stack address a self-call may start below (the interpreter makes the
 * call instead), and the slow path of a self-call that exited
 * (jit_host.c).  link: the caller's CALL pc << 32 | its first stack slot.
 * MpJitCode.marker[pc] has MPJ_MARK_SELF at such a CALL. */
extern uint64_t mpj_self_calls;
/* Self-calls with raw arguments (jit_lower.c, "Raw arguments"): made
 * (counted in the generated code; --jit-stats adds them to self_calls),
 * and whether functions get them (1, or MINIPY_JIT_RAW_ARGS=0). */
extern uint64_t mpj_raw_self_calls;
/* Dead stack slots left out of snapshots (jit_lower.c, dead_stack):
 * on (1, or MINIPY_JIT_DEAD_SLOTS=0), and the entries left out. */
extern int mpj_dead_slots_on;
extern uint64_t mpj_dead_slots;
extern int mpj_raw_args_on;
extern uintptr_t mpj_stack_floor;
int64_t mpj_self_slow(Frame *nf, uint64_t *words, int64_t link);
void mpj_self_return(jc_lower *b, Code *co, uint32_t top);
#define MPJ_MARK_SELF 2
/* A loop head (the target of a backward jump), marked by fn_scan in
 * jit_host.c for the function-entry judge. */
#define MPJ_MARK_HEAD 4

/* The runtime's max_inline_depth (calls deeper stay helper calls). */
extern uint32_t mpj_max_inline;
/* Inner loops of at most this many iterations are unrolled into the
 * trace around them (jit_lower.c, "Unrolling"); 0: never.  16, or
 * MINIPY_JIT_UNROLL=N. */
extern int mpj_unroll_max;
#define MPJ_UNROLL_DEFAULT 16
/* Whether a root loop trace's selection is refused when its body's
 * branches leave it too often (branch_stays in jit_lower.c); 1, or
 * MINIPY_JIT_BRANCH_JUDGE=0. */
extern int mpj_branch_judge;
/* Whether a chain of branches to one target (`if not a and not b`) is
 * lowered as one guard (lower_chain in jit_lower.c); 1, or
 * MINIPY_JIT_BRANCH_CHAINS=0. */
extern int mpj_branch_chains;
/* --jit-stats: branch chains lowered (branch_chains=), loop heads judged
 * as a recursive function's loop (rec_heads=, recursive_head in
 * jit_host.c). */
extern uint64_t mpj_chains, mpj_rec_heads;
/* Whether a root loop trace's selection is refused when one of its
 * machine-int operations went to big ints on too many of the loop's
 * iterations (int_goes_big in jit_lower.c); 1, or
 * MINIPY_JIT_BIGINT_JUDGE=0. */
extern int mpj_bigint_judge;
/* Whether the lowering keeps list items' float values across stores into
 * other items (the item facts in jit_lower.c); 1, or
 * MINIPY_JIT_ITEM_FACTS=0. */
extern int mpj_item_facts;
/* Short roots (mpj_sel_short_roots in jit_lower.c): on (1) unless
 * MINIPY_JIT_SHORT_ROOTS=0; heads marked so far (--jit-stats
 * short_roots). */
extern int mpj_short_roots;
extern int mpj_inner_exit_on;
extern uint64_t mpj_short_root_heads;
int mpj_sel_short_roots(Code *co);
void mpj_revive_head(Code *co, uint32_t pc);
/* Whether range(ints) and iter() of a range are lowered as helpers that
 * run no Python code (jit_lower.c, pure_range); 1, or
 * MINIPY_JIT_PURE_RANGE=0. */
extern int mpj_pure_range;
/* d.get(k[, dflt]) lowered to h_dict_get; MINIPY_JIT_DICT_GET=0: off. */
extern int mpj_dict_get;
extern uint64_t mpj_dict_get_calls;     /* d.get calls lowered so (--jit-stats: dict_gets) */
/* Dict stores (jit_lower.c, "Dict stores"; MINIPY_JIT_DICT_STORE=0 and
 * MINIPY_JIT_GLOBAL_STORE=0 turn them off): the lowerings made
 * (--jit-stats: dict_stores, global_stores), the stores that found their
 * entry through d.get's hint (dict_hints); the int d.get leaves. */
extern int mpj_dict_store, mpj_global_store;
extern uint64_t mpj_dict_store_calls, mpj_global_store_calls, mpj_dict_hint_hits;
extern int64_t mpj_dict_ival;
void mpj_dict_hint_clear(void);
/* jc_lower_call / jc_lower_call_if for the lowering: a helper that may
 * write list items or floats forgets the item facts. */
jc_ref mpj_call(jc_lower *b, uint32_t h, const jc_ref *a, uint32_t n);
jc_ref mpj_call_if(jc_lower *b, jc_ref cond, uint32_t h, const jc_ref *a, uint32_t n);
#define MPJ_MAX_UNROLLED 64     /* ranges/iterators tracked per trace */

extern MpjSel mpj_sel;

int mpj_lower(void *ud, jc_lower *b, const void *code, uint32_t pc,
              uint32_t frame_depth, const void *ic, jc_step *step);
int mpj_load_slot(void *ud, jc_lower *b, const void *code,
                  uint32_t frame_depth, uint32_t slot);
void mpj_sel_reset(Frame *f);
/* The frame an exit is restoring inside jc_trace_enter, or NULL. */
/* libjitcore's seed_ptr: a raw side trace's object from its parent's
 * exit buffer (see jit_lower.c). */
int mpj_seed_ptr(void *ud, jc_lower *b, const void *code, uint32_t slot, int32_t value);
Frame *mpj_restoring_frame(void);

/* Generic instructions (jit_lower_generic.c), called by mpj_lower before
 * its own switch: 1 lowered (*d = the stack effect; st filled for a
 * jump or an exit), 0 not one of them, -1 the trace aborts (st filled). */
int mpj_lower_generic(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, int side,
                      int depth, jc_step *st, int *d);
/* A unary operator on an object, through the interpreter's function. */
jc_ref mpj_unary_generic(jc_lower *b, int fam, jc_ref x);
/* The host's lower callback: mpj_lower, with the trace ended by an exit
 * where that keeps a worthwhile trace (see jit_lower_generic.c). */
int mpj_lower_step(void *ud, jc_lower *b, const void *code, uint32_t pc,
                   uint32_t frame_depth, const void *ic, jc_step *step);
/* jit_lower.c's own lowering, for jit_lower_generic.c. */
jc_ref mpj_box(jc_lower *b, jc_ref v);
jc_ref mpj_truth(jc_lower *b, jc_ref v);
void mpj_note(jc_ref r, Type *t, Obj *o);
void mpj_ran_code(void);
Type *mpj_need_class(jc_lower *b, jc_ref v);
/* Generic lowerings (jit_lower_generic.c) also done in an inlined frame. */
int mpj_inl_generic_ok(int fam);

/* Helpers (jit_helpers.c): indices into mpj_helpers[]. */
enum {
#define MPJ_HELPERS(X) \
    X(FFLOORDIV) X(FMOD) X(FPOW) X(KEEP) \
    X(LIST_STORE_I64) X(LIST_STORE_F64) X(LIST_STORE_PTR) \
    X(BOX_INT) X(BOX_FLOAT) X(STORE_GLOBAL) X(STORE_CELL) X(STORE_ENTRY) \
    X(GETATTR) X(SETATTR) X(BINOP) X(COMPARE) X(TRUTH) X(GETITEM) X(SETITEM) \
    X(CALL) X(NEXT) X(ITER) X(LIST_APPEND) X(BUILD_LIST) X(BUILD_TUPLE) X(CONTAINS) \
    X(SETUP_FINALLY) X(POP_BLOCK) X(MAP_ADD) X(SET_ADD) \
    X(LIST_PUSH) X(LIST_TO_TUPLE) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING) \
    X(BUILD_SLICE) X(CALL_LIST) X(MAKE_FUNCTION) X(FORMAT_VALUE) X(LIST_EXTEND) \
    X(SET_UPDATE) X(DICT_UPDATE) X(UNPACK_EX) X(DELITEM) X(UNARY) \
    X(FOR_NEXT) X(SELF_FRAME1) X(SELF_FRAME) X(SELF_CALL) X(SELF_SLOW) X(SELF_DROP) \
    X(SELF_REFILL) X(SELF_TRIM) \
    X(RANGE) X(ITER_RANGE) X(DICT_GET) \
    X(DICT_GET_INT) X(DICT_STORE_INT) X(DICT_STORE_OBJ) X(STORE_GLOBAL_AT) X(IS_INERT) X(STORE_GLOBAL_AT_INT) X(HOP_JUDGE)
#define MPJ_E(n) MPJ_H_##n,
    MPJ_HELPERS(MPJ_E)
#undef MPJ_E
    MPJ_H_COUNT
};
extern const jc_helper mpj_helpers[];
extern const uint64_t mpj_helper_writes[];

/* Positional arguments the CALL helper takes (more: the trace aborts). */
#define MPJ_MAX_CALL_ARGS 4

/* Set when an invalidation unlinked a trace while a trace was running;
 * checked by the trace after every helper that may run Python code. */
extern _Bool mpj_invalidated;

/* What the NEXT helper returns for an exhausted iterator. */
extern Obj mpj_stop;
/* The user iterator whose __next__ raised StopIteration in FOR_ITER's
 * helper (h_for_next); mpj_finish_for_stop consumes it. */
extern Obj *mpj_for_stopped;
int mpj_finish_for_stop(Frame *f);

/* References parked by helpers until the running trace exits (see
 * jit_helpers.c); a helper that would park more than MPJ_PARK_MAX fails
 * (before any effect) so the trace exits and the parked ones are freed.
 * Small, so that garbage (cycles for the collector too) lives at most a
 * few hundred iterations longer than in the interpreter.  The cap is per
 * jc_trace_enter (counted from its mark, mpj_park_base): a trace entered
 * from Python code that a helper of an outer trace runs has its own room,
 * whatever the outer one parked (an outer loop calling a function with a
 * loop of its own used to leave its inner traces a full lot). */
#define MPJ_PARK_MAX 1024
/* Tracked allocations a helper may make before the collector's threshold:
 * closer than that to a collection, helpers fail (nothing parked may be
 * seen by it) and the host runs the collection after the exit. */
#define MPJ_GC_SLACK 16
static inline int mpj_gc_due(void)
{
    return mp.gc_enabled && mp.gc_threshold > 0 && mp.gc_count + MPJ_GC_SLACK > mp.gc_threshold;
}
int mpj_park_room(void);
/* 1 (default): l.append(v) in a trace calls list_append, not the generic
 * call (jit_lower.c, list_append_call); MINIPY_JIT_LIST_APPEND=0 turns it
 * off. */
extern int mpj_list_append_on;
int mpj_park_full(void);
/* mp_finalizers_possible was set: park_room() asks the slow path. */
void mpj_park_finalizers(void);
/* 1 (default): no side trace at an exit taken with the lot full
 * (jit_lower.c, mpj_lower); MINIPY_JIT_FULL_LOT_REFUSE=0 turns it off. */
extern int mpj_full_lot_refuse;
size_t mpj_park_drop_range(size_t from, size_t to);
/* jit_host.c: drop what a completed restore made unneeded (see there). */
void mpj_park_reclaim(void);
size_t mpj_park_base(void);
extern size_t mpj_park_base_mark;   /* what mpj_park_base returns */
void mpj_park(Obj *o);
/* Whether dropping the last reference to o runs no code and drops no
 * other reference: NULL, numbers, strings, bytes, None, ranges and their
 * iterators (mp_dealloc frees them at once).  Anything else may hold an
 * object with a finalizer. */
static inline int mpj_inert_type(const Type *t)
{
    return t == &mp_int_type || t == &mp_float_type || t == &mp_str_type || t == &mp_bool_type ||
           t == &mp_none_type || t == &mp_bytes_type || t == &mp_range_type ||
           t == &mp_range_iterator_type || t == &mp_complex_type;
}
static inline int mpj_inert(const Obj *o) { return !o || mpj_inert_type(o->type); }
size_t mpj_parked_mark(void);
void mpj_release_parked(size_t mark);

/* Alias classes of the trace's memory accesses: stores to one class never
 * change what a load of another returns. */
enum {
    MPJ_ALIAS_FRAME = 1,     /* Frame.lp[] (loaded only; written at exits) */
    MPJ_ALIAS_HEADER,        /* an object's type pointer (never changes) */
    MPJ_ALIAS_INT,           /* Int.big / Int.v (immutable once made) */
    MPJ_ALIAS_FLOAT,         /* Float.v (see README: in-place float reuse) */
    MPJ_ALIAS_RANGEITER,     /* RangeIter.i (the trace stores it) */
    MPJ_ALIAS_LIST,          /* List.n / List.items */
    MPJ_ALIAS_SEQITER,       /* SeqIter.seq */
    MPJ_ALIAS_STATE,         /* mpj_invalidated */
    MPJ_ALIAS_TYPE,          /* Type.version / flags */
    MPJ_ALIAS_INSTDICT,      /* Inst.dict */
    MPJ_ALIAS_DICT,          /* Dict.version / nent / ent, DEntry.key */
    MPJ_ALIAS_DICTVAL,       /* DEntry.val */
    MPJ_ALIAS_CELL,          /* Cell.ref */
    MPJ_ALIAS_LISTITEM,      /* List.items[] */
    MPJ_ALIAS_COUNTER,       /* MpJitCode.iters[] */
    MPJ_ALIAS_FUNC,          /* Func.defaults */
    MPJ_ALIAS_DEPTH,         /* mp.depth and mp.limit (one word) */
    MPJ_ALIAS_RC,            /* Obj.rc and the parking lot (written by
                                helpers, never loaded by a trace) */
    MPJ_ALIAS_SELF,          /* Frame.jit_tag / jit_ret / jit_arg (self-calls) */
    MPJ_ALIAS_CALLFRAME,     /* a self-call's frame: Code.spare / nspare,
                                Frame.back / func / globals / builtins /
                                ip / inl / lp[], mp.frame, mp.builtins */
    MPJ_ALIAS_HOUT           /* mpj_dict_ival (a helper's second result) */
};

/* Every key a lowering passed to jc_lower_depend, as a filter of 4096
 * bits that is never cleared (a key of no trace's may pass it): a store
 * into a watched dict (every global a module-level loop stores, with a
 * trace anywhere in the module) asks it inline (mp_jit_dict_store in
 * jit.h) before mp_jit_dict_changed, and invalidate (jit_host.c) before
 * jc_runtime_depends' call.  Lowerings call mpj_depend, never
 * jc_lower_depend itself. */
#define mpj_dep_bits mp_jit_dep_bits
#define mpj_dep_bit mp_jit_dep_bit
#define mpj_may_depend mp_jit_may_depend
static inline void mpj_depend(jc_lower *b, uintptr_t key)
{
    unsigned i = mpj_dep_bit(key);
    mpj_dep_bits[i >> 6] |= (uint64_t)1 << (i & 63);
    jc_lower_depend(b, key);
}

/* Invalidation keys: one per (dict, key hash) for a global the trace
 * embeds, one per dict for changes that touch every key, one per class,
 * one per inlined function. */
#define mpj_key_entry mp_jit_key_entry
static inline uintptr_t mpj_key_dict(const void *dict) { return (uintptr_t)dict; }
static inline uintptr_t mpj_key_type(const void *t) { return (uintptr_t)t + 8; }
/* One per function a trace inlined (its code is part of the trace); a
 * heap object's address plus 4 collides with none of the keys above. */
static inline uintptr_t mpj_key_func(const void *fn) { return (uintptr_t)fn + 4; }
/* One for every trace selected while mp_finalizers_possible was 0 (they
 * release what they drop at their exits, see "Finalizers" in
 * jit_lower.c): the address of a static object that is no dict. */
extern const char mpj_fin_anchor[16];
static inline uintptr_t mpj_key_fin(void) { return (uintptr_t)mpj_fin_anchor; }

#endif
