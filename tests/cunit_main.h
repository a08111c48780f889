/* cunit_main.h -- the shared main() of every CUnit suite.  A suite file
 * defines jc_test_register(), which adds its suites to the registry. */
#ifndef JC_TESTS_CUNIT_MAIN_H
#define JC_TESTS_CUNIT_MAIN_H

#include <CUnit/CUnit.h>

/* Add the file's suites; return 0 on success. */
int jc_test_register (void);

/* Add one suite made of the NULL-terminated {name, fn} array. */
#define JC_SUITE(name, init, fini, tests) \
  jc_test_add_suite ((name), (init), (fini), (tests))

typedef struct jc_test_case { const char *name; CU_TestFunc fn; } jc_test_case;
int jc_test_add_suite (const char *name, CU_InitializeFunc init,
                       CU_CleanupFunc fini, const jc_test_case *tests);

/* Unset JITCORE_OPTIONS, JITCORE_LOG and JITCORE_DISABLE: suites whose
 * expectations assume the default options ignore the caller's environment
 * (tests that need a variable set it themselves).  Returns 0, so it serves
 * as a suite's init function. */
int jc_test_clear_env (void);

#endif
