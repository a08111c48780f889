/* hotness.c -- host-owned hot counters: arming, exponential backoff after
 * a failed attempt, blacklisting after repeated failures, and
 * jc_runtime_hot, the call a host makes when a counter fires. */
#include <string.h>
#include "runtime_internal.h"
#include "compile.h"

static uint32_t
threshold (const jc_runtime *rt, jc_hot_kind k)
{
  return k == JC_HOT_FUNC ? rt->opts.func_threshold : rt->opts.loop_threshold;
}

JC_API void
jc_counter_init (const jc_runtime *rt, jc_counter *c, jc_hot_kind kind)
{
  if (!c)
    return;
  memset (c, 0, sizeof *c);
  if (!rt || rt->status != JC_OK || rt->opts.disable)
    return;                     /* quiet: never fires */
  c->count = (uint16_t) threshold (rt, kind);
}

/* Re-arm after the failures-th failure: threshold * 2^min(failures,
 * backoff_max), saturating at the counter's range. */
void
jc_hot_backoff (jc_runtime *rt, jc_counter *c, jc_hot_kind k,
                uint32_t failures)
{
  if (!c)
    return;
  c->failures = failures > 255 ? 255 : (uint8_t) failures;
  uint32_t sh = failures < rt->opts.backoff_max ? failures
                                                : rt->opts.backoff_max;
  uint64_t n = (uint64_t) threshold (rt, k) << sh;
  c->count = n > 65535 ? 65535 : (uint16_t) n;
  c->state = JC_COUNTER_COUNTING;
}

/* One failed attempt at head h: count it, back off or blacklist. */
static jc_status
head_failed (jc_runtime *rt, jc_head *h, jc_counter *c, jc_hot_kind k,
             jc_status st)
{
  h->failures++;
  if (h->failures >= rt->opts.max_aborts)
    {
      h->blacklisted = 1;
      rt->stats.blacklisted++;
      if (c)
        {
          c->count = 0;
          c->failures = h->failures > 255 ? 255 : (uint8_t) h->failures;
          c->state = JC_COUNTER_BLACKLISTED;
        }
      jc_log (rt, JC_LOG_HOT, "blacklisted pc %u after %u failures (last: "
              "%s)", h->pc, h->failures, rt->last_failure);
      return JC_BLACKLISTED;
    }
  jc_hot_backoff (rt, c, k, h->failures);
  jc_log (rt, JC_LOG_HOT, "pc %u failed (%u/%u), next try in %u", h->pc,
          h->failures, rt->opts.max_aborts, c ? c->count : 0);
  return st;
}

/* The completion of a head's compile job (compile.c): on the host's
 * thread, at a safe point or at once in sync mode. */
static void
head_done (jc_runtime *rt, jc_job *job, jc_job_outcome oc)
{
  jc_head *h = job->head;
  jc_counter *c = job->counter;
  h->pending = 0;
  switch (oc)
    {
    case JC_JOB_DISCARDED:
      return;
    case JC_JOB_FAILED:
      job->status = head_failed (rt, h, c, job->kind, JC_COMPILE_FAILED);
      return;
    case JC_JOB_STALE:
      /* The head is not at fault: count again, no backoff step. */
      jc_hot_backoff (rt, c, job->kind, h->failures);
      return;
    case JC_JOB_COMPILED:
      break;
    }
  jc_trace *t = job->trace;
  job->trace = NULL;
  int refused = rt->host.install (rt->host.userdata, t->code, t->pc, t);
  t->next = rt->traces;       /* owned by the runtime from now on */
  rt->traces = t;
  if (refused)
    {
      jc_runtime_note_failure (rt, "host refused to install the trace for "
                               "pc %u", t->pc);
      job->status = head_failed (rt, h, c, job->kind, JC_HOST_ERROR);
      return;
    }
  rt->stats.traces_installed++;
  t->installed = 1;
  h->trace = t;
  jc_cache_installed (rt, t);
  if (c)
    {
      c->count = 0;
      c->state = JC_COUNTER_TRACED;
    }
}

JC_API jc_status
jc_runtime_hot (jc_runtime *rt, const void *code, uint32_t pc,
                jc_hot_kind kind, jc_counter *c)
{
  if (!rt)
    return JC_INVALID_ARGUMENT;
  if (rt->status != JC_OK)
    {
      if (c)
        c->count = 0;
      return rt->status;
    }
  if (rt->opts.disable)
    {
      if (c)
        c->count = 0;
      return JC_DISABLED;
    }
  rt->stats.hot_events++;
  jc_compile_poll (rt);         /* a safe point: install finished traces */
  jc_head *h = jc_runtime_head (rt, code, pc, 1);
  if (!h)
    return jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for a head");
  if (h->blacklisted)
    {
      if (c)
        {
          c->count = 0;
          c->state = JC_COUNTER_BLACKLISTED;
        }
      return JC_BLACKLISTED;
    }
  if (h->trace)
    {
      if (c)
        {
          c->count = 0;
          c->state = JC_COUNTER_TRACED;
        }
      return JC_OK;
    }
  if (h->pending)
    {
      /* Its compile is in flight: stay quiet until it ends. */
      if (c)
        {
          c->count = 0;
          c->state = JC_COUNTER_COMPILING;
        }
      return JC_PENDING;
    }
  jc_log (rt, JC_LOG_HOT, "%s counter fired at pc %u",
          kind == JC_HOT_FUNC ? "function" : "loop", pc);
  jc_job *job = NULL;
  uint64_t epoch = rt->inval_epoch;
  jc_status st = jc_select_trace (rt, code, pc, kind, &job);
  if (st != JC_OK)
    return head_failed (rt, h, c, kind, st);
  job->epoch = epoch;
  job->head = h;
  job->counter = c;
  job->kind = kind;
  job->done = head_done;
  h->pending = 1;
  if (c)
    {
      c->count = 0;
      c->state = JC_COUNTER_COMPILING;
    }
  return jc_compile_submit (rt, job);
}
