/* opt_dce.c -- dead-code elimination: a pure instruction whose value no
 * guard, store, call, exit, snapshot or loop-carried slot needs becomes a
 * NOP.  One backward walk suffices because operands precede their users. */
#include <stdlib.h>
#include "ir_internal.h"
#include "opt.h"

static int
has_effect (const jc_lower *b, const jc_ir_insn *in)
{
  switch (in->op)
    {
    case JC_IR_GUARD: case JC_IR_BINOV: case JC_IR_STORE: case JC_IR_STOREX:
    case JC_IR_EXIT:
      return 1;
    case JC_IR_CALL:
      {
        const jc_helper *h = jc_opt_helper (b, in);
        uint32_t f = h ? h->flags : 0;
        return !(f & JC_HELPER_PURE) || (f & JC_HELPER_MAY_RAISE);
      }
    default:
      return in->group != 0;   /* slot-load groups stay as recorded */
    }
}

int
jc_opt_dce (jc_lower *b, jc_opt_stats *st)
{
  uint32_t n = b->ninsns;
  uint8_t *live = calloc (n ? n : 1, 1);
  if (!live)
    return jc_ir_set_error (b, "out of memory in the optimizer");
  for (uint32_t s = 0; s < b->nsnaps; s++)
    for (uint32_t e = 0; e < b->snaps[s].nentries; e++)
      if (b->snaps[s].entries[e].ref >= 0)
        live[b->snaps[s].entries[e].ref] = 1;
  for (uint32_t k = 0; b->carried && k < b->ncarried; k++)
    if (b->carried[k] >= 0)
      live[b->carried[k]] = 1;
  for (uint32_t g = 0; g < b->ngroups; g++)
    if (b->groups[g].ref >= 0)
      live[b->groups[g].ref] = 1;
  for (uint32_t i = n; i-- > 0;)
    {
      jc_ir_insn *in = &b->insns[i];
      if (in->op == JC_IR_NOP)
        continue;
      if (!live[i] && !has_effect (b, in))
        {
          in->op = JC_IR_NOP;
          in->type = JC_TYPE_VOID;
          in->a = in->b = in->c = JC_REF_NONE;
          st->dead++;
          continue;
        }
      if (in->op == JC_IR_CALL)
        {
          for (jc_ref k = 0; k < in->b; k++)
            live[b->args[in->a + k]] = 1;
          if (in->c >= 0)
            live[in->c] = 1;      /* call_if's condition */
        }
      else
        {
          if (in->a >= 0) live[in->a] = 1;
          if (in->b >= 0) live[in->b] = 1;
          if (in->c >= 0) live[in->c] = 1;
        }
    }
  free (live);
  return 0;
}
