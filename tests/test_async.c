/* test_async.c -- background compilation with the test VM: traces compiled
 * on the compile thread are installed at safe points on the interpreter's
 * thread, results and exit states equal the interpreter's, queued traces
 * share a batch, invalidation while queued or compiling drops the trace,
 * compile failures degrade to the interpreter, and jc_runtime_free with
 * compiles in flight is clean.  Every host callback is checked to run on
 * the test's own thread. */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "cunit_main.h"
#include "vm/vm.h"
#include "vm/vm_host.h"
#include "vm/vm_check.h"
#include "vm/vm_compare.h"
#include "vm/vm_programs.h"
#include "vm/vm_check.h"
#include "vm/vm_compare.h"

static vm the_vm, other_vm;      /* big: static, not on the stack */

/* What the host's callbacks saw. */
static struct {
  pthread_t main;
  int off_thread;              /* callbacks run on another thread */
  int (*install) (void *, const void *, uint32_t, jc_trace *);
  int (*lower) (void *, jc_lower *, const void *, uint32_t, uint32_t,
                const void *, jc_step *);
  int installs;
  uint64_t install_steps;      /* v->steps at the first install */
  uint64_t hot_steps;          /* v->steps when a compile was first queued */
  long retains, releases;
  char token;                  /* the host object every trace embeds */
  jc_runtime *rt;              /* for the step hook */
  int slow;                    /* step hook: crawl while a compile is out */
  int hold_until_rebind;       /* step hook: no polls before global 0 is 7 */
  char log[8192];
} spy;

static void
on_thread (void)
{
  if (!pthread_equal (pthread_self (), spy.main))
    spy.off_thread++;
}

static int
spy_install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  on_thread ();
  if (!spy.installs++)
    spy.install_steps = ((vm *) ud)->steps;
  return spy.install (ud, code, pc, t);
}

/* The VM's lowering, plus a retained host object in every trace. */
static int
spy_lower (void *ud, jc_lower *b, const void *code, uint32_t pc,
           uint32_t depth, const void *ic, jc_step *step)
{
  on_thread ();
  if (depth == 0)
    jc_lower_const_obj (b, &spy.token);
  return spy.lower (ud, b, code, pc, depth, ic, step);
}

static void
spy_retain (void *ud, void *obj)
{
  (void) ud;
  on_thread ();
  CU_ASSERT_PTR_EQUAL (obj, &spy.token);
  spy.retains++;
}

static void
spy_release (void *ud, void *obj)
{
  (void) ud;
  on_thread ();
  CU_ASSERT_PTR_EQUAL (obj, &spy.token);
  spy.releases++;
}

static void
spy_log (void *ud, unsigned cat, const char *line)
{
  (void) ud;
  (void) cat;
  on_thread ();
  size_t n = strlen (spy.log);
  snprintf (spy.log + n, sizeof spy.log - n, "%s\n", line);
}

static jc_stats
stats (jc_runtime *rt)
{
  jc_stats s = { .size = sizeof s };
  jc_stats_get (rt, &s);
  return s;
}

/* Step hook: note when the first compile was queued and, with spy.slow,
 * crawl while one is out, so that the install comes mid-loop however
 * slow the compile is, and the interpreter visibly goes on meanwhile. */
static void
step_hook (vm *v, void *ud)
{
  (void) ud;
  jc_stats s = stats (spy.rt);
  if (s.compile_queued && !spy.hot_steps)
    spy.hot_steps = v->steps;
  if (spy.slow && s.compile_queued)
    usleep (20);
  if (spy.hold_until_rebind)
    v->hold_polls = v->globals[0].u.i != 7;
}

static void
spy_reset (void)
{
  memset (&spy, 0, sizeof spy);
  spy.main = pthread_self ();
}

static void
async_options (jc_options *o)
{
  jc_options_init (o);
  o->sync = 0;
  o->loop_threshold = 5;
  o->batch_delay_us = 0;
  o->log = JC_LOG_COMPILE | JC_LOG_TRACE;
  o->log_fn = spy_log;
}

/* A runtime on v with the spies in its descriptor. */
static jc_runtime *
new_rt (vm *v, const jc_options *o)
{
  jc_host h = vm_host_descriptor (v);
  spy.install = h.install;
  spy.lower = h.lower;
  h.install = spy_install;
  h.lower = spy_lower;
  h.retain = spy_retain;
  h.release = spy_release;
  jc_runtime *rt = jc_runtime_new (&h, o);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_status (rt), JC_OK);
  spy.rt = rt;
  vm_attach (v, rt);
  return rt;
}

/* Free the runtime: every object it retained is released, and no callback
 * ran off the main thread. */
static void
free_rt (jc_runtime *rt)
{
  jc_runtime_free (rt);
  CU_ASSERT_EQUAL (spy.retains, spy.releases);
  CU_ASSERT_EQUAL (spy.off_thread, 0);
}

static jc_runtime *
spied_runtime (vm *v, const jc_options *o, void *ud)
{
  (void) ud;
  return new_rt (v, o);
}

static void
flush_after_run (vm *v, jc_runtime *rt, void *ud)
{
  (void) v;
  (void) ud;
  jc_runtime_flush (rt);
}

/* Run main with the JIT (the spies in its descriptor, the step hook on),
 * flush, then in the interpreter alone, which must pass through the JIT
 * run's exit states in order and end the same (vm/vm_compare.h); every
 * retained object is released and no callback ran off the main thread. */
static vm_compare
run_compare (const char *src, const vm_value *args, int n, jc_options *o)
{
  vm_compare_spec s = { .src = src, .args = args, .nargs = n, .options = o,
                        .jit_vm = &the_vm, .interp_vm = &other_vm,
                        .new_runtime = spied_runtime,
                        .on_step = step_hook, .after_run = flush_after_run };
  vm_compare r = vm_compare_run (&s);
  CU_ASSERT_EQUAL (spy.retains, spy.releases);
  CU_ASSERT_EQUAL (spy.off_thread, 0);
  return r;
}

/* Four functions with a loop each: f_k(n) = sum of i + k for i < n. */
#define LOOP_FN(k)                                                          \
  "func f" #k " 1 3\n  const 0\n  store 1\n  const 0\n  store 2\n"          \
  "l" #k ":\n  load 1\n  load 0\n  lt\n  jz e" #k "\n"                      \
  "  load 2\n  load 1\n  const " #k "\n  add\n  add\n  store 2\n"           \
  "  load 1\n  const 1\n  add\n  store 1\n  jmp l" #k "\n"                  \
  "e" #k ":\n  load 2\n  ret\n"
static const char *four_src =
  LOOP_FN (0) LOOP_FN (1) LOOP_FN (2) LOOP_FN (3)
  "func main 1 2\n"
  "  load 0\n  call f0 1\n  store 1\n"
  "  load 1\n  load 0\n  call f1 1\n  add\n  store 1\n"
  "  load 1\n  load 0\n  call f2 1\n  add\n  store 1\n"
  "  load 1\n  load 0\n  call f3 1\n  add\n  ret\n";

static int64_t
four_want (int64_t n)
{
  return 4 * (n * (n - 1) / 2) + 6 * n;
}

/* The compile runs while the interpreter goes on; the trace is installed
 * at a later safe point (the back edge's jc_runtime_poll), on the test's
 * thread, and the rest of the loop runs native with exact exits. */
static void
test_installs_at_safe_point (void)
{
  spy_reset ();
  spy.slow = 1;
  jc_options o;
  async_options (&o);
  vm_value a[2] = { vm_int (20000), vm_int (3) };
  vm_compare r = run_compare (vm_prog_sum, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, 3 + 19999LL * 20000 / 2);
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 1);
  CU_ASSERT_EQUAL (r.stats.traces_installed, 1);
  CU_ASSERT_EQUAL (r.stats.compile_batches, 1);
  CU_ASSERT_EQUAL (r.stats.compile_queue_max, 1);
  CU_ASSERT_EQUAL (r.stats.compile_queued, 0);
  CU_ASSERT (r.stats.compile_latency_ns > 0);
  CU_ASSERT (r.stats.compile_latency_max_ns <= r.stats.compile_latency_ns);
  CU_ASSERT (r.stats.trace_entries >= 1);
  CU_ASSERT_EQUAL (spy.installs, 1);
  /* Queued at one step, installed at a later one: the interpreter ran in
   * between instead of waiting. */
  CU_ASSERT (spy.hot_steps > 0);
  CU_ASSERT (spy.install_steps > spy.hot_steps);
  /* ... and the native loop did most of the work. */
  CU_ASSERT (r.steps_jit < r.steps_interp / 2);
  CU_ASSERT (spy.retains >= 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (spy.log, "batch of 1 trace compiled"));
  CU_ASSERT_PTR_NOT_NULL (strstr (spy.log, "after its hot event"));
}

/* The same programs give the interpreter's results and exit states with
 * synchronous and with background compilation. */
static void
test_sync_and_async_agree (void)
{
  static const char *progs[] = { NULL, NULL };
  progs[0] = vm_prog_sum;
  progs[1] = four_src;
  for (int k = 0; k < 2; k++)
    for (int sync = 0; sync <= 1; sync++)
      {
        spy_reset ();
        spy.slow = 1;
        jc_options o;
        async_options (&o);
        o.sync = (uint8_t) sync;
        vm_value a[2] = { vm_int (3000), vm_int (1) };
        vm_compare r = run_compare (progs[k], a, k == 0 ? 2 : 1, &o);
        CU_ASSERT_EQUAL (r.jit.u.i, k == 0 ? 1 + 2999LL * 3000 / 2
                                           : four_want (3000));
        CU_ASSERT_EQUAL (r.stats.traces_installed, k == 0 ? 1 : 4);
        CU_ASSERT (sync ? r.stats.compile_queue_max == 0
                        : r.stats.compile_queue_max >= 1);
        if (sync)  /* installed inside jc_runtime_hot: no step between */
          CU_ASSERT_EQUAL (spy.hot_steps, 0);
      }
}

/* Four heads hot at about the same time share one libgccjit compile;
 * with batch_max 2 they take two. */
static void
test_batches_hot_heads (void)
{
  for (uint32_t max = 4; max >= 2; max -= 2)
    {
      spy_reset ();
      jc_options o;
      async_options (&o);
      o.batch_max = max;
      o.batch_delay_us = 1000000;   /* wait for a full batch */
      vm_value a[1] = { vm_int (500) };
      vm_compare r = run_compare (four_src, a, 1, &o);
      CU_ASSERT_EQUAL (r.jit.u.i, four_want (500));
      CU_ASSERT_EQUAL (r.stats.traces_compiled, 4);
      CU_ASSERT_EQUAL (r.stats.compile_batches, 4 / max);
      CU_ASSERT_EQUAL (r.stats.compile_batch_max, max);
      CU_ASSERT (r.stats.compile_batches < r.stats.traces_compiled);
      CU_ASSERT_EQUAL (r.stats.compile_queue_max, 4);
      CU_ASSERT_EQUAL (r.stats.traces_installed, 4);
      char want[64];
      snprintf (want, sizeof want, "batch of %u traces compiled", max);
      CU_ASSERT_PTR_NOT_NULL (strstr (spy.log, want));
    }
}

/* jc_runtime_free with compiles queued, being compiled, or finished but
 * not installed: nothing is installed afterwards, every retained object is
 * released once, no callback runs on the compile thread, nothing leaks
 * (run under ASan/valgrind) and nothing crashes.  Many times, with the
 * free at different moments of the compile. */
static void
test_free_with_compile_in_flight (void)
{
  vm_program *p = vm_asm_ok (four_src);
  for (int round = 0; round < 24; round++)
    {
      spy_reset ();
      vm_init (&the_vm, p);
      jc_options o;
      async_options (&o);
      o.batch_max = 1 + (uint32_t) round % 4;
      jc_runtime *rt = new_rt (&the_vm, &o);
      vm_value a[1] = { vm_int (200) };
      CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 1), 0);
      CU_ASSERT_EQUAL (the_vm.result.u.i, four_want (200));
      jc_stats s = stats (rt);
      CU_ASSERT_EQUAL (s.traces_started, 4);
      if (round % 6)
        usleep ((useconds_t) (round % 6) * 15000);
      int installs = spy.installs;
      jc_runtime_free (rt);
      CU_ASSERT_EQUAL (spy.installs, installs);
      CU_ASSERT_EQUAL (spy.retains, spy.releases);
      CU_ASSERT (spy.retains >= 4);
      CU_ASSERT_EQUAL (spy.off_thread, 0);
      vm_fini (&the_vm);
    }
  vm_program_free (p);
}

/* The global the trace embeds is rebound while its compile waits in the
 * queue (a long batching delay holds it there): the job is dropped without
 * compiling, the interpreter's result stands, and a later trace built after
 * the change takes over. */
static void
test_invalidated_while_queued (void)
{
  spy_reset ();
  jc_options o;
  async_options (&o);
  o.batch_delay_us = 1000000;
  vm_value a[2] = { vm_int (3000), vm_int (40) };
  vm_compare r = run_compare (vm_prog_global, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, 40 * 5 + 2960 * 7);
  CU_ASSERT (r.stats.invalidated >= 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (spy.log, "during its compile (never "
                                  "compiled)"));
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 0);
  CU_ASSERT_EQUAL (r.stats.traces_installed, 0);
}

/* Rebound while the compile runs (no delay: the thread starts at once and
 * the change comes a few iterations later): compiled, never installed.
 * The back edges do not poll until the rebinding, so the finished compile
 * cannot be installed before it however the two threads are scheduled (on
 * a loaded machine the compile used to finish and install first); the
 * thread may also not have started the job yet, which drops it unrun. */
static void
test_invalidated_while_compiling (void)
{
  spy_reset ();
  spy.slow = 1;
  spy.hold_until_rebind = 1;
  jc_options o;
  async_options (&o);
  o.loop_threshold = 2;
  vm_value a[2] = { vm_int (3000), vm_int (12) };
  vm_compare r = run_compare (vm_prog_global, a, 2, &o);
  CU_ASSERT_EQUAL (r.jit.u.i, 12 * 5 + 2988 * 7);
  CU_ASSERT (r.stats.invalidated >= 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (spy.log, "changed during its compile"));
}

/* Injected compile failures in async mode: every trace fails with its
 * reason, the heads back off and the program runs in the interpreter.
 * fail_compile=1 rejects each trace while its batch is built; 2 fails the
 * batch's context, so each trace is compiled again alone. */
static void
test_compile_failure_degrades (void)
{
  for (uint8_t how = 1; how <= 2; how++)
    {
      spy_reset ();
      jc_options o;
      async_options (&o);
      o.fail_compile = how;
      o.batch_max = 4;
      o.batch_delay_us = 1000000;
      o.max_aborts = 1;          /* one failure blacklists the head */
      vm_value a[1] = { vm_int (400) };
      vm_program *p = vm_asm_ok (four_src);
      vm_init (&the_vm, p);
      jc_runtime *rt = new_rt (&the_vm, &o);
      CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 1), 0);
      CU_ASSERT_EQUAL (the_vm.result.u.i, four_want (400));
      /* Failing fast, some may have completed at a back edge already. */
      CU_ASSERT (jc_runtime_flush (rt) <= 4);
      jc_stats s = stats (rt);
      CU_ASSERT_EQUAL (s.compile_queued, 0);
      CU_ASSERT_EQUAL (s.compile_failures, 4);
      CU_ASSERT_EQUAL (s.traces_compiled, 0);
      CU_ASSERT_EQUAL (s.traces_installed, 0);
      CU_ASSERT_EQUAL (s.compile_batches, 1);
      CU_ASSERT_EQUAL (s.compile_retried, how == 2 ? 4 : 0);
      CU_ASSERT_EQUAL (s.blacklisted, 4);
      CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt),
                                      "compile failed: libgccjit"));
      vm_func *f0 = vm_find (p, "f0");
      jc_counter *c = &the_vm.counters[f0->index][4];
      CU_ASSERT_EQUAL (c->state, JC_COUNTER_BLACKLISTED);
      /* Again: the interpreter alone does it all now. */
      CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 1), 0);
      CU_ASSERT_EQUAL (the_vm.result.u.i, four_want (400));
      CU_ASSERT_EQUAL (stats (rt).traces_started, 4);
      CU_ASSERT_EQUAL (the_vm.trace_entries, 0);
      free_rt (rt);
      vm_fini (&the_vm);
      vm_program_free (p);
    }
}

/* While a head's compile is in flight its counter is quiet and hot events
 * for it are ignored; the counter says TRACED once installed.  In sync
 * mode poll and flush have nothing to do. */
static void
test_counter_quiet_while_compiling (void)
{
  spy_reset ();
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  jc_options o;
  async_options (&o);
  o.loop_threshold = 65535;      /* the run only fills the inline caches */
  o.batch_delay_us = 1000000;   /* flush hurries it */
  jc_runtime *rt = new_rt (&the_vm, &o);
  vm_value a[2] = { vm_int (100), vm_int (0) };
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 2), 0);
  vm_func *m = vm_find (p, "main");
  jc_counter *c = &the_vm.counters[m->index][4];
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, m, 4, JC_HOT_LOOP, c), JC_PENDING);
  CU_ASSERT_EQUAL (c->state, JC_COUNTER_COMPILING);
  CU_ASSERT_EQUAL (c->count, 0);
  CU_ASSERT_FALSE (jc_counter_tick (c));
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, m, 4, JC_HOT_LOOP, c), JC_PENDING);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, m, 4, JC_HOT_LOOP, NULL), JC_PENDING);
  jc_stats s = stats (rt);
  CU_ASSERT_EQUAL (s.traces_started, 1);
  CU_ASSERT_EQUAL (s.hot_events, 3);
  CU_ASSERT_EQUAL (s.compile_queued, 1);
  CU_ASSERT_EQUAL (jc_runtime_poll (rt), 0);   /* still in the queue */
  CU_ASSERT_EQUAL (spy.installs, 0);
  CU_ASSERT_EQUAL (jc_runtime_flush (rt), 1);
  CU_ASSERT_EQUAL (spy.installs, 1);
  CU_ASSERT_EQUAL (c->state, JC_COUNTER_TRACED);
  CU_ASSERT_PTR_NOT_NULL (the_vm.traces[m->index][4]);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, m, 4, JC_HOT_LOOP, c), JC_OK);
  CU_ASSERT_EQUAL (jc_runtime_flush (rt), 0);
  jc_runtime_free (rt);
  vm_fini (&the_vm);

  /* Sync: installed inside jc_runtime_hot. */
  spy_reset ();
  vm_init (&the_vm, p);
  o.sync = 1;
  rt = new_rt (&the_vm, &o);
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 2), 0);
  c = &the_vm.counters[m->index][4];
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, m, 4, JC_HOT_LOOP, c), JC_OK);
  CU_ASSERT_EQUAL (spy.installs, 1);
  CU_ASSERT_EQUAL (c->state, JC_COUNTER_TRACED);
  CU_ASSERT_EQUAL (jc_runtime_poll (rt), 0);
  CU_ASSERT_EQUAL (jc_runtime_flush (rt), 0);
  s = stats (rt);
  CU_ASSERT_EQUAL (s.compile_batches, 1);
  CU_ASSERT_EQUAL (s.compile_queue_max, 0);
  free_rt (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
}

/* An install completing at jc_trace_enter's safe point evicts the very
 * trace being entered (max_traces=1): the entry returns -1 without running
 * it, the trace was uninstalled, and it is freed only after that (ASan
 * checks the order). */
static void
test_evicted_at_trace_entry (void)
{
  spy_reset ();
  vm_program *p = vm_asm_ok (four_src);
  vm_init (&the_vm, p);
  jc_options o;
  async_options (&o);
  o.loop_threshold = 65535;      /* the run only fills the inline caches */
  o.max_traces = 1;
  jc_runtime *rt = new_rt (&the_vm, &o);
  vm_value a[1] = { vm_int (100) };
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 1), 0);
  vm_func *f0 = vm_find (p, "f0"), *f1 = vm_find (p, "f1");
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, f0, 4, JC_HOT_LOOP, NULL), JC_PENDING);
  CU_ASSERT_EQUAL (jc_runtime_flush (rt), 1);
  jc_trace *t0 = the_vm.traces[f0->index][4];
  CU_ASSERT_PTR_NOT_NULL_FATAL (t0);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, f1, 4, JC_HOT_LOOP, NULL), JC_PENDING);
  /* Enter f0's trace on a frame where it exits at once (i = n = 0) until
   * the entry finds f1's trace done: then it must refuse. */
  the_vm.nframes = 0;
  the_vm.values[0] = vm_int (0);
  vm_frame *f = vm_call_frame (&the_vm, f0, the_vm.values, 1);
  int rc = 0, tries = 0;
  uint32_t pc;
  while (rc >= 0 && tries++ < 3000)
    {
      f->pc = 4;
      rc = jc_trace_enter (rt, t0, f, &pc);
      if (rc >= 0)
        usleep (10000);
    }
  CU_ASSERT_EQUAL (rc, -1);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  CU_ASSERT_PTR_NULL (the_vm.traces[f0->index][4]);
  CU_ASSERT_PTR_NOT_NULL (the_vm.traces[f1->index][4]);
  CU_ASSERT_EQUAL (f->pc, 4);    /* nothing ran */
  jc_stats s = stats (rt);
  CU_ASSERT_EQUAL (s.evicted, 1);
  CU_ASSERT_EQUAL (s.live_traces, 1);
  free_rt (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
}

/* A loop whose other arm gets hot mid-run: the side trace is selected in
 * the jc_trace_enter that took the hot exit, compiled in the background,
 * and linked into the root's exit at a later safe point; then root -> side
 * -> root runs natively.  Results and exit states are the interpreter's.
 * Freeing the runtime with a side-trace compile in flight is clean too. */
static void
test_side_trace_in_background (void)
{
  spy_reset ();
  spy.slow = 1;
  jc_options o;
  async_options (&o);
  o.side_threshold = 10;
  vm_value a[2] = { vm_int (5000), vm_int (300) };
  vm_compare r = run_compare (vm_prog_branch, a, 2, &o);
  int64_t want = 300;
  for (int64_t i = 300; i < 5000; i++)
    want += i;
  CU_ASSERT_EQUAL (r.jit.u.i, want);
  CU_ASSERT_EQUAL (r.stats.traces_installed, 1);
  CU_ASSERT_EQUAL (r.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.stats.traces_compiled, 2);
  CU_ASSERT_EQUAL (r.stats.compile_batches, 2);
  CU_ASSERT (r.stats.side_entries > 1000);
  CU_ASSERT (r.stats.trace_links > 1000);
  CU_ASSERT (r.steps_jit * 5 < r.steps_interp);

  vm_program *p = vm_asm_ok (vm_prog_branch);
  for (int round = 0; round < 8; round++)
    {
      spy_reset ();
      vm_init (&the_vm, p);
      async_options (&o);
      o.side_threshold = 10;
      jc_runtime *rt = new_rt (&the_vm, &o);
      a[0] = vm_int (400);
      CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 2), 0);
      if (round % 4)
        usleep ((useconds_t) (round % 4) * 20000);
      free_rt (rt);
      vm_fini (&the_vm);
    }
  vm_program_free (p);
}

/* jc_trace_growth while the side trace of test_side_trace_in_background
 * compiles: the root's tree counts it as compiling (and not as a side
 * trace) until a safe point links it, then as a side trace. */
static struct { int compiling_seen, both; uint32_t max_side; } grow;

static void
growth_on_exit (vm *v, int exit_id, void *ud)
{
  (void) exit_id;
  (void) ud;
  jc_trace *t = NULL;
  for (uint32_t pc = 0; pc < v->prog->funcs[0].ncode && !t; pc++)
    t = v->traces[0][pc];
  jc_tree_growth g = { .size = sizeof g };
  if (!t || jc_trace_growth (t, &g) != JC_OK)
    return;
  if (g.compiling)
    grow.compiling_seen = 1;
  if (g.compiling && g.side_traces)
    grow.both = 1;
  if (g.side_traces > grow.max_side)
    grow.max_side = g.side_traces;
}

static void
test_growth_while_compiling (void)
{
  spy_reset ();
  memset (&grow, 0, sizeof grow);
  spy.slow = 1;
  jc_options o;
  async_options (&o);
  o.side_threshold = 10;
  vm_value a[2] = { vm_int (5000), vm_int (300) };
  vm_compare_spec s = { .src = vm_prog_branch, .args = a, .nargs = 2,
                        .options = &o, .jit_vm = &the_vm,
                        .interp_vm = &other_vm, .new_runtime = spied_runtime,
                        .on_step = step_hook, .on_exit = growth_on_exit,
                        .after_run = flush_after_run };
  vm_compare r = vm_compare_run (&s);
  CU_ASSERT_EQUAL (r.stats.side_traces, 1);
  CU_ASSERT_EQUAL (grow.compiling_seen, 1);
  CU_ASSERT_EQUAL (grow.both, 0);
  CU_ASSERT_EQUAL (grow.max_side, 1);
}

/* options.compile_nice: the compile thread is scheduled lower, which the
 * stats read back (nice steps below this thread; 20 for SCHED_IDLE), and
 * the program's result, exit states and install are those of the default
 * (0: not lowered).  Every batch counts its CPU time.  SCHED_IDLE is
 * tried with compiles that fail while being built (no compiler run, which
 * on a busy machine could wait for an idle CPU for a long time). */
static void
test_compile_priority (void)
{
#ifdef __linux__
  errno = 0;
  int cur = getpriority (PRIO_PROCESS, 0);      /* this thread's */
  CU_ASSERT_FATAL (cur != -1 || errno == 0);
  static const uint32_t nices[] = { 0, 19, 20 };
  for (unsigned k = 0; k < sizeof nices / sizeof nices[0]; k++)
    {
      uint32_t n = nices[k];
      spy_reset ();
      jc_options o;
      async_options (&o);
      o.compile_nice = n;
      o.fail_compile = n == 20;
      /* One failure blacklists the head: otherwise how many more tries
       * fit in the run depends on how soon the failure comes back. */
      o.max_aborts = 1;
      vm_value a[2] = { vm_int (3000), vm_int (3) };
      vm_compare r = run_compare (vm_prog_sum, a, 2, &o);
      CU_ASSERT_EQUAL (r.jit.u.i, 3 + 2999LL * 3000 / 2);
      uint64_t want = n == 20 ? 20 : (uint64_t) ((cur + (int) n > 19
                                                  ? 19 : cur + (int) n) - cur);
      CU_ASSERT_EQUAL (r.stats.compile_nice, want);
      CU_ASSERT_EQUAL (r.stats.compile_batches, 1);
      CU_ASSERT (r.stats.compile_cpu_ns > 0);
      CU_ASSERT_EQUAL (r.stats.traces_installed, n == 20 ? 0 : 1);
      CU_ASSERT_EQUAL (r.stats.compile_failures, n == 20 ? 1 : 0);
    }
  /* This thread kept its own priority. */
  errno = 0;
  CU_ASSERT_EQUAL (getpriority (PRIO_PROCESS, 0), cur);
  /* Range-checked, in the struct and in JITCORE_OPTIONS. */
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  jc_host h = vm_host_descriptor (&the_vm);
  jc_options o;
  jc_options_init (&o);
  CU_ASSERT_EQUAL (o.compile_nice, 0);
  o.compile_nice = 21;
  jc_runtime *rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "compile_nice"));
  jc_runtime_free (rt);
  jc_options e;
  setenv ("JITCORE_OPTIONS", "compile_nice=7", 1);
  rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.compile_nice, 7);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "compile_nice=21", 1);
  rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
  /* A host built before the field: it is not read (the default, 0). */
  jc_options_init (&o);
  o.size = offsetof (jc_options, compile_nice);
  o.compile_nice = 21;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.compile_nice, 0);
  jc_runtime_free (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
#endif
}

/* A host built before the batching fields: they take their defaults; the
 * new fields are range-checked. */
static void
test_batch_options (void)
{
  spy_reset ();
  vm_program *p = vm_asm_ok (vm_prog_sum);
  vm_init (&the_vm, p);
  jc_host h = vm_host_descriptor (&the_vm);
  jc_options o;
  jc_options_init (&o);
  o.size = offsetof (jc_options, batch_max);
  o.batch_max = 0;               /* beyond size: not read */
  jc_runtime *rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.batch_max, 8);
  CU_ASSERT_EQUAL (e.batch_delay_us, 1000);
  CU_ASSERT_EQUAL (e.sync, 0);
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.batch_max = 65;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "batch_max"));
  /* An inert runtime: poll and flush do nothing. */
  CU_ASSERT_EQUAL (jc_runtime_poll (rt), 0);
  CU_ASSERT_EQUAL (jc_runtime_flush (rt), 0);
  jc_runtime_free (rt);
  CU_ASSERT_EQUAL (jc_runtime_poll (NULL), 0);
  CU_ASSERT_EQUAL (jc_runtime_flush (NULL), 0);
  vm_fini (&the_vm);
  vm_program_free (p);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "installs_at_safe_point", test_installs_at_safe_point },
    { "sync_and_async_agree", test_sync_and_async_agree },
    { "batches_hot_heads", test_batches_hot_heads },
    { "free_with_compile_in_flight", test_free_with_compile_in_flight },
    { "invalidated_while_queued", test_invalidated_while_queued },
    { "invalidated_while_compiling", test_invalidated_while_compiling },
    { "compile_failure_degrades", test_compile_failure_degrades },
    { "counter_quiet_while_compiling", test_counter_quiet_while_compiling },
    { "evicted_at_trace_entry", test_evicted_at_trace_entry },
    { "side_trace_in_background", test_side_trace_in_background },
    { "growth_while_compiling", test_growth_while_compiling },
    { "batch_options", test_batch_options },
    { "compile_priority", test_compile_priority },
    { NULL, NULL }
  };
  return JC_SUITE ("async", jc_test_clear_env, NULL, tests);
}
