/* cunit_main.c -- runs the suites of one test program with CUnit's basic
 * interface and turns the result into an automake test exit status:
 * 0 when every assertion passed, 1 otherwise, 99 on a harness error.
 * `TEST_FILTER=name` runs only the tests whose name contains it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>
#include "cunit_main.h"

int
jc_test_add_suite (const char *name, CU_InitializeFunc init,
                   CU_CleanupFunc fini, const jc_test_case *tests)
{
  const char *filter = getenv ("TEST_FILTER");
  CU_pSuite s = CU_add_suite (name, init, fini);
  if (!s)
    return -1;
  for (; tests->name; tests++)
    {
      if (filter && *filter && !strstr (tests->name, filter))
        continue;
      if (!CU_add_test (s, tests->name, tests->fn))
        return -1;
    }
  return 0;
}

int
jc_test_clear_env (void)
{
  unsetenv ("JITCORE_OPTIONS");
  unsetenv ("JITCORE_LOG");
  unsetenv ("JITCORE_DISABLE");
  unsetenv ("JITCORE_DUMP");
  unsetenv ("JITCORE_DISK_CACHE");
  return 0;
}

int
main (void)
{
  if (CU_initialize_registry () != CUE_SUCCESS)
    return 99;
  if (jc_test_register () != 0)
    {
      fprintf (stderr, "suite registration failed: %s\n", CU_get_error_msg ());
      CU_cleanup_registry ();
      return 99;
    }
  CU_basic_set_mode (CU_BRM_VERBOSE);
  CU_basic_run_tests ();
  unsigned failed = CU_get_number_of_failures ()
                    + CU_get_number_of_tests_failed ();
  unsigned ran = CU_get_number_of_tests_run ();
  CU_cleanup_registry ();
  if (ran == 0)
    {
      fprintf (stderr, "no test ran\n");
      return 99;
    }
  return failed ? 1 : 0;
}
