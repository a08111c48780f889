/* dummy_host.h -- a minimal host descriptor for the runtime-half suites:
 * every callback present, lower always aborts with a host reason. */
#ifndef JC_TESTS_DUMMY_HOST_H
#define JC_TESTS_DUMMY_HOST_H

#include <string.h>
#include <jitcore/jitcore.h>

static int
dummy_lower (void *ud, jc_lower *b, const void *code, uint32_t pc,
             uint32_t depth, const void *ic, jc_step *step)
{
  (void) ud; (void) b; (void) code; (void) pc; (void) depth; (void) ic;
  step->kind = JC_STEP_ABORT;
  step->reason = JC_ABORT_HOST_REFUSED;
  step->message = "dummy host lowers nothing";
  return 0;
}

static int
dummy_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
                 uint32_t slot)
{
  (void) ud; (void) b; (void) code; (void) depth; (void) slot;
  return 1;
}

static int
dummy_write_slot (void *ud, void *frame, uint32_t slot, uint32_t type,
                  uint64_t raw)
{
  (void) ud; (void) frame; (void) slot; (void) type; (void) raw;
  return 0;
}

static int
dummy_set_pc (void *ud, void *frame, uint32_t pc)
{
  (void) ud; (void) frame; (void) pc;
  return 0;
}

static int
dummy_install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  (void) ud; (void) code; (void) pc; (void) t;
  return 0;
}

static int
dummy_code_info (void *ud, const void *code, jc_code_info *out)
{
  (void) ud; (void) code;
  out->name = "dummy";
  out->file = "dummy.vm";
  out->first_line = 1;
  out->bytecode_len = 100;
  return 0;
}

static inline jc_host
dummy_host (void)
{
  jc_host h = JC_HOST_INIT;
  h.lower = dummy_lower;
  h.load_slot = dummy_load_slot;
  h.write_slot = dummy_write_slot;
  h.set_pc = dummy_set_pc;
  h.install = dummy_install;
  h.code_info = dummy_code_info;
  return h;
}

#endif
