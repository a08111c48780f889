/* test_deopt.c -- exits and deoptimization (exit.c) against the test VM,
 * independent of the backend: each trace here is hand-compiled C that
 * follows the trace calling convention (see exit.c), with exits that
 * restore the root frame and materialise inlined frames.  Every test checks
 * deopt exactness against the interpreter alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "cunit_main.h"
#include "../libjitcore/runtime_internal.h"
#include "vm/vm.h"
#include "vm/vm_host.h"
#include "vm/vm_check.h"
#include "vm/vm_compare.h"

/* main(n, s0): s = s0; for i in 0..n-1: s += i; return s */
static const char *sum_src =
  "func main 2 4\n"
  "  const 0\n  store 2\n  load 1\n  store 3\n"   /* 0..3 */
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"          /* 4..7 head = 4 */
  "  load 3\n  load 2\n  add\n  store 3\n"         /* 8..11, add at 10 */
  "  load 2\n  const 1\n  add\n  store 2\n"        /* 12..15 */
  "  jmp loop\n"                                   /* 16 */
  "done:\n  load 3\n  ret\n";                      /* 17, 18 */

/* Hand-compiled trace of sum's loop at pc 4.
 * exit 0: loop done      -> pc 4, slots i, s
 * exit 1: s + i overflow -> pc 10, slots i, s, stack [s, i]
 * exit 2: type guard     -> pc 4, nothing to write */
static uint32_t
sum_trace (void *frame, uint64_t *buf)
{
  vm_frame *f = frame;
  vm_value *sl = f->slots;
  if (sl[0].tag != VM_INT || sl[2].tag != VM_INT || sl[3].tag != VM_INT)
    return 2;
  int64_t n = sl[0].u.i, i = sl[2].u.i, s = sl[3].u.i;
  for (;;)
    {
      if (!(i < n))
        {
          buf[0] = (uint64_t) i;
          buf[1] = (uint64_t) s;
          return 0;
        }
      int64_t t;
      if (__builtin_add_overflow (s, i, &t))
        {
          buf[0] = (uint64_t) i;
          buf[1] = (uint64_t) s;
          return 1;
        }
      s = t;
      i++;
    }
}

/* add1(x) = x + 1, called from a loop: main(n): i = 0; while i < n: i = add1(i) */
static const char *call_src =
  "func add1 1 1\n"
  "  load 0\n  const 1\n  add\n  ret\n"            /* 0..3 */
  "func main 1 2\n"
  "  const 0\n  store 1\n"                         /* 0, 1 */
  "loop:\n"
  "  load 1\n  load 0\n  lt\n  jz done\n"          /* 2..5 head = 2 */
  "  load 1\n  call add1 1\n  store 1\n  jmp loop\n" /* 6..9 */
  "done:\n  load 1\n  ret\n";                      /* 10, 11 */

static int64_t call_fail_at;     /* the inlined guard fails when x == this */

/* Hand-compiled trace of main's loop at pc 2 with add1 inlined.
 * exit 0: loop done           -> main pc 2, slot i
 * exit 1: guard inside add1   -> main at return pc 8 (arg slot 2 = x),
 *                                add1 pc 2: local x, stack [x, 1] */
static uint32_t
call_trace (void *frame, uint64_t *buf)
{
  vm_frame *f = frame;
  if (f->slots[0].tag != VM_INT || f->slots[1].tag != VM_INT)
    return 2;
  int64_t n = f->slots[0].u.i, i = f->slots[1].u.i;
  for (;;)
    {
      if (!(i < n))
        {
          buf[0] = (uint64_t) i;
          return 0;
        }
      if (i == call_fail_at)
        {
          buf[0] = (uint64_t) i;
          return 1;
        }
      i = i + 1;
    }
}

/* ---- building traces by hand ---- */

typedef struct slot_desc { uint32_t slot, type, from_buf, src; uint64_t k; } slot_desc;

static jc_rt_frame
mk_frame (const void *code, uint32_t pc, uint32_t arg_base, uint32_t nargs,
          const slot_desc *s, uint32_t n)
{
  jc_rt_frame fr = { code, pc, arg_base, nargs, n, calloc (n + 1, sizeof (jc_rt_slot)) };
  for (uint32_t i = 0; i < n; i++)
    {
      fr.slots[i].slot = s[i].slot;
      fr.slots[i].type = s[i].type;
      fr.slots[i].from_buf = s[i].from_buf;
      fr.slots[i].src = s[i].src;
      fr.slots[i].constant = s[i].k;
    }
  return fr;
}

static jc_trace *
mk_trace (jc_runtime *rt, const void *code, uint32_t pc, void *fn,
          uint32_t nexits)
{
  jc_trace *t = calloc (1, sizeof *t);
  t->magic = JC_TRACE_MAGIC;
  t->rt = rt;
  t->code = code;
  t->pc = pc;
  t->native = fn;
  t->nexits = nexits;
  t->exits = calloc (nexits, sizeof *t->exits);
  t->exit_counts = calloc (nexits, sizeof *t->exit_counts);
  t->nslots_max = 4;
  t->id = 900;
  t->next = rt->traces;          /* owned by the runtime from now on */
  rt->traces = t;
  return t;
}

static void
set_exit (jc_trace *t, uint32_t id, jc_rt_frame *frames, uint32_t n)
{
  t->exits[id].nframes = n;
  t->exits[id].frames = calloc (n, sizeof *frames);
  memcpy (t->exits[id].frames, frames, n * sizeof *frames);
}

#define I64 VM_JT_I64
#define BUF(s, i) { s, I64, 1, i, 0 }

static jc_trace *
sum_fixture (jc_runtime *rt, vm_program *p)
{
  vm_func *m = vm_find (p, "main");
  jc_trace *t = mk_trace (rt, m, 4, (void *) sum_trace, 3);
  slot_desc e0[] = { BUF (2, 0), BUF (3, 1) };
  slot_desc e1[] = { BUF (2, 0), BUF (3, 1), BUF (4, 1), BUF (5, 0) };
  jc_rt_frame f0 = mk_frame (m, 4, 0, 0, e0, 2);
  jc_rt_frame f1 = mk_frame (m, 10, 0, 0, e1, 4);
  jc_rt_frame f2 = mk_frame (m, 4, 0, 0, NULL, 0);
  set_exit (t, 0, &f0, 1);
  set_exit (t, 1, &f1, 1);
  set_exit (t, 2, &f2, 1);
  return t;
}

static jc_trace *
call_fixture (jc_runtime *rt, vm_program *p)
{
  vm_func *m = vm_find (p, "main"), *a = vm_find (p, "add1");
  jc_trace *t = mk_trace (rt, m, 2, (void *) call_trace, 3);
  slot_desc e0[] = { BUF (1, 0) };
  slot_desc root[] = { BUF (1, 0), BUF (2, 0) };
  slot_desc callee[] = { BUF (0, 0), BUF (1, 0), { 2, I64, 0, 0, 1 } };
  jc_rt_frame f0 = mk_frame (m, 2, 0, 0, e0, 1);
  jc_rt_frame f1[2] = { mk_frame (m, 8, 0, 0, root, 2),
                        mk_frame (a, 2, 2, 1, callee, 3) };
  jc_rt_frame f2 = mk_frame (m, 2, 0, 0, NULL, 0);
  set_exit (t, 0, &f0, 1);
  set_exit (t, 1, f1, 2);
  set_exit (t, 2, &f2, 1);
  return t;
}

/* A JIT run and an interpreter run of the same program; returns the JIT
 * run's result and checks exactness and equal results. */
typedef jc_trace *(*fixture_fn) (jc_runtime *, vm_program *);

/* The hand-made trace is the only one: the runtime is not attached to
 * the VM's hot counters, so nothing else gets selected. */
static jc_runtime *
unattached_runtime (vm *v, const jc_options *o, void *ud)
{
  (void) o;
  (void) ud;
  jc_host h = vm_host_descriptor (v);
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_status (rt), JC_OK);
  v->rt = rt;
  return rt;
}

static void
install_fixture (vm *v, jc_runtime *rt, vm_program *p, void *ud)
{
  fixture_fn fix = *(fixture_fn *) ud;
  jc_trace *t = fix (rt, p);
  v->traces[((const vm_func *) t->code)->index][t->pc] = t;
}

static vm_compare
run_both (const char *src, fixture_fn fix, const vm_value *args, int nargs)
{
  vm_compare_spec s = { .src = src, .args = args, .nargs = nargs,
                        .new_runtime = unattached_runtime,
                        .before_run = install_fixture, .ud = &fix };
  return vm_compare_run (&s);
}

static void
test_loop_exit (void)
{
  vm_value a[2] = { vm_int (1000), vm_int (5) };
  vm_compare r = run_both (sum_src, sum_fixture, a, 2);
  CU_ASSERT_EQUAL (r.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.jit.u.i, 5 + 999 * 1000 / 2);
  CU_ASSERT_EQUAL (r.exits, 1);
  CU_ASSERT_EQUAL (r.stats.exits, 1);
  CU_ASSERT_EQUAL (r.stats.deopts, 1);
  CU_ASSERT_EQUAL (r.stats.trace_entries, 1);
}

/* s overflows mid-loop: the exit restores the stack of the add, the
 * interpreter redoes it and promotes to float; the trace's type guard then
 * exits at once on every later entry. */
static void
test_overflow_deopt (void)
{
  vm_value a[2] = { vm_int (100), vm_int (INT64_MAX - 2000) };
  vm_compare r = run_both (sum_src, sum_fixture, a, 2);
  CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
  CU_ASSERT (r.exits > 10);
  CU_ASSERT_EQUAL (r.matched, r.exits);
  CU_ASSERT_EQUAL (r.stats.exits, r.exits);
  CU_ASSERT (r.stats.deopts >= 1);
}

static void
test_type_guard_exit (void)
{
  vm_value a[2] = { vm_int (50), vm_float (0.5) };
  vm_compare r = run_both (sum_src, sum_fixture, a, 2);
  CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
  CU_ASSERT_DOUBLE_EQUAL (r.jit.u.f, 0.5 + 49 * 50 / 2, 1e-9);
  CU_ASSERT_EQUAL (r.stats.deopts, 0);     /* exit 2 writes nothing */
  CU_ASSERT_EQUAL (r.stats.exits, 51);
}

/* A guard inside an inlined call: two frames are restored. */
static void
test_inlined_frame_exit (void)
{
  call_fail_at = 37;
  vm_value a[1] = { vm_int (100) };
  vm_compare r = run_both (call_src, call_fixture, a, 1);
  CU_ASSERT_EQUAL (r.jit.u.i, 100);
  CU_ASSERT_EQUAL (r.exits, 2);
  CU_ASSERT_EQUAL (r.stats.frames_materialised, 1);
  CU_ASSERT_EQUAL (r.stats.deopts, 2);
  CU_ASSERT_EQUAL (r.entries, 2);
}

/* sum_src on v with a runtime that is not attached to the counters and
 * sum_fixture's trace, which the test installs or enters itself. */
typedef struct sum_rig {
  vm_program *p;
  jc_runtime *rt;
  jc_trace *t;
} sum_rig;

static sum_rig
sum_rig_open (vm *v)
{
  sum_rig g;
  g.p = vm_asm_ok (sum_src);
  vm_init (v, g.p);
  g.rt = unattached_runtime (v, NULL, NULL);
  g.t = sum_fixture (g.rt, g.p);
  return g;
}

static void
sum_rig_close (vm *v, sum_rig *g)
{
  jc_runtime_free (g->rt);
  vm_fini (v);
  vm_program_free (g->p);
}

static void
test_exit_counts (void)
{
  static vm v;
  sum_rig g = sum_rig_open (&v);
  jc_trace *t = g.t;
  v.traces[0][4] = t;
  vm_value a[2] = { vm_int (10), vm_float (1.0) };
  vm_run (&v, &g.p->funcs[0], a, 2);
  CU_ASSERT_EQUAL (jc_trace_exit_count (t, 2), 11);
  CU_ASSERT_EQUAL (jc_trace_exit_count (t, 0), 0);
  CU_ASSERT_EQUAL (jc_trace_exit_count (t, 3), 0);
  CU_ASSERT_EQUAL (jc_trace_exit_count (NULL, 0), 0);
  const void *code;
  uint32_t pc;
  jc_trace_head (t, &code, &pc);
  CU_ASSERT_PTR_EQUAL (code, &g.p->funcs[0]);
  CU_ASSERT_EQUAL (pc, 4);
  sum_rig_close (&v, &g);
}

static uint32_t
bad_exit_trace (void *frame, uint64_t *buf)
{
  (void) frame; (void) buf;
  return 77;
}

/* Misuse is reported, never a crash. */
static void
test_enter_errors (void)
{
  static vm v;
  sum_rig g = sum_rig_open (&v);
  jc_host h = vm_host_descriptor (&v);
  jc_runtime *rt = g.rt, *rt2 = jc_runtime_new (&h, NULL);
  jc_trace *t = g.t;
  uint32_t pc = 12345;
  CU_ASSERT_EQUAL (jc_trace_enter (rt, NULL, NULL, &pc), -1);
  CU_ASSERT_EQUAL (jc_trace_enter (rt, t, NULL, NULL), -1);
  CU_ASSERT_EQUAL (jc_trace_enter (rt2, t, NULL, &pc), -1);   /* wrong runtime */
  int not_a_trace[16] = { 0 };
  CU_ASSERT_EQUAL (jc_trace_enter (rt, (jc_trace *) not_a_trace, NULL, &pc), -1);
  CU_ASSERT_EQUAL (pc, 12345);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  /* a trace returning an exit that does not exist */
  jc_trace *bad = mk_trace (rt, &g.p->funcs[0], 4, (void *) bad_exit_trace, 1);
  CU_ASSERT_EQUAL (jc_trace_enter (rt, bad, NULL, &pc), -1);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_TRACE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "exit 77"));
  jc_runtime_free (rt2);
  sum_rig_close (&v, &g);
}

/* A frame callback failing mid-restore puts the runtime in error. */
static void
test_restore_failure (void)
{
  static vm v;
  sum_rig g = sum_rig_open (&v);
  jc_runtime *rt = g.rt;
  jc_trace *t = g.t;
  t->exits[0].frames[0].slots[1].type = 999;    /* write_slot refuses */
  vm_value a[2] = { vm_int (3), vm_int (0) };
  v.traces[0][4] = t;
  CU_ASSERT_EQUAL (vm_run (&v, &g.p->funcs[0], a, 2), 0);  /* VM carries on */
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_HOST_ERROR);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "exit 0"));
  sum_rig_close (&v, &g);
}

/* The checker itself: a wrong restore (s written from i's buffer entry)
 * must be caught, or the exactness tests above prove nothing. */
static jc_trace *
wrong_fixture (jc_runtime *rt, vm_program *p)
{
  jc_trace *t = sum_fixture (rt, p);
  t->exits[0].frames[0].slots[1].src = 0;
  return t;
}

static void
test_checker_catches_wrong_restore (void)
{
  char err[128];
  vm_program *p = vm_assemble (sum_src, err, sizeof err);
  static vm jv, iv;
  vm_init (&jv, p);
  jc_host h = vm_host_descriptor (&jv);
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  jv.rt = rt;
  jv.traces[0][4] = wrong_fixture (rt, p);
  vm_check chk;
  vm_check_record (&chk, &jv);
  vm_value a[2] = { vm_int (10), vm_int (0) };
  vm_run (&jv, &p->funcs[0], a, 2);
  vm_init (&iv, p);
  vm_check_replay (&chk, &iv);
  vm_run (&iv, &p->funcs[0], a, 2);
  CU_ASSERT_EQUAL (chk.nexpected, 1);
  CU_ASSERT_EQUAL (chk.matched, 0);
  CU_ASSERT_NOT_EQUAL (jv.result.u.i, iv.result.u.i);
  vm_check_free (&chk);
  jc_runtime_free (rt);
  vm_fini (&jv);
  vm_fini (&iv);
  vm_program_free (p);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "loop_exit", test_loop_exit },
    { "overflow_deopt", test_overflow_deopt },
    { "type_guard_exit", test_type_guard_exit },
    { "inlined_frame_exit", test_inlined_frame_exit },
    { "exit_counts", test_exit_counts },
    { "enter_errors", test_enter_errors },
    { "restore_failure", test_restore_failure },
    { "checker_catches_wrong_restore", test_checker_catches_wrong_restore },
    { NULL, NULL }
  };
  return JC_SUITE ("deopt", jc_test_clear_env, NULL, tests);
}
