/* select.c -- trace selection by projection (placeholder until the
 * compiler half's builder lands): every attempt aborts. */
#include "runtime_internal.h"

jc_status
jc_select_trace (jc_runtime *rt, const void *code, uint32_t pc,
                 jc_hot_kind kind, jc_trace **out)
{
  (void) code; (void) kind; (void) out;
  rt->stats.traces_started++;
  jc_stats_count_abort (rt, JC_ABORT_UNSUPPORTED_INSN);
  jc_runtime_note_failure (rt, "pc %u: no IR builder yet", pc);
  return JC_ABORTED;
}
