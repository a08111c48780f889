/* compile.c -- the compile pipeline after selection: jobs, the compile
 * thread and its queue, batching, and completing finished jobs on the
 * interpreter's thread at safe points.
 *
 * Design
 * ======
 * Two threads, one owner each.  The interpreter's thread (the host's, the
 * one that calls every jc_* function) does everything that talks to the
 * host: selection calls lower/load_slot, the optimizer runs, constants are
 * retained, exits are built (select.c, select_ir.c), and later the trace
 * is installed.  What the backend needs then travels in a jc_job: the
 * optimized IR, the emitter options and a function name; the backend calls
 * no host callback, so the compile thread runs it.  The trace object stays
 * the interpreter's: the compile thread never touches it.
 *
 * The queue.  One mutex guards a FIFO of queued jobs, a list of done jobs
 * and a few flags.  The compile thread sleeps until a job arrives, waits
 * up to batch_delay_us more for others (unless batch_max are queued or a
 * flush asks it to hurry), takes up to batch_max jobs and compiles them in
 * one libgccjit context (backend.h, batches: a trace that fails is retried
 * alone, so one bad trace never costs the others), then appends them to
 * the done list.  A job cancelled while queued (jc_runtime_invalidate hit
 * one of its dependencies) goes to the done list without compiling.
 *
 * Safe points.  Done jobs are completed on the interpreter's thread when it
 * calls jc_runtime_hot, jc_trace_enter (before entering; if an install
 * there evicted the very trace being entered, the entry returns -1 and the
 * host interprets) or jc_runtime_poll / jc_runtime_flush.  The check is one
 * atomic load when nothing is done.  Completing a job: account for the
 * batch, attach the code to the trace, drop it if a dependency changed
 * since selection began (the epoch check of invalidate.c; cancellation
 * only saves the compile), then call the job's completion (hotness.c
 * installs through the host; side.c links a side trace into its parent's
 * exit).
 * So the host's callbacks only ever run on its own thread.
 *
 * Ownership.  A job owns its IR and its trace until the completion takes
 * the trace; the compiled code belongs to the job until attached to the
 * trace, whose backend_free then drops its reference to the shared
 * libgccjit result (freed with the last trace of the batch).  Every job
 * not yet completed is on the runtime's in-flight list.
 *
 * Shutdown.  jc_runtime_free sets the stop flag and joins the thread: a
 * batch being compiled is finished (libgccjit cannot be interrupted; tens
 * of ms), queued jobs are not started.  Then every in-flight job is
 * discarded on the interpreter's thread: its completion sees DISCARDED,
 * its code is released and its trace freed, which releases the host
 * objects it retained.  No host callback ever runs on the compile thread.
 *
 * Sync mode (options.sync, what the tests use) runs the same job through
 * the same batch code on the caller's thread, a batch of one, and
 * completes it before jc_runtime_hot returns.  So does async mode when the
 * thread cannot be started.
 *
 * What a compile costs the program.  The compile thread is off the
 * interpreter's thread, not off its CPU: on a machine with no idle core
 * every CPU second a compile uses, the driver, `as` and `ld` included, is
 * taken from the running programs, the host's first (sched_autogroup
 * shares the CPUs between sessions).  So each batch counts its CPU time
 * (stats.compile_cpu_ns: the compiling thread's own plus that of the child
 * processes reaped meanwhile), and options.compile_nice can schedule the
 * compile thread, and what it starts, below the host's: the compile then
 * gives way to the program, at the price of arriving later on a busy
 * machine, often too late to pay (README, "Priority and CPU", measured);
 * hence 0 by default. */
#define _GNU_SOURCE 1           /* SCHED_IDLE */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif
#include "compile.h"
#include "ir.h"

struct jc_cqueue {
  pthread_mutex_t mu;
  pthread_cond_t work;       /* jobs queued, flush or stop */
  pthread_cond_t idle;       /* a batch is done */
  pthread_t thread;
  int started;
  jc_job *head, *tail;       /* queued, FIFO */
  uint32_t nqueued;
  jc_job *done, *done_tail;  /* compiled (or skipped), not yet completed */
  uint32_t ndone;            /* also read without the lock (atomic) */
  uint32_t compiling;        /* jobs in the batch being compiled */
  uint32_t flush;            /* jc_runtime_flush calls waiting */
  int stop;
  uint32_t batch_max, delay_us;
  uint32_t nice;             /* options.compile_nice */
  uint32_t nice_applied;     /* what the thread got (stats.compile_nice) */
  int ready;                 /* the thread has set its priority */
};

static uint64_t
now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

/* CPU time of the calling thread, and of the reaped child processes of
 * the whole process (only the compile runs any, as far as this library
 * knows), in ns. */
static uint64_t
thread_cpu_ns (void)
{
  struct timespec ts;
  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static uint64_t
children_cpu_ns (void)
{
  struct rusage ru;
  if (getrusage (RUSAGE_CHILDREN, &ru) != 0)
    return 0;
  return ((uint64_t) ru.ru_utime.tv_sec + (uint64_t) ru.ru_stime.tv_sec)
         * 1000000000ull
         + ((uint64_t) ru.ru_utime.tv_usec + (uint64_t) ru.ru_stime.tv_usec)
         * 1000ull;
}

/* Schedule the calling thread (the compile thread) steps nice levels
 * lower, or SCHED_IDLE for 20; what it got, read back (0: unchanged).
 * Linux keeps a nice value per thread, and the processes the thread
 * starts (driver, as, ld) inherit it and the policy. */
static uint32_t
lower_priority (uint32_t steps)
{
#ifdef __linux__
  if (steps >= 20)
    {
      struct sched_param sp;
      int pol;
      memset (&sp, 0, sizeof sp);
      if (pthread_setschedparam (pthread_self (), SCHED_IDLE, &sp) != 0
          || pthread_getschedparam (pthread_self (), &pol, &sp) != 0)
        return 0;
      return pol == SCHED_IDLE ? 20 : 0;
    }
  id_t tid = (id_t) syscall (SYS_gettid);
  errno = 0;
  int cur = getpriority (PRIO_PROCESS, tid);
  if (cur == -1 && errno)
    return 0;
  int want = cur + (int) steps > 19 ? 19 : cur + (int) steps;
  if (want <= cur || setpriority (PRIO_PROCESS, tid, want) != 0)
    return 0;
  errno = 0;
  int now = getpriority (PRIO_PROCESS, tid);
  if (now == -1 && errno)
    return 0;
  return now > cur ? (uint32_t) (now - cur) : 0;
#else
  (void) steps;
  return 0;
#endif
}

/* ------------------------------------------------------------ jobs */

jc_job *
jc_job_new (jc_trace *t, jc_lower *ir)
{
  jc_job *job = calloc (1, sizeof *job);
  if (!job)
    return NULL;
  job->trace = t;
  job->ir = ir;
  jc_emit_opts_init (&job->eo);
  snprintf (job->name, sizeof job->name, "jc_trace_%u", t->id);
  job->status = JC_OK;
  return job;
}

void
jc_job_free (jc_job *job)
{
  if (!job)
    return;
  jc_exit_free_trace (job->trace);
  jc_emit_release (&job->compiled);
  jc_ir_free (job->ir);
  free (job);
}

/* Compile jobs[0..n) as one batch (on whichever thread runs it). */
static void
compile_batch (jc_job **jobs, uint32_t n)
{
  jc_emit_batch *bt = jc_emit_batch_new (&jobs[0]->eo);
  int idx[JC_BATCH_LIMIT];
  for (uint32_t i = 0; i < n; i++)
    idx[i] = bt ? jc_emit_batch_add (bt, jobs[i]->ir, jobs[i]->name,
                                     &jobs[i]->eo) : -1;
  uint64_t t0 = now_ns (), c0 = thread_cpu_ns (), k0 = children_cpu_ns ();
  if (bt)
    jc_emit_batch_compile (bt);
  jobs[0]->batch_ns = now_ns () - t0;
  jobs[0]->batch_cpu_ns = thread_cpu_ns () - c0 + (children_cpu_ns () - k0);
  jobs[0]->batch_size = n;
  if (bt)
    {
      jc_emit_batch_info info;
      jc_emit_batch_get_info (bt, &info);
      jobs[0]->batch_retried = info.retried;
      jobs[0]->batch_disk_hits = info.disk_hits;
      jobs[0]->batch_disk_stores = info.disk_stores;
      jobs[0]->batch_disk_errors = info.disk_errors;
      jobs[0]->batch_disk_evicted = info.disk_evicted;
      snprintf (jobs[0]->disk_note, sizeof jobs[0]->disk_note, "%s",
                info.disk_note);
    }
  for (uint32_t i = 0; i < n; i++)
    {
      jc_job *j = jobs[i];
      if (idx[i] < 0)
        snprintf (j->msg, sizeof j->msg, "out of memory for the batch");
      else
        j->ok = jc_emit_batch_take (bt, (uint32_t) idx[i], &j->compiled,
                                    j->msg, sizeof j->msg) == 0;
    }
  jc_emit_batch_free (bt);
}

static void
release_compiled (void *p)
{
  jc_compiled *c = p;
  if (c)
    jc_emit_release (c);
  free (c);
}

/* The trace takes the job's code. */
static int
attach (jc_job *job)
{
  jc_compiled *c = malloc (sizeof *c);
  if (!c)
    return -1;
  *c = job->compiled;
  memset (&job->compiled, 0, sizeof job->compiled);
  jc_trace *t = job->trace;
  t->native = (void *) c->entry;
  if (c->self_sides)
    {
      t->sx = c->self_sides;
      t->sx_trace = c->self_side_traces;
      t->nsx = c->nself_sides;
    }
  t->backend_state = c;
  t->backend_free = release_compiled;
  t->code_bytes = c->code_bytes;
  return 0;
}

static void
inflight_remove (jc_runtime *rt, jc_job *job)
{
  if (job->iprev)
    job->iprev->inext = job->inext;
  else if (rt->inflight == job)
    rt->inflight = job->inext;
  if (job->inext)
    job->inext->iprev = job->iprev;
  job->inext = job->iprev = NULL;
}

static void
count_batch (jc_runtime *rt, const jc_job *job)
{
  if (!job->batch_size)
    return;
  rt->stats.compile_batches++;
  rt->stats.compile_ns += job->batch_ns;
  rt->stats.compile_cpu_ns += job->batch_cpu_ns;
  rt->stats.compile_retried += job->batch_retried;
  rt->stats.disk_hits += job->batch_disk_hits;
  rt->stats.disk_stores += job->batch_disk_stores;
  rt->stats.disk_errors += job->batch_disk_errors;
  rt->stats.disk_evicted += job->batch_disk_evicted;
  if (job->batch_disk_hits || job->batch_disk_stores)
    jc_log (rt, JC_LOG_COMPILE, "disk cache: %u trace%s loaded, %u stored",
            job->batch_disk_hits, job->batch_disk_hits == 1 ? "" : "s",
            job->batch_disk_stores);
  if (job->disk_note[0])
    jc_log (rt, JC_LOG_COMPILE, "disk cache: %s", job->disk_note);
  if (job->batch_size > rt->stats.compile_batch_max)
    rt->stats.compile_batch_max = job->batch_size;
  jc_log (rt, JC_LOG_COMPILE, "batch of %u trace%s compiled in %.2f ms (%.2f ms of "
          "CPU)%s",
          job->batch_size, job->batch_size == 1 ? "" : "s",
          job->batch_ns / 1e6, job->batch_cpu_ns / 1e6, job->batch_retried ? " (the context failed: "
          "each trace compiled again alone)" : "");
}

/* Complete one job on the interpreter's thread; frees it and returns the
 * status its completion left. */
static jc_status
complete (jc_runtime *rt, jc_job *job)
{
  jc_trace *t = job->trace;
  count_batch (rt, job);
  jc_job_outcome oc = JC_JOB_COMPILED;
  if (job->skipped)
    oc = JC_JOB_STALE;
  else if (job->ok && attach (job) != 0)
    {
      job->ok = 0;
      snprintf (job->msg, sizeof job->msg, "out of memory");
    }
  if (!job->skipped && !job->ok)
    {
      oc = JC_JOB_FAILED;
      rt->stats.compile_failures++;
      jc_runtime_note_failure (rt, "trace at pc %u: compile failed: %s",
                               t->pc, job->msg);
      jc_log (rt, JC_LOG_COMPILE, "trace %u at pc %u: compile failed: %s",
              t->id, t->pc, job->msg);
    }
  else if (job->ok)
    {
      uint64_t lat = now_ns () - job->t_submit;
      rt->stats.traces_compiled++;
      rt->stats.code_bytes += t->code_bytes;
      rt->stats.compile_latency_ns += lat;
      if (lat > rt->stats.compile_latency_max_ns)
        rt->stats.compile_latency_max_ns = lat;
      jc_log (rt, JC_LOG_COMPILE, "trace %u at pc %u compiled: %u exits, "
              "%llu bytes, %.2f ms after its hot event", t->id, t->pc,
              t->nexits, (unsigned long long) t->code_bytes, lat / 1e6);
    }
  if (oc != JC_JOB_FAILED
      && (job->cancelled || jc_inval_stale (rt, t, job->epoch)))
    {
      rt->stats.invalidated++;
      jc_log (rt, JC_LOG_TRACE, "trace %u at pc %u dropped: a dependency "
              "changed during its compile%s", t->id, t->pc,
              job->skipped ? " (never compiled)" : "");
      oc = JC_JOB_STALE;
    }
  job->done (rt, job, oc);
  jc_status st = job->status;
  inflight_remove (rt, job);
  jc_job_free (job);
  return st;
}

/* ------------------------------------------------------------ the thread */

static void *
compile_main (void *arg)
{
  jc_cqueue *q = arg;
  uint32_t nice = q->nice ? lower_priority (q->nice) : 0;
  pthread_mutex_lock (&q->mu);
  q->nice_applied = nice;
  q->ready = 1;
  pthread_cond_broadcast (&q->idle);
  for (;;)
    {
      while (!q->head && !q->stop)
        pthread_cond_wait (&q->work, &q->mu);
      if (q->stop)
        break;
      if (q->delay_us && q->nqueued < q->batch_max && !q->flush)
        {
          /* Let traces that get hot together share the compile. */
          struct timespec dl;
          clock_gettime (CLOCK_MONOTONIC, &dl);
          uint64_t ns = (uint64_t) dl.tv_nsec + q->delay_us * 1000ull;
          dl.tv_sec += (time_t) (ns / 1000000000ull);
          dl.tv_nsec = (long) (ns % 1000000000ull);
          while (!q->stop && !q->flush && q->nqueued < q->batch_max
                 && pthread_cond_timedwait (&q->work, &q->mu, &dl) == 0)
            ;
          if (q->stop)
            break;
        }
      jc_job *batch[JC_BATCH_LIMIT];
      uint32_t n = 0;
      while (q->head && n < q->batch_max)
        {
          jc_job *j = q->head;
          q->head = j->qnext;
          if (!q->head)
            q->tail = NULL;
          q->nqueued--;
          j->qnext = NULL;
          if (j->cancelled)
            {
              j->skipped = 1;
              if (q->done_tail)
                q->done_tail->qnext = j;
              else
                q->done = j;
              q->done_tail = j;
              __atomic_store_n (&q->ndone, q->ndone + 1, __ATOMIC_RELEASE);
            }
          else
            batch[n++] = j;
        }
      if (!n)
        {
          pthread_cond_broadcast (&q->idle);   /* only cancelled ones */
          continue;
        }
      q->compiling = n;
      pthread_mutex_unlock (&q->mu);
      compile_batch (batch, n);
      pthread_mutex_lock (&q->mu);
      for (uint32_t i = 0; i < n; i++)
        {
          if (q->done_tail)
            q->done_tail->qnext = batch[i];
          else
            q->done = batch[i];
          q->done_tail = batch[i];
        }
      __atomic_store_n (&q->ndone, q->ndone + n, __ATOMIC_RELEASE);
      q->compiling = 0;
      pthread_cond_broadcast (&q->idle);
    }
  pthread_mutex_unlock (&q->mu);
  return NULL;
}

/* The queue and its thread, made on the first async submit.  NULL (and
 * the caller compiles synchronously) when that fails. */
static jc_cqueue *
queue_start (jc_runtime *rt)
{
  if (rt->cq)
    return rt->cq->started ? rt->cq : NULL;
  jc_cqueue *q = calloc (1, sizeof *q);
  if (!q)
    return NULL;
  rt->cq = q;
  q->batch_max = rt->opts.batch_max;
  q->delay_us = rt->opts.batch_delay_us;
  if (rt->disk_cache_dir[0])
    {
      /* With the disk cache every trace is compiled (or loaded) alone: a
       * batch would only make a loaded trace wait for the others. */
      q->batch_max = 1;
      q->delay_us = 0;
    }
  q->nice = rt->opts.compile_nice;
  pthread_condattr_t ca;
  pthread_condattr_init (&ca);
  pthread_condattr_setclock (&ca, CLOCK_MONOTONIC);
  pthread_mutex_init (&q->mu, NULL);
  pthread_cond_init (&q->work, &ca);
  pthread_cond_init (&q->idle, NULL);
  pthread_condattr_destroy (&ca);
  int e = pthread_create (&q->thread, NULL, compile_main, q);
  if (e != 0)
    {
      jc_log (rt, JC_LOG_COMPILE, "cannot start the compile thread (%s): "
              "compiling synchronously", strerror (e));
      return NULL;
    }
  q->started = 1;
  /* Wait for the thread to lower its priority (a few microseconds, once),
   * so that the stats say what it got from the first compile on. */
  pthread_mutex_lock (&q->mu);
  while (!q->ready)
    pthread_cond_wait (&q->idle, &q->mu);
  rt->stats.compile_nice = q->nice_applied;
  pthread_mutex_unlock (&q->mu);
  return q;
}

jc_status
jc_compile_submit (jc_runtime *rt, jc_job *job)
{
  job->t_submit = now_ns ();
  job->inext = rt->inflight;
  job->iprev = NULL;
  if (rt->inflight)
    rt->inflight->iprev = job;
  rt->inflight = job;
  jc_cqueue *q = rt->opts.sync ? NULL : queue_start (rt);
  if (!q)
    {
      compile_batch (&job, 1);
      return complete (rt, job);
    }
  rt->stats.compile_queued++;
  if (rt->stats.compile_queued > rt->stats.compile_queue_max)
    rt->stats.compile_queue_max = rt->stats.compile_queued;
  pthread_mutex_lock (&q->mu);
  if (q->tail)
    q->tail->qnext = job;
  else
    q->head = job;
  q->tail = job;
  q->nqueued++;
  pthread_cond_signal (&q->work);
  pthread_mutex_unlock (&q->mu);
  return JC_PENDING;
}

/* ------------------------------------------------------------ safe points */

/* Take the done list (under the lock) and complete it in order. */
static uint32_t
drain (jc_runtime *rt, jc_cqueue *q)
{
  pthread_mutex_lock (&q->mu);
  jc_job *j = q->done;
  q->done = q->done_tail = NULL;
  __atomic_store_n (&q->ndone, 0, __ATOMIC_RELEASE);
  pthread_mutex_unlock (&q->mu);
  uint32_t n = 0;
  while (j)
    {
      jc_job *next = j->qnext;
      rt->stats.compile_queued--;
      complete (rt, j);
      j = next;
      n++;
    }
  return n;
}

uint32_t
jc_compile_poll (jc_runtime *rt)
{
  jc_cqueue *q = rt->cq;
  if (!q || !__atomic_load_n (&q->ndone, __ATOMIC_ACQUIRE))
    return 0;
  return drain (rt, q);
}

int
jc_compile_enter_point (jc_runtime *rt, jc_trace *t)
{
  jc_cqueue *q = rt->cq;
  if (!q || !__atomic_load_n (&q->ndone, __ATOMIC_ACQUIRE))
    return 0;
  t->active++;                  /* an eviction meanwhile only marks it */
  drain (rt, q);
  t->active--;
  if (!t->dead)
    return 0;
  jc_inval_reap (rt);
  return -1;
}

void
jc_compile_cancel (jc_runtime *rt, uintptr_t key)
{
  jc_cqueue *q = rt->cq;
  if (!q)
    return;
  pthread_mutex_lock (&q->mu);
  for (jc_job *j = rt->inflight; j; j = j->inext)
    for (uint32_t i = 0; i < j->trace->ndeps; i++)
      if (j->trace->deps[i] == key)
        j->cancelled = 1;
  pthread_mutex_unlock (&q->mu);
}

void
jc_compile_shutdown (jc_runtime *rt)
{
  jc_cqueue *q = rt->cq;
  if (q && q->started)
    {
      pthread_mutex_lock (&q->mu);
      q->stop = 1;
      pthread_cond_broadcast (&q->work);
      pthread_mutex_unlock (&q->mu);
      pthread_join (q->thread, NULL);
    }
  /* The thread is gone: every job is the interpreter's again. */
  uint32_t n = 0;
  while (rt->inflight)
    {
      jc_job *j = rt->inflight;
      j->done (rt, j, JC_JOB_DISCARDED);
      inflight_remove (rt, j);
      jc_job_free (j);
      n++;
    }
  if (n)
    jc_log (rt, JC_LOG_COMPILE, "shutdown: %u unfinished compile%s "
            "discarded", n, n == 1 ? "" : "s");
  if (q)
    {
      pthread_mutex_destroy (&q->mu);
      pthread_cond_destroy (&q->work);
      pthread_cond_destroy (&q->idle);
      free (q);
      rt->cq = NULL;
    }
}

/* ------------------------------------------------------------ public */

JC_API uint32_t
jc_runtime_poll (jc_runtime *rt)
{
  if (!rt || rt->status != JC_OK)
    return 0;
  return jc_compile_poll (rt);
}

JC_API uint32_t
jc_runtime_flush (jc_runtime *rt)
{
  if (!rt || rt->status != JC_OK)
    return 0;
  jc_cqueue *q = rt->cq;
  if (!q || !q->started)
    return 0;
  pthread_mutex_lock (&q->mu);
  q->flush++;
  pthread_cond_signal (&q->work);
  while (q->head || q->compiling)
    pthread_cond_wait (&q->idle, &q->mu);
  q->flush--;
  pthread_mutex_unlock (&q->mu);
  return drain (rt, q);
}
