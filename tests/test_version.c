/* test_version.c -- the version string and macros agree, and the
 * compile-time comparison macro orders versions correctly. */
#include <stdio.h>
#include <string.h>
#include <jitcore/jitcore.h>
#include "cunit_main.h"

static void
test_string_matches_macros (void)
{
  char buf[64];
  snprintf (buf, sizeof buf, "%d.%d.%d", JC_VERSION_MAJOR, JC_VERSION_MINOR,
            JC_VERSION_PATCH);
  CU_ASSERT_STRING_EQUAL (jc_version (), buf);
  CU_ASSERT_STRING_EQUAL (jc_version (), JC_VERSION_STRING);
}

static void
test_at_least (void)
{
  CU_ASSERT_TRUE (JC_VERSION_AT_LEAST (0, 0, 0));
  CU_ASSERT_TRUE (JC_VERSION_AT_LEAST (JC_VERSION_MAJOR, JC_VERSION_MINOR,
                                       JC_VERSION_PATCH));
  CU_ASSERT_FALSE (JC_VERSION_AT_LEAST (JC_VERSION_MAJOR, JC_VERSION_MINOR,
                                        JC_VERSION_PATCH + 1));
  CU_ASSERT_FALSE (JC_VERSION_AT_LEAST (JC_VERSION_MAJOR + 1, 0, 0));
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "string_matches_macros", test_string_matches_macros },
    { "at_least", test_at_least },
    { NULL, NULL }
  };
  return JC_SUITE ("version", NULL, NULL, tests);
}
