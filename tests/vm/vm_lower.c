/* vm_lower.c -- lowering of the test VM's instructions through the IR
 * builder (<jitcore/lower.h>).  Placeholder until the compiler half's
 * builder exists: every instruction is refused. */
#include "vm_host.h"

static int64_t
vm_helper_imax (int64_t a, int64_t b)
{
  return a > b ? a : b;
}

const jc_helper vm_helpers[] = {
  { "vm_imax", (void *) vm_helper_imax, "i64(i64,i64)", JC_HELPER_PURE },
};
const uint32_t vm_nhelpers = 1;

int
vm_lower (void *ud, jc_lower *b, const void *code, uint32_t pc,
          uint32_t depth, const void *ic, jc_step *step)
{
  (void) ud; (void) b; (void) code; (void) pc; (void) depth; (void) ic;
  step->kind = JC_STEP_ABORT;
  step->reason = JC_ABORT_UNSUPPORTED_INSN;
  step->message = "no IR builder yet";
  return 0;
}

int
vm_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
              uint32_t slot)
{
  (void) ud; (void) b; (void) code; (void) depth; (void) slot;
  return 1;
}
