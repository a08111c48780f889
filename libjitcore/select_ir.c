/* select_ir.c -- the seam between selection and the compiler half.
 * Placeholder until ir.c and emit_gccjit.c exist: a builder that records
 * nothing, and a compile step that always fails with its reason. */
#include <stdio.h>
#include <stdlib.h>
#include "select_ir.h"

struct jc_lower { int unused; };

jc_lower *
jc_selir_new (jc_runtime *rt, const void *code, uint32_t pc, char *err,
              size_t len)
{
  (void) rt; (void) code; (void) pc;
  jc_lower *b = calloc (1, sizeof *b);
  if (!b)
    snprintf (err, len, "out of memory for the builder");
  return b;
}

void jc_selir_free (jc_lower *b) { free (b); }

void
jc_selir_begin_insn (jc_runtime *rt, jc_lower *b, const void *code,
                     uint32_t pc)
{
  (void) rt; (void) b; (void) code; (void) pc;
}

int
jc_selir_push_frame (jc_lower *b, const jc_step *call, uint32_t call_pc)
{
  (void) b; (void) call; (void) call_pc;
  return 0;
}

int jc_selir_pop_frame (jc_lower *b, const jc_step *ret)
{ (void) b; (void) ret; return 0; }

int jc_selir_close_loop (jc_runtime *rt, jc_lower *b, uint32_t head_pc)
{ (void) rt; (void) b; (void) head_pc; return 0; }

int jc_selir_exit (jc_lower *b, uint32_t pc) { (void) b; (void) pc; return 0; }

const char *jc_selir_error (const jc_lower *b) { (void) b; return NULL; }

uint32_t jc_selir_nsnapshots (const jc_lower *b) { (void) b; return 0; }

jc_status
jc_selir_compile (jc_runtime *rt, jc_lower *b, jc_trace *t, char *msg,
                  size_t len)
{
  (void) b; (void) t;
  snprintf (msg, len, rt->opts.fail_compile ? "injected failure (option "
            "fail_compile)" : "no backend in this build yet");
  return JC_COMPILE_FAILED;
}
