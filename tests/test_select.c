/* test_select.c -- trace selection by projection with a scripted host whose
 * lower callback answers from a table (no IR): the walk it follows, loop
 * closing, inlining and returns, every limit and abort reason, injected
 * compile failures, and blacklisting of heads that keep failing. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jitcore/jitcore.h>
#include "cunit_main.h"
#include "dummy_host.h"

typedef struct script {
  uint32_t len;
  jc_step steps[16];
  int fail_at;                   /* lower returns non-zero at this pc (-1) */
} script;

typedef struct visit { const script *code; uint32_t pc, depth; } visit;

typedef struct host_state {
  visit path[256];
  int n;
  int installs, uninstalls, refuse;
  int retains, releases, use_obj;
  int depend;                    /* 1: depend on key 42; 2: and change it */
  int depends_seen;              /* jc_runtime_depends (unrelated key) while
                                    lowering */
  jc_runtime *rt;
  /* A loop unrolled by the host: at uhead (> 0) the first ucount visits
   * call jc_lower_unroll and go on to ubody, the next one goes to uexit;
   * urc[] gets jc_lower_unroll's answers, utwice asks twice per visit. */
  uint32_t uhead, ubody, uexit;
  int ucount, uvisits, utwice, urc[64];
  /* A second one (vhead > 0) nested in the first's body: its count starts
   * over at each visit of uhead. */
  uint32_t vhead, vbody, vexit;
  int vcount, vvisits;
  int consts_ok;                 /* jc_lower_is_const_* answered right */
  /* The payback rule: at each pc whose bit is set in generic the host
   * calls helper 0 (JC_HELPER_GENERIC), in cond_generic through
   * jc_lower_call_if, in plain helper 1 (not generic). */
  uint32_t generic, cond_generic, plain;
  char log[8192];
} host_state;

static int64_t
s_helper (int64_t x)
{
  return x;
}

static const jc_helper s_helpers[] = {
  { "generic", (void *) s_helper, "i64(i64)",
    JC_HELPER_READS_MEMORY | JC_HELPER_WRITES_MEMORY | JC_HELPER_GENERIC },
  { "plain", (void *) s_helper, "i64(i64)", JC_HELPER_PURE },
};

static int
s_lower (void *ud, jc_lower *b, const void *code, uint32_t pc, uint32_t depth,
         const void *ic, jc_step *step)
{
  (void) b; (void) ic;
  host_state *h = ud;
  const script *s = code;
  if (h->n < 256)
    h->path[h->n++] = (visit) { s, pc, depth };
  if ((int) pc == s->fail_at)
    return 3;
  if (h->use_obj)
    {
      /* embed a host object twice: one constant-table entry */
      static int obj;
      jc_lower_slot_set (b, 0, jc_lower_const_obj (b, &obj));
      jc_lower_const_obj (b, &obj);
    }
  if (h->depend)
    {
      jc_lower_depend (b, 42);
      /* While a selection runs the filter cannot know its deps yet. */
      h->depends_seen = jc_runtime_depends (h->rt, 4242);
      /* As if another thread rebound the thing while this trace is built. */
      if (h->depend == 2)
        jc_runtime_invalidate (h->rt, 42);
    }
  *step = s->steps[pc];
  if (pc < 32 && ((h->generic | h->cond_generic | h->plain) >> pc & 1))
    {
      jc_ref k = jc_lower_const_i64 (b, (int64_t) pc);
      if (h->generic >> pc & 1)
        jc_lower_call (b, 0, &k, 1);
      if (h->plain >> pc & 1)
        jc_lower_call (b, 1, &k, 1);
      if (h->cond_generic >> pc & 1)
        jc_lower_call_if (b, jc_lower_cmp (b, JC_EQ, k, k), 0, &k, 1);
    }
  if (h->uhead && pc == h->uhead && depth == 0)
    {
      if (h->uvisits < h->ucount)
        {
          int rc = jc_lower_unroll (b);
          if (h->utwice)
            rc |= jc_lower_unroll (b);
          if (h->uvisits < 64)
            h->urc[h->uvisits] = rc;
          *step = (jc_step) { .kind = JC_STEP_NEXT, .pc = h->ubody };
        }
      else
        *step = (jc_step) { .kind = JC_STEP_NEXT, .pc = h->uexit };
      h->uvisits++;
      h->vvisits = 0;
    }
  if (h->vhead && pc == h->vhead && depth == 0)
    {
      int go = h->vvisits++ < h->vcount;
      if (go && jc_lower_unroll (b) != 0)
        h->urc[63] = -1;
      *step = (jc_step) { .kind = JC_STEP_NEXT,
                          .pc = go ? h->vbody : h->vexit };
    }
  if (h->uhead && h->n == 1)
    {
      /* The builder's constants read back (and what is no constant). */
      static int obj;
      int64_t i = 0;
      const void *p = NULL;
      jc_ref k = jc_lower_const_i64 (b, -7), o = jc_lower_const_obj (b, &obj);
      jc_ref q = jc_lower_const_ptr (b, &i), f = jc_lower_const_f64 (b, 1.0);
      jc_ref sum = jc_lower_binop (b, JC_ADD, k, k);
      h->consts_ok = jc_lower_is_const_i64 (b, k, &i) && i == -7
                     && jc_lower_is_const_ptr (b, o, &p) && p == &obj
                     && jc_lower_is_const_ptr (b, q, &p) && p == &i
                     && jc_lower_is_const_i64 (b, k, NULL)
                     && !jc_lower_is_const_i64 (b, sum, &i)
                     && !jc_lower_is_const_i64 (b, f, &i)
                     && !jc_lower_is_const_i64 (b, o, &i)
                     && !jc_lower_is_const_ptr (b, k, &p)
                     && !jc_lower_is_const_i64 (b, JC_REF_NONE, &i)
                     && !jc_lower_is_const_i64 (NULL, k, &i);
    }
  return 0;
}

/* Every slot the walk reads holds int 0 (the scripted host emits no IR
 * of its own, but inlining reads the caller's argument slots). */
static int
s_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
             uint32_t slot)
{
  (void) ud; (void) code; (void) depth;
  return jc_lower_slot_bind (b, slot, jc_lower_const_i64 (b, 0),
                             JC_BIND_TYPE_ONLY);
}

static int
s_code_info (void *ud, const void *code, jc_code_info *out)
{
  (void) ud;
  out->name = "script";
  out->bytecode_len = ((const script *) code)->len;
  return 0;
}

static void *
s_push_frame (void *ud, void *caller, const void *code, uint32_t a, uint32_t n)
{
  (void) ud; (void) caller; (void) code; (void) a; (void) n;
  return NULL;
}

static int
s_install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  (void) code; (void) pc; (void) t;
  host_state *h = ud;
  if (h->refuse)
    return 1;
  h->installs++;
  return 0;
}

static void
s_retain (void *ud, void *obj)
{
  (void) obj;
  ((host_state *) ud)->retains++;
}

static void
s_release (void *ud, void *obj)
{
  (void) obj;
  ((host_state *) ud)->releases++;
}

static void
s_uninstall (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  (void) code; (void) pc; (void) t;
  ((host_state *) ud)->uninstalls++;
}

static void
s_log (void *ud, unsigned cat, const char *line)
{
  (void) cat;
  host_state *h = ud;
  size_t n = strlen (h->log);
  snprintf (h->log + n, sizeof h->log - n, "%s\n", line);
}

#define NEXT(p) { .kind = JC_STEP_NEXT, .pc = (p) }
#define CALL(c, p, r) { .kind = JC_STEP_CALL, .code = (c), .pc = (p), \
                        .return_pc = (r), .arg_base = 2, .nargs = 1, .nslots = 3 }
#define RET { .kind = JC_STEP_RETURN }
#define ABORT(r, m) { .kind = JC_STEP_ABORT, .reason = (r), .message = (m) }
#define EXIT(p) { .kind = JC_STEP_EXIT, .pc = (p) }

static jc_runtime *
mk_rt (host_state *hs, jc_options *o)
{
  unsetenv ("JITCORE_OPTIONS");
  unsetenv ("JITCORE_LOG");
  unsetenv ("JITCORE_DISABLE");
  memset (hs, 0, sizeof *hs);
  jc_host h = dummy_host ();
  h.userdata = hs;
  h.lower = s_lower;
  h.load_slot = s_load_slot;
  h.code_info = s_code_info;
  h.push_frame = s_push_frame;
  h.install = s_install;
  h.uninstall = s_uninstall;
  h.retain = s_retain;
  h.release = s_release;
  h.helpers = s_helpers;
  h.nhelpers = 2;
  jc_options d;
  if (!o)
    {
      jc_options_init (&d);
      d.sync = 1;
      o = &d;
    }
  o->log = JC_LOG_TRACE | JC_LOG_ABORT | JC_LOG_COMPILE | JC_LOG_HOT;
  o->log_fn = s_log;
  o->log_userdata = hs;
  return jc_runtime_new (&h, o);
}

static jc_stats
stats (jc_runtime *rt)
{
  jc_stats s = { .size = sizeof s };
  jc_stats_get (rt, &s);
  return s;
}

/* Expect a selection that ends without aborting (compile is the backend's
 * business: its outcome is either compiled or a compile failure). */
static void
expect_complete (jc_runtime *rt, jc_status st)
{
  jc_stats s = stats (rt);
  CU_ASSERT_EQUAL (s.traces_started, 1);
  CU_ASSERT_EQUAL (s.traces_aborted, 0);
  CU_ASSERT_EQUAL (s.traces_compiled + s.compile_failures, 1);
  CU_ASSERT (st == JC_OK || st == JC_COMPILE_FAILED);
}

static void
expect_abort (jc_runtime *rt, jc_status st, jc_abort_reason r,
              const char *needle)
{
  CU_ASSERT_EQUAL (st, JC_ABORTED);
  jc_stats s = stats (rt);
  CU_ASSERT_EQUAL (s.traces_aborted, 1);
  CU_ASSERT_EQUAL (s.aborted_by_reason[r], 1);
  CU_ASSERT_EQUAL (s.traces_compiled + s.compile_failures, 0);
  const char *m = jc_runtime_last_failure (rt);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, jc_abort_reason_name (r)));
  if (needle && !strstr (m, needle))
    fprintf (stderr, "failure '%s' lacks '%s'\n", m, needle);
  if (needle)
    CU_ASSERT_PTR_NOT_NULL (strstr (m, needle));
}

/* Select a loop trace of script s (default options) and expect abort
 * reason r with needle in the failure message. */
static void
script_aborts (script *s, jc_abort_reason r, const char *needle)
{
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  expect_abort (rt, jc_runtime_hot (rt, s, 0, JC_HOT_LOOP, NULL), r, needle);
  jc_runtime_free (rt);
}

/* 2 -> 3 -> 4 -> (branch) 2: closes at the head it started from. */
static void
test_loop_closes (void)
{
  static script s = { 6, { NEXT (1), NEXT (2), NEXT (3), NEXT (4), NEXT (2) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  jc_status st = jc_runtime_hot (rt, &s, 2, JC_HOT_LOOP, NULL);
  expect_complete (rt, st);
  CU_ASSERT_EQUAL (hs.n, 3);
  CU_ASSERT_EQUAL (hs.path[0].pc, 2);
  CU_ASSERT_EQUAL (hs.path[1].pc, 3);
  CU_ASSERT_EQUAL (hs.path[2].pc, 4);
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "closes its loop at pc 2 after 3"));
  jc_runtime_free (rt);
}

/* A dependency that changes while its trace is being built: the trace is
 * compiled but never installed.  One built without a change is installed,
 * and invalidating its key uninstalls it. */
static void
test_dependency_changed_during_selection (void)
{
  static script s = { 6, { NEXT (1), NEXT (2), NEXT (3), NEXT (4), NEXT (2) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.rt = rt;
  hs.depend = 2;
  CU_ASSERT_EQUAL (jc_runtime_depends (rt, 42), 0);   /* no trace yet */
  CU_ASSERT_EQUAL (jc_runtime_depends (NULL, 42), 0);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 2, JC_HOT_LOOP, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.depends_seen, 1);
  jc_stats st = stats (rt);
  CU_ASSERT_EQUAL (st.traces_compiled, 1);
  CU_ASSERT_EQUAL (st.traces_installed, 0);
  CU_ASSERT_EQUAL (st.invalidated, 1);
  CU_ASSERT_EQUAL (hs.installs, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "dependency changed"));
  hs.depend = 1;
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 2, JC_HOT_LOOP, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.installs, 1);
  CU_ASSERT_EQUAL (jc_runtime_depends (rt, 42), 1);
  /* Keys nothing depends on: all but those sharing 42's filter bucket
   * answer 0 (and need no work in jc_runtime_invalidate). */
  int zero = 0;
  for (uintptr_t k = 1000; k < 1100; k++)
    zero += !jc_runtime_depends (rt, k);
  CU_ASSERT (zero >= 95);
  CU_ASSERT_EQUAL (jc_runtime_invalidate (rt, 43), 0);
  CU_ASSERT_EQUAL (hs.uninstalls, 0);
  CU_ASSERT_EQUAL (jc_runtime_invalidate (rt, 42), 1);
  CU_ASSERT_EQUAL (hs.uninstalls, 1);
  CU_ASSERT_EQUAL (stats (rt).invalidated, 2);
  CU_ASSERT_EQUAL (jc_runtime_invalidate (rt, 42), 0);   /* already gone */
  CU_ASSERT_EQUAL (jc_runtime_depends (rt, 42), 0);   /* and freed */
  jc_runtime_free (rt);
  CU_ASSERT_EQUAL (hs.uninstalls, 1);   /* not uninstalled twice */
}

/* A call is inlined and returns; the walk continues at the return pc. */
static void
test_inline_call (void)
{
  static script callee = { 3, { NEXT (1), NEXT (2), RET }, -1 };
  static script s = { 4, { NEXT (1), { 0 }, NEXT (3), NEXT (0) }, -1 };
  s.steps[1] = (jc_step) CALL (&callee, 0, 2);
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  jc_status st = jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL);
  expect_complete (rt, st);
  CU_ASSERT_EQUAL_FATAL (hs.n, 7);
  uint32_t want_pc[] = { 0, 1, 0, 1, 2, 2, 3 };
  uint32_t want_depth[] = { 0, 0, 1, 1, 1, 0, 0 };
  for (int i = 0; i < 7; i++)
    {
      CU_ASSERT_EQUAL (hs.path[i].pc, want_pc[i]);
      CU_ASSERT_EQUAL (hs.path[i].depth, want_depth[i]);
    }
  CU_ASSERT_PTR_EQUAL (hs.path[2].code, &callee);
  CU_ASSERT_PTR_EQUAL (hs.path[5].code, &s);
  jc_runtime_free (rt);
}

/* One callee called twice from the same caller: its body is inlined
 * twice at depth 1, two frame instances, which is no inner loop. */
static void
test_inline_same_callee_twice (void)
{
  static script callee = { 2, { NEXT (1), RET }, -1 };
  static script s = { 5, { NEXT (1), { 0 }, { 0 }, NEXT (4), NEXT (0) }, -1 };
  s.steps[1] = (jc_step) CALL (&callee, 0, 2);
  s.steps[2] = (jc_step) CALL (&callee, 0, 3);
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  jc_status st = jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL);
  expect_complete (rt, st);
  CU_ASSERT_EQUAL_FATAL (hs.n, 9);
  uint32_t want_pc[] = { 0, 1, 0, 1, 2, 0, 1, 3, 4 };
  uint32_t want_depth[] = { 0, 0, 1, 1, 0, 1, 1, 0, 0 };
  for (int i = 0; i < 9; i++)
    {
      CU_ASSERT_EQUAL (hs.path[i].pc, want_pc[i]);
      CU_ASSERT_EQUAL (hs.path[i].depth, want_depth[i]);
    }
  jc_runtime_free (rt);
}

/* A loop inside one inlined frame instance is still an inner loop. */
static void
test_inline_inner_loop (void)
{
  static script callee = { 3, { NEXT (1), NEXT (0), RET }, -1 };
  static script s = { 3, { NEXT (1), { 0 }, NEXT (0) }, -1 };
  s.steps[1] = (jc_step) CALL (&callee, 0, 2);
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_INNER_LOOP, "pc 0 (depth 1)");
  jc_runtime_free (rt);
}

/* Recursion: each level inlines again until the depth limit. */
static void
test_inline_depth_limit (void)
{
  static script s = { 2, { NEXT (1), { 0 } }, -1 };
  s.steps[1] = (jc_step) CALL (&s, 0, 0);
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.max_inline_depth = 2;
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, &o);
  jc_status st = jc_runtime_hot (rt, &s, 0, JC_HOT_FUNC, NULL);
  expect_abort (rt, st, JC_ABORT_INLINE_TOO_DEEP, "depth 2");
  CU_ASSERT_EQUAL (hs.path[hs.n - 1].depth, 2);
  jc_runtime_free (rt);
}

static void
test_no_push_frame_no_inlining (void)
{
  static script callee = { 1, { RET }, -1 };
  static script s = { 2, { { 0 }, NEXT (0) }, -1 };
  s.steps[0] = (jc_step) CALL (&callee, 0, 1);
  host_state hs;
  memset (&hs, 0, sizeof hs);
  jc_host h = dummy_host ();
  h.userdata = &hs;
  h.lower = s_lower;
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  jc_status st = jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL);
  expect_abort (rt, st, JC_ABORT_INLINE_TOO_DEEP, "no push_frame");
  jc_runtime_free (rt);
}

static void
test_trace_too_long (void)
{
  static script s = { 16, { NEXT (1), NEXT (2), NEXT (3), NEXT (4), NEXT (5),
                            NEXT (6), NEXT (7), NEXT (8), NEXT (9), NEXT (0) }, -1 };
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.max_trace_insns = 5;
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, &o);
  jc_status st = jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL);
  expect_abort (rt, st, JC_ABORT_TRACE_TOO_LONG, "more than 5");
  CU_ASSERT_EQUAL (hs.n, 5);
  jc_runtime_free (rt);
}

static void
test_return_from_root (void)
{
  static script s = { 3, { NEXT (1), RET }, -1 };
  script_aborts (&s, JC_ABORT_RETURN_FROM_ROOT, "pc 1");
}

/* A function-entry trace ends at the function's return. */
static void
test_function_trace_ends_at_return (void)
{
  static script s = { 3, { NEXT (1), RET }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_FUNC, NULL));
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "ends at its return, pc 1"));
  jc_runtime_free (rt);
}

/* A second loop whose path reaches the head of an installed trace ends
 * there (the host enters the other trace); a head already traced is not
 * selected again. */
static void
test_links_to_other_trace (void)
{
  static script s = { 8, { NEXT (1), NEXT (2), NEXT (0), { 0 }, { 0 },
                           NEXT (6), NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  CU_ASSERT_EQUAL_FATAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.installs, 1);
  hs.n = 0;
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 5, JC_HOT_LOOP, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.installs, 2);
  CU_ASSERT_EQUAL (hs.n, 2);                 /* 5, 6, then the link */
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "links to trace 1 at pc 0"));
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, &c), JC_OK);
  CU_ASSERT_EQUAL (c.state, JC_COUNTER_TRACED);
  CU_ASSERT_EQUAL (hs.installs, 2);
  jc_stats st = stats (rt);
  CU_ASSERT_EQUAL (st.traces_started, 2);
  CU_ASSERT_EQUAL (st.traces_compiled, 2);
  jc_runtime_free (rt);
}

static void
test_host_refused (void)
{
  static script s = { 3, { NEXT (1), NEXT (2), NEXT (0) }, 1 };
  script_aborts (&s, JC_ABORT_HOST_REFUSED, "lower returned 3");
}

/* The host's own reason and message reach the stats and the log. */
static void
test_host_abort_reason (void)
{
  static script s = { 3, { NEXT (1), ABORT (JC_ABORT_NO_TYPE_INFO,
                                            "LOAD never executed") }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_NO_TYPE_INFO, "LOAD never executed");
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "aborted (no type feedback at pc)"));
  jc_runtime_free (rt);
}

static void
test_bad_step (void)
{
  static script s = { 3, { NEXT (1), { .kind = 42 } }, -1 };
  script_aborts (&s, JC_ABORT_LOWER_ERROR, "step kind 42");
}

static void
test_bad_pc (void)
{
  static script s = { 3, { NEXT (1), NEXT (7) }, -1 };
  script_aborts (&s, JC_ABORT_BAD_PC, "pc 7");
}

/* 0 -> 1 -> 2 -> 1: an inner loop that is not the trace's own. */
static void
test_inner_loop (void)
{
  static script s = { 4, { NEXT (1), NEXT (2), NEXT (1) }, -1 };
  script_aborts (&s, JC_ABORT_INNER_LOOP, "pc 1");
}

/* options.inner_exit_min_insns: a root walk that comes back to an inner
 * loop's head (3 here, after 0 1 2) aborts once; the head remembers it and
 * its next walk ends with an exit there, the first time it reaches it. */
static const script inner_s = { 8, { NEXT (1), NEXT (2), NEXT (3), NEXT (4),
                                     NEXT (5), NEXT (3) }, -1 };

static jc_runtime *
inner_rt (host_state *hs, uint32_t min)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.inner_exit_min_insns = min;
  return mk_rt (hs, &o);
}

static void
test_inner_exit (void)
{
  for (int kind = 0; kind < 2; kind++)
    {
      jc_hot_kind k = kind ? JC_HOT_FUNC : JC_HOT_LOOP;
      host_state hs;
      jc_runtime *rt = inner_rt (&hs, 3);
      expect_abort (rt, jc_runtime_hot (rt, &inner_s, 0, k, NULL),
                    JC_ABORT_INNER_LOOP, "pc 3 (depth 0) reached again");
      CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "inner loop at pc 3 after 3 "
                                      "instructions: the next trace here "
                                      "ends at it"));
      CU_ASSERT_EQUAL (hs.n, 6);             /* 0 1 2 3 4 5 */
      hs.n = 0;
      jc_status st = jc_runtime_hot (rt, &inner_s, 0, k, NULL);
      CU_ASSERT (st == JC_OK || st == JC_COMPILE_FAILED);
      CU_ASSERT_EQUAL (hs.n, 3);             /* 0 1 2, then the exit */
      CU_ASSERT_EQUAL (hs.path[2].pc, 2);
      CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "exit at the inner loop head "
                                      "pc 3 after 3 instructions"));
      jc_stats t = stats (rt);
      CU_ASSERT_EQUAL (t.inner_exits, 1);
      CU_ASSERT_EQUAL (t.traces_started, 2);
      CU_ASSERT_EQUAL (t.traces_aborted, 1);
      CU_ASSERT_EQUAL (t.traces_compiled + t.compile_failures, 1);
      if (st == JC_OK)
        CU_ASSERT_EQUAL (hs.installs, 1);
      jc_runtime_free (rt);
    }
}

/* Too little before the inner head (3 < 4), or the option 0: it aborts
 * every time, as before. */
static void
test_inner_exit_too_short (void)
{
  uint32_t mins[] = { 4, 0 };
  for (int i = 0; i < 2; i++)
    {
      host_state hs;
      jc_runtime *rt = inner_rt (&hs, mins[i]);
      for (int n = 0; n < 2; n++)
        CU_ASSERT_EQUAL (jc_runtime_hot (rt, &inner_s, 0, JC_HOT_FUNC, NULL),
                         JC_ABORTED);
      jc_stats t = stats (rt);
      CU_ASSERT_EQUAL (t.aborted_by_reason[JC_ABORT_INNER_LOOP], 2);
      CU_ASSERT_EQUAL (t.inner_exits, 0);
      CU_ASSERT_PTR_NULL (strstr (hs.log, "the next trace here ends at it"));
      jc_runtime_free (rt);
    }
}

/* Not inside an inlined frame (no link into a callee's loop), and a head
 * that has a trace installed is linked to instead, as before. */
static void
test_inner_exit_inlined_and_linked (void)
{
  static script callee = { 3, { NEXT (1), NEXT (0), RET }, -1 };
  static script s = { 3, { NEXT (1), { 0 }, NEXT (0) }, -1 };
  s.steps[1] = (jc_step) CALL (&callee, 0, 2);
  host_state hs;
  jc_runtime *rt = inner_rt (&hs, 1);
  for (int n = 0; n < 2; n++)
    CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_FUNC, NULL),
                     JC_ABORTED);
  CU_ASSERT_EQUAL (stats (rt).inner_exits, 0);
  jc_runtime_free (rt);

  rt = inner_rt (&hs, 1);
  /* The inner loop 3 4 5 first: its own trace closes at 3. */
  CU_ASSERT_EQUAL_FATAL (jc_runtime_hot (rt, &inner_s, 3, JC_HOT_LOOP, NULL),
                         JC_OK);
  hs.n = 0;
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &inner_s, 0, JC_HOT_FUNC, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.n, 3);
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "links to trace 1 at pc 3"));
  jc_stats t = stats (rt);
  CU_ASSERT_EQUAL (t.inner_exits, 0);
  CU_ASSERT_EQUAL (t.traces_aborted, 0);
  jc_runtime_free (rt);
}

/* The option: default 24, range, JITCORE_OPTIONS key, and an older host's
 * shorter struct gets the default. */
static void
test_inner_exit_option (void)
{
  jc_options o, e;
  jc_options_init (&o);
  CU_ASSERT_EQUAL (o.inner_exit_min_insns, 24);
  host_state hs;
  o.inner_exit_min_insns = 100001;
  jc_runtime *rt = mk_rt (&hs, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt),
                                  "inner_exit"));
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.inner_exit_min_insns = 0;
  o.size = offsetof (jc_options, inner_exit_min_insns);
  rt = mk_rt (&hs, &o);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.inner_exit_min_insns, 24);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "inner_exit=3", 1);
  jc_options_init (&o);
  o.sync = 1;
  o.log = 0;
  jc_host h = dummy_host ();
  h.userdata = &hs;
  h.lower = s_lower;
  h.load_slot = s_load_slot;
  h.code_info = s_code_info;
  h.install = s_install;
  memset (&hs, 0, sizeof hs);
  rt = jc_runtime_new (&h, &o);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.inner_exit_min_insns, 3);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &inner_s, 0, JC_HOT_FUNC, NULL),
                   JC_ABORTED);
  hs.n = 0;
  jc_status st = jc_runtime_hot (rt, &inner_s, 0, JC_HOT_FUNC, NULL);
  CU_ASSERT (st == JC_OK || st == JC_COMPILE_FAILED);
  CU_ASSERT_EQUAL (hs.n, 3);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
}

static void
test_exit_step_completes (void)
{
  static script s = { 4, { NEXT (1), EXIT (3) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL));
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "exit to pc 3"));
  jc_runtime_free (rt);
}

/* fail_compile: reported with its reason, counted, the head blacklisted
 * after max_aborts; nothing is installed and nothing crashes. */
static void
test_injected_compile_failure (void)
{
  static script s = { 3, { NEXT (1), NEXT (2), NEXT (0) }, -1 };
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.fail_compile = 1;
  o.max_aborts = 2;
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, &o);
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, &c),
                   JC_COMPILE_FAILED);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt),
                                  "compile failed"));
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "compile failed"));
  CU_ASSERT_EQUAL (c.count, 2 * o.loop_threshold);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, &c),
                   JC_BLACKLISTED);
  jc_stats st = stats (rt);
  CU_ASSERT_EQUAL (st.compile_failures, 2);
  CU_ASSERT_EQUAL (st.traces_aborted, 0);
  CU_ASSERT_EQUAL (st.blacklisted, 1);
  CU_ASSERT_EQUAL (st.traces_installed, 0);
  CU_ASSERT_EQUAL (hs.installs, 0);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);   /* not sticky */
  jc_runtime_free (rt);
}

/* Every installed trace is uninstalled when the runtime goes; a refused
 * one never was installed, so it is not. */
static void
test_uninstall_at_free (void)
{
  static script s = { 8, { NEXT (1), NEXT (0), { 0 }, NEXT (4), NEXT (3) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL), JC_OK);
  hs.refuse = 1;
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 3, JC_HOT_LOOP, NULL),
                   JC_HOST_ERROR);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt), "refused"));
  jc_runtime_free (rt);
  CU_ASSERT_EQUAL (hs.installs, 1);
  CU_ASSERT_EQUAL (hs.uninstalls, 1);
}

/* A host object embedded as a constant is retained once the trace is
 * compiled and released when the runtime frees the trace. */
static void
test_constants_retained (void)
{
  static script s = { 4, { NEXT (1), NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.use_obj = 1;
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL), JC_OK);
  CU_ASSERT_EQUAL (hs.retains, 1);
  CU_ASSERT_EQUAL (hs.releases, 0);
  jc_runtime_free (rt);
  CU_ASSERT_EQUAL (hs.releases, 1);
}


/* An inner loop the host unrolls: 0 -> [1 -> 2 -> 3 -> 1] x3 -> 1 -> 4 ->
 * 0.  Each return to the unrolled head is its next iteration; the walk
 * goes through the body three times and the trace closes at 0. */
static void
test_unroll_inner_loop (void)
{
  static script s = { 6, { NEXT (1), { 0 }, NEXT (3), NEXT (1), NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3;
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL));
  CU_ASSERT_EQUAL_FATAL (hs.n, 12);
  uint32_t want[] = { 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 4 };
  for (int i = 0; i < 12; i++)
    CU_ASSERT_EQUAL (hs.path[i].pc, want[i]);
  CU_ASSERT_EQUAL (hs.urc[0], 0);
  CU_ASSERT_EQUAL (hs.urc[1], 0);
  CU_ASSERT_EQUAL (hs.urc[2], 0);
  CU_ASSERT_EQUAL (stats (rt).unrolled_iterations, 3);
  CU_ASSERT_PTR_NOT_NULL (strstr (hs.log, "unrolled: pc 1 (depth 0) again"));
  CU_ASSERT (hs.consts_ok);
  jc_runtime_free (rt);
}

/* A zero-trip inner loop needs no grant: 0 -> 1 -> 4 -> 0. */
static void
test_unroll_zero_trips (void)
{
  static script s = { 6, { NEXT (1), { 0 }, NEXT (3), NEXT (1), NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 0;
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL));
  CU_ASSERT_EQUAL (hs.n, 3);
  CU_ASSERT_EQUAL (stats (rt).unrolled_iterations, 0);
  jc_runtime_free (rt);
}

/* The budget: max_unroll 2 grants two iterations; the third ask is
 * refused, and the return there aborts as an inner loop that says why.
 * Two asks in one instruction spend one grant. */
static void
test_unroll_budget (void)
{
  static script s = { 6, { NEXT (1), { 0 }, NEXT (3), NEXT (1), NEXT (0) }, -1 };
  jc_options o;
  jc_options_init (&o);
  CU_ASSERT_EQUAL (o.max_unroll, 64);
  o.sync = 1;
  o.max_unroll = 2;
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, &o);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3, hs.utwice = 1;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_INNER_LOOP, "unroll budget");
  CU_ASSERT_EQUAL (hs.urc[0], 0);
  CU_ASSERT_EQUAL (hs.urc[1], 0);
  CU_ASSERT_EQUAL (hs.urc[2], -1);
  CU_ASSERT_EQUAL (stats (rt).unrolled_iterations, 2);
  jc_runtime_free (rt);
  /* max_unroll 0: nothing is granted, and a bad value is refused. */
  o.max_unroll = 0;
  rt = mk_rt (&hs, &o);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_INNER_LOOP, "pc 1 (depth 0) reached again (its");
  CU_ASSERT_EQUAL (hs.urc[0], -1);
  jc_runtime_free (rt);
  o.max_unroll = 10001;
  rt = mk_rt (&hs, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "max_unroll"));
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "max_unroll=5", 1);
  memset (&hs, 0, sizeof hs);
  jc_host h = dummy_host ();
  h.userdata = &hs;
  h.lower = s_lower;
  rt = jc_runtime_new (&h, NULL);
  jc_options eff;
  jc_runtime_options (rt, &eff);
  CU_ASSERT_EQUAL (eff.max_unroll, 5);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
}

/* A trace that unrolled an inner loop may grow to unrolled_trace_factor x
 * max_trace_insns: with max_trace_insns 8 and factor 4, three iterations
 * (12 instructions) complete, ten (33) abort at 32 and say why; a
 * straight walk of 9 aborts at 8; at the default factor 1 the three
 * iterations abort at 8; the environment key and the range check. */
static void
test_unroll_longer_limit (void)
{
  static script s = { 6, { NEXT (1), { 0 }, NEXT (3), NEXT (1), NEXT (0) }, -1 };
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  o.max_trace_insns = 8;
  CU_ASSERT_EQUAL (o.unrolled_trace_factor, 1);
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, &o);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_TRACE_TOO_LONG, "more than 8 instructions (the "
                "limit of a trace with unrolled loops)");
  jc_runtime_free (rt);
  o.unrolled_trace_factor = 101;
  rt = mk_rt (&hs, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "unrolled_factor=4", 1);
  memset (&hs, 0, sizeof hs);
  jc_host h = dummy_host ();
  h.userdata = &hs;
  h.lower = s_lower;
  rt = jc_runtime_new (&h, NULL);
  jc_options eff;
  jc_runtime_options (rt, &eff);
  CU_ASSERT_EQUAL (eff.unrolled_trace_factor, 4);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
  o.unrolled_trace_factor = 4;
  rt = mk_rt (&hs, &o);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3;
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL));
  CU_ASSERT_EQUAL (hs.n, 12);
  jc_runtime_free (rt);
  rt = mk_rt (&hs, &o);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 10;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_TRACE_TOO_LONG, "more than 32 instructions (the "
                "limit of a trace with unrolled loops)");
  CU_ASSERT_EQUAL (hs.n, 32);
  jc_runtime_free (rt);
  static script line = { 12, { NEXT (1), NEXT (2), NEXT (3), NEXT (4),
                               NEXT (5), NEXT (6), NEXT (7), NEXT (8),
                               NEXT (9), NEXT (10), NEXT (0) }, -1 };
  rt = mk_rt (&hs, &o);
  expect_abort (rt, jc_runtime_hot (rt, &line, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_TRACE_TOO_LONG, "more than 8 instructions");
  CU_ASSERT_EQUAL (hs.n, 8);
  jc_runtime_free (rt);
}

/* Only the unrolled head's returns pass: a loop inside its body that the
 * host does not unroll (0 -> 1 -> 2 -> 3 -> 2) aborts at 2 ... */
static void
test_unroll_other_loops_abort (void)
{
  static script s = { 6, { NEXT (1), { 0 }, NEXT (3), NEXT (2), NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 4, hs.ucount = 3;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_INNER_LOOP, "pc 2 (depth 0) reached again");
  CU_ASSERT_PTR_NULL (strstr (jc_runtime_last_failure (rt), "budget"));
  jc_runtime_free (rt);
}

/* ... and so does a loop around it (5 -> [1 -> 2 -> 1] x2 -> 1 -> 3 -> 5,
 * in a trace whose head is 0): what was visited before the unrolled
 * head's first visit is not forgotten. */
static void
test_unroll_outer_loop_aborts (void)
{
  static script s = { 8, { NEXT (5), { 0 }, NEXT (1), NEXT (5), { 0 },
                           NEXT (1) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 3, hs.ucount = 2;
  expect_abort (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL),
                JC_ABORT_INNER_LOOP, "pc 5 (depth 0) reached again");
  /* 0 5 1 2 1 2 1 3, then 5 again */
  CU_ASSERT_EQUAL (hs.n, 8);
  CU_ASSERT_EQUAL (stats (rt).unrolled_iterations, 2);
  jc_runtime_free (rt);
}

/* Unrolled loops nest: an outer unrolled head 1 (3 iterations) whose
 * body holds an inner unrolled head 2 (2 iterations per entry):
 * 0 -> 1 -> [2 -> 3 -> 2] x2 -> 2 -> 4 -> 1 ... -> 1 -> 5 -> 0. */
static void
test_unroll_nested (void)
{
  static script s = { 8, { NEXT (1), { 0 }, { 0 }, NEXT (2), NEXT (1),
                           NEXT (0) }, -1 };
  host_state hs;
  jc_runtime *rt = mk_rt (&hs, NULL);
  hs.uhead = 1, hs.ubody = 2, hs.uexit = 5, hs.ucount = 3;
  hs.vhead = 2, hs.vbody = 3, hs.vexit = 4, hs.vcount = 2;
  expect_complete (rt, jc_runtime_hot (rt, &s, 0, JC_HOT_LOOP, NULL));
  /* 0, then 3 x (1, 2 3 2 3 2, 4), then 1 5 */
  CU_ASSERT_EQUAL (hs.n, 1 + 3 * 7 + 2);
  CU_ASSERT_EQUAL (hs.urc[63], 0);
  CU_ASSERT_EQUAL (stats (rt).unrolled_iterations, 3 + 3 * 2);
  jc_runtime_free (rt);
}

/* The payback rule (options.payback_ratio): a root loop of 8
 * instructions with one that calls a GENERIC helper has 7 others for it:
 * refused under the default 32 (no compile, no install, the reason
 * counted and in the message), compiled with payback 0 (off) and with 7,
 * refused again with 8.  What does not count: a GENERIC helper called
 * only through call_if, a helper not flagged GENERIC, and a second
 * GENERIC call in the same instruction (instructions are counted).  Only
 * loops are judged: a trace that ends with a host exit is compiled. */
static script payback_loop = { 9, { NEXT (1), NEXT (2), NEXT (3), NEXT (4),
                                    NEXT (5), NEXT (6), NEXT (7), NEXT (0) },
                               -1 };

static jc_status
payback_run (host_state *hs, jc_runtime **rtp, uint32_t ratio, int set,
             uint32_t generic, uint32_t cond_generic, uint32_t plain,
             script *s)
{
  jc_options o;
  jc_options_init (&o);
  o.sync = 1;
  if (set)
    o.payback_ratio = ratio;
  jc_runtime *rt = mk_rt (hs, &o);
  hs->generic = generic;
  hs->cond_generic = cond_generic;
  hs->plain = plain;
  *rtp = rt;
  return jc_runtime_hot (rt, s, 0, JC_HOT_LOOP, NULL);
}

static void
test_payback_rule (void)
{
  host_state hs;
  jc_runtime *rt;
  jc_status st = payback_run (&hs, &rt, 0, 0, 1u << 3, 0, 0, &payback_loop);
  expect_abort (rt, st, JC_ABORT_NO_PAYBACK, "1 of its 8 instructions");
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt),
                                  "payback=32"));
  CU_ASSERT_EQUAL (hs.installs, 0);
  jc_options eff;
  jc_runtime_options (rt, &eff);
  CU_ASSERT_EQUAL (eff.payback_ratio, 32);
  jc_runtime_free (rt);

  st = payback_run (&hs, &rt, 0, 1, 1u << 3, 0, 0, &payback_loop);
  expect_complete (rt, st);
  jc_runtime_free (rt);
  st = payback_run (&hs, &rt, 7, 1, 1u << 3, 0, 0, &payback_loop);
  expect_complete (rt, st);
  jc_runtime_free (rt);
  st = payback_run (&hs, &rt, 8, 1, 1u << 3, 0, 0, &payback_loop);
  expect_abort (rt, st, JC_ABORT_NO_PAYBACK, "payback=8");
  jc_runtime_free (rt);
  /* two instructions of 8 call it: 6 others, fewer than 2 x 4 */
  st = payback_run (&hs, &rt, 4, 1, 1u << 3 | 1u << 5, 0, 0, &payback_loop);
  expect_abort (rt, st, JC_ABORT_NO_PAYBACK, "2 of its 8 instructions");
  jc_runtime_free (rt);

  /* call_if, a plain helper, and one instruction calling twice */
  st = payback_run (&hs, &rt, 0, 0, 0, 0xff, 0, &payback_loop);
  expect_complete (rt, st);
  jc_runtime_free (rt);
  st = payback_run (&hs, &rt, 0, 0, 0, 0, 0xff, &payback_loop);
  expect_complete (rt, st);
  jc_runtime_free (rt);
  st = payback_run (&hs, &rt, 7, 1, 1u << 3, 1u << 3, 0, &payback_loop);
  expect_complete (rt, st);
  jc_runtime_free (rt);

  /* a trace ending with an exit is not judged, every instruction GENERIC */
  static script ends = { 4, { NEXT (1), NEXT (2), EXIT (3) }, -1 };
  st = payback_run (&hs, &rt, 0, 0, 0xff, 0, 0, &ends);
  expect_complete (rt, st);
  jc_runtime_free (rt);
}

/* The option: JITCORE_OPTIONS=payback=N (0..1000), and an older host's
 * struct (one that ends before the field) gets the default. */
static void
test_payback_option (void)
{
  host_state hs;
  jc_options o, eff;
  jc_options_init (&o);
  o.sync = 1;
  jc_runtime *rt = mk_rt (&hs, &o);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "payback=5", 1);
  jc_host h = dummy_host ();
  rt = jc_runtime_new (&h, &o);
  jc_runtime_options (rt, &eff);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  CU_ASSERT_EQUAL (eff.payback_ratio, 5);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "payback=1001", 1);
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
  o.payback_ratio = 1001;
  rt = jc_runtime_new (&h, &o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  jc_options old;
  jc_options_init (&old);
  old.payback_ratio = 0;
  old.size = offsetof (jc_options, payback_ratio);
  rt = jc_runtime_new (&h, &old);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_options (rt, &eff);
  CU_ASSERT_EQUAL (eff.payback_ratio, 32);
  jc_runtime_free (rt);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "loop_closes", test_loop_closes },
    { "inline_call", test_inline_call },
    { "inline_depth_limit", test_inline_depth_limit },
    { "inline_same_callee_twice", test_inline_same_callee_twice },
    { "inline_inner_loop", test_inline_inner_loop },
    { "no_push_frame_no_inlining", test_no_push_frame_no_inlining },
    { "trace_too_long", test_trace_too_long },
    { "return_from_root", test_return_from_root },
    { "function_trace_ends_at_return", test_function_trace_ends_at_return },
    { "links_to_other_trace", test_links_to_other_trace },
    { "host_refused", test_host_refused },
    { "host_abort_reason", test_host_abort_reason },
    { "bad_step", test_bad_step },
    { "bad_pc", test_bad_pc },
    { "inner_loop", test_inner_loop },
    { "inner_exit", test_inner_exit },
    { "inner_exit_too_short", test_inner_exit_too_short },
    { "inner_exit_inlined_and_linked", test_inner_exit_inlined_and_linked },
    { "inner_exit_option", test_inner_exit_option },
    { "unroll_inner_loop", test_unroll_inner_loop },
    { "unroll_zero_trips", test_unroll_zero_trips },
    { "unroll_budget", test_unroll_budget },
    { "unroll_longer_limit", test_unroll_longer_limit },
    { "unroll_other_loops_abort", test_unroll_other_loops_abort },
    { "unroll_outer_loop_aborts", test_unroll_outer_loop_aborts },
    { "unroll_nested", test_unroll_nested },
    { "exit_step_completes", test_exit_step_completes },
    { "injected_compile_failure", test_injected_compile_failure },
    { "uninstall_at_free", test_uninstall_at_free },
    { "constants_retained", test_constants_retained },
    { "dependency_changed_during_selection",
      test_dependency_changed_during_selection },
    { "payback_rule", test_payback_rule },
    { "payback_option", test_payback_option },
    { NULL, NULL }
  };
  return JC_SUITE ("select", NULL, NULL, tests);
}
