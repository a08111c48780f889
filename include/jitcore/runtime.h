/* jitcore/runtime.h -- the runtime object: creation from a host descriptor
 * and options, status codes with a sticky first error, hotness counters,
 * trace entry, statistics and log categories.  Included by jitcore.h. */
#ifndef JITCORE_RUNTIME_H
#define JITCORE_RUNTIME_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jitcore/common.h>

JC_BEGIN_DECLS

typedef struct jc_runtime jc_runtime;   /* opaque; one per host VM instance */
typedef struct jc_trace jc_trace;       /* opaque; a compiled, installed trace */
struct jc_host;

/* ---------------------------------------------------------------- status
 * Every fallible call returns a jc_status.  JC_OK is 0; the rest are
 * errors.  The values are part of the ABI: new codes are appended. */
#define JC_STATUS_TABLE(X)                                                  \
  X (OK, "ok")                                                              \
  X (INVALID_ARGUMENT, "invalid argument")                                  \
  X (NO_MEMORY, "out of memory")                                            \
  X (HOST_BAD_VERSION, "host descriptor: unsupported ABI version")          \
  X (HOST_BAD_SIZE, "host descriptor: size too small")                      \
  X (HOST_UNKNOWN_TAIL, "host descriptor: unknown non-zero trailing bytes") \
  X (HOST_MISSING_CALLBACK, "host descriptor: required callback missing")   \
  X (BAD_OPTION, "bad option")                                              \
  X (DISABLED, "the JIT is disabled")                                       \
  X (ABORTED, "trace selection aborted")                                    \
  X (COMPILE_FAILED, "compilation failed")                                  \
  X (BLACKLISTED, "trace head is blacklisted")                              \
  X (HOST_ERROR, "a host callback reported an error")                       \
  X (BAD_TRACE, "not a valid trace for this runtime")                       \
  X (PENDING, "compile queued: installed at a later safe point")

typedef enum jc_status {
#define JC_STATUS_ENUM_(name, text) JC_##name,
  JC_STATUS_TABLE (JC_STATUS_ENUM_)
#undef JC_STATUS_ENUM_
  JC_STATUS_COUNT_
} jc_status;

/* Short name of a status ("ok", "bad option" ...); never NULL, "unknown
 * status" for a value outside the table. */
JC_API const char *jc_status_name (jc_status status);

/* ---------------------------------------------------------- abort reasons
 * Why trace selection gave up.  One table: the enum, the names in logs and
 * jc_stats.aborted_by_reason[] come from it.  A host's lower callback
 * returns one of these with JC_STEP_ABORT (usually JC_ABORT_HOST_REFUSED,
 * JC_ABORT_UNSUPPORTED_INSN or JC_ABORT_NO_TYPE_INFO). */
#define JC_ABORT_TABLE(X)                                                   \
  X (NONE, "none")                                                          \
  X (HOST_REFUSED, "host lowering refused the instruction")                 \
  X (UNSUPPORTED_INSN, "instruction has no lowering")                       \
  X (NO_TYPE_INFO, "no type feedback at pc")                                \
  X (TRACE_TOO_LONG, "trace length limit")                                  \
  X (TOO_MANY_SNAPSHOTS, "snapshot limit")                                  \
  X (INLINE_TOO_DEEP, "inline depth limit")                                 \
  X (RETURN_FROM_ROOT, "return from the root frame")                        \
  X (INNER_LOOP, "reached a loop head other than its own")                  \
  X (BAD_PC, "pc out of range")                                             \
  X (IR_ERROR, "IR builder reported an error")                              \
  X (LOWER_ERROR, "host lower callback returned an invalid step")          \
  X (NO_PAYBACK, "the trace would not pay back its compile") /* 1.7 */   \
  X (COPY_DIVERGED, "a loop copy went another way than its root") /* 1.7 */

typedef enum jc_abort_reason {
#define JC_ABORT_ENUM_(name, text) JC_ABORT_##name,
  JC_ABORT_TABLE (JC_ABORT_ENUM_)
#undef JC_ABORT_ENUM_
  JC_ABORT_COUNT_
} jc_abort_reason;

/* Room for abort reasons in jc_stats; the table may grow up to this. */
#define JC_ABORT_SLOTS 32

/* Name of an abort reason for logs; never NULL. */
JC_API const char *jc_abort_reason_name (jc_abort_reason reason);

/* ------------------------------------------------------ side-trace refusals
 * Why a hot exit did not get a side trace although it was hot (limits and
 * cases the runtime does not handle); counted in jc_stats.side_refused[].
 * A refused exit is not tried again. */
#define JC_SIDE_REFUSE_TABLE(X)                                             \
  X (NONE, "none")                                                          \
  X (MAX_SIDE_TRACES, "max_side_traces reached for the root trace")         \
  X (MAX_SIDE_DEPTH, "max_side_depth reached")                              \
  X (INLINED_FRAME, "an unconditional exit resumes in an inlined frame")    \
  X (NO_PROGRESS, "an unconditional exit to its own trace's head")

typedef enum jc_side_refuse {
#define JC_SIDE_REFUSE_ENUM_(name, text) JC_SIDE_REFUSE_##name,
  JC_SIDE_REFUSE_TABLE (JC_SIDE_REFUSE_ENUM_)
#undef JC_SIDE_REFUSE_ENUM_
  JC_SIDE_REFUSE_COUNT_
} jc_side_refuse;

/* Room for refusal reasons in jc_stats; the table may grow up to this. */
#define JC_SIDE_REFUSE_SLOTS 8

/* ---------------------------------------------------------- log categories */
#define JC_LOG_TABLE(X)                                                     \
  X (IR, "ir", 0)          /* the IR of each trace before compilation */    \
  X (TRACE, "trace", 1)    /* trace start/stop, each step of selection */   \
  X (EXIT, "exit", 2)      /* each exit taken, its pc and frames */         \
  X (COMPILE, "compile", 3) /* compile times, code sizes, failures */       \
  X (ABORT, "abort", 4)    /* why a selection aborted */                    \
  X (HOT, "hot", 5)        /* counters firing, backoff, blacklisting */

enum {
#define JC_LOG_ENUM_(name, text, bit) JC_LOG_##name = 1u << (bit),
  JC_LOG_TABLE (JC_LOG_ENUM_)
#undef JC_LOG_ENUM_
  JC_LOG_ALL = 0x3f
};

/* Receives each log line (without trailing newline) when set in the
 * options; otherwise lines go to stderr as "jitcore[<cat>]: <line>". */
typedef void (*jc_log_fn) (void *userdata, unsigned category,
                           const char *line);

/* ---------------------------------------------------------------- options
 * Start with jc_options_init(&o), then change fields.  The library reads
 * only the first o.size bytes; fields beyond them take their defaults, so a
 * host built against older headers keeps working.  Non-zero bytes beyond
 * the fields this library knows are refused (JC_BAD_OPTION).
 *
 * After the struct, the environment is applied (it wins):
 *   JITCORE_DISABLE=1                 the runtime does nothing (no traces)
 *   JITCORE_OPTIONS="k=v,k=v"        keys: threshold, func_threshold,
 *       max_trace, max_snapshots, max_depth, max_aborts, backoff_max,
 *       opt (0-3), native (0/1), sync (0/1), log (category list joined
 *       with '+', or "all"), disable (0/1), fail_compile (0-2),
 *       passes (optimizer passes joined with '+': fold, cse, guard, dce,
 *       loop, rc, sink, range, facts; or "all" or "none"), max_traces, max_code_bytes,
 *       side_threshold, max_side_traces, max_side_depth, batch_max,
 *       batch_delay (microseconds), side_raw (0/1), max_unroll,
 *       home_exits, unrolled_factor, side_raw_ptrs (0/1), side_link_home (0/1),
 *       compile_nice (0-20), payback (payback_ratio, 0-1000),
 *       side_link_raw (0/1), inner_exit (0..100000), disk_cache_kb
 *   JITCORE_LOG=ir,trace,exit,compile,abort,hot   adds log categories
 *   JITCORE_DUMP=DIR                  debugging: every libgccjit context
 *       (one compile batch) is written as DIR/NAME.c (libgccjit's C-like
 *       dump) and DIR/NAME.s (the assembly GCC makes of it, compiled a
 *       second time for that, at the same options), NAME the function name
 *       of the batch's first trace (jc_trace_ID); DIR must exist.  Read
 *       once, by jc_runtime_new.
 *   JITCORE_DISK_CACHE=DIR            the persistent code cache
 *       (jc_options.disk_cache_dir; empty: none).  Read once, by
 *       jc_runtime_new.
 * A malformed environment string puts the runtime in error (sticky,
 * JC_BAD_OPTION with the offending text in the message). */
/* Optimizer passes over each trace's IR, for jc_options.passes.  Each can
 * be switched off alone, so a host can run a program with and without it
 * and compare.  X (NAME, "option name", bit). */
#define JC_PASS_TABLE(X)                                                     \
  X (FOLD, "fold", 0)     /* constant folding, integer identities */         \
  X (CSE, "cse", 1)       /* common subexpressions, redundant loads */       \
  X (GUARD, "guard", 2)   /* guards proven by constants or earlier guards */ \
  X (DCE, "dce", 3)       /* dead-code elimination */                        \
  X (LOOP, "loop", 4)     /* loop-invariant guards/loads run once per entry */ \
  X (RC, "rc", 5)         /* matching INCREF/DECREF helper calls removed */ \
  X (SINK, "sink", 6)     /* loop memory cells kept in registers, stored  \
                             at exits (added in 1.2; JC_HAVE_PASS_SINK) */ \
  X (RANGE, "range", 7)   /* integer ranges: overflow and divisor checks \
                             that cannot fail are left out (added in 1.2; \
                             JC_HAVE_PASS_RANGE) */                     \
  X (FACTS, "facts", 8)   /* comparisons decided by earlier guards (x >= 0 \
                             after guard x >= 0) fold, with their selects \
                             and guards (added after 1.5;              \
                             JC_HAVE_PASS_FACTS) */

enum {
#define JC_PASS_ENUM_(name, text, bit) JC_PASS_##name = 1u << (bit),
  JC_PASS_TABLE (JC_PASS_ENUM_)
#undef JC_PASS_ENUM_
  JC_PASS_ALL = 0x1ff
};
#define JC_HAVE_PASS_SINK 1
#define JC_HAVE_PASS_RANGE 1
#define JC_HAVE_PASS_FACTS 1

/* jc_options.home_exits's default (see there). */
#define JC_HOME_EXITS_DEFAULT 1000

typedef struct jc_options {
  size_t size;                /* sizeof (jc_options) as the host saw it */
  uint32_t loop_threshold;    /* loop-head visits before a trace; 50 */
  uint32_t func_threshold;    /* function entries before a trace; 100 */
  uint32_t max_trace_insns;   /* host instructions per trace; 1000 (1..100000).
                                 A trace that unrolled an inner loop may
                                 have unrolled_trace_factor times as many;
                                 the IR builder allows 4 IR instructions
                                 per host one */
  uint32_t max_snapshots;     /* snapshots per trace; 500 (1..100000) */
  uint32_t max_inline_depth;  /* inlined call depth; 4 */
  uint32_t max_aborts;        /* failures at one head before blacklisting; 4 */
  uint32_t backoff_max;       /* cap on the backoff exponent; 6 */
  int32_t opt_level;          /* libgccjit optimization level 0-3; 2 */
  uint32_t log;               /* JC_LOG_* mask; 0 */
  uint8_t sync;               /* 1: compile on the caller's thread inside
                                 jc_runtime_hot, installed before it returns
                                 (deterministic; what tests use); 0: on the
                                 runtime's compile thread, installed at a
                                 later safe point (see "Compilation"); 0 */
  uint8_t native_cpu;         /* -march=native; 0 */
  uint8_t disable;            /* never select or compile; 0 */
  uint8_t fail_compile;       /* testing: every compile fails; 0.  1: libgccjit
                                 rejects each trace while it is built; 2: the
                                 error shows only when the batch's context
                                 compiles (each trace is retried alone) */
  uint32_t reserved0;
  jc_log_fn log_fn;           /* NULL: stderr */
  void *log_userdata;
  uint32_t passes;            /* JC_PASS_* optimizer passes; JC_PASS_ALL */
  uint32_t max_traces;        /* installed traces kept; 0 = no limit (it
                                 does not stop compiling: `disable` does).
                                 Over the limit the least-entered other
                                 trace is evicted (uninstalled and freed)
                                 after each install */
  uint32_t max_code_bytes;    /* machine code kept; 0 = no limit; evicts
                                 the same way */
  uint32_t reserved1;         /* must be 0 */
  /* Side traces (see "side traces" below).  Options structs of hosts built
   * before these fields existed get the defaults. */
  uint32_t side_threshold;    /* times an exit is taken before it gets a
                                 side trace; 10 (0 = no side traces and no
                                 direct links: every exit returns to the
                                 host, as in 1.0) */
  uint32_t max_side_traces;   /* side traces per root trace (its whole
                                 tree); 32 (0 = none) */
  uint32_t max_side_depth;    /* a side trace of a side trace ... up to
                                 this depth (1: only exits of root traces);
                                 4 */
  uint32_t reserved2;         /* must be 0 */
  uint32_t batch_max;         /* async: most traces compiled in one libgccjit
                                 context; 8 (1..64) */
  uint32_t batch_delay_us;    /* async: how long the compile thread waits for
                                 more traces after the first is queued,
                                 unless batch_max are; 1000 (0..1000000) */
  uint32_t side_raw;          /* 1: a side trace of a single-frame exit takes
                                 the exit's values raw (unboxed, from the
                                 exit buffer): the parent's exit is not
                                 restored into the host's frame before the
                                 side trace runs; 0: restored, and the side
                                 trace loads them from the frame again; 1 */
  uint32_t max_unroll;        /* inner-loop iterations a trace may unroll
                                 (jc_lower_unroll, <jitcore/lower.h>); 64
                                 (0..10000; 0 = never).  Added in 1.2:
                                 an older host's struct gets 64 */
  uint32_t home_exits;        /* home-word exits for a trace whose exit
                                 blocks would store at least this many
                                 values in all (the sum of its snapshots'
                                 entries): every (frame, slot) gets one
                                 word of the exit buffer, the native code
                                 stores a value there before the first
                                 guard that needs it, and an exit only
                                 returns its number; far less code for GCC
                                 in a large trace, a few stores more on its
                                 hot path.  JC_HOME_EXITS_DEFAULT (0 = never,
                                 1 = every trace).  Added in 1.3: an older
                                 host's struct gets the default */
  uint32_t unrolled_trace_factor; /* a trace that unrolled an inner loop
                                 (jc_lower_unroll) may have this many times
                                 max_trace_insns host instructions (at most
                                 100000); 1 (1..100; an older host's 0
                                 reads as 1).  Added in 1.3 */
  uint32_t side_raw_ptrs;     /* 1 (default): with side_raw and a host with
                                 seed_ptr, a raw side trace takes the
                                 objects its parent exit lists from the
                                 exit buffer too (jc_host.seed_ptr), so that
                                 such an exit writes nothing to the frame;
                                 0: they are written and loaded as before.
                                 Added in 1.4: an older host's struct gets
                                 the default */
  uint32_t side_link_home;    /* 1 (default): a side trace whose walk comes
                                 back to its own head, where an installed
                                 trace is (its root's, when the root's guard
                                 at its head failed), ends with a link exit
                                 to that trace instead of closing a loop of
                                 its own (select.c, side_links_home); 0: it
                                 closes the loop as before.  Added in 1.5:
                                 an older host's struct gets the default */
  uint32_t compile_nice;      /* async: how far below the host's threads the
                                 compile thread is scheduled, with the
                                 compiler driver, assembler and linker it
                                 starts (they inherit it).  0 (default):
                                 the same priority; 1-19: that many nice
                                 steps lower (setpriority on the thread,
                                 at most nice 19); 20: SCHED_IDLE, it runs
                                 only on a CPU nothing else wants.  On a
                                 machine with no idle core a compile takes
                                 its CPU from the running program (and the
                                 others); lowered, it takes less of it but
                                 finishes later, so a trace that would pay
                                 arrives later too (see "Compilation").
                                 Linux; elsewhere it is ignored.
                                 stats.compile_nice says what was applied.
                                 Added in 1.6 */
  uint32_t payback_ratio;     /* the payback rule: a root loop trace whose
                                 loop closes is compiled only when, per
                                 iteration, at least this many of its host
                                 instructions are not calls of the host's
                                 generic paths (JC_HELPER_GENERIC helpers,
                                 <jitcore/host.h>) for each one that is.
                                 Such a call costs the trace about what
                                 interpreting its instruction costs (and
                                 the work in it, e.g. an interpreted
                                 callee, is not the trace's), so a loop
                                 made mostly of them gains too little per
                                 iteration to pay back a compile of
                                 50-100 ms of CPU.  A refused selection
                                 aborts as JC_ABORT_NO_PAYBACK
                                 (stats.aborted_by_reason, "aborted.
                                 no_payback"; backoff and blacklisting as
                                 for any abort).  Side traces, function-
                                 entry traces and traces ending at another
                                 trace or a host exit are not judged.  32
                                 (0 = off; 0..1000).  Added in 1.7: an
                                 older host's struct gets the default
                                 (and a host that flags no helper GENERIC
                                 is never refused) */
  uint32_t side_link_raw;     /* 1: a side trace's link exit back
                                 to its root's head, once hot, gets a side
                                 trace of its own that closes a loop there
                                 (a copy of the root loop whose entry takes
                                 the link exit's numbers raw from the exit
                                 buffer), and every other link exit of the
                                 tree to that head whose values fit that
                                 copy's entry goes into it without a
                                 restore (side.c, "Raw links"); 0
                                 (default): link exits restore the frame
                                 and enter the root.  Only a side trace of
                                 the root itself (depth 1) that left by
                                 its other exits at most once for every 8
                                 times by that link gets a copy (a
                                 branch's other way); one whose
                                 other exits are busy, or deeper in the
                                 tree (a polymorphic call site's chain of
                                 class guards), is asked again after
                                 side_threshold more links.  A host whose
                                 lowering reads the live frame should
                                 lower a loop copy's instructions as its
                                 root's (jc_lower_side_entry answers 2 at
                                 its first).  A copy whose walk does not
                                 visit the same instructions as its
                                 root's (the live frame took the loop
                                 another way) aborts with
                                 JC_ABORT_COPY_DIVERGED and is asked
                                 again at the next link, up to
                                 max_aborts times.  At most one copy per
                                 head; it counts as a side trace of the
                                 root (max_side_traces, max_side_depth).
                                 Added in 1.7 */
  uint32_t inner_exit_min_insns; /* a root trace (function entry or loop
                                 head) whose walk comes back to the head of
                                 a loop other than its own (depth 0, an
                                 inner loop nobody unrolls) ends with an
                                 exit at that head, the first time the walk
                                 reached it, instead of aborting
                                 (JC_ABORT_INNER_LOOP) -- if at least this
                                 many host instructions came before it: a
                                 trace that is only "entry, a few
                                 instructions, exit" costs a compile and an
                                 exit per entry for little saved.  The exit
                                 links to the inner loop's trace once both
                                 are hot (side traces' links), so the inner
                                 loop becomes its own root and the entry
                                 trace runs into it.  0: never (the abort
                                 as before); default 24 (0..100000).
                                 JITCORE_OPTIONS=inner_exit=N.  Added in
                                 1.7: an older host's struct gets the
                                 default */
  const char *disk_cache_dir; /* the persistent code cache (the disk
                                 cache): a directory (created, mode 0700,
                                 if missing; refused unless it is this
                                 user's and not writable by others, since
                                 its code is run) where compiled traces are
                                 stored, and from where a later run that
                                 builds the same trace loads it in about a
                                 millisecond instead of compiling it.  A
                                 trace is loaded only when everything its
                                 compile would give GCC is byte for byte
                                 what was stored (the key: the libgccjit
                                 context's text, the compiler's version
                                 and options); host objects, host pointers
                                 and helpers are read from tables filled
                                 for the trace at hand, so a hit runs the
                                 code a compile would make, on this
                                 process's addresses.  With a disk cache
                                 each trace is compiled alone (no
                                 batches).  A cache that cannot be used
                                 costs only the compile (stats.disk_errors,
                                 the reason under JITCORE_LOG=compile).
                                 The runtime copies the path (at most 255
                                 bytes).  NULL (default): none;
                                 JITCORE_DISK_CACHE=DIR in the environment
                                 sets it, JITCORE_DISK_CACHE= (empty)
                                 turns it off.  Added in 1.7 */
  uint32_t disk_cache_max_kb; /* the disk cache's size limit in KiB: after
                                 a store that takes the directory past it,
                                 the entries least recently stored or
                                 loaded are removed until it is under
                                 three quarters of it (never the one just
                                 stored).  262144 (256 MiB); 0 = no limit.
                                 JITCORE_OPTIONS=disk_cache_kb=N.  Added
                                 in 1.7 */
} jc_options;
/* jc_options.payback_ratio and JC_ABORT_NO_PAYBACK (1.7). */
#define JC_HAVE_payback_ratio 1
/* jc_options.disk_cache_dir and stats.disk_* (1.7). */
#define JC_HAVE_disk_cache_dir 1

/* Fill *opts with the defaults and set opts->size.  NULL is ignored. */
JC_API void jc_options_init (jc_options *opts);

/* ---------------------------------------------------------------- runtime */

/* Check a host descriptor without creating a runtime.  Returns JC_OK or
 * the reason it is refused; when msg is not NULL, writes a NUL-terminated
 * explanation of at most msg_len bytes. Never dereferences past host->size. */
JC_API jc_status jc_host_check (const struct jc_host *host, char *msg,
                                size_t msg_len);

/* Create a runtime for a host.  The descriptor is copied (the host may free
 * it afterwards; its userdata and callbacks must outlive the runtime).  opts
 * may be NULL for defaults.  Returns NULL only when out of memory.  A bad
 * descriptor or bad options still return a runtime, in the error state:
 * jc_runtime_status() says why, and every later call does nothing and
 * returns that status, so the host simply keeps interpreting. */
JC_API jc_runtime *jc_runtime_new (const struct jc_host *host,
                                   const jc_options *opts);

/* Release the runtime, its traces (calling the host's release callback for
 * every object they retained) and its code.  NULL is ignored.  Entry
 * points previously installed must not be called afterwards.  With a
 * compile in flight (async mode) it waits for the batch being compiled to
 * end (tens of ms; libgccjit cannot be interrupted), never starts the
 * queued ones, and discards them all without installing: their retained
 * objects are released here, on the caller's thread, like every host
 * callback. */
JC_API void jc_runtime_free (jc_runtime *rt);

/* The first error that happened on this runtime (JC_OK if none).  Errors
 * are sticky: later ones never overwrite the first. */
JC_API jc_status jc_runtime_status (const jc_runtime *rt);

/* Message of the first error ("" if none); owned by the runtime. */
JC_API const char *jc_runtime_error_message (const jc_runtime *rt);

/* Message of the most recent per-head failure (abort or compile failure)
 * reported by jc_runtime_hot; these are not sticky.  "" if none. */
JC_API const char *jc_runtime_last_failure (const jc_runtime *rt);

/* The effective options (after defaults and environment). */
JC_API void jc_runtime_options (const jc_runtime *rt, jc_options *out);

/* ---------------------------------------------------------------- hotness
 * The host keeps one jc_counter per loop head and per function entry, in
 * its own memory (e.g. in the inline cache of the loop's backward jump),
 * initialised with jc_counter_init.  On each visit it calls
 * jc_counter_tick(); when that returns 1 it calls jc_runtime_hot().  The
 * counter then holds the next delay (exponential backoff after a failure),
 * or stays quiet forever once the head has a trace or is blacklisted. */
typedef struct jc_counter {
  uint16_t count;      /* visits left before firing; 0 = quiet */
  uint8_t failures;    /* failed attempts at this head */
  uint8_t state;       /* JC_COUNTER_* */
} jc_counter;

enum {
  JC_COUNTER_COUNTING = 0,
  JC_COUNTER_TRACED = 1,        /* a trace was installed for this head */
  JC_COUNTER_BLACKLISTED = 2,   /* gave up; never fires again */
  JC_COUNTER_COMPILING = 3      /* its trace is being compiled (async): quiet
                                   until the compile ends, then TRACED, or
                                   re-armed with backoff if it failed */
};

typedef enum jc_hot_kind {
  JC_HOT_LOOP = 0,       /* a loop head (target of a backward jump) */
  JC_HOT_FUNC = 1        /* a function entry (pc of its first instruction) */
} jc_hot_kind;

/* Arm a counter with the runtime's threshold for its kind. */
JC_API void jc_counter_init (const jc_runtime *rt, jc_counter *c,
                             jc_hot_kind kind);

/* Count one visit; 1 when the counter fires. Inline: one decrement. */
static inline int
jc_counter_tick (jc_counter *c)
{
  return c->count != 0 && --c->count == 0;
}

/* The counter for (code, pc) fired: select a trace starting there, compile
 * it and install it through the host's install callback.
 *
 * Sync mode: returns JC_OK when a trace was installed; JC_ABORTED,
 * JC_COMPILE_FAILED, JC_HOST_ERROR (install refused) or JC_BLACKLISTED
 * (the head gave up for good) otherwise, with the reason in
 * jc_runtime_last_failure() and the counter re-armed with backoff.
 *
 * Async mode (the default): selection still runs here (it calls the
 * host's lower and load_slot), then the compile is queued and JC_PENDING
 * returned at once; the counter goes quiet (JC_COUNTER_COMPILING) and hot
 * events for that head are ignored (JC_PENDING) until the compile ends.
 * The install, or the backoff after a failure, happens at a later safe
 * point on this thread (see "Compilation" below), so the counter must
 * stay valid until then (keep it with the code object).  Aborted
 * selections fail here as in sync mode.
 *
 * These per-head failures are not sticky errors.  The host keeps
 * interpreting either way.  counter may be NULL (no backoff bookkeeping).
 * jc_runtime_hot is itself a safe point. */
JC_API jc_status jc_runtime_hot (jc_runtime *rt, const void *code,
                                 uint32_t pc, jc_hot_kind kind,
                                 jc_counter *counter);

/* ---------------------------------------------------------------- compilation
 * In async mode (options.sync = 0, the default) traces are compiled on one
 * compile thread the runtime starts on its first compile.  Selection,
 * lowering and the optimizer run on the host's thread inside
 * jc_runtime_hot; the compile thread only runs libgccjit, on up to
 * options.batch_max queued traces at a time in one context (a compile
 * costs tens of ms, most of it fixed, so a batch is much cheaper than its
 * traces one by one).  The interpreter never waits for it.  Finished
 * traces are installed at safe points, on the host's thread: inside
 * jc_runtime_hot, jc_trace_enter (before entering) and jc_runtime_poll /
 * jc_runtime_flush.  Every host callback (install, uninstall, retain,
 * release, log_fn ...) runs on the host's thread, never on the compile
 * thread.  A trace whose dependencies were invalidated while it was queued
 * or compiling is never installed (stats.invalidated).  A compile that
 * fails leaves the head interpreting, counted and backed off as in sync
 * mode, with the reason in jc_runtime_last_failure().  In sync mode these
 * calls do nothing and return 0. */

/* A safe point the host offers, e.g. at the loop back edges it already
 * counts: installs the traces whose compile has finished (calling the
 * install callback) and handles failed ones.  Costs one atomic load when
 * nothing finished.  Returns how many compile jobs it completed (installed,
 * failed or dropped).  Not thread-safe: the runtime's thread only. */
JC_API uint32_t jc_runtime_poll (jc_runtime *rt);

/* Wait until every compile queued so far has finished, then complete them
 * as jc_runtime_poll does.  The only call that makes the host wait for
 * the compile thread: for tests, benchmarks, or a host that wants a
 * deterministic point.  Returns how many jobs it completed. */
JC_API uint32_t jc_runtime_flush (jc_runtime *rt);

/* ---------------------------------------------------------------- entry
 * Running a trace: the host calls
 *
 *     uint32_t pc;
 *     jc_trace_enter (rt, trace, frame, &pc);
 *
 * where trace is what the install callback handed it for (code, pc) and
 * frame is the host's frame pointer (the same pointer its load_slot IR
 * reads from).  The native code runs until a guard fails or the trace ends;
 * the runtime then writes every live value back through write_slot,
 * materialises inlined frames through push_frame, calls set_pc with the
 * resume pc, and returns.  The host continues interpreting at *resume_pc
 * in the frame its push_frame callback made current (the innermost one).
 * The return value is the number (>= 0) of the exit through which
 * control came back to the host, or -1 with nothing changed: bad
 * arguments, a runtime in the error state, or the trace was evicted
 * (uninstall called) by an install completing at this safe point, in which
 * case the host just interprets.  With side traces (see
 * below) that exit may belong to a side trace of `trace`, or to another
 * trace reached through a link: jc_runtime_last_exit() says which trace it
 * was, and jc_trace_exit_count() on `trace` keeps counting its own exits,
 * also those that went on to a side trace.
 *
 * After an exit the host must interpret at least the instruction at
 * *resume_pc before it enters a trace again: an exit to a trace's own head
 * (the loop ended, or a guard at the head failed) would otherwise re-enter
 * the same trace forever.  At any other pc with an installed trace the host
 * may enter at once; that is how traces link to each other.
 *
 * Not thread-safe: call it on the thread that owns the runtime. */
JC_API int jc_trace_enter (jc_runtime *rt, jc_trace *trace, void *frame,
                           uint32_t *resume_pc);

/* A self-call's exit (added in 1.3).  Code made with jc_lower_call_self
 * (<jitcore/lower.h>) runs the trace's native code on a frame of the
 * host's without jc_trace_enter: nothing is counted or restored when that
 * call returns.  When it returned through an exit the host does not
 * finish itself (its own return protocol aside), a helper called by the
 * same trace passes the call's words (as jc_lower_call_self made them)
 * here, and the library goes on as jc_trace_enter would
 * after that exit: a side trace of it that takes the exit's values raw
 * and needs nothing written to the frame runs at once, on the same words;
 * any other exit is counted and restored onto frame exactly as
 * jc_trace_enter restores one (restore/write_slot, push_frame, set_pc),
 * and then its side trace (or a hot exit's new one, selected here) runs
 * on the frame, when no frame was materialised and it needs no more
 * words than the trace that made the call.  After every trace it runs,
 * the host's word *done (e.g. a field of the frame its return protocol
 * sets) is read: non-zero means that trace finished the frame's work
 * (its final exit is not restored).  The trace is the one the innermost
 * running jc_trace_enter runs, so call it only from a helper that trace
 * calls, before its next self-call (the words are reused).
 * Returns 1 when *done was set, 0 when the last exit was restored and
 * *resume_pc (may be NULL) is its pc (the host resumes there; frames the
 * restore materialised are the host's, as after jc_trace_enter), -1 on
 * bad arguments (nothing changed) or when a host callback failed (the
 * runtime is then in its error state).  Counted in exits and self_exits
 * (and side_entries / side_raw_entries). */
#define JC_HAVE_jc_trace_self_exit 1
JC_API int jc_trace_self_exit (jc_runtime *rt, void *frame, uint64_t *words,
                               const int64_t *done, uint32_t *resume_pc);

/* ---------------------------------------------------------------- side traces
 * Every exit counts how often it is taken.  When a guard's exit has been
 * taken side_threshold times, the runtime selects a side trace right there
 * (inside jc_trace_enter, after the exit's frame was restored): an
 * ordinary trace whose head is the exit's resume pc in that frame, whose
 * first instruction the host lowers knowing it is a side entry
 * (jc_lower_side_entry, <jitcore/lower.h>), and which ends when it reaches
 * the head of an installed trace (normally its root's) or closes a loop of
 * its own.  It is compiled like any trace: at once with sync=1, otherwise
 * on the compile thread, the exit returning to the host as before until a
 * later safe point links it.  The side trace is linked into the parent's
 * exit table; it is never handed to the host's install callback.  From
 * then on, inside one jc_trace_enter call:
 *   - the parent exits through that exit -> the frame is restored -> the
 *     side trace runs at once on the same frame;
 *   - a side trace that ends at an installed trace's head (an unconditional
 *     exit after at least one instruction) -> that trace runs at once;
 *   - an unconditional exit of a root trace to another installed trace's
 *     head does the same once it is hot (a link, no compile);
 *   - any other exit returns to the host as before.
 * Every dispatch either goes one side trace deeper (bounded by
 * max_side_depth) or through a link exit, after which the guest has moved
 * on, so jc_trace_enter never spins without progress.  A guard failure
 * with nothing linked still returns to the host, so the rule above (the
 * host interprets at least one instruction after an exit) is unchanged.
 *
 * A guard exit inside an inlined call gets a side trace too: its root
 * frame is the innermost frame (just made by push_frame), and a return
 * from it ends the side trace with an exit to the return instruction.
 *
 * Limits: max_side_traces per root (counting the whole tree), chain depth
 * max_side_depth; an unconditional exit inside an inlined call is refused
 * (all refusals are counted in jc_stats.side_refused[]).  A side trace whose
 * selection aborts or whose compile fails is retried with backoff; after
 * max_aborts failures the exit is blacklisted (side_blacklisted).
 * Invalidating or evicting a trace frees its side traces with it; a side
 * trace whose own dependency changes is unlinked from its parent's exit
 * alone (with its own side traces), and its exit may get a new one later.
 * Side traces count in traces_compiled, exits, deopts and live_code_bytes,
 * not in traces_installed or live_traces. */

/* The exit through which the last jc_trace_enter call returned: *trace_id
 * is that trace's id (jc_trace_id; the entered trace's own or that of a
 * side trace or linked trace it ran), *side_depth 0 for a root trace, 1
 * for a side trace of a root, and so on.  The return value is the exit
 * number, as jc_trace_enter returned it, or -1 before any call (outputs
 * then 0).  Either pointer may be NULL. */
JC_API int jc_runtime_last_exit (const jc_runtime *rt, uint32_t *trace_id,
                                 uint32_t *side_depth);

/* A trace's id, the number logs show ("trace 3 ..."); 0 for NULL. */
JC_API uint32_t jc_trace_id (const jc_trace *trace);

/* ---------------------------------------------------------------- invalidation
 * The host changed something traces may have assumed (a class, a global, a
 * function): key is what its lowering passed to jc_lower_depend.  Every
 * installed trace that depends on key is uninstalled at once (the host's
 * uninstall callback runs, so tier 1 stops entering it) and freed as soon as
 * no jc_trace_enter is running it; its head may get a new trace later.  A
 * trace being selected or compiled while key changed is never installed.
 * After uninstall returns the host must not enter that trace again.
 * Returns how many installed traces were unlinked (counted in
 * jc_stats.invalidated with the ones never installed).  Safe to call from
 * a helper a trace is running.  Not thread-safe. */
JC_API uint32_t jc_runtime_invalidate (jc_runtime *rt, uintptr_t key);

/* 0 when no trace can depend on key: no installed or side trace, no trace
 * queued or compiling, lists it, and no selection is running; then
 * jc_runtime_invalidate (rt, key) would change nothing (it answers such
 * keys this way itself, in a few instructions).  1 means it may: the
 * answer comes from a counting filter over hashed keys, so a key nothing
 * depends on may share a bucket with one something does.  For hosts that
 * want to skip their own bookkeeping around an invalidation.  0 for
 * NULL. */
JC_API int jc_runtime_depends (const jc_runtime *rt, uintptr_t key);

/* The (code, pc) a trace starts at; either out pointer may be NULL. */
JC_API void jc_trace_head (const jc_trace *trace, const void **code,
                           uint32_t *pc);

/* How many times the given exit of a trace was taken; 0 if out of range. */
JC_API uint64_t jc_trace_exit_count (const jc_trace *trace, uint32_t exit_id);

/* Side-trace growth of a trace's tree (the trace and the side traces
 * hanging off it, at any depth), for a host that judges whether a trace
 * pays: one entered often for little work may only be waiting for the
 * side traces of its hot exits.  Set out->size = sizeof (jc_tree_growth)
 * and call jc_trace_growth; the library fills only the fields that size
 * covers.  JC_INVALID_ARGUMENT (fields 0) for a NULL or freed trace or a
 * bad out; an invalidated trace, or side traces off, give all 0.
 * (JITCORE_1.1) */
typedef struct jc_tree_growth {
  size_t size;
  uint32_t side_traces;        /* live side traces below the trace */
  uint32_t compiling;          /* side-trace compiles in flight for its exits */
  uint32_t warming;            /* exits that may still get a side trace (a
                                  guard exit within max_side_depth, the tree
                                  below max_side_traces, not blacklisted) or
                                  become a link (an unconditional exit of one
                                  frame, not to its own head), taken at least
                                  half the exits their next attempt needs
                                  (side_threshold, more after a failure) */
  uint64_t warming_taken;      /* exits taken by those since they were armed */
} jc_tree_growth;

JC_API jc_status jc_trace_growth (const jc_trace *trace, jc_tree_growth *out);

/* ---------------------------------------------------------------- stats
 * Set out->size = sizeof (jc_stats) and call jc_stats_get; the library
 * fills only the fields that size covers.  Counters only grow. */
typedef struct jc_stats {
  size_t size;
  uint64_t hot_events;         /* jc_runtime_hot calls */
  uint64_t traces_started;     /* selections begun */
  uint64_t traces_aborted;     /* selections aborted (any reason) */
  uint64_t traces_compiled;    /* successful compiles */
  uint64_t traces_installed;   /* install callbacks made */
  uint64_t compile_failures;
  uint64_t blacklisted;        /* heads given up for good */
  uint64_t trace_entries;      /* jc_trace_enter calls */
  uint64_t exits;              /* exits taken (every return from a trace) */
  uint64_t deopts;             /* exits that restored at least one slot or frame */
  uint64_t frames_materialised;/* push_frame calls made during deopt */
  uint64_t compile_ns;         /* time in the backend */
  uint64_t code_bytes;         /* size of generated code (approximate) */
  uint64_t ir_insns;           /* IR instructions in compiled traces */
  uint64_t snapshots;          /* snapshots in compiled traces */
  uint64_t aborted_by_reason[JC_ABORT_SLOTS];
  /* What the optimizer removed, over all compiled traces. */
  uint64_t opt_folded;         /* instructions folded to constants/operands */
  uint64_t opt_cse;            /* pure instructions replaced by earlier ones */
  uint64_t opt_loads_removed;  /* loads replaced by earlier loads */
  uint64_t opt_guards_removed; /* guards proven redundant */
  uint64_t opt_dead;           /* instructions removed as unused */
  uint64_t invalidated;        /* traces unlinked or never installed because
                                  a dependency changed */
  uint64_t evicted;            /* traces evicted by max_traces/max_code_bytes */
  uint64_t live_traces;        /* installed traces now */
  uint64_t live_code_bytes;    /* their machine code now */
  uint64_t opt_rc_removed;     /* INCREF/DECREF calls removed in pairs (RC) */
  uint64_t opt_boxes_removed;  /* loop-carried slots kept raw (i64, f64,
                                  bool) in registers and boxed only at exits,
                                  over all compiled looping traces (LOOP) */
  /* Side traces (see "side traces" above). */
  uint64_t side_traces;        /* side traces compiled and linked */
  uint64_t side_entries;       /* exits that went straight on into their
                                  linked side trace */
  uint64_t trace_links;        /* traces entered directly at a link exit
                                  (a side trace back to its root, ...) */
  uint64_t side_aborted;       /* side-trace selections that aborted or
                                  failed to compile (also in
                                  traces_aborted / compile_failures) */
  uint64_t side_blacklisted;   /* exits given up after max_aborts failures */
  uint64_t live_side_traces;   /* linked side traces now */
  uint64_t side_refused[JC_SIDE_REFUSE_SLOTS];  /* by jc_side_refuse */
  /* Compilation (see "Compilation"); compile_ns above is the backend's
   * wall time summed over batches. */
  uint64_t compile_batches;    /* libgccjit batches (sync: one per trace) */
  uint64_t compile_retried;    /* traces compiled again alone after their
                                  batch's context failed to compile */
  uint64_t compile_batch_max;  /* most traces in one batch */
  uint64_t compile_queued;     /* async jobs queued or compiling now */
  uint64_t compile_queue_max;  /* most async jobs in flight at once */
  uint64_t compile_latency_ns; /* over compiled traces: from the hot event
                                  to the safe point that handled them */
  uint64_t compile_latency_max_ns;
  uint64_t side_raw_entries;   /* of side_entries: exits that went on into a
                                  side trace taking their values raw, with
                                  no restore in between (options.side_raw) */
  uint64_t unrolled_iterations; /* inner-loop iterations unrolled during
                                  selection (jc_lower_unroll): returns to
                                  an unrolled loop head, over all
                                  selections, also those that aborted.
                                  Added in 1.2 */
  uint64_t self_exits;         /* of exits: those of self-calls, taken in
                                  jc_trace_self_exit.  Added in 1.3 */
  uint64_t home_exit_traces;   /* traces selected with home-word exits
                                  (options.home_exits).  Added in 1.3 */
  uint64_t side_ptr_entries;   /* of side_raw_entries: those whose exit
                                  listed objects, all taken from the exit
                                  buffer (jc_host.seed_ptr): nothing
                                  written to the frame.  Added in 1.4 */
  uint64_t compile_cpu_ns;     /* CPU time the compiles used: the compiling
                                  thread's own during each batch (the
                                  compile thread's, or the caller's in sync
                                  mode) plus the compiler driver, assembler
                                  and linker processes it ran (as reaped
                                  during the batch).  Unlike compile_ns it
                                  does not grow when the machine is busy;
                                  on a machine with no idle core it is the
                                  time the program loses to compiling.
                                  Added in 1.6 */
  uint64_t compile_nice;       /* the compile thread's priority as lowered
                                  by options.compile_nice and read back once
                                  it started: nice steps below the host's
                                  thread (1-19), 20 for SCHED_IDLE; 0 when
                                  not lowered (or not started).  Added in
                                  1.6 */
  uint64_t raw_links;          /* of trace_links: link exits that went
                                  on into their head's raw loop copy with
                                  no restore (options.side_link_raw); the
                                  copy's own entry from the exit it was
                                  seeded from counts in side_entries, as
                                  any side trace's.  Added in 1.7 */
  uint64_t inner_exits;        /* root traces selected that end with an
                                  exit at an inner loop's head
                                  (options.inner_exit_min_insns).  Added
                                  in 1.7 */
  uint64_t disk_hits;          /* traces loaded from the disk cache
                                  (options.disk_cache_dir) instead of
                                  compiled; they count in traces_compiled
                                  too.  Added in 1.7 */
  uint64_t disk_stores;        /* traces compiled and stored there */
  uint64_t disk_errors;        /* traces the disk cache could not serve or
                                  keep (an unusable directory or entry:
                                  the reason is logged), compiled as
                                  without it */
  uint64_t disk_evicted;       /* disk cache entries removed to keep it
                                  under options.disk_cache_max_kb */
} jc_stats;

/* Copy the counters into *out (fields up to out->size). */
JC_API jc_status jc_stats_get (const jc_runtime *rt, jc_stats *out);

/* Print every counter as "key=value" lines (abort reasons as
 * "aborted.<reason>=n" and side-trace refusals as "side_refused.<reason>=n",
 * non-zero ones only) to out. */
JC_API void jc_stats_print (const jc_runtime *rt, FILE *out);

JC_END_DECLS

#endif /* JITCORE_RUNTIME_H */
