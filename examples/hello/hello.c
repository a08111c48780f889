/* hello.c -- the smallest libjitcore host: links the library and reports
 * which version it runs with, next to the headers it was compiled with. */
#include <stdio.h>
#include <string.h>
#include <jitcore/jitcore.h>

int
main (void)
{
  printf ("libjitcore %s (headers %s)\n", jc_version (), JC_VERSION_STRING);
  return strcmp (jc_version (), JC_VERSION_STRING) != 0;
}
