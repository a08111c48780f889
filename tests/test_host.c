/* test_host.c -- validation of the host descriptor (ABI v1): version,
 * size, unknown tails, required callbacks; never a crash, always a status
 * and a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <jitcore/jitcore.h>
#include "cunit_main.h"
#include "dummy_host.h"

static void
test_valid (void)
{
  jc_host h = dummy_host ();
  char msg[128] = "x";
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_OK);
  CU_ASSERT_STRING_EQUAL (msg, "");
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (rt);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  CU_ASSERT_STRING_EQUAL (jc_runtime_error_message (rt), "");
  jc_runtime_free (rt);
}

static void
test_null (void)
{
  char msg[128];
  CU_ASSERT_EQUAL (jc_host_check (NULL, msg, sizeof msg), JC_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "NULL"));
  jc_runtime *rt = jc_runtime_new (NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (rt);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_INVALID_ARGUMENT);
  jc_runtime_free (rt);
  jc_runtime_free (NULL);
}

static void
test_bad_version (void)
{
  jc_host h = dummy_host ();
  char msg[128];
  h.abi_version = 2;
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_HOST_BAD_VERSION);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "version 2"));
  h.abi_version = 0;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_HOST_BAD_VERSION);
}

static void
test_size_too_small (void)
{
  jc_host h = dummy_host ();
  char msg[160];
  h.size = 8;
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_HOST_BAD_SIZE);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "size 8"));
  h.size = (uint32_t) offsetof (jc_host, install);
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_HOST_BAD_SIZE);
}

/* A v1 host that stops right after install (no uninstall field) works. */
static void
test_size_older_host (void)
{
  jc_host h = dummy_host ();
  h.size = (uint32_t) (offsetof (jc_host, install) + sizeof (void *));
  h.uninstall = (void (*) (void *, const void *, uint32_t, jc_trace *)) 1;
  /* the library must not read (or call) the field beyond size */
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_OK);
  jc_runtime_free (rt);
}

/* A newer host's larger descriptor: zero tail accepted, non-zero refused. */
static void
test_tail (void)
{
  unsigned char *buf = calloc (1, sizeof (jc_host) + 32);
  jc_host h = dummy_host ();
  h.size = (uint32_t) sizeof (jc_host) + 32;
  memcpy (buf, &h, sizeof h);
  char msg[200];
  CU_ASSERT_EQUAL (jc_host_check ((jc_host *) buf, msg, sizeof msg), JC_OK);
  buf[sizeof (jc_host) + 17] = 1;
  CU_ASSERT_EQUAL (jc_host_check ((jc_host *) buf, msg, sizeof msg),
                   JC_HOST_UNKNOWN_TAIL);
  char want[32];
  snprintf (want, sizeof want, "offset %zu", sizeof (jc_host) + 17);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, want));
  jc_runtime *rt = jc_runtime_new ((jc_host *) buf, NULL);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_HOST_UNKNOWN_TAIL);
  jc_runtime_free (rt);
  free (buf);
}

static void
check_missing (jc_host h, const char *name)
{
  char msg[160];
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg),
                   JC_HOST_MISSING_CALLBACK);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, name));
}

static void
test_missing_callbacks (void)
{
  jc_host h = dummy_host ();
  h.lower = NULL;
  check_missing (h, "'lower'");
  h = dummy_host ();
  h.load_slot = NULL;
  check_missing (h, "'load_slot'");
  h = dummy_host ();
  h.write_slot = NULL;
  check_missing (h, "'write_slot'");
  h = dummy_host ();
  h.set_pc = NULL;
  check_missing (h, "'set_pc'");
  h = dummy_host ();
  h.install = NULL;
  check_missing (h, "'install'");
}

static void
dummy_retain (void *ud, void *o)
{
  (void) ud; (void) o;
}

static void
test_retain_without_release (void)
{
  jc_host h = dummy_host ();
  h.retain = dummy_retain;
  check_missing (h, "retain and release");
  h.release = dummy_retain;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_OK);
}

static long
helper_add (long a, long b)
{
  return a + b;
}

static void
test_helpers (void)
{
  jc_host h = dummy_host ();
  h.nhelpers = 2;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_INVALID_ARGUMENT);
  jc_helper tab[2] = {
    { "add", (void *) helper_add, "i64(i64,i64)", JC_HELPER_PURE },
    { "bad", NULL, "void()", 0 },
  };
  h.helpers = tab;
  char msg[128];
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "helper 1"));
  h.nhelpers = 1;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_OK);
  /* Reference-count helpers: one of INCREF/DECREF, never PURE, void(ptr). */
  jc_helper rc[1] = { { "inc", (void *) helper_add, "void(ptr)",
                        JC_HELPER_INCREF } };
  h.helpers = rc;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_OK);
  rc[0].signature = "void(i64)";
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "void(ptr)"));
  rc[0].signature = "void(ptr)";
  rc[0].flags = JC_HELPER_INCREF | JC_HELPER_DECREF;
  CU_ASSERT_EQUAL (jc_host_check (&h, NULL, 0), JC_INVALID_ARGUMENT);
  rc[0].flags = JC_HELPER_DECREF | JC_HELPER_PURE;
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NOT_NULL (strstr (msg, "never PURE"));
}

/* A runtime made from a bad descriptor is inert: calls return its status. */
static void
test_bad_runtime_is_inert (void)
{
  jc_host h = dummy_host ();
  h.install = NULL;
  jc_runtime *rt = jc_runtime_new (&h, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (rt);
  CU_ASSERT_EQUAL (jc_runtime_status (rt), JC_HOST_MISSING_CALLBACK);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_runtime_error_message (rt), "install"));
  jc_counter c;
  jc_counter_init (rt, &c, JC_HOT_LOOP);
  CU_ASSERT_EQUAL (c.count, 0);
  CU_ASSERT_FALSE (jc_counter_tick (&c));
  CU_ASSERT_EQUAL (jc_runtime_hot (rt, &h, 0, JC_HOT_LOOP, &c),
                   JC_HOST_MISSING_CALLBACK);
  uint32_t pc;
  CU_ASSERT_EQUAL (jc_trace_enter (rt, NULL, NULL, &pc), -1);
  jc_runtime_free (rt);
}

static void
test_message_truncated (void)
{
  jc_host h = dummy_host ();
  h.abi_version = 99;
  char msg[8];
  memset (msg, 'x', sizeof msg);
  CU_ASSERT_EQUAL (jc_host_check (&h, msg, sizeof msg), JC_HOST_BAD_VERSION);
  CU_ASSERT_EQUAL (strlen (msg), 7);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "valid", test_valid },
    { "null", test_null },
    { "bad_version", test_bad_version },
    { "size_too_small", test_size_too_small },
    { "size_older_host", test_size_older_host },
    { "tail", test_tail },
    { "missing_callbacks", test_missing_callbacks },
    { "retain_without_release", test_retain_without_release },
    { "helpers", test_helpers },
    { "bad_runtime_is_inert", test_bad_runtime_is_inert },
    { "message_truncated", test_message_truncated },
    { NULL, NULL }
  };
  return JC_SUITE ("host", jc_test_clear_env, NULL, tests);
}
