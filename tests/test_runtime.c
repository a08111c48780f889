/* test_runtime.c -- options (struct and environment), the sticky error,
 * status and abort-reason tables, stats, logs, and hot counters with
 * backoff and blacklisting (against a host whose lowering always aborts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jitcore/jitcore.h>
#include "cunit_main.h"
#include "dummy_host.h"

static jc_runtime *
new_rt (const jc_options *o)
{
  jc_host h = dummy_host ();
  return jc_runtime_new (&h, o);
}

static void
test_defaults (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  CU_ASSERT_EQUAL (o.size, sizeof o);
  CU_ASSERT_EQUAL (o.loop_threshold, 50);
  CU_ASSERT_EQUAL (o.opt_level, 2);
  CU_ASSERT_EQUAL (o.max_inline_depth, 4);
  CU_ASSERT_EQUAL (o.sync, 0);          /* async compilation */
  CU_ASSERT_EQUAL (o.batch_max, 8);
  CU_ASSERT_EQUAL (o.batch_delay_us, 1000);
  jc_options_init (NULL);
  jc_runtime *rt = new_rt (NULL);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.loop_threshold, 50);
  CU_ASSERT_EQUAL (e.log, 0);
  jc_runtime_free (rt);
}

static void
test_struct_options (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  o.loop_threshold = 3;
  o.opt_level = 0;
  jc_runtime *rt = new_rt (&o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.loop_threshold, 3);
  CU_ASSERT_EQUAL (e.opt_level, 0);
  jc_runtime_free (rt);
}

/* An older host passes a shorter struct: the rest takes defaults. */
static void
test_short_options (void)
{
  jc_test_clear_env ();
  jc_options o;
  memset (&o, 0xff, sizeof o);
  o.size = offsetof (jc_options, func_threshold);
  o.loop_threshold = 9;
  jc_runtime *rt = new_rt (&o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.loop_threshold, 9);
  CU_ASSERT_EQUAL (e.func_threshold, 100);
  CU_ASSERT_EQUAL (e.size, sizeof e);
  jc_runtime_free (rt);
}

static void
test_bad_struct_options (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  o.loop_threshold = 0;
  jc_runtime *rt = new_rt (&o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "threshold"));
  jc_runtime_free (rt);
  jc_options_init (&o);
  o.size = 2;
  rt = new_rt (&o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  jc_runtime_free (rt);
  /* non-zero bytes beyond the known struct */
  unsigned char big[sizeof (jc_options) + 16] = { 0 };
  jc_options_init ((jc_options *) big);
  ((jc_options *) big)->size = sizeof big;
  rt = new_rt ((jc_options *) big);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_free (rt);
  big[sizeof (jc_options) + 3] = 7;
  rt = new_rt ((jc_options *) big);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "offset"));
  jc_runtime_free (rt);
}

static void
test_env_options (void)
{
  jc_test_clear_env ();
  setenv ("JITCORE_OPTIONS", "threshold=7,opt=1,sync=1,log=trace+exit,"
          "max_depth=2,,fail_compile=1", 1);
  jc_runtime *rt = new_rt (NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.loop_threshold, 7);
  CU_ASSERT_EQUAL (e.opt_level, 1);
  CU_ASSERT_EQUAL (e.max_inline_depth, 2);
  CU_ASSERT_EQUAL (e.fail_compile, 1);
  CU_ASSERT_EQUAL (e.log, JC_LOG_TRACE | JC_LOG_EXIT);
  jc_runtime_free (rt);
  /* the environment wins over the struct */
  jc_options o;
  jc_options_init (&o);
  o.loop_threshold = 99;
  rt = new_rt (&o);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.loop_threshold, 7);
  CU_ASSERT_EQUAL (e.passes, JC_PASS_ALL);   /* the default */
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "passes=fold+dce+loop", 1);
  rt = new_rt (NULL);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.passes, JC_PASS_FOLD | JC_PASS_DCE | JC_PASS_LOOP);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "max_traces=3,max_code_bytes=4096", 1);
  rt = new_rt (NULL);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.max_traces, 3);
  CU_ASSERT_EQUAL (e.max_code_bytes, 4096);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "passes=none", 1);
  rt = new_rt (NULL);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.passes, 0);
  jc_runtime_free (rt);
  setenv ("JITCORE_OPTIONS", "batch_max=3,batch_delay=0,sync=0,"
          "fail_compile=2", 1);
  rt = new_rt (NULL);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.batch_max, 3);
  CU_ASSERT_EQUAL (e.batch_delay_us, 0);
  CU_ASSERT_EQUAL (e.sync, 0);
  CU_ASSERT_EQUAL (e.fail_compile, 2);
  jc_runtime_free (rt);
  jc_test_clear_env ();
}

static void
expect_env_error (const char *text, const char *needle)
{
  setenv ("JITCORE_OPTIONS", text, 1);
  jc_runtime *rt = new_rt (NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  const char *m = jc_runtime_error_message (rt);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, "JITCORE_OPTIONS"));
  if (!strstr (m, needle))
    fprintf (stderr, "message '%s' lacks '%s'\n", m, needle);
  CU_ASSERT_PTR_NOT_NULL (strstr (m, needle));
  jc_runtime_free (rt);
  unsetenv ("JITCORE_OPTIONS");
}

static void
test_env_errors (void)
{
  jc_test_clear_env ();
  expect_env_error ("bogus=1", "unknown option 'bogus'");
  expect_env_error ("threshold=abc", "bad value 'abc'");
  expect_env_error ("threshold", "not key=value");
  expect_env_error ("passes=fold+bogus", "bad value 'fold+bogus'");
  expect_env_error ("passes=", "bad value");
  expect_env_error ("opt=7", "bad value '7'");
  expect_env_error ("sync=2", "bad value '2'");
  expect_env_error ("log=ir+nope", "bad value 'ir+nope'");
  expect_env_error ("threshold=0", "threshold must be");
  expect_env_error ("threshold=99999999999", "bad value");
  expect_env_error ("max_trace=4294967295", "max_trace must be");
  expect_env_error ("batch_max=0", "batch_max must be 1..64");
  expect_env_error ("batch_max=65", "batch_max must be 1..64");
  expect_env_error ("batch_delay=1000001", "batch_delay must be");
  expect_env_error ("fail_compile=3", "bad value '3'");
}

static void
test_env_log_and_disable (void)
{
  jc_test_clear_env ();
  setenv ("JITCORE_LOG", "ir,exit,abort", 1);
  jc_runtime *rt = new_rt (NULL);
  jc_options e;
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.log, JC_LOG_IR | JC_LOG_EXIT | JC_LOG_ABORT);
  jc_runtime_free (rt);
  setenv ("JITCORE_LOG", "all", 1);
  rt = new_rt (NULL);
  jc_runtime_options (rt, &e);
  CU_ASSERT_EQUAL (e.log, JC_LOG_ALL);
  jc_runtime_free (rt);
  setenv ("JITCORE_LOG", "ir,wat", 1);
  rt = new_rt (NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "wat"));
  jc_runtime_free (rt);
  unsetenv ("JITCORE_LOG");
  setenv ("JITCORE_DISABLE", "1", 1);
  rt = new_rt (NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (c.count, 0);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, rt, 0, JC_HOT_LOOP, &c), JC_DISABLED);
  jc_stats s = { .size = sizeof s };
  jc_stats_get (rt, &s);
  CU_ASSERT_EQUAL (s.traces_started, 0);
  jc_runtime_free (rt);
  jc_test_clear_env ();
}

/* The first error sticks; later calls do not replace it. */
static void
test_sticky_error (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  o.opt_level = 9;
  jc_runtime *rt = new_rt (&o);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  char first[256];
  snprintf (first, sizeof first, "%s", jc_runtime_error_message (rt));
  CU_ASSERT_PTR_NOT_NULL (strstr (first, "opt"));
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, rt, 1, JC_HOT_LOOP, NULL), JC_BAD_OPTION);
  uint32_t pc;
  CU_ASSERT_EQUAL (jc_trace_enter (rt, NULL, NULL, &pc), -1);
  CU_ASSERT_STRING_EQUAL (jc_runtime_error_message (rt), first);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_BAD_OPTION);
  CU_ASSERT_EQUAL (jc_runtime_status (NULL), JC_INVALID_ARGUMENT);
  jc_runtime_free (rt);
}

static void
test_status_names (void)
{
  CU_ASSERT_STRING_EQUAL (jc_status_name (JC_OK), "ok");
  for (int i = 0; i < JC_STATUS_COUNT_; i++)
    {
      CU_ASSERT (strlen (jc_status_name ((jc_status) i)) > 0);
      for (int j = 0; j < i; j++)
        CU_ASSERT (strcmp (jc_status_name ((jc_status) i),
                           jc_status_name ((jc_status) j)) != 0);
    }
  CU_ASSERT_STRING_EQUAL (jc_status_name ((jc_status) 999), "unknown status");
  CU_ASSERT (JC_ABORT_COUNT_ <= JC_ABORT_SLOTS);
  CU_ASSERT_STRING_EQUAL (jc_abort_reason_name (JC_ABORT_INLINE_TOO_DEEP),
                          "inline depth limit");
  CU_ASSERT_STRING_EQUAL (jc_abort_reason_name ((jc_abort_reason) 500),
                          "unknown abort reason");
}

/* Counters fire after the threshold, back off exponentially after each
 * failure and are blacklisted after max_aborts, with the reason counted. */
static void
test_backoff_and_blacklist (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  o.loop_threshold = 4;
  o.max_aborts = 3;
  jc_runtime *rt = new_rt (&o);
  static const int code = 0;
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (c.count, 4);
  int ticks = 0;
  while (!jc_counter_tick (&c))
    ticks++;
  CU_ASSERT_EQUAL (ticks, 3);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &code, 10, JC_HOT_LOOP, &c), JC_ABORTED);
  CU_ASSERT_EQUAL (c.count, 8);
  CU_ASSERT_EQUAL (c.failures, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_last_failure (rt), "pc 10"));
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &code, 10, JC_HOT_LOOP, &c), JC_ABORTED);
  CU_ASSERT_EQUAL (c.count, 16);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &code, 10, JC_HOT_LOOP, &c),
                   JC_BLACKLISTED);
  CU_ASSERT_EQUAL (c.count, 0);
  CU_ASSERT_EQUAL (c.state, JC_COUNTER_BLACKLISTED);
  CU_ASSERT_FALSE (jc_counter_tick (&c));
  /* a fresh counter for a blacklisted head is told at once */
  jc_counter c2;
  jc_counter_init (rt, &c2, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &code, 10, JC_HOT_LOOP, &c2),
                   JC_BLACKLISTED);
  CU_ASSERT_EQUAL (c2.count, 0);
  /* another head is independent */
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &code, 11, JC_HOT_LOOP, NULL),
                   JC_ABORTED);
  jc_stats s = { .size = sizeof s };
  CU_ASSERT_EQUAL (jc_stats_get (rt, &s), JC_OK);
  CU_ASSERT_EQUAL (s.traces_started, 4);
  CU_ASSERT_EQUAL (s.traces_aborted, 4);
  CU_ASSERT_EQUAL (s.blacklisted, 1);
  CU_ASSERT_EQUAL (s.hot_events, 5);
  uint64_t sum = 0;
  for (int i = 0; i < JC_ABORT_SLOTS; i++)
    sum += s.aborted_by_reason[i];
  CU_ASSERT_EQUAL (sum, 4);
  jc_runtime_free (rt);
}

static void
test_backoff_cap (void)
{
  jc_test_clear_env ();
  jc_options o;
  jc_options_init (&o);
  o.loop_threshold = 1000;
  o.max_aborts = 200;
  o.backoff_max = 3;
  jc_runtime *rt = new_rt (&o);
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_FUNC);
  CU_ASSERT_EQUAL (c.count, 100);     /* func_threshold default */
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  for (int i = 0; i < 6; i++)
    jc_runtime_hot (rt, rt, 1, JC_HOT_LOOP, &c);
  CU_ASSERT_EQUAL (c.count, 8000);    /* 1000 << 3, not << 6 */
  jc_options_init (&o);
  o.loop_threshold = 60000;
  o.max_aborts = 200;
  jc_runtime_free (rt);
  rt = new_rt (&o);
  jc_runtime_hot (rt, rt, 1, JC_HOT_LOOP, &c);
  CU_ASSERT_EQUAL (c.count, 65535);   /* saturates */
  jc_runtime_free (rt);
}

static void
test_stats_size_versioned (void)
{
  jc_test_clear_env ();
  jc_runtime *rt = new_rt (NULL);
  jc_runtime_hot (rt, rt, 3, JC_HOT_LOOP, NULL);
  struct { jc_stats s; uint64_t guard; } big;
  memset (&big, 0xab, sizeof big);
  big.s.size = offsetof (jc_stats, traces_started) + sizeof (uint64_t);
  CU_ASSERT_EQUAL (jc_stats_get (rt, &big.s), JC_OK);
  CU_ASSERT_EQUAL (big.s.hot_events, 1);
  CU_ASSERT_EQUAL (big.s.traces_started, 1);
  CU_ASSERT_EQUAL (big.s.traces_aborted, 0xababababababababull);
  jc_stats z = { .size = 0 };
  CU_ASSERT_EQUAL (jc_stats_get (rt, &z), JC_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL (jc_stats_get (NULL, &big.s), JC_INVALID_ARGUMENT);
  jc_runtime_free (rt);
}

static void
test_stats_print (void)
{
  jc_test_clear_env ();
  jc_runtime *rt = new_rt (NULL);
  jc_runtime_hot (rt, rt, 3, JC_HOT_LOOP, NULL);
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&text, &len);
  jc_stats_print (rt, f);
  fclose (f);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "traces_started=1\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "compile_ms="));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\ncompile_batches=0\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\ncompile_queued=0\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\ncompile_latency_ms="));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "traces_aborted=1\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\naborted.host_refused=1\n"));
  /* every line is key=value */
  for (char *l = text; *l; l = strchr (l, '\n') + 1)
    CU_ASSERT (strchr (l, '=') && strchr (l, '=') < strchr (l, '\n'));
  free (text);
  jc_runtime_free (rt);
}

typedef struct { int n; unsigned cats; char last[256]; } log_sink;

static void
sink (void *ud, unsigned cat, const char *line)
{
  log_sink *s = ud;
  s->n++;
  s->cats |= cat;
  snprintf (s->last, sizeof s->last, "%s", line);
}

static void
test_log_callback (void)
{
  jc_test_clear_env ();
  log_sink s = { 0 };
  jc_options o;
  jc_options_init (&o);
  o.log = JC_LOG_HOT | JC_LOG_ABORT;
  o.log_fn = sink;
  o.log_userdata = &s;
  o.max_aborts = 1;
  jc_runtime *rt = new_rt (&o);
  jc_runtime_hot (rt, rt, 5, JC_HOT_LOOP, NULL);
  CU_ASSERT (s.n >= 2);
  CU_ASSERT (s.cats & JC_LOG_HOT);
  CU_ASSERT_PTR_NOT_NULL (strstr (s.last, "blacklisted pc 5"));
  jc_runtime_free (rt);
  /* categories not selected are silent */
  memset (&s, 0, sizeof s);
  o.log = JC_LOG_IR;
  rt = new_rt (&o);
  jc_runtime_hot (rt, rt, 5, JC_HOT_LOOP, NULL);
  CU_ASSERT_EQUAL (s.n, 0);
  jc_runtime_free (rt);
}

/* jc_trace_self_exit outside a running trace (or with bad arguments)
 * changes nothing and fails; the runtime stays usable.  (Its real use,
 * from a helper of a trace with self-calls, is tested by minipy's
 * func_recursion_native and friends, which expect self_exits.) */
static void
test_self_exit_outside_trace (void)
{
  jc_runtime *rt = new_rt (NULL);
  uint64_t words[4] = { 0, 0, 0, 0 };
  int64_t done = 0, frame[4] = { 0 };
  uint32_t pc = 77;
  CU_ASSERT_EQUAL (jc_trace_self_exit (rt, frame, words, &done, &pc), -1);
  CU_ASSERT_EQUAL (jc_trace_self_exit (NULL, frame, words, &done, &pc), -1);
  CU_ASSERT_EQUAL (jc_trace_self_exit (rt, NULL, words, &done, &pc), -1);
  CU_ASSERT_EQUAL (jc_trace_self_exit (rt, frame, NULL, &done, NULL), -1);
  CU_ASSERT_EQUAL (jc_trace_self_exit (rt, frame, words, NULL, NULL), -1);
  CU_ASSERT_EQUAL (pc, 77);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_stats st;
  st.size = sizeof st;
  jc_stats_get (rt, &st);
  CU_ASSERT_EQUAL (st.self_exits, 0);
  CU_ASSERT_EQUAL (st.exits, 0);
  jc_runtime_free (rt);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "defaults", test_defaults },
    { "struct_options", test_struct_options },
    { "short_options", test_short_options },
    { "bad_struct_options", test_bad_struct_options },
    { "env_options", test_env_options },
    { "env_errors", test_env_errors },
    { "env_log_and_disable", test_env_log_and_disable },
    { "sticky_error", test_sticky_error },
    { "status_names", test_status_names },
    { "backoff_and_blacklist", test_backoff_and_blacklist },
    { "backoff_cap", test_backoff_cap },
    { "stats_size_versioned", test_stats_size_versioned },
    { "stats_print", test_stats_print },
    { "self_exit_outside_trace", test_self_exit_outside_trace },
    { "log_callback", test_log_callback },
    { NULL, NULL }
  };
  return JC_SUITE ("runtime", NULL, NULL, tests);
}
