/* invalidate.c -- taking traces away again: jc_runtime_invalidate unlinks
 * the traces that depend on a changed key (a trace whose dependencies
 * changed while it was being selected or compiled is never installed), and
 * the code-cache limits evict the least-entered traces.
 *
 * Every invalidation bumps the runtime's epoch and records it for the key.
 * Selection notes the epoch when it starts; before install, a trace with a
 * dependency invalidated later than that is stale.  Unlinked traces that a
 * jc_trace_enter is still running (an invalidation from a helper the trace
 * called) are only marked dead and freed when that call returns.  A trace
 * taken away takes its side traces with it (side.c); a side trace taken
 * away alone is detached from its parent's exit. */
#include <stdlib.h>
#include "runtime_internal.h"
#include "compile.h"

static jc_inval *
find (const jc_runtime *rt, uintptr_t key)
{
  for (uint32_t i = 0; i < rt->ninvals; i++)
    if (rt->invals[i].key == key)
      return &rt->invals[i];
  return NULL;
}

int
jc_inval_stale (const jc_runtime *rt, const jc_trace *t, uint64_t epoch)
{
  for (uint32_t i = 0; i < t->ndeps; i++)
    {
      const jc_inval *v = find (rt, t->deps[i]);
      if (v && v->epoch > epoch)
        return 1;
    }
  return 0;
}

void
jc_inval_unlink (jc_runtime *rt, jc_trace *t)
{
  jc_side_unlink (rt, t);     /* its side traces go with it */
  if (t->installed)
    {
      rt->stats.live_traces--;
      rt->stats.live_code_bytes -= t->code_bytes;
    }
  jc_head *h = jc_runtime_head (rt, t->code, t->pc, 0);
  if (h && h->trace == t)
    h->trace = NULL;
  if (t->installed && rt->host.uninstall)
    rt->host.uninstall (rt->host.userdata, t->code, t->pc, t);
  t->installed = 0;
  t->dead = 1;
}

static uint32_t
dep_bucket (uintptr_t key)
{
  return (uint32_t) (((uint64_t) key * 0x9e3779b97f4a7c15ull) >> 40)
         & (JC_DEP_BUCKETS - 1);
}

void
jc_inval_count_deps (jc_runtime *rt, const jc_trace *t, int delta)
{
  for (uint32_t i = 0; i < t->ndeps; i++)
    rt->depcount[dep_bucket (t->deps[i])] += (uint32_t) delta;
}

JC_API int
jc_runtime_depends (const jc_runtime *rt, uintptr_t key)
{
  if (!rt)
    return 0;
  return rt->selecting || rt->depcount[dep_bucket (key)] != 0;
}

void
jc_inval_reap (jc_runtime *rt)
{
  for (jc_trace **pp = &rt->traces; *pp;)
    {
      jc_trace *t = *pp;
      if (t->dead && t->active == 0 && t->pins == 0
          && !(t->root && rt->self_depth > 0))
        {
          *pp = t->next;
          jc_exit_free_trace (t);
        }
      else
        pp = &t->next;
    }
}

JC_API uint32_t
jc_runtime_invalidate (jc_runtime *rt, uintptr_t key)
{
  if (!rt || !jc_runtime_depends (rt, key))
    return 0;
  jc_inval *v = find (rt, key);
  if (!v)
    {
      if (rt->ninvals >= rt->cap_invals)
        {
          uint32_t n = rt->cap_invals ? 2 * rt->cap_invals : 16;
          jc_inval *a = realloc (rt->invals, n * sizeof *a);
          if (!a)
            {
              jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory recording "
                               "an invalidation");
              return 0;
            }
          rt->invals = a;
          rt->cap_invals = n;
        }
      v = &rt->invals[rt->ninvals++];
      v->key = key;
    }
  v->epoch = ++rt->inval_epoch;
  jc_compile_cancel (rt, key);  /* queued jobs need not be compiled */
  uint32_t n = 0, nside = 0;
  for (jc_trace *t = rt->traces; t; t = t->next)
    {
      if (t->dead)
        continue;
      for (uint32_t i = 0; i < t->ndeps; i++)
        if (t->deps[i] == key)
          {
            int installed = t->installed;
            jc_inval_unlink (rt, t);
            jc_log (rt, JC_LOG_TRACE, "%strace %u at pc %u invalidated",
                    t->parent ? "side " : "", t->id, t->pc);
            if (installed)
              n++;
            else if (t->parent)
              nside++;
            break;
          }
    }
  rt->stats.invalidated += n + nside;
  jc_inval_reap (rt);
  return n;
}

/* The installed trace entered least often, other than keep; NULL if none. */
static jc_trace *
coldest (jc_runtime *rt, const jc_trace *keep)
{
  jc_trace *best = NULL;
  for (jc_trace *t = rt->traces; t; t = t->next)
    if (t != keep && t->installed && !t->dead
        && (!best || t->entries < best->entries))
      best = t;
  return best;
}

/* Evict the coldest installed traces other than keep (with their side
 * traces) while over a limit. */
static void
evict_over_limits (jc_runtime *rt, jc_trace *t)
{
  const jc_options *o = &rt->opts;
  while ((o->max_traces && rt->stats.live_traces > o->max_traces)
         || (o->max_code_bytes && rt->stats.live_code_bytes > o->max_code_bytes))
    {
      jc_trace *v = coldest (rt, t);
      if (!v)
        break;   /* only the new trace is left: keep it */
      jc_log (rt, JC_LOG_TRACE, "trace %u at pc %u evicted (%llu entries)",
              v->id, v->pc, (unsigned long long) v->entries);
      jc_inval_unlink (rt, v);
      rt->stats.evicted++;
    }
  jc_inval_reap (rt);
}

void
jc_cache_installed (jc_runtime *rt, jc_trace *t)
{
  rt->stats.live_traces++;
  rt->stats.live_code_bytes += t->code_bytes;
  evict_over_limits (rt, t);
}

void
jc_cache_side_linked (jc_runtime *rt, jc_trace *s)
{
  rt->stats.live_code_bytes += s->code_bytes;
  evict_over_limits (rt, s->root);
}
