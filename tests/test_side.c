/* test_side.c -- side traces on the test VM: a hot exit gets a side trace
 * that the parent reaches without returning to the interpreter, exits of
 * the side trace itself, the limits and their counters, blacklisting,
 * invalidation of roots and of side traces, and every program giving the
 * interpreter's result and exact exit states with side traces on and
 * off. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cunit_main.h"
#include "vm/vm.h"
#include "vm/vm_host.h"
#include "vm/vm_check.h"
#include "vm/vm_compare.h"
#include "vm/vm_programs.h"

static vm the_vm, other_vm;      /* big: static, not on the stack */

/* What vm_prog_branch returns. */
static int64_t
branch_want (int64_t n, int64_t k)
{
  int64_t s = 0;
  for (int64_t i = 0; i < n; i++)
    s += i < k ? 1 : i;
  return s;
}

/* main(n, k, m): as vm_prog_branch, but the second arm has a branch of its
 * own: s += i while i < m, s += 2 after.  From i == m on the side trace's
 * own guard fails: its exit is hot in turn (a side trace of depth 2). */
static const char *branch2_src =
  "func main 3 5\n"
  "  const 0\n  store 3\n  const 0\n  store 4\n"
  "loop:\n"
  "  load 3\n  load 0\n  lt\n  jz done\n"
  "  load 3\n  load 1\n  lt\n  jz big\n"
  "  load 4\n  const 1\n  add\n  store 4\n  jmp next\n"
  "big:\n"
  "  load 3\n  load 2\n  lt\n  jz late\n"
  "  load 4\n  load 3\n  add\n  store 4\n  jmp next\n"
  "late:\n"
  "  load 4\n  const 2\n  add\n  store 4\n"
  "next:\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp loop\n"
  "done:\n  load 4\n  ret\n";

static int64_t
branch2_want (int64_t n, int64_t k, int64_t m)
{
  int64_t s = 0;
  for (int64_t i = 0; i < n; i++)
    s += i < k ? 1 : i < m ? i : 2;
  return s;
}

/* main(n, k, m): the first arm adds global 0, the second global 1, both
 * embedded in the traces as constants; at i == m the interpreter rebinds
 * global `which` (a third parameter picks it) to 5.  globals start 1, 3. */
static const char *global_src =
  "func main 4 6\n"
  "  const 1\n  setg 0\n  const 3\n  setg 1\n"
  "  const 0\n  store 4\n  const 0\n  store 5\n"
  "loop:\n"
  "  load 4\n  load 0\n  lt\n  jz done\n"
  "  load 4\n  load 2\n  eq\n  jz nochange\n"
  "  load 3\n  jz g0\n"
  "  const 5\n  setg 1\n  jmp nochange\n"
  "g0:\n"
  "  const 5\n  setg 0\n"
  "nochange:\n"
  "  load 4\n  load 1\n  lt\n  jz big\n"
  "  load 5\n  getg 0\n  add\n  store 5\n  jmp next\n"
  "big:\n"
  "  load 5\n  getg 1\n  add\n  store 5\n"
  "next:\n"
  "  load 4\n  const 1\n  add\n  store 4\n  jmp loop\n"
  "done:\n  load 5\n  ret\n";

static int64_t
global_want (int64_t n, int64_t k, int64_t m, int which)
{
  int64_t s = 0, g[2] = { 1, 3 };
  for (int64_t i = 0; i < n; i++)
    {
      if (i == m)
        g[which] = 5;
      s += i < k ? g[0] : g[1];
    }
  return s;
}

/* main(n, k): s += 0.5 while i < k, then s += i * 0.25: a float carried
 * in a register that the root's exit hands to the side trace. */
static const char *float_branch_src =
  "func main 2 4\n"
  "  const 0\n  store 2\n  constf 0.0\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 3\n  constf 0.5\n  add\n  store 3\n  jmp next\n"
  "big:\n"
  "  load 3\n  load 2\n  tofloat\n  constf 0.25\n  mul\n  add\n  store 3\n"
  "next:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp loop\n"
  "done:\n  load 3\n  ret\n";

static double
float_branch_want (int64_t n, int64_t k)
{
  double s = 0.0;
  for (int64_t i = 0; i < n; i++)
    s = i < k ? s + 0.5 : s + (double) i * 0.25;
  return s;
}

/* main(n, m): for i < n, an inner loop of 0 iterations while i < m, of 3
 * after, adding j to s.  The root trace (the outer loop) sees the inner
 * loop's condition fail at once; from i == m on that guard's exit gets a
 * side trace that goes round the inner loop and closes a loop of its own,
 * with j and s (set by the root before its exit) seeded raw and changed
 * in the side trace's loop. */
static const char *inner_loop_src =
  "func main 2 6\n"
  "  const 0\n  store 2\n  const 0\n  store 4\n"
  "outer:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  lt\n  jz many\n"
  "  const 0\n  store 5\n  jmp go\n"
  "many:\n  const 3\n  store 5\n"
  "go:\n  const 0\n  store 3\n"
  "inner:\n"
  "  load 3\n  load 5\n  lt\n  jz after\n"
  "  load 4\n  load 3\n  add\n  store 4\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp inner\n"
  "after:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp outer\n"
  "done:\n  load 4\n  ret\n";

/* The second arm sets a global, which the trace cannot lower: every side
 * trace selection there aborts. */
static const char *abort_src =
  "func main 2 4\n"
  "  const 0\n  store 2\n  const 0\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp next\n"
  "big:\n"
  "  load 2\n  setg 2\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "next:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp loop\n"
  "done:\n  load 3\n  ret\n";

/* One run compared with the interpreter (vm/vm_compare.h), plus what the
 * exits said about side traces (jc_runtime_last_exit). */
typedef struct side_run {
  vm_compare cmp;
  uint32_t max_exit_depth;           /* deepest side trace an exit came from */
  size_t side_exits;                 /* exits returned from side traces */
} side_run;

static void
on_exit_hook (vm *v, int exit_id, void *ud)
{
  side_run *r = ud;
  uint32_t tid = 0, depth = 99;
  int e = jc_runtime_last_exit (v->rt, &tid, &depth);
  CU_ASSERT_EQUAL (e, exit_id);
  CU_ASSERT (tid > 0);
  if (depth > r->max_exit_depth)
    r->max_exit_depth = depth;
  if (depth > 0)
    r->side_exits++;
}

/* Optional: after the run, invalidate this key (before the stats are
 * read). */
static uintptr_t inval_key;

static void
after_run (vm *v, jc_runtime *rt, void *ud)
{
  (void) v;
  (void) ud;
  if (inval_key)
    jc_runtime_invalidate (rt, inval_key);
}

/* Run main with the JIT (loop threshold 5 unless o says otherwise) and in
 * the interpreter alone; results and exit states must agree. */
/* Test knobs of the VM for run_side's JIT run (vm_init clears them). */
static int side_copy_bias;

static void
before_run (vm *v, jc_runtime *rt, vm_program *p, void *ud)
{
  (void) rt, (void) p, (void) ud;
  v->copy_bias = side_copy_bias;
}

static side_run
run_side (const char *src, const vm_value *args, int n, const jc_options *o)
{
  side_run r;
  memset (&r, 0, sizeof r);
  vm_compare_spec s = { .src = src, .args = args, .nargs = n, .options = o,
                        .jit_vm = &the_vm, .interp_vm = &other_vm,
                        .before_run = before_run, .on_exit = on_exit_hook,
                        .after_run = after_run,
                        .ud = &r };
  r.cmp = vm_compare_run (&s);
  return r;
}

static jc_options
opts (uint32_t side_threshold)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.loop_threshold = 5;
  o.side_threshold = side_threshold;
  return o;
}

/* The other arm becomes hot mid-run: one side trace, entered from the
 * root's exit and linking back to the root, so the rest of the loop runs
 * without the interpreter.  Without side traces every such iteration
 * returns to the interpreter. */
static void
test_hot_branch_gets_side_trace (void)
{
  vm_value a[2] = { vm_int (2000), vm_int (300) };
  jc_options o = opts (10);
  side_run r = run_side (vm_prog_branch, a, 2, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 1);
  /* from the 11th iteration after k on, root -> side -> root natively */
  CU_ASSERT (r.cmp.stats.side_entries >= 2000 - 300 - 12);
  CU_ASSERT (r.cmp.stats.trace_links >= 2000 - 300 - 12);
  CU_ASSERT (r.cmp.entries < 40);
  CU_ASSERT (r.cmp.steps_jit * 20 < r.cmp.steps_interp);

  jc_options off = opts (0);
  side_run q = run_side (vm_prog_branch, a, 2, &off);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (q.cmp.stats.side_traces, 0);
  CU_ASSERT_EQUAL (q.cmp.stats.side_entries, 0);
  CU_ASSERT_EQUAL (q.cmp.stats.trace_links, 0);
  CU_ASSERT (q.cmp.entries > 1000);
  CU_ASSERT (r.cmp.steps_jit * 5 < q.cmp.steps_jit);
}

/* A side trace of a single-frame exit takes the exit's values raw (from
 * the exit buffer, no restore into the frame in between); side_raw = 0
 * restores first, as before.  Same results and exit states either way
 * (run_side), an int and a float program, and a side trace of depth 2
 * whose parent was itself entered raw. */
static void
test_raw_side_entry (void)
{
  vm_value a[2] = { vm_int (2000), vm_int (300) };
  jc_options o = opts (10), rest = opts (10);
  rest.side_raw = 0;
  side_run r = run_side (vm_prog_branch, a, 2, &o);
  side_run q = run_side (vm_prog_branch, a, 2, &rest);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (q.cmp.stats.side_traces, 1);
  CU_ASSERT (r.cmp.stats.side_raw_entries >= 2000 - 300 - 12);
  /* all but the entry right after the side trace was compiled (sync), on
   * the frame the selection had restored */
  CU_ASSERT_EQUAL (r.cmp.stats.side_entries - r.cmp.stats.side_raw_entries, 1);
  CU_ASSERT_EQUAL (q.cmp.stats.side_raw_entries, 0);
  CU_ASSERT_EQUAL (q.cmp.stats.side_entries, r.cmp.stats.side_entries);
  /* each raw entry skips one restore of the root's exit */
  CU_ASSERT (r.cmp.stats.deopts + r.cmp.stats.side_raw_entries
             <= q.cmp.stats.deopts + 2);

  vm_value fa[2] = { vm_int (1500), vm_int (400) };
  side_run f = run_side (float_branch_src, fa, 2, &o);
  side_run g = run_side (float_branch_src, fa, 2, &rest);
  CU_ASSERT_EQUAL_FATAL (f.cmp.jit.tag, VM_FLOAT);
  CU_ASSERT_EQUAL (f.cmp.jit.u.f, float_branch_want (1500, 400));
  CU_ASSERT_EQUAL (g.cmp.jit.u.f, float_branch_want (1500, 400));
  CU_ASSERT (f.cmp.stats.side_raw_entries >= 1500 - 400 - 12);

  vm_value b[3] = { vm_int (3000), vm_int (300), vm_int (1000) };
  side_run d = run_side (branch2_src, b, 3, &o);
  CU_ASSERT_EQUAL (d.cmp.jit.u.i, branch2_want (3000, 300, 1000));
  CU_ASSERT_EQUAL (d.cmp.stats.side_traces, 2);
  /* root -> side 1 -> side 2, both raw, from i == 1010 or so on */
  CU_ASSERT (d.cmp.stats.side_raw_entries >= 2 * (3000 - 1000 - 12));

  /* A raw side trace that closes a loop: its seeded slots are carried
   * round its own back edge (a seed read in the loop copy must be the
   * carried value, not the parent's). */
  for (uint32_t raw = 0; raw <= 1; raw++)
    for (uint32_t th = 1; th <= 10; th += 9)
      {
        vm_value c[2] = { vm_int (400), vm_int (100) };
        jc_options l = opts (th);
        l.side_raw = raw;
        side_run s = run_side (inner_loop_src, c, 2, &l);
        CU_ASSERT_EQUAL (s.cmp.jit.u.i, 3 * (400 - 100));
        CU_ASSERT (s.cmp.stats.side_traces >= 1);
        CU_ASSERT (raw ? s.cmp.stats.side_raw_entries > 0
                       : s.cmp.stats.side_raw_entries == 0);
      }
}

/* The side trace's own guard fails from i == m on: those exits come from
 * the side trace (depth 1, as jc_runtime_last_exit reports) until they
 * are hot and get a side trace of depth 2; with max_side_depth = 1 they
 * keep returning to the interpreter, counted as refused. */
static void
test_exits_of_the_side_trace (void)
{
  vm_value a[3] = { vm_int (3000), vm_int (300), vm_int (1000) };
  int64_t want = branch2_want (3000, 300, 1000);
  jc_options o = opts (10);
  side_run r = run_side (branch2_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 2);
  CU_ASSERT_EQUAL (r.max_exit_depth, 1);
  /* the side trace's exit returned 9 times; the 10th went on into the
   * new depth-2 side trace */
  CU_ASSERT_EQUAL (r.side_exits, 9);
  CU_ASSERT (r.cmp.entries < 60);

  o.max_side_depth = 1;
  side_run q = run_side (branch2_src, a, 3, &o);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (q.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (q.cmp.stats.side_refused[JC_SIDE_REFUSE_MAX_SIDE_DEPTH], 1);
  CU_ASSERT (q.side_exits >= 3000 - 1000 - 1);
  CU_ASSERT_EQUAL (q.max_exit_depth, 1);
}

/* max_side_traces = 0 disables side traces (and counts the refusals); a
 * limit of 1 allows the first of the two. */
static void
test_limits (void)
{
  vm_value a[3] = { vm_int (3000), vm_int (300), vm_int (1000) };
  int64_t want = branch2_want (3000, 300, 1000);
  jc_options o = opts (10);
  o.max_side_traces = 0;
  side_run r = run_side (branch2_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.side_entries, 0);
  CU_ASSERT (r.cmp.stats.side_refused[JC_SIDE_REFUSE_MAX_SIDE_TRACES] >= 1);
  CU_ASSERT_EQUAL (r.side_exits, 0);

  o.max_side_traces = 1;
  r = run_side (branch2_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.side_refused[JC_SIDE_REFUSE_MAX_SIDE_TRACES], 1);

  o.max_side_traces = 32;
  o.max_side_depth = 0;
  r = run_side (branch2_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.side_refused[JC_SIDE_REFUSE_MAX_SIDE_DEPTH], 1);
}

/* A guard exit inside an inlined call (step's branch flips at i == k):
 * the side trace runs on the callee frame the restore has just made, and
 * ends with an exit to step's return; the result and every exit state are
 * the interpreter's, with side traces on and off. */
static void
test_side_trace_in_inlined_call (void)
{
  vm_value a[2] = { vm_int (1000), vm_int (300) };
  jc_options o = opts (10);
  o.func_threshold = 65535;      /* only the loop, with step inlined */
  side_run r = run_side (vm_prog_inline, a, 2, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, 1000);
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.side_refused[JC_SIDE_REFUSE_INLINED_FRAME], 0);
  /* i goes up by 2 from 300 on: 350 iterations through the side trace,
   * the first 9 of them before it existed */
  CU_ASSERT (r.cmp.stats.side_entries >= 340);
  CU_ASSERT (r.side_exits >= 340);
  CU_ASSERT (r.cmp.stats.frames_materialised >= 350);
  /* an exit with an inlined frame is restored (push_frame) first */
  CU_ASSERT_EQUAL (r.cmp.stats.side_raw_entries, 0);
  o.side_threshold = 0;
  side_run q = run_side (vm_prog_inline, a, 2, &o);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, 1000);
  CU_ASSERT_EQUAL (q.cmp.stats.side_traces, 0);
  CU_ASSERT (r.cmp.steps_jit < q.cmp.steps_jit);
}

/* Side-trace selection that keeps aborting: backoff, then the exit is
 * blacklisted after max_aborts failures and stays quiet. */
static void
test_blacklisted_exit (void)
{
  vm_value a[2] = { vm_int (1000), vm_int (100) };
  jc_options o = opts (10);
  side_run r = run_side (abort_src, a, 2, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (1000, 100));
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.side_aborted, o.max_aborts);
  CU_ASSERT_EQUAL (r.cmp.stats.side_blacklisted, 1);
  CU_ASSERT (r.cmp.stats.aborted_by_reason[JC_ABORT_UNSUPPORTED_INSN]
             >= o.max_aborts);
}

/* A side trace with a dependency of its own (global 1, used only on the
 * second arm) is unlinked alone when it changes: the root stays, and the
 * exit gets a new side trace that sees the new value. */
static void
test_side_trace_invalidated_alone (void)
{
  vm_value a[4] = { vm_int (2000), vm_int (300), vm_int (1000),
                    vm_int (1) };
  jc_options o = opts (10);
  side_run r = run_side (global_src, a, 4, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, global_want (2000, 300, 1000, 1));
  CU_ASSERT_EQUAL (r.cmp.stats.invalidated, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 2);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 1);
}

/* Invalidating a root takes its side trace with it, during the run (the
 * root embeds global 0, rebound at i == m) and from outside after it. */
static void
test_root_invalidated_with_side_traces (void)
{
  vm_value a[4] = { vm_int (2000), vm_int (300), vm_int (1000),
                    vm_int (0) };
  jc_options o = opts (10);
  side_run r = run_side (global_src, a, 4, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, global_want (2000, 300, 1000, 0));
  CU_ASSERT (r.cmp.stats.invalidated >= 1);
  CU_ASSERT (r.cmp.stats.traces_installed >= 2);
  CU_ASSERT (r.cmp.stats.side_traces >= 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces + 1, r.cmp.stats.side_traces);

  /* After a run with a root and its side trace alive, invalidate the
   * root's dependency from outside: both go.  The globals live in the
   * runtime's VM, so the key is taken from there. */
  a[2] = vm_int (5000);          /* no rebinding during the run */
  inval_key = (uintptr_t) &the_vm.globals[0];
  r = run_side (global_src, a, 4, &o);
  inval_key = 0;
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, global_want (2000, 300, 5000, 0));
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.invalidated, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.live_code_bytes, 0);
}

/* The side trace's arm calls the MAX helper; the root's arm reads global
 * 0.  A helper call at a chosen count invalidates global 0 while the side
 * trace is running: root and side trace are unlinked at once but freed
 * only when the side trace has returned (AddressSanitizer would see a use
 * after free); a new root takes over. */
static const char *helper_src =
  "func main 2 4\n"
  "  const 1\n  setg 0\n"
  "  const 0\n  store 2\n  const 0\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 3\n  getg 0\n  add\n  store 3\n  jmp next\n"
  "big:\n"
  "  load 3\n  load 2\n  const 500\n  max\n  add\n  store 3\n"
  "next:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp loop\n"
  "done:\n  load 3\n  ret\n";

static unsigned long hook_at;
static int hook_fired;

static void
invalidate_from_helper (void)
{
  if (vm_helper_max_calls == hook_at)
    {
      hook_fired = 1;
      CU_ASSERT_EQUAL (jc_runtime_invalidate (the_vm.rt,
                                              (uintptr_t) &the_vm.globals[0]),
                       1);
    }
}

static void
test_invalidated_while_side_trace_runs (void)
{
  vm_value a[2] = { vm_int (2000), vm_int (300) };
  int64_t want = 300;
  for (int64_t i = 300; i < 2000; i++)
    want += i > 500 ? i : 500;
  jc_options o = opts (10);
  vm_helper_max_calls = 0;
  hook_at = 200;
  hook_fired = 0;
  vm_helper_hook = invalidate_from_helper;
  side_run r = run_side (helper_src, a, 2, &o);
  vm_helper_hook = NULL;
  CU_ASSERT_EQUAL (hook_fired, 1);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.invalidated, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 2);
  /* the new root follows the second arm, which the inline cache now
   * favours: no side trace is needed any more */
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 0);
  CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 1);
}

/* Two loops in a row: the first gets a side trace; under max_traces = 1
 * (or max_code_bytes = 1) installing the second loop's trace evicts the
 * first with its side trace, and the side trace itself never evicts its
 * own root. */
static const char *two_loops_src =
  "func main 2 4\n"
  "  const 0\n  store 2\n  const 0\n  store 3\n"
  "a:\n"
  "  load 2\n  load 0\n  lt\n  jz a_end\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp next\n"
  "big:\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "next:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp a\n"
  "a_end:\n  const 0\n  store 2\n"
  "b:\n"
  "  load 2\n  load 0\n  lt\n  jz b_end\n"
  "  load 3\n  const 3\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp b\n"
  "b_end:\n  load 3\n  ret\n";

static void
test_eviction_takes_side_traces (void)
{
  vm_value a[2] = { vm_int (1000), vm_int (300) };
  int64_t want = branch_want (1000, 300) + 3 * 1000;
  jc_options o = opts (10);
  side_run r = run_side (two_loops_src, a, 2, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 2);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.evicted, 0);
  for (int k = 0; k < 2; k++)
    {
      o = opts (10);
      if (k == 0)
        o.max_traces = 1;
      else
        o.max_code_bytes = 1;
      r = run_side (two_loops_src, a, 2, &o);
      CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
      CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 2);
      CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
      CU_ASSERT_EQUAL (r.cmp.stats.evicted, 1);
      CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 1);
      CU_ASSERT_EQUAL (r.cmp.stats.live_side_traces, 0);
      /* the side trace ran to the end of the first loop */
      CU_ASSERT (r.cmp.stats.side_entries >= 1000 - 300 - 10);
    }
}

/* Nested loops whose inner loop gets hot first: the outer loop's walk
 * reaches the inner loop's installed head, and that exit is a link from
 * the start (a root -> root hop inside jc_trace_enter, never through the
 * host).  At i == k the interpreter rebinds global 0, which the inner
 * trace embeds: it is invalidated, the outer trace's link finds no trace
 * at that head and returns to the host, and once a new inner trace is
 * installed the same link runs it. */
static const char *nested_src =
  "func main 3 6\n"
  "  const 1\n  setg 0\n  const 0\n  store 3\n  const 0\n  store 5\n"
  "outer:\n"
  "  load 3\n  load 0\n  lt\n  jz done\n"
  "  load 3\n  load 2\n  eq\n  jz go\n"
  "  const 5\n  setg 0\n"
  "go:\n  const 0\n  store 4\n"
  "inner:\n"
  "  load 4\n  load 1\n  lt\n  jz after\n"
  "  load 5\n  getg 0\n  add\n  load 4\n  add\n  store 5\n"
  "  load 4\n  const 1\n  add\n  store 4\n  jmp inner\n"
  "after:\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp outer\n"
  "done:\n  load 5\n  ret\n";

static int64_t
nested_want (int64_t n, int64_t m, int64_t k)
{
  int64_t s = 0, g = 1;
  for (int64_t i = 0; i < n; i++)
    {
      if (i == k)
        g = 5;
      for (int64_t j = 0; j < m; j++)
        s += g + j;
    }
  return s;
}

static void
test_root_links_to_root (void)
{
  /* No side traces ever get hot (threshold beyond the run): the outer
   * trace's link into the inner trace is all that keeps the two apart;
   * each outer iteration is one host entry (the inner loop's end still
   * returns to the host) and one link. */
  vm_value a[3] = { vm_int (600), vm_int (4), vm_int (1000000) };
  jc_options o = opts (60000);
  side_run r = run_side (nested_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, nested_want (600, 4, 1000000));
  CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 2);
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 0);
  CU_ASSERT (r.cmp.stats.trace_links >= 600 - 20);
  CU_ASSERT (r.cmp.entries <= 600 + 20);
  /* With side traces: the inner loop's exit gets one, which links back
   * to the outer head: the whole nest runs natively. */
  o = opts (10);
  r = run_side (nested_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, nested_want (600, 4, 1000000));
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT (r.cmp.stats.trace_links >= 2 * (600 - 20));
  CU_ASSERT (r.cmp.entries < 40);
  /* side_threshold 0: no links at all, two host entries per iteration */
  o = opts (0);
  r = run_side (nested_src, a, 3, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, nested_want (600, 4, 1000000));
  CU_ASSERT_EQUAL (r.cmp.stats.trace_links, 0);
  CU_ASSERT (r.cmp.entries >= 2 * (600 - 20));
}

static void
test_link_target_invalidated (void)
{
  for (int side = 0; side < 2; side++)
    {
      vm_value a[3] = { vm_int (600), vm_int (4), vm_int (300) };
      jc_options o = opts (side ? 10 : 60000);
      side_run r = run_side (nested_src, a, 3, &o);
      CU_ASSERT_EQUAL (r.cmp.jit.u.i, nested_want (600, 4, 300));
      CU_ASSERT (r.cmp.stats.invalidated >= 1);
      /* the inner trace again after the rebinding: 3 installs */
      CU_ASSERT_EQUAL (r.cmp.stats.traces_installed, 3);
      CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 2);
      /* links before and after, none while the head had no trace */
      CU_ASSERT (r.cmp.stats.trace_links >= 600 - 40);
      /* an outer trace linking to a dead inner trace would have run the
       * old global: the result and every exit state are the
       * interpreter's (run_side) */
    }
  /* The inner trace invalidated from outside after the run: the outer
   * trace's link finds nothing at that head. */
  vm_value a[3] = { vm_int (600), vm_int (4), vm_int (1000000) };
  jc_options o = opts (60000);
  inval_key = (uintptr_t) &the_vm.globals[0];
  side_run r = run_side (nested_src, a, 3, &o);
  inval_key = 0;
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, nested_want (600, 4, 1000000));
  CU_ASSERT_EQUAL (r.cmp.stats.invalidated, 1);
  CU_ASSERT_EQUAL (r.cmp.stats.live_traces, 1);
}

/* Every program, with side traces off, on, on at threshold 1, with every
 * optimizer pass off, and with background compiles: the interpreter's
 * result and exact exit states each time (run_side checks both), and the
 * same result. */
static void
test_on_off_matrix (void)
{
  struct { const char *src; vm_value a[4]; int n; } progs[] = {
    { vm_prog_branch, { vm_int (700), vm_int (200) }, 2 },
    { vm_prog_branch, { vm_int (700), vm_int (0) }, 2 },
    { branch2_src, { vm_int (900), vm_int (100), vm_int (400) }, 3 },
    { branch2_src, { vm_int (900), vm_int (100), vm_int (120) }, 3 },
    { global_src, { vm_int (900), vm_int (100), vm_int (400), vm_int (0) }, 4 },
    { global_src, { vm_int (900), vm_int (100), vm_int (400), vm_int (1) }, 4 },
    { vm_prog_inline, { vm_int (900), vm_int (100) }, 2 },
    { two_loops_src, { vm_int (900), vm_int (100) }, 2 },
    { nested_src, { vm_int (300), vm_int (4), vm_int (150) }, 3 },
    { abort_src, { vm_int (900), vm_int (100) }, 2 },
  };
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    {
      jc_options off = opts (0), on = opts (10), eager = opts (1),
                 bare = opts (10), bg = opts (10), rest = opts (1);
      bare.passes = 0;
      rest.side_raw = 0;
      bg.sync = 0;               /* compiles land whenever they finish */
      side_run a = run_side (progs[i].src, progs[i].a, progs[i].n, &off);
      side_run b = run_side (progs[i].src, progs[i].a, progs[i].n, &on);
      side_run c = run_side (progs[i].src, progs[i].a, progs[i].n, &eager);
      side_run d = run_side (progs[i].src, progs[i].a, progs[i].n, &bare);
      side_run e = run_side (progs[i].src, progs[i].a, progs[i].n, &bg);
      side_run f = run_side (progs[i].src, progs[i].a, progs[i].n, &rest);
      CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &f.cmp.jit, sizeof a.cmp.jit), 0);
      CU_ASSERT_EQUAL (f.cmp.stats.side_raw_entries, 0);
      CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &e.cmp.jit, sizeof a.cmp.jit), 0);
      CU_ASSERT_EQUAL (a.cmp.stats.side_traces, 0);
      CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &b.cmp.jit, sizeof a.cmp.jit), 0);
      CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &c.cmp.jit, sizeof a.cmp.jit), 0);
      CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &d.cmp.jit, sizeof a.cmp.jit), 0);
    }
}

/* Exit points before, at and after each side trace exists: the nested
 * branch flips at various iterations relative to the thresholds; every
 * run must match the interpreter's states and result (run_side). */
static void
test_exactness_sweep (void)
{
  static const int64_t km[][2] = { { 0, 0 }, { 3, 7 }, { 6, 9 }, { 12, 13 },
                                   { 40, 41 }, { 100, 130 } };
  static const uint32_t thresholds[] = { 1, 2, 5 };
  for (size_t i = 0; i < sizeof km / sizeof km[0]; i++)
    for (size_t j = 0; j < sizeof thresholds / sizeof thresholds[0]; j++)
      {
        vm_value a[3] = { vm_int (200), vm_int (km[i][0]), vm_int (km[i][1]) };
        for (uint32_t raw = 0; raw <= 1; raw++)
          {
            jc_options o = opts (thresholds[j]);
            o.loop_threshold = 3;
            o.side_raw = raw;
            side_run r = run_side (branch2_src, a, 3, &o);
            CU_ASSERT_EQUAL (r.cmp.jit.u.i,
                             branch2_want (200, km[i][0], km[i][1]));
          }
      }
}

/* main(n, k, m): slots a, b, c and s set at different points of the loop
 * body, three guards in main (the loop's end, i < k, i < m) and one in an
 * inlined call (mix's t < y), and c turning float at i == m (the type
 * guards after it fail then).  Each exit's snapshot needs other values,
 * which home-word exits store into their homes at different points. */
static const char *homes_src =
  "func mix 2 3\n"
  "  load 0\n  const 2\n  mul\n  store 2\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 2\n  const 1\n  add\n  ret\n"
  "big:\n"
  "  load 2\n  load 1\n  add\n  ret\n"
  "func main 3 8\n"
  "  const 0\n  store 3\n  const 0\n  store 4\n  const 0\n  store 5\n"
  "  const 0\n  store 6\n  const 0\n  store 7\n"
  "loop:\n"
  "  load 3\n  load 0\n  lt\n  jz done\n"
  "  load 3\n  const 3\n  mul\n  store 5\n"
  "  load 3\n  load 1\n  lt\n  jz big\n"
  "  load 5\n  const 1\n  add\n  store 6\n"
  "  load 4\n  load 6\n  add\n  store 4\n  jmp mid\n"
  "big:\n"
  "  load 4\n  load 5\n  add\n  store 4\n"
  "mid:\n"
  "  load 3\n  load 2\n  lt\n  jz late\n"
  "  load 6\n  load 5\n  add\n  store 7\n  jmp next\n"
  "late:\n"
  "  load 7\n  tofloat\n  constf 0.5\n  add\n  store 7\n"
  "next:\n"
  "  load 4\n  load 7\n  load 3\n  call mix 2\n  add\n  store 4\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp loop\n"
  "done:\n  load 4\n  ret\n";

/* Home-word exits (options.home_exits; 1: every trace has them) against
 * full exit blocks (0): for the programs above, flipping at several
 * points, with side traces off, at threshold 1 (side traces seeded raw
 * from home words, and side traces of those) and restored first, the
 * interpreter's exact state at every exit (run_side) and the same result,
 * exits, deopts and side traces both ways. */
static void
test_home_exits (void)
{
  struct { const char *src; vm_value a[3]; int n; } progs[] = {
    { homes_src, { vm_int (300), vm_int (40), vm_int (200) }, 3 },
    { homes_src, { vm_int (300), vm_int (0), vm_int (7) }, 3 },
    { homes_src, { vm_int (300), vm_int (150), vm_int (150) }, 3 },
    { homes_src, { vm_int (300), vm_int (300), vm_int (300) }, 3 },
    { branch2_src, { vm_int (400), vm_int (30), vm_int (90) }, 3 },
    { vm_prog_inline, { vm_int (900), vm_int (100) }, 2 },
    { float_branch_src, { vm_int (500), vm_int (60) }, 2 },
    { inner_loop_src, { vm_int (300), vm_int (50) }, 2 },
    { nested_src, { vm_int (300), vm_int (4), vm_int (150) }, 3 },
  };
  uint64_t home_traces = 0, side = 0, exits = 0;
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    for (int mode = 0; mode < 3; mode++)
      {
        jc_options full = opts (mode == 0 ? 0 : 1), home;
        full.side_raw = mode != 2;
        full.home_exits = 0;
        home = full;
        home.home_exits = 1;
        side_run a = run_side (progs[i].src, progs[i].a, progs[i].n, &full);
        side_run b = run_side (progs[i].src, progs[i].a, progs[i].n, &home);
        CU_ASSERT_EQUAL (memcmp (&a.cmp.jit, &b.cmp.jit, sizeof a.cmp.jit), 0);
        CU_ASSERT_EQUAL (a.cmp.stats.home_exit_traces, 0);
        CU_ASSERT_EQUAL (b.cmp.stats.home_exit_traces,
                         b.cmp.stats.traces_compiled);
        CU_ASSERT_EQUAL (a.cmp.stats.traces_compiled,
                         b.cmp.stats.traces_compiled);
        CU_ASSERT_EQUAL (a.cmp.stats.exits, b.cmp.stats.exits);
        CU_ASSERT_EQUAL (a.cmp.stats.deopts, b.cmp.stats.deopts);
        CU_ASSERT_EQUAL (a.cmp.stats.side_traces, b.cmp.stats.side_traces);
        CU_ASSERT_EQUAL (a.cmp.stats.side_raw_entries,
                         b.cmp.stats.side_raw_entries);
        CU_ASSERT_EQUAL (a.cmp.exits, b.cmp.exits);
        home_traces += b.cmp.stats.home_exit_traces;
        side += b.cmp.stats.side_raw_entries;
        exits += b.cmp.exits;
      }
  /* not vacuous: home-word traces ran, exited, and fed raw side traces */
  CU_ASSERT (home_traces >= 20);
  CU_ASSERT (side >= 100);
  CU_ASSERT (exits >= 20);
}

/* The options: env keys, range checks, defaults; the stats print. */
static void
test_options_and_stats (void)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  CU_ASSERT_EQUAL (o.side_threshold, 10);
  CU_ASSERT_EQUAL (o.max_side_traces, 32);
  CU_ASSERT_EQUAL (o.max_side_depth, 4);
  CU_ASSERT_EQUAL (o.side_raw, 1);
  CU_ASSERT_EQUAL (o.side_raw_ptrs, 1);
  vm_program *p = vm_asm_ok (vm_prog_branch);
  vm_init (&the_vm, p);
  jc_host h = vm_host_descriptor (&the_vm);
  setenv ("JITCORE_OPTIONS", "sync=1,side_threshold=3,max_side_traces=7,"
          "max_side_depth=2,side_raw=0,side_raw_ptrs=0", 1);
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  unsetenv ("JITCORE_OPTIONS");
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.side_threshold, 3);
  CU_ASSERT_EQUAL (e.max_side_traces, 7);
  CU_ASSERT_EQUAL (e.max_side_depth, 2);
  CU_ASSERT_EQUAL (e.side_raw, 0);
  CU_ASSERT_EQUAL (e.side_raw_ptrs, 0);
  CU_ASSERT_EQUAL (jc_runtime_last_exit (rt, NULL, NULL), -1);
  vm_attach (&the_vm, rt);
  vm_value a[2] = { vm_int (500), vm_int (100) };
  CU_ASSERT_EQUAL (vm_run (&the_vm, vm_find (p, "main"), a, 2), 0);
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&text, &len);
  jc_stats_print (rt, f);
  fclose (f);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "side_traces=1\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "live_side_traces=1\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "side_entries="));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "trace_links="));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "side_raw_entries=0\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "side_ptr_entries=0\n"));
  free (text);
  jc_runtime_free (rt);

  setenv ("JITCORE_OPTIONS", "max_side_depth=65", 1);
  rt = jc_runtime_new (&h, NULL);
  unsetenv ("JITCORE_OPTIONS");
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "max_side_depth"));
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.sync = 1;
  o.side_threshold = 70000;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.sync = 1;
  o.side_raw = 2;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "side_raw"));
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.sync = 1;
  o.side_raw_ptrs = 2;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "side_raw_ptrs"));
  jc_runtime_free (rt);
  /* A host built before the side-trace fields: they take the defaults. */
  jc_options_init (&o);
  o.sync = 1;
  o.size = offsetof (jc_options, side_threshold);
  o.side_threshold = 0;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.side_threshold, 10);
  CU_ASSERT_EQUAL (e.side_raw, 1);
  CU_ASSERT_EQUAL (e.side_raw_ptrs, 1);
  jc_runtime_free (rt);
  vm_fini (&the_vm);
  vm_program_free (p);
}

/* ---------------------------------------------------------------- growth */

/* What jc_trace_growth said of the root trace of main at each exit. */
static struct {
  uint32_t max_warming, max_side_traces, max_compiling;
  uint64_t warm_taken_before_side;   /* warming_taken while no side trace */
  int warming_before_half;           /* warming > 0 with fewer exits taken */
  uint64_t hot_exits;                /* exits of the root that returned */
  jc_tree_growth after_run, after_flush;
  jc_status bad_null, bad_size;
} gr;

static jc_trace *
root_of_main (vm *v)
{
  vm_func *f = &v->prog->funcs[0];
  for (uint32_t pc = 0; pc < f->ncode; pc++)
    if (v->traces[0][pc])
      return v->traces[0][pc];
  return NULL;
}

static void
growth_exit_hook (vm *v, int exit_id, void *ud)
{
  (void) ud;
  jc_trace *t = root_of_main (v);
  uint32_t tid = 0, depth = 0;
  jc_runtime_last_exit (v->rt, &tid, &depth);
  if (!t)
    return;
  jc_tree_growth g;
  g.size = sizeof g;
  CU_ASSERT_EQUAL (jc_trace_growth (t, &g), JC_OK);
  if (g.warming > gr.max_warming)
    gr.max_warming = g.warming;
  if (g.side_traces > gr.max_side_traces)
    gr.max_side_traces = g.side_traces;
  if (g.compiling > gr.max_compiling)
    gr.max_compiling = g.compiling;
  if (depth == 0 && tid == jc_trace_id (t))
    {
      uint64_t n = jc_trace_exit_count (t, (uint32_t) exit_id);
      if (g.side_traces == 0 && n > gr.hot_exits)
        gr.hot_exits = n;
    }
  if (g.side_traces == 0 && g.warming_taken > gr.warm_taken_before_side)
    gr.warm_taken_before_side = g.warming_taken;
  /* side_threshold is 100 here: nothing is warming before 50 exits */
  if (g.side_traces == 0 && g.warming > 0 && g.warming_taken < 50)
    gr.warming_before_half = 1;
}

static void
growth_after_run (vm *v, jc_runtime *rt, void *ud)
{
  (void) ud;
  jc_trace *t = root_of_main (v);
  gr.after_run.size = sizeof gr.after_run;
  CU_ASSERT_EQUAL (jc_trace_growth (t, &gr.after_run), JC_OK);
  jc_runtime_flush (rt);
  gr.after_flush.size = sizeof gr.after_flush;
  CU_ASSERT_EQUAL (jc_trace_growth (t, &gr.after_flush), JC_OK);
  jc_tree_growth b;
  b.size = sizeof b;
  gr.bad_null = jc_trace_growth (NULL, &b);
  b.size = 0;
  gr.bad_size = jc_trace_growth (t, &b);
  /* A short struct: only the fields its size covers are written. */
  jc_tree_growth s;
  memset (&s, 0xab, sizeof s);
  s.size = offsetof (jc_tree_growth, warming);
  CU_ASSERT_EQUAL (jc_trace_growth (t, &s), JC_OK);
  CU_ASSERT_EQUAL (s.side_traces, gr.after_flush.side_traces);
  CU_ASSERT_EQUAL (s.warming, 0xabababab);
}

static side_run
run_growth (const vm_value *a, int n, const jc_options *o)
{
  memset (&gr, 0, sizeof gr);
  side_run r;
  memset (&r, 0, sizeof r);
  vm_compare_spec s = { .src = vm_prog_branch, .args = a, .nargs = n,
                        .options = o, .jit_vm = &the_vm,
                        .interp_vm = &other_vm, .on_exit = growth_exit_hook,
                        .after_run = growth_after_run, .ud = &r };
  r.cmp = vm_compare_run (&s);
  return r;
}

/* jc_trace_growth on the hot-branch loop: the exit of the other arm is
 * warming once it has been taken half the side threshold (not before),
 * then its side trace is counted; side traces off or the limit reached:
 * never warming.  (A compile in flight: test_async.c.) */
static void
test_tree_growth (void)
{
  vm_value a[2] = { vm_int (2000), vm_int (300) };
  jc_options o = opts (100);
  side_run r = run_growth (a, 2, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (r.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (gr.max_warming, 1);
  CU_ASSERT_EQUAL (gr.warming_before_half, 0);
  /* the root's hot exit returned 99 times; warming from its 50th */
  CU_ASSERT_EQUAL (gr.hot_exits, 99);
  CU_ASSERT_EQUAL (gr.warm_taken_before_side, 99);
  CU_ASSERT_EQUAL (gr.max_side_traces, 1);
  CU_ASSERT_EQUAL (gr.max_compiling, 0);      /* sync: linked at once */
  CU_ASSERT_EQUAL (gr.after_run.side_traces, 1);
  CU_ASSERT_EQUAL (gr.after_run.compiling, 0);
  CU_ASSERT_EQUAL (gr.after_run.warming, 0);
  CU_ASSERT_EQUAL (gr.bad_null, JC_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL (gr.bad_size, JC_INVALID_ARGUMENT);

  /* No side traces: nothing warms. */
  jc_options off = opts (0);
  r = run_growth (a, 2, &off);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (gr.max_warming, 0);
  CU_ASSERT_EQUAL (gr.after_flush.side_traces, 0);

  /* A tree at max_side_traces: its exits will get none, so none warms. */
  jc_options full = opts (100);
  full.max_side_traces = 0;
  r = run_growth (a, 2, &full);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, branch_want (2000, 300));
  CU_ASSERT_EQUAL (gr.max_warming, 0);
  CU_ASSERT_EQUAL (gr.after_flush.side_traces, 0);
}

/* Raw links (options.side_link_raw): a loop whose other arm is taken every
 * fifth iteration.  The side trace of that arm links back to the root's
 * head; hot, that link exit gets a loop copy of the root starting from its
 * words, and the copy's own side trace of the same arm links back into the
 * copy raw (raw_links), with no restore.  The result is the interpreter's
 * either way; off, the link restores the frame on every fifth iteration
 * and there is no copy. */
static const char prog_every_fifth[] =
  "func main 1 4\n"
  "  const 0\n  store 1\n  const 0\n  store 2\n  const 0\n  store 3\n"
  "loop:\n"
  "  load 1\n  load 0\n  lt\n  jz done\n"
  "  load 3\n  const 1\n  add\n  store 3\n"
  "  load 3\n  const 5\n  eq\n  jz common\n"
  "  const 0\n  store 3\n"
  "  load 2\n  load 1\n  add\n  store 2\n  jmp next\n"
  "common:\n"
  "  load 2\n  const 1\n  add\n  store 2\n"
  "next:\n"
  "  load 1\n  const 1\n  add\n  store 1\n  jmp loop\n"
  "done:\n  load 2\n  ret\n";

static int64_t
every_fifth_want (int64_t n)
{
  int64_t acc = 0;
  for (int64_t i = 0; i < n; i++)
    acc += (i + 1) % 5 == 0 ? i : 1;
  return acc;
}

static void
test_raw_links (void)
{
  vm_value a[1] = { vm_int (5000) };
  jc_options o = opts (10);
  o.side_link_raw = 1;
  side_run r = run_side (prog_every_fifth, a, 1, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, every_fifth_want (5000));
  CU_ASSERT (r.cmp.stats.side_traces >= 3);
  CU_ASSERT (r.cmp.stats.raw_links >= 900);
  CU_ASSERT (r.cmp.stats.deopts < 200);

  jc_options off = opts (10);
  side_run q = run_side (prog_every_fifth, a, 1, &off);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, every_fifth_want (5000));
  CU_ASSERT_EQUAL (q.cmp.stats.side_traces, 1);
  CU_ASSERT_EQUAL (q.cmp.stats.raw_links, 0);
  CU_ASSERT (q.cmp.stats.deopts >= 900);
}

/* Raw links with two slots that hold one value at the link (rle's
 * `j = i` before its inner loop): the side trace of the inner loop's exit
 * sets i = j, goes round the outer loop and sets j = i, then links to the
 * inner loop's head, so the loop copy is seeded with i and j from one
 * word.  Its loop changes j and not i: its exits must give them two words
 * (select_ir.c, same_ref), or the copy's side trace reads i == j and the
 * outer loop never advances i.  The outer loop counts its own iterations
 * (slot 4), so a wrong i gives a wrong sum rather than no end. */
static const char prog_runs_of_three[] =
  "func main 1 5\n"
  "  const 0\n  store 1\n  const 0\n  store 3\n  const 0\n  store 4\n"
  "outer:\n"
  "  load 4\n  load 0\n  lt\n  jz done\n"
  "  load 1\n  store 2\n"
  "inner:\n"
  "  load 2\n  load 1\n  sub\n  const 3\n  lt\n  jz iend\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp inner\n"
  "iend:\n"
  "  load 3\n  load 1\n  add\n  store 3\n"
  "  load 2\n  store 1\n"
  "  load 4\n  const 1\n  add\n  store 4\n  jmp outer\n"
  "done:\n  load 3\n  ret\n";

static void
test_raw_links_one_word (void)
{
  vm_value a[1] = { vm_int (2000) };
  int64_t want = 3 * (2000 * 1999 / 2);   /* i = 0, 3, 6, ... */
  jc_options o = opts (2);
  o.side_link_raw = 1;
  side_run r = run_side (prog_runs_of_three, a, 1, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, want);
  CU_ASSERT (r.cmp.stats.raw_links >= 1000);

  jc_options off = opts (2);
  side_run q = run_side (prog_runs_of_three, a, 1, &off);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, want);
  CU_ASSERT_EQUAL (q.cmp.stats.raw_links, 0);
}

/* Raw links when a loop copy's walk would take the loop another way than
 * the root's did (nbody: the copy seeded at the link exit where the next
 * inner range is empty).  One loop head with two back edges: the inner
 * loop's, and the outer loop's, which gives the inner loop 5 iterations
 * every fourth time and none otherwise.  The root is the inner loop; the
 * side trace of its end goes round the outer part and links back to the
 * head.  The VM lowers a copy's branches the root's way (rootdir), so its
 * copy is the inner loop and each outer iteration costs two exits (the
 * copy's end, its side trace's raw link back).  With copy_bias the copy's
 * branches follow the branch history instead, which says "leave" (the
 * iterations that ran in the interpreter mostly left): its walk goes round
 * the outer part, and the copy would leave at every inner iteration.
 * select.c refuses it (JC_ABORT_COPY_DIVERGED, asked again at each next
 * link up to max_aborts times), and the links stay plain. */
static const char prog_sometimes_empty[] =
  "func main 1 6\n"
  "  const 0\n  store 1\n  const 0\n  store 3\n  const 0\n  store 4\n"
  "  const 1\n  store 5\n  const 0\n  store 2\n"
  "inner:\n"
  "  load 2\n  load 4\n  lt\n  jz iend\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp inner\n"
  "iend:\n"
  "  load 1\n  const 1\n  add\n  store 1\n"
  "  load 1\n  load 0\n  lt\n  jz done\n"
  "  load 5\n  const 3\n  eq\n  const 5\n  mul\n  store 4\n"
  "  load 5\n  const 1\n  add\n  load 5\n  const 3\n  eq\n  const 4\n"
  "  mul\n  sub\n  store 5\n"
  "  const 0\n  store 2\n  jmp inner\n"
  "done:\n  load 3\n  ret\n";

static int64_t
sometimes_empty_want (int64_t n)
{
  int64_t acc = 0, p = 1;
  for (int64_t o = 1; o < n; o++)
    {
      int64_t len = p == 3 ? 5 : 0;
      p = p == 3 ? 0 : p + 1;
      for (int64_t j = 0; j < len; j++)
        acc += j;
    }
  return acc;
}

static void
test_raw_links_diverged (void)
{
  enum { N = 4000 };
  vm_value a[1] = { vm_int (N) };
  jc_options o = opts (10);
  o.side_link_raw = 1;
  side_run r = run_side (prog_sometimes_empty, a, 1, &o);
  CU_ASSERT_EQUAL (r.cmp.jit.tag, VM_INT);
  CU_ASSERT_EQUAL (r.cmp.jit.u.i, sometimes_empty_want (N));
  CU_ASSERT_EQUAL (r.cmp.stats.aborted_by_reason[JC_ABORT_COPY_DIVERGED], 0);
  CU_ASSERT (r.cmp.stats.raw_links >= N / 2);
  CU_ASSERT (r.cmp.stats.deopts < N / 2);

  side_copy_bias = 1;
  side_run c = run_side (prog_sometimes_empty, a, 1, &o);
  side_copy_bias = 0;
  CU_ASSERT_EQUAL (c.cmp.jit.u.i, sometimes_empty_want (N));
  CU_ASSERT (c.cmp.stats.aborted_by_reason[JC_ABORT_COPY_DIVERGED] >= 1);
  CU_ASSERT_EQUAL (c.cmp.stats.raw_links, 0);

  jc_options off = opts (10);
  side_run q = run_side (prog_sometimes_empty, a, 1, &off);
  CU_ASSERT_EQUAL (q.cmp.jit.u.i, sometimes_empty_want (N));
  CU_ASSERT_EQUAL (q.cmp.stats.raw_links, 0);
  CU_ASSERT (q.cmp.stats.deopts >= N);
  /* A refused copy leaves the tree as it is without raw links. */
  CU_ASSERT_EQUAL (c.cmp.stats.exits, q.cmp.stats.exits);
  CU_ASSERT_EQUAL (c.cmp.stats.deopts, q.cmp.stats.deopts);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "hot_branch_gets_side_trace", test_hot_branch_gets_side_trace },
    { "exits_of_the_side_trace", test_exits_of_the_side_trace },
    { "raw_side_entry", test_raw_side_entry },
    { "limits", test_limits },
    { "side_trace_in_inlined_call", test_side_trace_in_inlined_call },
    { "blacklisted_exit", test_blacklisted_exit },
    { "side_trace_invalidated_alone", test_side_trace_invalidated_alone },
    { "root_invalidated_with_side_traces",
      test_root_invalidated_with_side_traces },
    { "invalidated_while_side_trace_runs",
      test_invalidated_while_side_trace_runs },
    { "eviction_takes_side_traces", test_eviction_takes_side_traces },
    { "root_links_to_root", test_root_links_to_root },
    { "link_target_invalidated", test_link_target_invalidated },
    { "on_off_matrix", test_on_off_matrix },
    { "exactness_sweep", test_exactness_sweep },
    { "home_exits", test_home_exits },
    { "options_and_stats", test_options_and_stats },
    { "tree_growth", test_tree_growth },
    { "raw_links", test_raw_links },
    { "raw_links_one_word", test_raw_links_one_word },
    { "raw_links_diverged", test_raw_links_diverged },
    { NULL, NULL }
  };
  return JC_SUITE ("side", NULL, NULL, tests);
}
