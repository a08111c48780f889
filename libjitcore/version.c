/* version.c -- the library's run-time version string.
 * Kept apart so the version is the only thing that changes between
 * otherwise identical builds. */
#include "config.h"
#include <jitcore/version.h>

JC_API const char *
jc_version (void)
{
  return PACKAGE_VERSION;
}
