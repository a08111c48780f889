/* installcheck-consumer.c -- built by `make installcheck` outside the tree
 * with `pkg-config --cflags --libs jitcore`, the way a host program builds. */
#include <stdio.h>
#include <string.h>
#include <jitcore/jitcore.h>

int
main (void)
{
  if (strcmp (jc_version (), JC_VERSION_STRING) != 0)
    {
      fprintf (stderr, "installed library %s, headers %s\n",
               jc_version (), JC_VERSION_STRING);
      return 1;
    }
  printf ("installed libjitcore %s links and runs\n", jc_version ());
  return 0;
}
