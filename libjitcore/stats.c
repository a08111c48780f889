/* stats.c -- the size-versioned jc_stats counters: copying them out to a
 * host and printing them as key=value lines. */
#include <string.h>
#include "runtime_internal.h"

static const char *const abort_names[] = {
#define JC_ABORT_NAME_(name, text) text,
  JC_ABORT_TABLE (JC_ABORT_NAME_)
#undef JC_ABORT_NAME_
};

/* Short identifiers for key=value output, lower-case enum names. */
static const char *const abort_keys[] = {
#define JC_ABORT_KEY_(name, text) #name,
  JC_ABORT_TABLE (JC_ABORT_KEY_)
#undef JC_ABORT_KEY_
};

static const char *const refuse_keys[] = {
#define JC_SIDE_REFUSE_KEY_(name, text) #name,
  JC_SIDE_REFUSE_TABLE (JC_SIDE_REFUSE_KEY_)
#undef JC_SIDE_REFUSE_KEY_
};

_Static_assert (JC_SIDE_REFUSE_COUNT_ <= JC_SIDE_REFUSE_SLOTS,
                "side-trace refusal table outgrew jc_stats.side_refused");
_Static_assert (JC_ABORT_COUNT_ <= JC_ABORT_SLOTS,
                "abort table outgrew jc_stats.aborted_by_reason");

JC_API const char *
jc_abort_reason_name (jc_abort_reason r)
{
  if ((unsigned) r >= JC_ABORT_COUNT_)
    return "unknown abort reason";
  return abort_names[r];
}

void
jc_stats_count_abort (jc_runtime *rt, jc_abort_reason r)
{
  if ((unsigned) r >= JC_ABORT_COUNT_)
    r = JC_ABORT_LOWER_ERROR;
  rt->stats.traces_aborted++;
  rt->stats.aborted_by_reason[r]++;
}

JC_API jc_status
jc_stats_get (const jc_runtime *rt, jc_stats *out)
{
  if (!rt || !out || out->size < sizeof (size_t))
    return JC_INVALID_ARGUMENT;
  size_t n = out->size < sizeof (jc_stats) ? out->size : sizeof (jc_stats);
  memcpy ((char *) out + sizeof (size_t),
          (const char *) &rt->stats + sizeof (size_t), n - sizeof (size_t));
  return JC_OK;
}

/* "<prefix><lower-case key>=n" */
static void
print_keyed (FILE *out, const char *prefix, const char *key, uint64_t n)
{
  fputs (prefix, out);
  for (const char *k = key; *k; k++)
    fputc (*k >= 'A' && *k <= 'Z' ? *k - 'A' + 'a' : *k, out);
  fprintf (out, "=%llu\n", (unsigned long long) n);
}

JC_API void
jc_stats_print (const jc_runtime *rt, FILE *out)
{
  if (!rt || !out)
    return;
  const jc_stats *s = &rt->stats;
#define P(field) fprintf (out, #field "=%llu\n", (unsigned long long) s->field)
  P (hot_events);
  P (traces_started);
  P (traces_aborted);
  P (traces_compiled);
  P (traces_installed);
  P (compile_failures);
  P (blacklisted);
  P (trace_entries);
  P (exits);
  P (deopts);
  P (frames_materialised);
  fprintf (out, "compile_ms=%.3f\n", s->compile_ns / 1e6);
  P (code_bytes);
  P (ir_insns);
  P (snapshots);
  fprintf (out, "folded=%llu\n", (unsigned long long) s->opt_folded);
  fprintf (out, "cse=%llu\n", (unsigned long long) s->opt_cse);
  fprintf (out, "loads_removed=%llu\n",
           (unsigned long long) s->opt_loads_removed);
  fprintf (out, "guards_removed=%llu\n",
           (unsigned long long) s->opt_guards_removed);
  fprintf (out, "dead=%llu\n", (unsigned long long) s->opt_dead);
  fprintf (out, "rc_removed=%llu\n", (unsigned long long) s->opt_rc_removed);
  fprintf (out, "boxes_removed=%llu\n",
           (unsigned long long) s->opt_boxes_removed);
  P (invalidated);
  P (evicted);
  P (live_traces);
  P (live_code_bytes);
  P (side_traces);
  P (side_entries);
  P (trace_links);
  P (side_aborted);
  P (side_blacklisted);
  P (live_side_traces);
  P (compile_batches);
  P (compile_retried);
  P (compile_batch_max);
  P (compile_queued);
  P (compile_queue_max);
  P (side_raw_entries);
  P (self_exits);
  P (unrolled_iterations);
  P (home_exit_traces);
  P (side_ptr_entries);
  fprintf (out, "compile_cpu_ms=%.3f\n", s->compile_cpu_ns / 1e6);
  P (compile_nice);
  P (raw_links);
  P (inner_exits);
  P (disk_hits);
  P (disk_stores);
  P (disk_errors);
  P (disk_evicted);
  fprintf (out, "compile_latency_ms=%.3f\n", s->compile_latency_ns / 1e6);
  fprintf (out, "compile_latency_max_ms=%.3f\n",
           s->compile_latency_max_ns / 1e6);
#undef P
  for (unsigned i = 1; i < JC_ABORT_COUNT_; i++)
    if (s->aborted_by_reason[i])
      print_keyed (out, "aborted.", abort_keys[i], s->aborted_by_reason[i]);
  for (unsigned i = 1; i < JC_SIDE_REFUSE_COUNT_; i++)
    if (s->side_refused[i])
      print_keyed (out, "side_refused.", refuse_keys[i], s->side_refused[i]);
}
