/* test_vm.c -- the test host: its assembler and interpreter (the oracle of
 * every JIT test), its inline caches and hot counters, and end-to-end runs
 * through libjitcore compared with the interpreter alone (results and the
 * full frame state at every exit). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include "cunit_main.h"
#include "vm/vm.h"
#include "vm/vm_host.h"
#include "vm/vm_check.h"
#include "vm/vm_compare.h"
#include "vm/vm_programs.h"

static vm the_vm, other_vm;      /* big: static, not on the stack */

static const char *fib_src =
  "func fib 1 1\n"
  "  load 0\n  const 2\n  lt\n  jz rec\n  load 0\n  ret\n"
  "rec:\n"
  "  load 0\n  const 1\n  sub\n  call fib 1\n"
  "  load 0\n  const 2\n  sub\n  call fib 1\n"
  "  add\n  ret\n"
  "func main 1 1\n  load 0\n  call fib 1\n  ret\n";

static vm_value
run (vm_program *p, const vm_value *args, int n)
{
  vm_init (&the_vm, p);
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), args, n), 0);
  vm_value r = the_vm.result;
  return r;
}

static void
expect_asm_error (const char *src, const char *needle)
{
  char err[128] = "";
  vm_program *p = vm_assemble (src, err, sizeof err);
  CU_ASSERT_PTR_NULL (p);
  if (!strstr (err, needle))
    fprintf (stderr, "error '%s' lacks '%s'\n", err, needle);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, needle));
  vm_program_free (p);
}

static void
test_assembler_errors (void)
{
  expect_asm_error ("func main 0 0\n  frob\n", "unknown instruction 'frob'");
  expect_asm_error ("func main 0 0\n  jmp nowhere\n", "undefined 'nowhere'");
  expect_asm_error ("  const 1\n", "outside a function");
  expect_asm_error ("func f 2 2\n load 0\n ret\nfunc main 0 0\n const 1\n"
                    " call f 1\n ret\n", "wants 2");
  expect_asm_error ("func main 0 1\n  const 1\n  jz a\n  const 5\na:\n"
                    "  ret\n", "stack");
  expect_asm_error ("func main 0 0\n  const 1\n  pop\n", "falls off");
}

static void
test_depths_and_loop_heads (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_func *m = vm_find (p, "main");
  CU_ASSERT_EQUAL (m->ncode, 19);
  CU_ASSERT_EQUAL (m->depth[4], 0);
  CU_ASSERT_EQUAL (m->depth[6], 2);
  CU_ASSERT_EQUAL (m->depth[7], 1);
  CU_ASSERT_EQUAL (m->depth[10], 2);
  CU_ASSERT_EQUAL (m->loop_head[4], 1);
  int heads = 0;
  for (uint32_t i = 0; i < m->ncode; i++)
    heads += m->loop_head[i];
  CU_ASSERT_EQUAL (heads, 1);
  CU_ASSERT_EQUAL (m->maxstack, 3);
  vm_program_free (p);
}

static void
test_sum_loop (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_value a[2] = { vm_int (1000), vm_int (7) };
  vm_value r = run (p, a, 2);
  CU_ASSERT_EQUAL (r.tag, VM_INT);
  CU_ASSERT_EQUAL (r.u.i, 7 + 999 * 1000 / 2);
  /* inline caches: the loop's JZ fell through 1000 times, jumped once */
  vm_func *m = vm_find (p, "main");
  CU_ASSERT_EQUAL (the_vm.ics[m->index][7].not_taken, 1000);
  CU_ASSERT_EQUAL (the_vm.ics[m->index][7].taken, 1);
  CU_ASSERT_EQUAL (the_vm.ics[m->index][10].seen_a, 1u << VM_INT);
  vm_fini (&the_vm);
  vm_program_free (p);
}

/* The VM's defined slow path: an overflowing int op gives the exact
 * result as a float, and the inline cache remembers it. */
static void
test_overflow_promotes (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_value a[2] = { vm_int (10), vm_int (INT64_MAX - 20) };
  vm_value r = run (p, a, 2);
  CU_ASSERT_EQUAL (r.tag, VM_FLOAT);
  CU_ASSERT_DOUBLE_EQUAL (r.u.f, (double) INT64_MAX + 25.0, 1e4);
  CU_ASSERT_EQUAL (the_vm.ics[0][10].overflowed, 1);
  CU_ASSERT_EQUAL (the_vm.ics[0][10].seen_a, (1u << VM_INT) | (1u << VM_FLOAT));
  vm_fini (&the_vm);
  vm_program_free (p);
}

static void
test_mixed_arith (void)
{
  vm_program *p = vm_asm_ok ("func main 0 1\n"
                          "  const 3\n  constf 0.5\n  mul\n"   /* 1.5 */
                          "  const 2\n  sub\n"                /* -0.5 */
                          "  constf -0.5\n  eq\n"              /* 1 */
                          "  const 4\n  tofloat\n  const 4\n  le\n"  /* 1 */
                          "  add\n  ret\n");
  vm_value r = run (p, NULL, 0);
  CU_ASSERT_EQUAL (r.tag, VM_INT);
  CU_ASSERT_EQUAL (r.u.i, 2);
  vm_fini (&the_vm);
  vm_program_free (p);
}

static void
test_calls (void)
{
  vm_program *p = vm_asm_ok (fib_src);
  vm_value a[1] = { vm_int (20) };
  vm_value r = run (p, a, 1);
  CU_ASSERT_EQUAL (r.tag, VM_INT);
  CU_ASSERT_EQUAL (r.u.i, 6765);
  vm_fini (&the_vm);
  vm_program_free (p);
}

static void
test_stack_overflow_is_an_error (void)
{
  vm_program *p = vm_asm_ok ("func f 1 1\n  load 0\n  call f 1\n  ret\n"
                          "func main 0 0\n  const 1\n  call f 1\n  ret\n");
  vm_init (&the_vm, p);
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), NULL, 0), -1);
  CU_ASSERT_EQUAL (the_vm.error, 1);
  CU_ASSERT_STRING_EQUAL (the_vm.errmsg, "stack overflow");
  vm_fini (&the_vm);
  vm_program_free (p);
}

static void
test_state_capture (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  vm_init (&other_vm, p);
  vm_value a[2] = { vm_int (3), vm_int (0) };
  vm_run (&the_vm, &p->funcs[0], a, 2);
  vm_run (&other_vm, &p->funcs[0], a, 2);
  vm_state s1, s2;
  the_vm.nframes = 1;           /* the finished run's frame is still there */
  other_vm.nframes = 1;
  vm_state_capture (&the_vm, &s1);
  vm_state_capture (&other_vm, &s2);
  CU_ASSERT_TRUE (vm_state_equal (&s1, &s2));
  other_vm.frames[0].slots[3] = vm_float (3.0);   /* same number, other tag */
  vm_state_capture (&other_vm, &s2);
  CU_ASSERT_FALSE (vm_state_equal (&s1, &s2));
  char buf[256];
  vm_state_format (&s1, buf, sizeof buf);
  CU_ASSERT_PTR_NOT_NULL (strstr (buf, "pc=19"));
  vm_fini (&the_vm);
  vm_fini (&other_vm);
  vm_program_free (p);
}

/* ------------------------------------------------------------ with the JIT
 * vm_compare runs each program with the JIT and in the interpreter alone
 * and checks the results and every exit state (vm/vm_compare.h). */

/* Hot counters fire at the loop head and the program's result does not
 * depend on what the JIT did with it. */
static void
test_counters_fire (void)
{
  vm_value a[2] = { vm_int (200), vm_int (1) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, NULL);
  CU_ASSERT (r.stats.hot_events >= 1);
  CU_ASSERT (r.stats.traces_started >= 1);
  CU_ASSERT_EQUAL (r.jit.u.i, 1 + 199 * 200 / 2);
}

/* A bad descriptor: the runtime refuses it and the VM just interprets. */
static void
test_bad_descriptor_keeps_interpreting (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  jc_host h = vm_host_descriptor (&the_vm);
  h.size = 12;
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_HOST_BAD_SIZE);
  vm_attach (&the_vm, rt);
  vm_value a[2] = { vm_int (500), vm_int (0) };
  CU_ASSERT_EQUAL (vm_run (&the_vm, &p->funcs[0], a, 2), 0);
  CU_ASSERT_EQUAL (the_vm.result.u.i, 499 * 500 / 2);
  CU_ASSERT_EQUAL (the_vm.installed, 0);
  jc_runtime_free (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
}

/* A hot loop runs natively: same result, and the interpreter runs only a
 * small part of the instructions. */
static void
test_hot_loop_compiled (void)
{
  vm_value a[2] = { vm_int (20000), vm_int (3) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.jit.u.i, 3 + (int64_t) 19999 * 20000 / 2);
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 1);
  CU_ASSERT (r.stats.code_bytes > 0);
  CU_ASSERT (r.stats.compile_ns > 0);
  CU_ASSERT (r.entries >= 1);
  CU_ASSERT (r.steps_jit * 20 < r.steps_interp);
  CU_ASSERT (r.exits >= 1);
}

/* x changes from int to float at i == k: a type guard fails mid-loop. */
static const char *type_change_src =
  "func main 2 5      # main(n, k): x = 1; for i < n: if i == k: x = 0.5; s += x\n"
  "  const 0\n  store 2\n  const 0\n  store 3\n  const 1\n  store 4\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  eq\n  jz skip\n"
  "  constf 0.5\n  store 4\n"
  "skip:\n"
  "  load 3\n  load 4\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n"
  "  jmp loop\n"
  "done:\n  load 3\n  ret\n";

static void
test_type_change_fails_guard (void)
{
  vm_value a[2] = { vm_int (400), vm_int (150) };
  vm_compare r = vm_compare_simple (type_change_src, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
  CU_ASSERT_DOUBLE_EQUAL (r.jit.u.f, 150 + 250 * 0.5, 1e-9);
  CU_ASSERT (r.stats.traces_installed >= 1);
  CU_ASSERT (r.exits >= 2);
  CU_ASSERT (r.stats.deopts >= 1);
}

/* s overflows mid-loop: the overflow guard exits before the add and the
 * interpreter takes its slow path (promotion to float). */
static void
test_overflow_deopts (void)
{
  vm_value a[2] = { vm_int (3000), vm_int (INT64_MAX - 2000000) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT (r.exits >= 2);
  CU_ASSERT (r.stats.deopts >= 1);
}

/* vm_prog_inline: step(x) is inlined into the loop; the branch in the
 * callee flips, so the exit restores two frames. */
static void
test_exit_in_inlined_call (void)
{
  vm_value a[2] = { vm_int (1000), vm_int (300) };
  vm_compare r = vm_compare_simple (vm_prog_inline, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.u.i, 1000);
  CU_ASSERT (r.stats.traces_installed >= 1);
  CU_ASSERT (r.stats.frames_materialised >= 1);
  CU_ASSERT (r.exits >= 2);
}

/* Without inlining (max_depth=0) the selection aborts with its reason. */
static void
test_no_inlining_aborts (void)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.func_threshold = 65535;      /* only the loop */
  o.max_inline_depth = 0;
  vm_value a[2] = { vm_int (1000), vm_int (2000) };
  vm_compare r = vm_compare_simple (vm_prog_inline, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, 1000);
  CU_ASSERT_EQUAL (r.installed, 0);
  CU_ASSERT (r.stats.aborted_by_reason[JC_ABORT_INLINE_TOO_DEEP] >= 1);
}

/* An injected compile failure: reported, the head backs off and is
 * blacklisted, the VM interprets on with the same result. */
static void
test_injected_compile_failure (void)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 2;
  o.max_aborts = 2;
  o.fail_compile = 1;
  vm_value a[2] = { vm_int (3000), vm_int (0) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, &o);
  CU_ASSERT_EQUAL (r.installed, 0);
  CU_ASSERT_EQUAL (r.stats.compile_failures, 2);
  CU_ASSERT_EQUAL (r.stats.blacklisted, 1);
  CU_ASSERT_EQUAL (r.exits, 0);
}

static void
test_install_refused (void)
{
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  the_vm.refuse_install = 1;
  jc_host h = vm_host_descriptor (&the_vm);
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 3;
  o.max_aborts = 1;
  jc_runtime *rt = jc_runtime_new (&h, &o);
  vm_attach (&the_vm, rt);
  vm_value a[2] = { vm_int (300), vm_int (0) };
  CU_ASSERT_EQUAL (vm_run (&the_vm, &p->funcs[0], a, 2), 0);
  CU_ASSERT_EQUAL (the_vm.result.u.i, 299 * 300 / 2);
  jc_stats s = { .size = sizeof s };
  jc_stats_get (rt, &s);
  CU_ASSERT_EQUAL (s.traces_compiled, 1);
  CU_ASSERT_EQUAL (s.traces_installed, 0);
  CU_ASSERT_EQUAL (s.blacklisted, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt), "refused"));
  jc_runtime_free (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
}

typedef struct text_sink { char buf[65536]; size_t n; } text_sink;

static void
sink_line (void *ud, unsigned cat, const char *line)
{
  (void) cat;
  text_sink *t = ud;
  int k = snprintf (t->buf + t->n, sizeof t->buf - t->n, "%s\n", line);
  if (k > 0 && t->n + (size_t) k < sizeof t->buf)
    t->n += (size_t) k;
}

/* The logs show the walk next to the host's disassembly, real IR with
 * guards, and the exits. */
static void
test_logs_show_ir_and_exits (void)
{
  static text_sink t;
  memset (&t, 0, sizeof t);
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.side_threshold = 5;
  o.log = JC_LOG_IR | JC_LOG_TRACE | JC_LOG_EXIT | JC_LOG_COMPILE;
  o.log_fn = sink_line;
  o.log_userdata = &t;
  vm_value a[2] = { vm_int (100), vm_int (30) };
  vm_compare_simple (type_change_src, a, 2, &o);
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "trace start at pc"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "main:9 JZ"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "GUARD"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "compiled"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "exit"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "deopt"));
  /* after x turns float every entry exits at once: that exit gets hot
   * and a side trace */
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "is hot (5 exits"));
  CU_ASSERT_PTR_NOT_NULL (strstr (t.buf, "side trace start at pc"));
}

/* Two loops, one inside the other: the inner one is traced, the outer
 * one links to it or aborts; either way the state at every exit is the
 * interpreter's. */
static const char *nested_src =
  "func main 1 4      # main(n): for i < n: for j < n: s += j\n"
  "  const 0\n  store 1\n  const 0\n  store 3\n"
  "outer:\n"
  "  load 1\n  load 0\n  lt\n  jz done\n"
  "  const 0\n  store 2\n"
  "inner:\n"
  "  load 2\n  load 0\n  lt\n  jz next\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n"
  "  jmp inner\n"
  "next:\n"
  "  load 1\n  const 1\n  add\n  store 1\n"
  "  jmp outer\n"
  "done:\n  load 3\n  ret\n";

static void
test_nested_loops (void)
{
  vm_value a[1] = { vm_int (60) };
  vm_compare r = vm_compare_simple (nested_src, a, 1, NULL);
  CU_ASSERT_EQUAL (r.jit.u.i, 60 * (59 * 60 / 2));
  CU_ASSERT (r.stats.traces_installed >= 1);
  CU_ASSERT (r.steps_jit * 5 < r.steps_interp);
}

/* Exactness over many exit points: the same programs with the guard
 * failing at different iterations, before, at and after the trace is
 * compiled (threshold 5), and with different thresholds. */
static void
test_exactness_matrix (void)
{
  static const int64_t ks[] = { 0, 3, 5, 6, 7, 50, 299 };
  for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++)
    {
      vm_value a[2] = { vm_int (300), vm_int (ks[i]) };
      vm_compare r = vm_compare_simple (type_change_src, a, 2, NULL);
      CU_ASSERT_EQUAL (r.matched, r.exits);
      r = vm_compare_simple (vm_prog_inline, a, 2, NULL);
      CU_ASSERT_EQUAL (r.matched, r.exits);
    }
  static const int64_t near[] = { 0, 1, 100, 1000, 44850 };
  for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
    {
      vm_value a[2] = { vm_int (300), vm_int (INT64_MAX - 44850 + near[i]) };
      jc_options o;
      jc_options_init (&o);
      o.sync = 1;
      o.loop_threshold = 1 + (uint32_t) i * 3;
      vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, &o);
      CU_ASSERT_EQUAL (r.matched, r.exits);
      /* the sum of 0..299 is 44850: near 0 ends exactly at INT64_MAX */
      CU_ASSERT_EQUAL (r.jit.tag, near[i] ? VM_FLOAT : VM_INT);
      /* overflow before the trace exists: tier 1 saw it, no trace */
      if (near[i] == 44850)
        CU_ASSERT_EQUAL (r.installed, 0);
    }
}

/* Every optimizer pass alone, none, and all: the same programs give the
 * interpreter's result and exact exit states (vm_compare checks both), and
 * with all passes on the optimizer does remove something. */
static void
test_passes_matrix (void)
{
  static const uint32_t sets[] = {
    0, JC_PASS_FOLD, JC_PASS_CSE, JC_PASS_GUARD, JC_PASS_DCE, JC_PASS_LOOP,
    JC_PASS_RC, JC_PASS_SINK, JC_PASS_RANGE, JC_PASS_FACTS, JC_PASS_ALL
  };
  const char *progs[] = { vm_prog_sum, type_change_src, vm_prog_inline, nested_src };
  vm_value args[][2] = {
    { vm_int (300), vm_int (INT64_MAX - 40000) },
    { vm_int (300), vm_int (150) },
    { vm_int (300), vm_int (100) },
    { vm_int (40), vm_int (0) },
  };
  uint64_t removed = 0, unboxed = 0;
  for (size_t p = 0; p < sizeof progs / sizeof progs[0]; p++)
    {
      vm_value first = { 0 };
      for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++)
        {
          jc_options o;
          jc_options_init (&o);
          o.sync = 1;
          o.loop_threshold = 5;
          o.passes = sets[k];
          vm_compare r = vm_compare_simple (progs[p], args[p], p == 3 ? 1 : 2, &o);
          CU_ASSERT (r.stats.traces_installed >= 1);
          if (k == 0)
            first = r.jit;
          CU_ASSERT_EQUAL (r.jit.tag, first.tag);
          CU_ASSERT_EQUAL (memcmp (&r.jit.u, &first.u, sizeof first.u), 0);
          if (sets[k] == 0)
            CU_ASSERT_EQUAL (r.stats.opt_folded + r.stats.opt_cse
                             + r.stats.opt_dead
                             + r.stats.opt_guards_removed, 0);
          if (sets[k] == JC_PASS_ALL)
            removed += r.stats.opt_folded + r.stats.opt_cse
                       + r.stats.opt_loads_removed + r.stats.opt_dead
                       + r.stats.opt_guards_removed;
          unboxed += r.stats.opt_boxes_removed;
        }
    }
  CU_ASSERT (removed > 0);
  CU_ASSERT (unboxed > 0);   /* the loops' int counters and sums stay raw */
}

/* A global the trace embeds as a constant is rebound mid-loop: the trace
 * is invalidated (uninstalled), the loop goes on in the interpreter, and a
 * new trace with the new value takes over.  Without invalidation the old
 * trace would keep adding 5. */
static void
test_invalidation_mid_loop (void)
{
  vm_value a[2] = { vm_int (300), vm_int (150) };
  vm_compare r = vm_compare_simple (vm_prog_global, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.jit.u.i, 150 * 5 + 150 * 7);
  CU_ASSERT (r.stats.invalidated >= 1);
  CU_ASSERT (r.stats.traces_installed >= 2);
  /* Rebinding before the trace exists invalidates nothing. */
  a[1] = vm_int (1);
  r = vm_compare_simple (vm_prog_global, a, 2, NULL);
  CU_ASSERT_EQUAL (r.jit.u.i, 5 + 299 * 7);
  CU_ASSERT_EQUAL (r.stats.invalidated, 0);
}

/* Three loops one after the other, under code-cache limits: installing a
 * trace past the limit evicts the least-entered one; results stay exact. */
static const char *three_loops_src =
  "func main 1 3      # three loops of n: s += i, s += 2, s += i*i\n"
  "  const 0\n  store 1\n  const 0\n  store 2\n"
  "a:\n  load 1\n  load 0\n  lt\n  jz a_end\n"
  "  load 2\n  load 1\n  add\n  store 2\n"
  "  load 1\n  const 1\n  add\n  store 1\n  jmp a\n"
  "a_end:\n  const 0\n  store 1\n"
  "b:\n  load 1\n  load 0\n  lt\n  jz b_end\n"
  "  load 2\n  const 2\n  add\n  store 2\n"
  "  load 1\n  const 1\n  add\n  store 1\n  jmp b\n"
  "b_end:\n  const 0\n  store 1\n"
  "c:\n  load 1\n  load 0\n  lt\n  jz c_end\n"
  "  load 2\n  load 1\n  load 1\n  mul\n  add\n  store 2\n"
  "  load 1\n  const 1\n  add\n  store 1\n  jmp c\n"
  "c_end:\n  load 2\n  ret\n";

static void
test_code_cache_limits (void)
{
  vm_value a[1] = { vm_int (200) };
  int64_t want = 199 * 200 / 2 + 2 * 200 + 199 * 200 * 399 / 6;
  vm_compare r = vm_compare_simple (three_loops_src, a, 1, NULL);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.traces_installed, 3);
  CU_ASSERT_EQUAL (r.stats.evicted, 0);
  CU_ASSERT_EQUAL (r.stats.live_traces, 3);
  /* max_traces 0 is "no limit" (as documented), not "compile nothing" */
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.max_traces = 0;
  r = vm_compare_simple (three_loops_src, a, 1, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 3);
  CU_ASSERT_EQUAL (r.stats.evicted, 0);
  CU_ASSERT_EQUAL (r.stats.live_traces, 3);
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.max_traces = 1;
  r = vm_compare_simple (three_loops_src, a, 1, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.traces_installed, 3);
  CU_ASSERT_EQUAL (r.stats.evicted, 2);
  CU_ASSERT_EQUAL (r.stats.live_traces, 1);
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.max_code_bytes = 1;      /* every trace is bigger: keep only the newest */
  r = vm_compare_simple (three_loops_src, a, 1, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.evicted, 2);
  CU_ASSERT_EQUAL (r.stats.live_traces, 1);
  CU_ASSERT (r.stats.live_code_bytes > 1);
}

/* A float loop with a conversion and a float multiply stays unboxed. */
static void
test_float_loop (void)
{
  static const char *src =
    "func main 1 3\n const 0\n store 1\n constf 0.0\n store 2\nloop:\n"
    " load 1\n load 0\n lt\n jz done\n load 2\n load 1\n tofloat\n"
    " constf 0.5\n mul\n add\n store 2\n load 1\n const 1\n add\n"
    " store 1\n jmp loop\ndone:\n load 2\n ret\n";
  vm_value a[1] = { vm_int (5000) };
  vm_compare r = vm_compare_simple (src, a, 1, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
  CU_ASSERT_DOUBLE_EQUAL (r.jit.u.f, 0.5 * 4999 * 5000 / 2, 1e-6);
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT (r.steps_jit * 20 < r.steps_interp);
}

/* copy_slot: at an exit, a slot holding the very value of an earlier slot
 * of its frame (t = s) is handed to the host as a copy of that slot, in
 * the first iteration's snapshots and in the loop copy's (both slots'
 * carried values); a host without copy_slot gets write_slot for both, and
 * either way the states match the interpreter's. */
static struct { int copies, bad; } copy_spy;

static int
spy_copy_slot (void *ud, void *frame, uint32_t dst, uint32_t src)
{
  (void) ud;
  vm_frame *f = frame;
  uint32_t n = f->fn->nlocals + f->fn->maxstack;
  copy_spy.copies++;
  if (dst >= n || src >= n || src == dst)
    {
      copy_spy.bad++;
      return -1;
    }
  f->slots[dst] = f->slots[src];
  return 0;
}

static jc_runtime *
copy_runtime (vm *v, const jc_options *o, void *ud)
{
  jc_host h = vm_host_descriptor (v);
  if (ud)
    h.copy_slot = spy_copy_slot;
  jc_runtime *rt = jc_runtime_new (&h, o);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_status (rt), JC_OK);
  vm_attach (v, rt);
  return rt;
}

static void
test_copy_slot_at_exits (void)
{
  /* main(n): i = 0; s = t = u = 0.0; while i < n: s = s + 0.5; t = s;
   * if s >= 1000.0: u = t; i = i + 1.  return t + u */
  static const char *src =
    "func main 1 5\n const 0\n store 1\n constf 0.0\n store 2\n"
    " constf 0.0\n store 3\n constf 0.0\n store 4\nloop:\n"
    " load 1\n load 0\n lt\n jz done\n"
    " load 2\n constf 0.5\n add\n store 2\n load 2\n store 3\n"
    " load 2\n constf 1000.0\n lt\n jz big\n"
    " load 1\n const 1\n add\n store 1\n jmp loop\n"
    "big:\n load 3\n store 4\n load 1\n const 1\n add\n store 1\n"
    " jmp loop\ndone:\n load 3\n load 4\n add\n ret\n";
  for (int with = 0; with < 2; with++)
    {
      memset (&copy_spy, 0, sizeof copy_spy);
      vm_value a[1] = { vm_int (3000) };
      vm_compare_spec sp = { .src = src, .args = a, .nargs = 1,
                             .new_runtime = copy_runtime,
                             .ud = with ? (void *) 1 : NULL };
      vm_compare r = vm_compare_run (&sp);
      CU_ASSERT_EQUAL (r.jit.tag, VM_FLOAT);
      CU_ASSERT_DOUBLE_EQUAL (r.jit.u.f, 1500.0 + 1500.0, 1e-9);
      CU_ASSERT (r.exits >= 2);
      CU_ASSERT_EQUAL (r.matched, r.exits);
      CU_ASSERT_EQUAL (copy_spy.bad, 0);
      if (with)
        {
          CU_ASSERT (copy_spy.copies >= 2);
        }
      else
        {
          CU_ASSERT_EQUAL (copy_spy.copies, 0);
        }
    }
}

/* The optional one-call restore (jc_host.restore): with it, every frame
 * of every exit is restored by one call (no write_slot, copy_slot or
 * set_pc at exits), and the results and every exit state are the
 * interpreter's, exactly as without it -- for copies of one value
 * (same_as), exits in an inlined call (push_frame, then the callee's
 * restore), side traces (restored and raw entries) and links back to the
 * root. */
static struct {
  int (*write_slot) (void *, void *, uint32_t, uint32_t, uint64_t);
  int (*set_pc) (void *, void *, uint32_t);
  unsigned long writes, pcs, copies;
} rs_spy;

static int
rs_write_slot (void *ud, void *frame, uint32_t slot, uint32_t type,
               uint64_t raw)
{
  rs_spy.writes++;
  return rs_spy.write_slot (ud, frame, slot, type, raw);
}

static int
rs_set_pc (void *ud, void *frame, uint32_t pc)
{
  rs_spy.pcs++;
  return rs_spy.set_pc (ud, frame, pc);
}

static int
rs_copy_slot (void *ud, void *frame, uint32_t dst, uint32_t src)
{
  rs_spy.copies++;
  return spy_copy_slot (ud, frame, dst, src);
}

static jc_runtime *
restore_runtime (vm *v, const jc_options *o, void *ud)
{
  jc_host h = vm_host_descriptor (v);
  rs_spy.write_slot = h.write_slot;
  rs_spy.set_pc = h.set_pc;
  h.write_slot = rs_write_slot;
  h.set_pc = rs_set_pc;
  h.copy_slot = rs_copy_slot;
  if (ud)
    h.restore = vm_host_restore;
  jc_runtime *rt = jc_runtime_new (&h, o);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_status (rt), JC_OK);
  vm_attach (v, rt);
  return rt;
}

static void
test_restore_in_one_call (void)
{
  static const char *copy_src =
    "func main 1 5\n const 0\n store 1\n constf 0.0\n store 2\n"
    " constf 0.0\n store 3\n constf 0.0\n store 4\nloop:\n"
    " load 1\n load 0\n lt\n jz done\n"
    " load 2\n constf 0.5\n add\n store 2\n load 2\n store 3\n"
    " load 2\n constf 1000.0\n lt\n jz big\n"
    " load 1\n const 1\n add\n store 1\n jmp loop\n"
    "big:\n load 3\n store 4\n load 1\n const 1\n add\n store 1\n"
    " jmp loop\ndone:\n load 3\n load 4\n add\n ret\n";
  struct {
    const char *src;
    vm_value a[2];
    int n;
    uint32_t side_threshold, side_raw;
  } progs[] = {
    { copy_src, { vm_int (3000) }, 1, 0, 1 },
    { vm_prog_inline, { vm_int (900), vm_int (100) }, 2, 0, 1 },
    { vm_prog_inline, { vm_int (900), vm_int (100) }, 2, 10, 1 },
    { vm_prog_branch, { vm_int (700), vm_int (200) }, 2, 10, 1 },
    { vm_prog_branch, { vm_int (700), vm_int (200) }, 2, 10, 0 },
    { vm_prog_branch, { vm_int (700), vm_int (200) }, 2, 0, 1 },
  };
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    {
      vm_compare r[2];
      unsigned long calls[2];
      for (int with = 0; with < 2; with++)
        {
          memset (&rs_spy, 0, sizeof rs_spy);
          memset (&copy_spy, 0, sizeof copy_spy);
          vm_restore_calls = 0;
          jc_options o;
          jc_options_init (&o);
          o.sync = 1;
          o.loop_threshold = 5;
          o.side_threshold = progs[i].side_threshold;
          o.side_raw = progs[i].side_raw;
          vm_compare_spec sp = { .src = progs[i].src, .args = progs[i].a,
                                 .nargs = progs[i].n, .options = &o,
                                 .new_runtime = restore_runtime,
                                 .ud = with ? (void *) 1 : NULL };
          r[with] = vm_compare_run (&sp);
          calls[with] = vm_restore_calls;
          CU_ASSERT (r[with].exits >= 1);
          CU_ASSERT_EQUAL (r[with].matched, r[with].exits);
          CU_ASSERT_EQUAL (copy_spy.bad, 0);
          if (with)
            {
              /* set_pc only from the VM's own restore; none from the
               * library */
              CU_ASSERT_EQUAL (rs_spy.writes, 0);
              CU_ASSERT_EQUAL (rs_spy.copies, 0);
              CU_ASSERT_EQUAL (rs_spy.pcs, 0);
              CU_ASSERT (vm_restore_calls >= r[with].exits);
            }
          else
            {
              CU_ASSERT_EQUAL (vm_restore_calls, 0);
              CU_ASSERT (rs_spy.pcs >= r[with].exits);
            }
        }
      CU_ASSERT_EQUAL (memcmp (&r[0].jit, &r[1].jit, sizeof r[0].jit), 0);
      CU_ASSERT_EQUAL (r[0].exits, r[1].exits);
      CU_ASSERT_EQUAL (r[0].stats.exits, r[1].stats.exits);
      CU_ASSERT_EQUAL (r[0].stats.deopts, r[1].stats.deopts);
      CU_ASSERT_EQUAL (r[0].stats.frames_materialised,
                       r[1].stats.frames_materialised);
      CU_ASSERT_EQUAL (r[0].stats.side_entries, r[1].stats.side_entries);
      CU_ASSERT_EQUAL (r[0].stats.trace_links, r[1].stats.trace_links);
      CU_ASSERT (calls[1] > 0);
      (void) calls;
    }
}

/* Function entries get hot too: with inlining off, the loop's trace
 * aborts and the callee gets a function-entry trace that ends at its
 * return, entered on every call. */
static void
test_function_entry_trace (void)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.func_threshold = 7;
  o.max_inline_depth = 0;
  vm_value a[2] = { vm_int (2000), vm_int (700) };
  vm_compare r = vm_compare_simple (vm_prog_inline, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, 2000);
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT (r.stats.aborted_by_reason[JC_ABORT_INLINE_TOO_DEEP] >= 1);
  CU_ASSERT (r.entries > 500);
  CU_ASSERT (r.exits > 500);
}

/* A host helper (registered in the descriptor) called from the trace. */
static void
test_helper_call (void)
{
  static const char *src =
    "func main 1 3      # main(n): m = -5; for i < n: m = max(m, (500 - i) * i)\n"
    "  const 0\n  store 1\n  const -5\n  store 2\n"
    "loop:\n"
    "  load 1\n  load 0\n  lt\n  jz done\n"
    "  load 2\n  const 500\n  load 1\n  sub\n  load 1\n  mul\n  max\n  store 2\n"
    "  load 1\n  const 1\n  add\n  store 1\n  jmp loop\n"
    "done:\n  load 2\n  ret\n";
  vm_helper_max_calls = 0;
  vm_value a[1] = { vm_int (1000) };
  vm_compare r = vm_compare_simple (src, a, 1, NULL);
  CU_ASSERT_EQUAL (r.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.jit.u.i, 250 * 250);        /* max of (500-i)*i */
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT (vm_helper_max_calls > 900);
}

static void
test_disabled_by_env (void)
{
  setenv ("JITCORE_DISABLE", "1", 1);
  vm_value a[2] = { vm_int (300), vm_int (0) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, NULL);
  unsetenv ("JITCORE_DISABLE");
  CU_ASSERT_EQUAL (r.installed, 0);
  CU_ASSERT_EQUAL (r.stats.hot_events, 0);
  CU_ASSERT_EQUAL (r.steps_jit, r.steps_interp);
}

/* JITCORE_DUMP=DIR: the compiled loop's context is written as
 * DIR/jc_trace_1.c and DIR/jc_trace_1.s, the assembly defining the trace's
 * function; the run itself is unchanged. */
static void
test_dump_by_env (void)
{
  char dir[] = "/tmp/jc-dump-XXXXXX";
  CU_ASSERT_PTR_NOT_NULL_FATAL (mkdtemp (dir));
  setenv ("JITCORE_DUMP", dir, 1);
  vm_value a[2] = { vm_int (300), vm_int (0) };
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, NULL);
  unsetenv ("JITCORE_DUMP");
  CU_ASSERT_EQUAL (r.installed, 1);
  CU_ASSERT_EQUAL (r.jit.u.i, r.interp.u.i);
  char path[64], line[256];
  int defined = 0, nonempty = 0;
  snprintf (path, sizeof path, "%s/jc_trace_1.s", dir);
  FILE *f = fopen (path, "r");
  CU_ASSERT_PTR_NOT_NULL (f);
  while (f && fgets (line, sizeof line, f))
    defined |= strncmp (line, "jc_trace_1:", 11) == 0;
  if (f)
    fclose (f);
  remove (path);
  snprintf (path, sizeof path, "%s/jc_trace_1.c", dir);
  f = fopen (path, "r");
  CU_ASSERT_PTR_NOT_NULL (f);
  while (f && fgets (line, sizeof line, f))
    nonempty |= strstr (line, "jc_trace_1") != NULL;
  if (f)
    fclose (f);
  remove (path);
  rmdir (dir);
  CU_ASSERT (defined);
  CU_ASSERT (nonempty);
}

/* The disk cache through the runtime (options.disk_cache_dir and
 * JITCORE_DISK_CACHE; the backend's side is tests/test_disk_cache.c): the
 * first run stores its trace, a second runtime loads it instead of
 * compiling, both exact; the environment overrides the option and empty
 * turns it off; a path too long is a bad option. */
static void
test_disk_cache (void)
{
  char dir[] = "/tmp/jc-disk-XXXXXX";
  CU_ASSERT_PTR_NOT_NULL_FATAL (mkdtemp (dir));
  char sub[64];
  snprintf (sub, sizeof sub, "%s/env", dir);
  jc_options o = vm_compare_options ();
  o.disk_cache_dir = dir;
  vm_value a[2] = { vm_int (3000), vm_int (3) };
  int64_t want = 3 + (int64_t) 2999 * 3000 / 2;
  for (int run = 0; run < 2; run++)
    {
      vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, &o);
      CU_ASSERT_EQUAL (r.jit.u.i, want);
      CU_ASSERT_EQUAL (r.interp.u.i, want);
      CU_ASSERT_EQUAL (r.installed, 1);
      CU_ASSERT_EQUAL (r.stats.traces_compiled, 1);
      CU_ASSERT_EQUAL (r.stats.disk_stores, run == 0);
      CU_ASSERT_EQUAL (r.stats.disk_hits, run == 1);
      CU_ASSERT_EQUAL (r.stats.disk_errors, 0);
      CU_ASSERT (r.steps_jit * 20 < r.steps_interp);
    }
  /* The environment wins over the option; empty is off. */
  setenv ("JITCORE_DISK_CACHE", sub, 1);
  vm_compare r = vm_compare_simple (vm_prog_sum, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.disk_stores, 1);
  CU_ASSERT_EQUAL (r.stats.disk_hits, 0);
  setenv ("JITCORE_DISK_CACHE", "", 1);
  r = vm_compare_simple (vm_prog_sum, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 1);
  CU_ASSERT_EQUAL (r.stats.disk_stores + r.stats.disk_hits, 0);
  unsetenv ("JITCORE_DISK_CACHE");
  /* The runtime reports the directory it uses, and refuses a long one. */
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  jc_host h = vm_host_descriptor (&the_vm);
  jc_runtime *rt = jc_runtime_new (&h, &o);
  jc_options got;
  got.size = sizeof got;
  jc_runtime_options (rt, &got);
  CU_ASSERT_PTR_NOT_NULL_FATAL (got.disk_cache_dir);
  CU_ASSERT_STRING_EQUAL (got.disk_cache_dir, dir);
  CU_ASSERT_PTR_NOT_EQUAL (got.disk_cache_dir, dir);   /* a copy */
  CU_ASSERT_EQUAL (got.disk_cache_max_kb, 262144);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "disk_cache_kb=100", 1);
  rt = jc_runtime_new (&h, &o);
  jc_runtime_options (rt, &got);
  CU_ASSERT_EQUAL (got.disk_cache_max_kb, 100);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
  char longp[400];
  memset (longp, 'a', sizeof longp - 1);
  longp[sizeof longp - 1] = 0;
  o.disk_cache_dir = longp;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "code cache directory"));
  jc_runtime_free (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
  /* Clean up what the runs stored. */
  char cmd[128];
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
  CU_ASSERT_EQUAL (system (cmd), 0);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "assembler_errors", test_assembler_errors },
    { "depths_and_loop_heads", test_depths_and_loop_heads },
    { "sum_loop", test_sum_loop },
    { "overflow_promotes", test_overflow_promotes },
    { "mixed_arith", test_mixed_arith },
    { "calls", test_calls },
    { "stack_overflow_is_an_error", test_stack_overflow_is_an_error },
    { "state_capture", test_state_capture },
    { "counters_fire", test_counters_fire },
    { "bad_descriptor_keeps_interpreting", test_bad_descriptor_keeps_interpreting },
    { "hot_loop_compiled", test_hot_loop_compiled },
    { "type_change_fails_guard", test_type_change_fails_guard },
    { "overflow_deopts", test_overflow_deopts },
    { "exit_in_inlined_call", test_exit_in_inlined_call },
    { "no_inlining_aborts", test_no_inlining_aborts },
    { "injected_compile_failure", test_injected_compile_failure },
    { "install_refused", test_install_refused },
    { "logs_show_ir_and_exits", test_logs_show_ir_and_exits },
    { "nested_loops", test_nested_loops },
    { "disabled_by_env", test_disabled_by_env },
    { "dump_by_env", test_dump_by_env },
    { "disk_cache", test_disk_cache },
    { "exactness_matrix", test_exactness_matrix },
    { "passes_matrix", test_passes_matrix },
    { "invalidation_mid_loop", test_invalidation_mid_loop },
    { "code_cache_limits", test_code_cache_limits },
    { "float_loop", test_float_loop },
    { "function_entry_trace", test_function_entry_trace },
    { "helper_call", test_helper_call },
    { "copy_slot_at_exits", test_copy_slot_at_exits },
    { "restore_in_one_call", test_restore_in_one_call },
    { NULL, NULL }
  };
  return JC_SUITE ("vm", jc_test_clear_env, NULL, tests);
}
