/* runtime_internal.h -- the runtime object's layout and the hidden
 * cross-file functions of the runtime half (options, log, stats, hotness,
 * selection, exits).  Never installed. */
#ifndef JC_RUNTIME_INTERNAL_H
#define JC_RUNTIME_INTERNAL_H

#include <stdarg.h>
#include <stdint.h>
#include <jitcore/jitcore.h>
#include <jitcore/host.h>
#include <jitcore/runtime.h>

#define JC_HIDDEN __attribute__((visibility("hidden")))

#ifdef JC_NDEBUG
# define JC_ASSERT(x) ((void) 0)
#else
# include <assert.h>
# define JC_ASSERT(x) assert (x)
#endif

/* An exit as exit.c replays it (see the essay there): frames outermost
 * first, each with the slots to write and where their values live. */
typedef jc_exit_slot jc_rt_slot;   /* public: host.restore gets them */

#define JC_RT_NOT_SAME JC_EXIT_NOT_SAME

typedef struct jc_rt_frame {
  const void *code;
  uint32_t pc;               /* resume pc (return pc for a caller) */
  uint32_t arg_base, nargs;  /* inlined frames: where the args came from */
  uint32_t nslots;
  jc_rt_slot *slots;
} jc_rt_frame;

typedef struct jc_rt_exit {
  uint32_t nframes;
  jc_rt_frame *frames;
  uint32_t uncond;           /* 1: an EXIT instruction, not a guard's exit */
  uint32_t nptrs;            /* ptr slots of frames[0] (before a raw side
                                entry: nothing to write when 0) */
  /* Side traces and links (side.c). */
  uint32_t failures;         /* side-trace selections that failed here */
  uint64_t hot_at;           /* exit count at which to try next; 0: never */
  uint64_t armed_at;         /* exit count when hot_at was last set */
  struct jc_trace *side;     /* linked side trace, or NULL */
  struct jc_head *link;      /* link exit: run link->trace, if installed */
  /* Raw link (side.c, "Raw links"): a link exit whose values fit the raw
   * entry of its head's loop copy copy_id (jc_head.copy) goes into it
   * without a restore, moving ncopy words: buf[copy_to[i]] = copy_from[i]
   * < JC_COPY_CONST ? buf[copy_from[i]] : copy_const[i]. */
  uint32_t copy_id, ncopy;
  uint32_t *copy_to, *copy_from;
  uint64_t *copy_const;
} jc_rt_exit;

#define JC_COPY_CONST UINT32_MAX

/* What the runtime knows about one trace head (code, pc). */
typedef struct jc_head {
  const void *code;
  uint32_t pc;
  uint32_t failures;         /* aborts + compile failures at this head */
  int blacklisted;
  int pending;               /* a compile job for it is in flight */
  jc_trace *trace;           /* installed trace, or NULL */
  jc_trace *copy;            /* its raw loop copy (side.c), or NULL */
  int copy_pending;          /* a loop copy for it is being compiled */
  const void *stop_code;     /* a root walk from here ends with an exit at */
  uint32_t stop_pc;          /* this inner loop head (select.c, "Inner
                                heads"); stop_code NULL: none */
  struct jc_head *next;      /* hash chain */
} jc_head;

struct jc_trace {
  uint32_t magic;            /* JC_TRACE_MAGIC while alive */
  uint32_t id;
  jc_runtime *rt;
  const void *code;          /* head */
  uint32_t pc;
  void *native;              /* the compiled entry (backend's signature) */
  void *backend_state;       /* what the backend keeps (gcc_jit_result ...) */
  void (*backend_free) (void *backend_state);
  jc_rt_exit *exits;         /* per exit: frames to restore */
  uint32_t nexits;
  uint64_t *exit_counts;
  uint32_t nslots_max;       /* largest exit buffer index + 1 */
  void **constants;          /* host objects retained for this trace */
  uint32_t nconstants;
  int installed;             /* the host accepted it (uninstall at free) */
  uintptr_t *deps;           /* host assumptions (jc_lower_depend) */
  uint32_t ndeps;
  uint32_t active;           /* jc_trace_enter calls running it */
  uint32_t pins;             /* side-trace compiles in flight for its exits
                                (side.c): not freed before they complete */
  uint64_t entries;          /* jc_trace_enter calls, for eviction */
  uint64_t code_bytes;
  int dead;                  /* invalidated: free once active is 0 */
  /* Side traces (side.c).  A live side trace always has a live parent
   * and root: taking a trace away takes its side traces with it. */
  struct jc_trace *parent;   /* the trace whose exit this hangs off */
  struct jc_trace *root;     /* the root of that tree; NULL for a root */
  uint32_t parent_exit;
  uint32_t side_depth;       /* 0 for a root trace */
  int raw_entry;             /* side trace that reads its parent exit's
                                values from exit_buf (exit.c skips the
                                parent's restore) */
  int copy_home;             /* a raw loop copy: the side trace of a link
                                exit to its root's head, closing its loop
                                there (side.c, "Raw links") */
  uint64_t path_sig;         /* loop trace: a hash of the (code, pc, depth)
                                its walk visited, path_len of them; a loop
                                copy must walk the same (select.c) */
  uint32_t path_len;
  int ptrs_in_buf;           /* raw_entry and its pointer slots too
                                (jc_host.seed_ptr): its parent's exit
                                writes nothing to the frame */
  uint32_t nside;            /* root: live side traces in its tree */
  /* A trace with self-calls: its code's side tables (jc_compiled's
   * self_sides and self_side_traces, nsx entries, one per exit), holding
   * the native code and the jc_trace of exit i's side trace while that
   * one is linked, takes a raw entry with no pointer to write, and needs
   * no more exit words; NULL for other traces.  Side traces it starts natively are never freed
   * while self_depth > 0 (invalidate.c). */
  void **sx;
  void **sx_trace;
  uint32_t nsx;
  struct jc_trace *next;     /* runtime's list */
};

#define JC_TRACE_MAGIC 0x6a637472u

#define JC_DEP_BUCKETS 1024

struct jc_runtime {
  jc_host host;              /* copy, zero-filled beyond the host's size */
  jc_options opts;           /* effective options */
  jc_status status;          /* sticky first error */
  char error[256];
  char last_failure[256];
  jc_abort_reason last_abort; /* the last selection's (JC_ABORT_NONE: ok) */
  jc_stats stats;
  jc_head **heads;           /* hash table of heads */
  uint32_t nheads_buckets;
  uint32_t nheads;
  jc_trace *traces;
  uint32_t next_trace_id;
  uint64_t inval_epoch;      /* bumped by every jc_runtime_invalidate */
  struct jc_inval *invals;   /* key -> epoch of its last invalidation */
  uint32_t ninvals, cap_invals;
  /* Dependency filter (invalidate.c): per bucket of keys, how many deps of
   * existing traces (installed, side, queued or compiling) hash there.  A
   * key whose bucket is 0 while no selection runs needs no invalidation. */
  uint32_t depcount[JC_DEP_BUCKETS];
  uint32_t selecting;        /* selections running (select.c) */
  jc_trace *running;         /* the trace the innermost jc_trace_enter
                                runs, or NULL (jc_trace_self_exit) */
  uint32_t self_depth;       /* jc_trace_enter calls running a trace with
                                self-calls (its side traces may run from
                                its code: none is freed meanwhile) */
  int last_exit;             /* what jc_runtime_last_exit reports */
  uint32_t last_exit_trace, last_exit_depth;
  struct jc_cqueue *cq;      /* compile thread and queue (compile.c), made
                                on the first async compile */
  struct jc_job *inflight;   /* jobs submitted, not yet completed */
  char dump_dir[256];        /* JITCORE_DUMP: where each compile's C-like
                                dump and assembly go; "" = none */
  char disk_cache_dir[256];  /* the disk cache's directory (options.
                                disk_cache_dir, JITCORE_DISK_CACHE); "" = none */
};

typedef struct jc_cqueue jc_cqueue;

typedef struct jc_inval {
  uintptr_t key;
  uint64_t epoch;
} jc_inval;

/* runtime.c */
JC_HIDDEN jc_status jc_runtime_fail (jc_runtime *rt, jc_status st,
                                     const char *fmt, ...)
  __attribute__((format (printf, 3, 4)));
JC_HIDDEN void jc_runtime_note_failure (jc_runtime *rt, const char *fmt, ...)
  __attribute__((format (printf, 2, 3)));
JC_HIDDEN jc_head *jc_runtime_head (jc_runtime *rt, const void *code,
                                    uint32_t pc, int create);

/* options.c */
JC_HIDDEN jc_status jc_options_apply (jc_options *eff, const jc_options *in,
                                      char *msg, size_t msg_len);
JC_HIDDEN jc_status jc_options_parse (jc_options *eff, const char *text,
                                      char *msg, size_t msg_len);
JC_HIDDEN jc_status jc_options_from_env (jc_options *eff, char *msg,
                                         size_t msg_len);
JC_HIDDEN jc_status jc_log_parse_categories (const char *text, char sep,
                                             uint32_t *mask);

/* log.c */
JC_HIDDEN void jc_log (const jc_runtime *rt, unsigned cat, const char *fmt,
                       ...) __attribute__((format (printf, 3, 4)));
JC_HIDDEN void jc_log_v (const jc_runtime *rt, unsigned cat, const char *fmt,
                         va_list ap);
#define JC_LOG_ON(rt, cat) (((rt)->opts.log & (cat)) != 0)

/* stats.c */
JC_HIDDEN void jc_stats_count_abort (jc_runtime *rt, jc_abort_reason r);

/* hotness.c */
JC_HIDDEN void jc_hot_backoff (jc_runtime *rt, jc_counter *c, jc_hot_kind k,
                               uint32_t failures);

/* select.c */
/* Select from (code, pc) and prepare a compile job (compile.h). */
JC_HIDDEN jc_status jc_select_trace (jc_runtime *rt, const void *code,
                                     uint32_t pc, jc_hot_kind kind,
                                     struct jc_job **out);

JC_HIDDEN jc_status jc_select_side (jc_runtime *rt, const jc_trace *parent,
                                    uint32_t exit_id, struct jc_job **out);

/* side.c */
/* Trace t just left through exit id (taken count times) and its frame is
 * restored: the trace to run next on the same frame (a linked side trace,
 * a link exit's trace, or a side trace compiled right now), or NULL to
 * return to the host. */
JC_HIDDEN jc_trace *jc_side_next (jc_runtime *rt, jc_trace *t, uint32_t id,
                                  uint64_t count);
/* Arm the exits of a freshly compiled trace. */
JC_HIDDEN void jc_side_arm (jc_runtime *rt, jc_trace *t);
/* t is going away: mark its side traces dead (recursively) and, if t is
 * itself a side trace, detach it from its parent's exit. */
JC_HIDDEN void jc_side_unlink (jc_runtime *rt, jc_trace *t);

/* invalidate.c */
/* Was any of t's dependencies invalidated after epoch? */
JC_HIDDEN int jc_inval_stale (const jc_runtime *rt, const jc_trace *t,
                              uint64_t epoch);
/* t's deps were set (+1) or are being freed (-1): the filter's counts. */
JC_HIDDEN void jc_inval_count_deps (jc_runtime *rt, const jc_trace *t,
                                    int delta);
/* Free dead traces no jc_trace_enter is running. */
JC_HIDDEN void jc_inval_reap (jc_runtime *rt);
/* A trace was installed: account for it and evict over the limits. */
JC_HIDDEN void jc_cache_installed (jc_runtime *rt, jc_trace *t);
/* A side trace was linked: account for its code, evict other roots over
 * max_code_bytes (never its own root). */
JC_HIDDEN void jc_cache_side_linked (jc_runtime *rt, jc_trace *s);
/* Unlink t (uninstall a root, detach a side trace) and mark it dead. */
JC_HIDDEN void jc_inval_unlink (jc_runtime *rt, jc_trace *t);

/* exit.c */
JC_HIDDEN void jc_exit_free_trace (jc_trace *t);

#endif /* JC_RUNTIME_INTERNAL_H */
