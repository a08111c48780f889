/* jit/jit.h -- what the rest of minipy sees of its libjitcore plugin: the
 * command-line settings, start-up and shutdown, the loop-head hook of the
 * dispatch loop and the invalidation hooks of dicts and classes.  The
 * design is described in examples/minipy/README.md ("The JIT plugin"). */
#ifndef MINIPY_JIT_H
#define MINIPY_JIT_H

#include <stdint.h>
#include <jitcore/runtime.h>

struct Frame;
struct Type;

/* Settings from the command line and MINIPY_JIT (main.c). */
typedef struct {
    int on;              /* --jit=on|off, MINIPY_JIT=off; default on */
    int sync;            /* --jit-sync */
    int stats;           /* --jit-stats */
    long threshold;      /* --jit-threshold=N; 0 = the library's default */
    const char *log;     /* --jit-log=CATEGORIES (comma-separated), or NULL */
    const char *cache;   /* --jit-cache=DIR: libjitcore's disk cache, or NULL */
} MpJitConfig;

extern MpJitConfig mp_jit_config;

/* Non-zero while traces may be selected and entered: ceval tests it before
 * calling mp_jit_loop_head.  Cleared for good when the runtime is in an
 * error state. */
extern int mp_jit_active;

/* Parse a --jit-log value; 0 ok, -1 (with a message on stderr) if a
 * category is unknown. */
int mp_jit_parse_log(const char *spec);

/* Create the runtime (on the interpreter thread, before running code) and
 * tear it down (printing the --jit-stats line).  mp_jit_fini returns 1
 * when a background compile was still running: the program's work is
 * done and its result cannot change, so the run does not wait for it (a
 * large trace compiles for a second or more, longer than many programs
 * run).  The runtime is then left as it is, since the compile thread uses
 * it until it finishes, and the process must end with _exit once its
 * output is flushed: no libgccjit destructor may run under that thread. */
void mp_jit_init(void);
int mp_jit_fini(void);

/* The dispatch loop reached the loop head `head` of frame f by a backward
 * jump, with f->sp holding its stack pointer.  Counts the visit, selects
 * and compiles a trace when the head is hot, and runs the head's trace if
 * it has one.  Returns 1 when a trace ran: f->ip and f->sp then say where
 * to continue (the trace's exit); 2 when it ran and the instruction at
 * f->ip raised (mp.exc is set: the interpreter unwinds from there); 0 to
 * continue at head as if nothing happened. */
int mp_jit_loop_head(struct Frame *f, uint32_t *head);

/* What the dispatch loop reads of a code object's JIT side table (its
 * first members; Code.jit points to it once the code has one) to skip
 * mp_jit_loop_head at a loop head that is quiet for good: no trace and a
 * hotness counter that never fires again (dead: too few iterations per
 * entry; blacklisted by the library) and no compile in flight.  Such a
 * head does nothing in mp_jit_loop_head but return 0, and the call cost
 * more than a short loop's iteration (nqueens: 145 thousand back edges at
 * its 9-queens size, about 40 instructions each).  The first back edge
 * that finds its head quiet rewrites itself into JUMP_QUIET (opcodes.h),
 * which jumps without even this test (nqueens at 12 queens: 20 million
 * back edges, 202 million instructions in the test).  A head leaves the
 * quiet state only when a trace is installed there or its counter is
 * armed again as its trace goes (install and uninstall in jit_host.c):
 * both turn its JUMP_QUIETs back into JUMPs.  Nothing else re-arms a
 * counter (the thresholds are fixed at start-up; a dead head stays dead;
 * a blacklisted one stays blacklisted), and with the JIT off or disabled
 * both jumps do the same. */
typedef struct MpJitHeads {
    const jc_counter *counters;
    jc_trace *const *traces;
} MpJitHeads;

/* Back edges rewritten into JUMP_QUIET so far (--jit-stats: quiet_jumps). */
extern uint64_t mp_jit_quiet_jumps;

static inline int mp_jit_head_quiet(const void *side_table, uint32_t pc)
{
    const MpJitHeads *h = side_table;
    return !h->traces[pc] && h->counters[pc].count == 0 && h->counters[pc].state != JC_COUNTER_COMPILING;
}

/* mp_eval starts frame f at its first instruction (a call, or a
 * generator's first resume) and f->code->jit_ftick counted down to 0: the
 * function-entry counter's slow path.  Sets jit_ftick to the entries until
 * the next call (1 while the function has a trace; 0, i.e. 2**32, for code
 * that never gets one: generators, class and module bodies), fires the
 * hotness counter and runs the function's trace.  Returns as
 * mp_jit_loop_head does.  Works with the JIT off too (it only quiets the
 * code). */
int mp_jit_func_entry(struct Frame *f);

/* At teardown (after mp_jit_fini): free the JIT's side table of a code
 * object, if it has one. */
struct Code;
void mp_jit_code_free(struct Code *co);

/* Invalidation hooks, called only for dicts marked jit_watched: a value of
 * the key with this hash was set, inserted or deleted (hash) / anything may
 * have changed (all). */
void mp_jit_dict_changed(void *dict, int64_t hash);
void mp_jit_dict_changed_all(void *dict);

/* Every key a lowering passed to jc_lower_depend, as a filter of 4096
 * bits that is never cleared (a key of no trace's may pass it; see
 * jit_internal.h).  A store into a watched dict asks it inline
 * (mp_jit_dict_store) and calls mp_jit_dict_changed only for a key that
 * passes: a module-level loop stores globals of a watched module dict at
 * every iteration, and most of them no trace depends on.
 * MINIPY_JIT_INLINE_FILTER=0 makes every such store call the hook (which
 * asks the filter itself). */
extern uint64_t mp_jit_dep_bits[64];
extern int mp_jit_inline_filter;
static inline uintptr_t mp_jit_key_entry(const void *dict, int64_t hash)
{
    return ((uintptr_t)dict ^ ((uint64_t)hash * 0x9E3779B97F4A7C15ull)) | 1u;
}
static inline unsigned mp_jit_dep_bit(uintptr_t key)
{
    return (unsigned)(((uint64_t)key * 0x9E3779B97F4A7C15ull) >> 52);
}
static inline int mp_jit_may_depend(uintptr_t key)
{
    unsigned i = mp_jit_dep_bit(key);
    return (int)(mp_jit_dep_bits[i >> 6] >> (i & 63) & 1);
}
/* For a dict with jit_watched set: the key of this hash was set, inserted
 * or deleted. */
static inline void mp_jit_dict_store(void *dict, int64_t hash)
{
    if (!mp_jit_inline_filter || mp_jit_may_depend(mp_jit_key_entry(dict, hash)))
        mp_jit_dict_changed(dict, hash);
}
/* A class (or one of its bases) changed: its version tag moved. */
void mp_jit_type_changed(struct Type *t);
/* A function's __code__ was assigned: traces that inlined it are stale. */
void mp_jit_func_changed(void *func);
/* mp_finalizers_possible was just set (object.c): the traces selected
 * before, which release what they drop only when they exit, are dropped;
 * a running one exits after the helper that got here (mpj_invalidated). */
void mp_jit_finalizers_possible(void);

#endif
