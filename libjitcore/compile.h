/* compile.h -- compile jobs and the compile queue (compile.c): how a
 * selected, optimized trace reaches the backend, on the caller's thread
 * (sync) or on the runtime's compile thread, and how its outcome comes back
 * to the interpreter's thread at a safe point.  Never installed. */
#ifndef JC_COMPILE_H
#define JC_COMPILE_H

#include "runtime_internal.h"
#include "backend.h"

/* The most traces one batch may hold (options.batch_max's range). */
#define JC_BATCH_LIMIT 64

/* How a job ended, as its completion sees it. */
typedef enum jc_job_outcome {
  JC_JOB_COMPILED,     /* native code attached to job->trace, dependencies
                          unchanged: complete it (install, link ...) */
  JC_JOB_FAILED,       /* the backend failed; reason in job->msg */
  JC_JOB_STALE,        /* a dependency changed since selection began: never
                          use it (counted in stats.invalidated) */
  JC_JOB_DISCARDED     /* jc_runtime_free is dropping the unfinished job */
} jc_job_outcome;

typedef struct jc_job jc_job;

/* The completion of a job: runs on the interpreter's thread, at a safe
 * point (jc_runtime_hot, jc_trace_enter, jc_runtime_poll/flush), or at once
 * in sync mode, and never on the compile thread.  It takes the trace by
 * setting job->trace to NULL (otherwise the trace is freed, releasing the
 * host objects it retained), and may set job->status (what jc_runtime_hot
 * returns in sync mode).  With DISCARDED it must not call the host. */
typedef void (*jc_job_done_fn) (jc_runtime *rt, jc_job *job,
                                jc_job_outcome outcome);

struct jc_job {
  /* Filled in on the interpreter's thread before jc_compile_submit; the
   * compile thread only reads ir, eo and name. */
  jc_trace *trace;           /* exits, deps and constants set; no code yet */
  jc_lower *ir;              /* optimized IR for the backend; owned */
  jc_emit_opts eo;
  char name[32];             /* the trace's function name */
  uint64_t epoch;            /* rt->inval_epoch when selection began */
  jc_job_done_fn done;
  /* The completion's own data: a head trace's head, counter and kind; a
   * side trace's parent trace and exit (side.c). */
  jc_head *head;
  jc_counter *counter;
  jc_hot_kind kind;
  void *ctx;
  uint32_t ctx_id;
  jc_status status;          /* set by done; JC_OK by default */

  /* Written by whoever compiled it, read after the hand-off. */
  int ok;                    /* compiled holds the code */
  jc_compiled compiled;
  char msg[256];             /* !ok: why */
  int skipped;               /* cancelled while queued: never compiled */
  uint32_t batch_size;       /* first job of a batch: its size, else 0 */
  uint32_t batch_retried;    /* first job: traces compiled again alone */
  uint32_t batch_disk_hits, batch_disk_stores, batch_disk_errors;
  uint32_t batch_disk_evicted;
  char disk_note[256];      /* first job: why the code cache was not used
                                for a trace of the batch ("" = it was) */
  uint64_t batch_ns;         /* first job: the batch's compile time */
  uint64_t batch_cpu_ns;     /* first job: its CPU time (stats.compile_cpu_ns) */

  /* Queue bookkeeping. */
  int cancelled;             /* a dependency changed while queued (under
                                the queue lock) */
  uint64_t t_submit;         /* monotonic ns at submit */
  jc_job *qnext;             /* queue or done list (under the lock) */
  jc_job *inext, *iprev;     /* rt's in-flight list (interpreter only) */
};

/* A job for trace t compiled from ir (both now owned by the job). */
JC_HIDDEN jc_job *jc_job_new (jc_trace *t, jc_lower *ir);
/* Free a job and what it still owns (trace, code, IR). */
JC_HIDDEN void jc_job_free (jc_job *job);

/* Hand a prepared job to the compile pipeline.  Sync mode (or no compile
 * thread): compile now, complete now, return job->status.  Otherwise the
 * job is queued and JC_PENDING returned; the completion runs at a later
 * safe point. */
JC_HIDDEN jc_status jc_compile_submit (jc_runtime *rt, jc_job *job);
/* Complete the jobs the compile thread has finished; cheap when none.
 * Returns how many completed. */
JC_HIDDEN uint32_t jc_compile_poll (jc_runtime *rt);
/* A safe point at trace entry: completes finished jobs, keeping t alive
 * meanwhile.  Returns 0 when t may be entered, -1 when t was unlinked
 * (evicted by an install that completed here) and has been freed. */
JC_HIDDEN int jc_compile_enter_point (jc_runtime *rt, jc_trace *t);
/* A dependency changed: queued jobs that depend on key are not compiled. */
JC_HIDDEN void jc_compile_cancel (jc_runtime *rt, uintptr_t key);
/* Stop the compile thread (waiting for the batch it is compiling) and
 * discard every unfinished job.  Part of jc_runtime_free. */
JC_HIDDEN void jc_compile_shutdown (jc_runtime *rt);

#endif /* JC_COMPILE_H */
