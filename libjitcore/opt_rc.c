/* opt_rc.c -- reference-count pair elimination.
 *
 * A host that counts references lowers "keep this object alive while I use
 * it" as a call to a helper flagged JC_HELPER_INCREF and "done with it" as
 * one flagged JC_HELPER_DECREF.  Between the two, the object is alive for
 * two reasons: the reference the trace took, and whatever other reference
 * it had before (it was loaded from somewhere, so something held it).  The
 * trace's own reference matters only if something in between could drop
 * that other one: a helper that writes host memory (it might overwrite the
 * field or slot that held the object and release it), one that allocates
 * (it might collect), or a DECREF (freeing any object may run arbitrary
 * host code).  When nothing of the sort lies between, the pair is a no-op
 * and both calls go.
 *
 * Exits in between are no obstacle.  Snapshot values are borrowed (see
 * write_slot in <jitcore/host.h>): the host takes its own reference when it
 * writes one back, so no exit relies on the trace's.  Without the pair, an
 * exit between the calls even stops leaking the reference the DECREF would
 * never have dropped.
 *
 * One forward walk.  Open INCREFs wait on a stack; a DECREF of a value
 * cancels the most recent open INCREF of the same ref, so nested and
 * interleaved pairs both resolve; a DECREF with no partner, or a call that
 * may drop references, closes every open INCREF.  Values are compared by
 * ref, so the pass runs after CSE has merged equal loads.  Pure helpers,
 * loads, stores (a raw store releases nothing), arithmetic and guards keep
 * the INCREFs open. */
#include <stdlib.h>
#include "ir_internal.h"
#include "opt.h"

/* Could the call drop a reference to some object (so that an object kept
 * alive only by an open INCREF might otherwise be freed)? */
static int
may_release (uint32_t flags)
{
  if (flags & JC_HELPER_INCREF)
    return 0;
  if (flags & (JC_HELPER_DECREF | JC_HELPER_WRITES_MEMORY
               | JC_HELPER_ALLOCATES))
    return 1;
  return !(flags & (JC_HELPER_PURE | JC_HELPER_READS_MEMORY));
}

static void
make_nop (jc_ir_insn *in)
{
  in->op = JC_IR_NOP;
  in->type = JC_TYPE_VOID;
  in->a = in->b = in->c = JC_REF_NONE;
}

int
jc_opt_rc (jc_lower *b, jc_opt_stats *st)
{
  uint32_t n = b->ninsns;
  uint32_t *open = malloc ((n ? n : 1) * sizeof *open);
  if (!open)
    return jc_ir_set_error (b, "out of memory in the optimizer");
  uint32_t nopen = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      jc_ir_insn *in = &b->insns[i];
      if (in->op != JC_IR_CALL)
        continue;
      const jc_helper *h = jc_opt_helper (b, in);
      uint32_t f = h ? h->flags : 0;
      if ((f & (JC_HELPER_INCREF | JC_HELPER_DECREF)) && in->b == 1
          && in->group == 0)
        {
          jc_ref arg = b->args[in->a];
          if (f & JC_HELPER_INCREF)
            {
              open[nopen++] = i;
              continue;
            }
          uint32_t k = nopen;
          while (k > 0 && b->args[b->insns[open[k - 1]].a] != arg)
            k--;
          if (k > 0)
            {
              make_nop (&b->insns[open[k - 1]]);
              make_nop (in);
              st->rc_removed += 2;
              for (; k < nopen; k++)
                open[k - 1] = open[k];
              nopen--;
              continue;
            }
        }
      if (may_release (f))
        nopen = 0;
    }
  free (open);
  return 0;
}
