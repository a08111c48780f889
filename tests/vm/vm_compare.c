/* vm_compare.c -- the exactness harness (vm_compare.h). */
#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include "vm_check.h"
#include "vm_compare.h"
#include "vm_host.h"

static vm own_jit_vm, own_interp_vm;    /* big: static, not on the stack */

/* What the JIT run's hooks see: the recorder and the suite's hooks. */
typedef struct run_ctx {
  vm_check chk;
  const vm_compare_spec *spec;
} run_ctx;

static void
ctx_exit (vm *v, int exit_id, void *ud)
{
  run_ctx *c = ud;
  vm_check_note (&c->chk, v);
  if (c->spec->on_exit)
    c->spec->on_exit (v, exit_id, c->spec->ud);
}

static void
ctx_step (vm *v, void *ud)
{
  run_ctx *c = ud;
  c->spec->on_step (v, c->spec->ud);
}

jc_options
vm_compare_options (void)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  return o;
}

vm_program *
vm_asm_ok (const char *src)
{
  char err[128] = "";
  vm_program *p = vm_assemble (src, err, sizeof err);
  if (!p)
    fprintf (stderr, "assemble: %s\n", err);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  return p;
}

static jc_runtime *
default_runtime (vm *v, const jc_options *o)
{
  jc_host h = vm_host_descriptor (v);
  jc_runtime *rt = jc_runtime_new (&h, o);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_status (rt), JC_OK);
  vm_attach (v, rt);
  return rt;
}

vm_compare
vm_compare_run (const vm_compare_spec *spec)
{
  vm_compare r;
  memset (&r, 0, sizeof r);
  vm *jv = spec->jit_vm ? spec->jit_vm : &own_jit_vm;
  vm *iv = spec->interp_vm ? spec->interp_vm : &own_interp_vm;
  jc_options d = vm_compare_options ();
  const jc_options *o = spec->options ? spec->options : &d;
  vm_program *p = vm_asm_ok (spec->src);
  vm_func *main_fn = vm_find (p, "main");
  CU_ASSERT_PTR_NOT_NULL_FATAL (main_fn);

  vm_init (jv, p);
  jc_runtime *rt = spec->new_runtime ? spec->new_runtime (jv, o, spec->ud)
                                     : default_runtime (jv, o);
  CU_ASSERT_PTR_NOT_NULL_FATAL (rt);
  static run_ctx ctx;           /* the VM's hooks point at it */
  memset (&ctx, 0, sizeof ctx);
  ctx.spec = spec;
  jv->on_exit = ctx_exit;
  jv->hook = spec->on_step ? ctx_step : NULL;
  jv->hook_ud = &ctx;
  if (spec->before_run)
    spec->before_run (jv, rt, p, spec->ud);
  CU_ASSERT_EQUAL (vm_run (jv, main_fn, spec->args, spec->nargs), 0);
  if (spec->after_run)
    spec->after_run (jv, rt, spec->ud);
  if (jc_runtime_status (rt) != JC_OK)
    fprintf (stderr, "runtime error: %s\n", jc_runtime_error_message (rt));
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  r.jit = jv->result;
  r.entries = jv->trace_entries;
  r.steps_jit = jv->steps;
  r.installed = jv->installed;
  r.stats.size = sizeof r.stats;
  jc_stats_get (rt, &r.stats);

  vm_init (iv, p);
  vm_check_replay (&ctx.chk, iv);
  CU_ASSERT_EQUAL (vm_run (iv, main_fn, spec->args, spec->nargs), 0);
  r.interp = iv->result;
  r.steps_interp = iv->steps;
  r.exits = ctx.chk.nexpected;
  r.matched = ctx.chk.matched;
  if (r.matched != r.exits)
    {
      char buf[512];
      vm_state_format (&ctx.chk.expected[r.matched], buf, sizeof buf);
      fprintf (stderr, "exit state %zu of %zu never reached by the "
               "interpreter: %s\n", r.matched + 1, r.exits, buf);
    }
  CU_ASSERT_EQUAL (r.matched, r.exits);
  CU_ASSERT_EQUAL (r.jit.tag, r.interp.tag);
  CU_ASSERT_EQUAL (memcmp (&r.jit.u, &r.interp.u, sizeof r.jit.u), 0);

  vm_check_free (&ctx.chk);
  jc_runtime_free (rt);
  vm_fini (jv);
  vm_fini (iv);
  vm_program_free (p);
  return r;
}

vm_compare
vm_compare_simple (const char *src, const vm_value *args, int nargs,
                   const jc_options *options)
{
  vm_compare_spec s = { .src = src, .args = args, .nargs = nargs,
                        .options = options };
  return vm_compare_run (&s);
}
