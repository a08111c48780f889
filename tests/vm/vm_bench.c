/* vm_bench.c -- the test VM's benchmark (not part of make check): for each
 * loop program, interpreter time vs time with the JIT, and libgccjit
 * compile latency per trace.  Run with `make bench-vm`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "vm.h"
#include "vm_host.h"

static const struct { const char *name; const char *src; int64_t a0, a1; } progs[] = {
  { "sum", "func main 2 4\n const 0\n store 2\n load 1\n store 3\nloop:\n"
    " load 2\n load 0\n lt\n jz done\n load 3\n load 2\n add\n store 3\n"
    " load 2\n const 1\n add\n store 2\n jmp loop\ndone:\n load 3\n ret\n",
    20000000, 0 },
  { "float_sum", "func main 2 4\n const 0\n store 2\n constf 0.0\n store 3\nloop:\n"
    " load 2\n load 0\n lt\n jz done\n load 3\n load 2\n tofloat\n constf 0.5\n"
    " mul\n add\n store 3\n load 2\n const 1\n add\n store 2\n jmp loop\n"
    "done:\n load 3\n ret\n", 20000000, 0 },
  { "inlined_call", "func inc 1 1\n load 0\n const 1\n add\n ret\n"
    "func main 2 4\n const 0\n store 2\n const 0\n store 3\nloop:\n"
    " load 2\n load 0\n lt\n jz done\n load 3\n load 2\n"
    " call inc 1\n add\n store 3\n load 2\n const 1\n add\n store 2\n jmp loop\n"
    "done:\n load 3\n ret\n", 20000000, 0 },
};

static vm v;

static double
now_ms (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int
main (void)
{
  printf ("%-14s %12s %12s %8s %8s %12s\n", "program", "interp ms", "jit ms",
          "speedup", "traces", "compile ms/trace");
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    {
      char err[128];
      vm_program *p = vm_assemble (progs[i].src, err, sizeof err);
      if (!p)
        {
          fprintf (stderr, "%s: %s\n", progs[i].name, err);
          return 1;
        }
      vm_value a[2] = { vm_int (progs[i].a0), vm_int (progs[i].a1) };
      vm_init (&v, p);
      double t0 = now_ms ();
      vm_run (&v, vm_find (p, "main"), a, 2);
      double ti = now_ms () - t0;
      vm_value ri = v.result;
      vm_fini (&v);
      vm_init (&v, p);
      jc_host h = vm_host_descriptor (&v);
      jc_runtime *rt = jc_runtime_new (&h, NULL);
      vm_attach (&v, rt);
      t0 = now_ms ();
      vm_run (&v, vm_find (p, "main"), a, 2);
      double tj = now_ms () - t0;
      jc_stats s = { .size = sizeof s };
      jc_stats_get (rt, &s);
      int same = ri.tag == v.result.tag && memcmp (&ri.u, &v.result.u, 8) == 0;
      printf ("%-14s %12.1f %12.1f %7.1fx %8llu %12.1f%s\n", progs[i].name, ti,
              tj, ti / tj, (unsigned long long) s.traces_compiled,
              s.traces_compiled ? s.compile_ns / 1e6 / s.traces_compiled : 0.0,
              same ? "" : "  RESULT DIFFERS");
      jc_runtime_free (rt);
      vm_fini (&v);
      vm_program_free (p);
    }
  return 0;
}
