/* vm_bench.c -- the test VM's benchmark (not part of make check).  Four
 * reports, all from one run of `make bench-vm` (or `vm_bench [main|passes|
 * side|compile]` for one of them):
 *   main    each loop program in the interpreter alone and with the JIT,
 *           and libgccjit's compile latency per trace;
 *   passes  the trace run time (wall time of the JIT run minus its compile
 *           time) of each program with no optimizer pass, each pass alone,
 *           and all of them;
 *   side    branchy loops whose other arm is hot, with side traces off
 *           (side_threshold=0) and on (the default);
 *   compile background compilation: compile time per trace with 1, 4 and
 *           16 traces per libgccjit batch, and the time to the first
 *           native iteration with synchronous vs background compiles.
 * The first three compile synchronously, so that compile time can be
 * told apart from run time.
 * Every JIT result is compared with the interpreter's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "vm.h"
#include "vm_host.h"

typedef struct prog { const char *name; const char *src; int64_t a0, a1; } prog;

static const prog progs[] = {
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
  /* s += max(k, 3): a pure helper call on loop-invariant operands, which
   * GCC cannot move out of the loop by itself. */
  { "helper_call", "func main 2 4\n const 0\n store 2\n const 0\n store 3\n"
    "loop:\n load 2\n load 0\n lt\n jz done\n load 3\n load 1\n const 3\n"
    " max\n add\n store 3\n load 2\n const 1\n add\n store 2\n jmp loop\n"
    "done:\n load 3\n ret\n", 20000000, 7 },
};

/* Branchy loops.  half: main(n, k) adds 1 while i < k, then i: the trace
 * follows the first arm, the second is hot from i == k on.  alternate:
 * the arm flips every iteration (f = 1 - f), so one exit in two. */
static const prog branchy[] = {
  { "half", "func main 2 4\n const 0\n store 2\n const 0\n store 3\nloop:\n"
    " load 2\n load 0\n lt\n jz done\n load 2\n load 1\n lt\n jz big\n"
    " load 3\n const 1\n add\n store 3\n jmp next\nbig:\n"
    " load 3\n load 2\n add\n store 3\nnext:\n"
    " load 2\n const 1\n add\n store 2\n jmp loop\ndone:\n load 3\n ret\n",
    20000000, 10000000 },
  { "alternate", "func main 2 5\n const 0\n store 2\n const 0\n store 3\n"
    " const 0\n store 4\nloop:\n"
    " load 2\n load 0\n lt\n jz done\n"
    " const 1\n load 4\n sub\n store 4\n load 4\n jz odd\n"
    " load 3\n const 1\n add\n store 3\n jmp next\nodd:\n"
    " load 3\n load 2\n add\n store 3\nnext:\n"
    " load 2\n const 1\n add\n store 2\n jmp loop\ndone:\n load 3\n ret\n",
    20000000, 0 },
};

static vm v;

static double
now_ms (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

typedef struct result {
  vm_value value;
  double ms;                 /* wall time of vm_run */
  jc_stats stats;
  uint64_t host_entries;
} result;

/* Run p's main once; with the JIT when o is not NULL. */
static int
run (const prog *pr, const jc_options *o, result *r)
{
  char err[128];
  vm_program *p = vm_assemble (pr->src, err, sizeof err);
  if (!p)
    {
      fprintf (stderr, "%s: %s\n", pr->name, err);
      return -1;
    }
  vm_value a[2] = { vm_int (pr->a0), vm_int (pr->a1) };
  memset (r, 0, sizeof *r);
  vm_init (&v, p);
  jc_runtime *rt = NULL;
  if (o)
    {
      jc_host h = vm_host_descriptor (&v);
      rt = jc_runtime_new (&h, o);
      vm_attach (&v, rt);
    }
  double t0 = now_ms ();
  int rc = vm_run (&v, vm_find (p, "main"), a, 2);
  r->ms = now_ms () - t0;
  r->value = v.result;
  r->host_entries = v.trace_entries;
  r->stats.size = sizeof r->stats;
  if (rt)
    {
      jc_stats_get (rt, &r->stats);
      if (jc_runtime_status (rt) != JC_OK)
        rc = -1;
      jc_runtime_free (rt);
    }
  vm_fini (&v);
  vm_program_free (p);
  return rc;
}

static const char *
same (const result *a, const result *b)
{
  return a->value.tag == b->value.tag
         && memcmp (&a->value.u, &b->value.u, 8) == 0 ? "" : "  RESULT DIFFERS";
}

static int
report_main (void)
{
  printf ("%-14s %12s %12s %8s %8s %12s\n", "program", "interp ms", "jit ms",
          "speedup", "traces", "compile ms/trace");
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    {
      result ri, rj;
      jc_options o;
      jc_options_init (&o);
      o.sync = 1;            /* compile time is measured apart */
      if (run (&progs[i], NULL, &ri) != 0 || run (&progs[i], &o, &rj) != 0)
        return 1;
      uint64_t n = rj.stats.traces_compiled;
      printf ("%-14s %12.1f %12.1f %7.1fx %8llu %12.1f%s\n", progs[i].name,
              ri.ms, rj.ms, ri.ms / rj.ms, (unsigned long long) n,
              n ? rj.stats.compile_ns / 1e6 / n : 0.0, same (&ri, &rj));
    }
  return 0;
}

enum { REPEAT = 3, PASS_SCALE = 5 };

/* Trace run time: the JIT run's wall time without its compile time. */
static double
run_ms (const result *r)
{
  return r->ms - r->stats.compile_ns / 1e6;
}

static int
report_passes (void)
{
  static const struct { const char *name; uint32_t mask; } sets[] = {
    { "none", 0 },
#define JC_PASS_SET_(name, text, bit) { text, 1u << (bit) },
    JC_PASS_TABLE (JC_PASS_SET_)
#undef JC_PASS_SET_
    { "all", JC_PASS_ALL },
  };
  size_t ns = sizeof sets / sizeof sets[0];
  printf ("\ntrace run time in ms (JIT run minus compile, best of %d, %d "
          "times the iterations) by optimizer passes\n%-14s", REPEAT,
          PASS_SCALE, "program");
  for (size_t k = 0; k < ns; k++)
    printf (" %8s", sets[k].name);
  printf (" %10s\n", "none/all");
  for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++)
    {
      /* The reference result: the JIT with its defaults (the main report
       * checks those against the interpreter). */
      result ri;
      prog big = progs[i];
      big.a0 *= PASS_SCALE;
      jc_options d;
      jc_options_init (&d);
      d.sync = 1;            /* compile time is measured apart */
      if (run (&big, &d, &ri) != 0)
        return 1;
      printf ("%-14s", progs[i].name);
      double first = 0, last = 0;
      const char *bad = "";
      for (size_t k = 0; k < ns; k++)
        {
          jc_options o;
          jc_options_init (&o);
          o.sync = 1;            /* compile time is measured apart */
          o.passes = sets[k].mask;
          prog big = progs[i];
          big.a0 *= PASS_SCALE;     /* longer runs: less relative noise */
          /* Best of REPEAT: the machine is shared, noise only adds. */
          double ms = 0;
          for (int rep = 0; rep < REPEAT; rep++)
            {
              result r;
              if (run (&big, &o, &r) != 0)
                return 1;
              if (*same (&ri, &r))
                bad = "  RESULT DIFFERS";
              if (rep == 0 || run_ms (&r) < ms)
                ms = run_ms (&r);
            }
          printf (" %8.1f", ms);
          if (k == 0)
            first = ms;
          last = ms;
        }
      printf (" %9.2fx%s\n", first / last, bad);
    }
  return 0;
}

static int
report_side (void)
{
  printf ("\nbranchy loops, side traces off (side_threshold=0), on with the "
          "exit restored before the side trace (side_raw=0) and on with its "
          "values passed raw (default)\n"
          "%-10s %10s %10s %10s %10s %8s %8s %10s %10s %8s %8s %9s\n", "program",
          "interp ms", "off ms", "restore ms", "raw ms", "off/raw",
          "rest/raw", "entries", "entries", "side", "links", "raw");
  printf ("%-10s %10s %10s %10s %10s %8s %8s %10s %10s %8s %8s %9s\n", "", "",
          "", "", "", "", "", "(off)", "(on)", "traces", "", "entries");
  for (size_t i = 0; i < sizeof branchy / sizeof branchy[0]; i++)
    {
      result ri, off, rest, on;
      jc_options o;
      jc_options_init (&o);
      o.sync = 1;            /* compile time is measured apart */
      o.side_threshold = 0;
      if (run (&branchy[i], NULL, &ri) != 0 || run (&branchy[i], &o, &off) != 0)
        return 1;
      jc_options_init (&o);
      o.sync = 1;
      o.side_raw = 0;
      if (run (&branchy[i], &o, &rest) != 0)
        return 1;
      jc_options_init (&o);
      o.sync = 1;
      if (run (&branchy[i], &o, &on) != 0)
        return 1;
      printf ("%-10s %10.1f %10.1f %10.1f %10.1f %7.1fx %7.2fx %10llu %10llu "
              "%8llu %8llu %9llu%s%s%s\n",
              branchy[i].name, ri.ms, off.ms, rest.ms, on.ms, off.ms / on.ms,
              rest.ms / on.ms,
              (unsigned long long) off.host_entries,
              (unsigned long long) on.host_entries,
              (unsigned long long) on.stats.side_traces,
              (unsigned long long) on.stats.trace_links,
              (unsigned long long) on.stats.side_raw_entries,
              same (&ri, &off), same (&ri, &rest), same (&ri, &on));
    }
  return 0;
}

/* The install callback, timed: when the first native iteration can run. */
static int (*vm_install) (void *, const void *, uint32_t, jc_trace *);
static double t_installed;

static int
timed_install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  if (t_installed == 0)
    t_installed = now_ms ();
  return vm_install (ud, code, pc, t);
}

static jc_runtime *
bench_rt (vm *m, const jc_options *o)
{
  jc_host h = vm_host_descriptor (m);
  vm_install = h.install;
  h.install = timed_install;
  jc_runtime *rt = jc_runtime_new (&h, o);
  vm_attach (m, rt);
  return rt;
}

#define NHEADS 16

/* NHEADS functions with one loop each, all called once by main: NHEADS
 * heads that get hot one right after the other. */
static char *
many_heads_src (void)
{
  size_t cap = 600 * (NHEADS + 1), n = 0;
  char *src = malloc (cap);
  if (!src)
    return NULL;
  for (int k = 0; k < NHEADS; k++)
    n += (size_t) snprintf (src + n, cap - n,
        "func f%d 1 3\n const 0\n store 1\n const 0\n store 2\n"
        "l%d:\n load 1\n load 0\n lt\n jz e%d\n load 2\n load 1\n"
        " const %d\n add\n add\n store 2\n load 1\n const 1\n add\n"
        " store 1\n jmp l%d\ne%d:\n load 2\n ret\n", k, k, k, k, k, k);
  n += (size_t) snprintf (src + n, cap - n, "func main 1 2\n const 0\n"
                          " store 1\n");
  for (int k = 0; k < NHEADS; k++)
    n += (size_t) snprintf (src + n, cap - n, " load 1\n load 0\n"
                            " call f%d 1\n add\n store 1\n", k);
  snprintf (src + n, cap - n, " load 1\n ret\n");
  return src;
}

/* Compile NHEADS traces with batch_max traces per batch (the compile
 * thread waits for full batches), then install them all. */
static int
report_batches (void)
{
  printf ("\nbackground compile of %d traces by traces per batch\n"
          "%-16s %8s %8s %14s %16s\n", NHEADS, "traces/batch", "traces",
          "batches", "compile ms", "ms/trace");
  char *src = many_heads_src ();
  char err[128];
  vm_program *p = src ? vm_assemble (src, err, sizeof err) : NULL;
  free (src);
  if (!p)
    {
      fprintf (stderr, "many heads: %s\n", src ? err : "out of memory");
      return 1;
    }
  static const uint32_t sizes[] = { 1, 4, 16 };
  int rc = 0;
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
    {
      vm_init (&v, p);
      jc_options o;
      jc_options_init (&o);
      o.batch_max = sizes[i];
      o.batch_delay_us = 1000000;
      jc_runtime *rt = bench_rt (&v, &o);
      vm_value a[1] = { vm_int (200) };
      vm_run (&v, vm_find (p, "main"), a, 1);
      jc_runtime_flush (rt);
      jc_stats s = { .size = sizeof s };
      jc_stats_get (rt, &s);
      int64_t want = NHEADS * (199 * 200 / 2) + 200 * (NHEADS - 1) * NHEADS / 2;
      printf ("%-16u %8llu %8llu %14.1f %16.1f%s\n", sizes[i],
              (unsigned long long) s.traces_compiled,
              (unsigned long long) s.compile_batches, s.compile_ns / 1e6,
              s.traces_compiled ? s.compile_ns / 1e6 / s.traces_compiled
                                : 0.0,
              v.result.u.i == want ? "" : "  RESULT DIFFERS");
      rc |= jc_runtime_status (rt) != JC_OK;
      jc_runtime_free (rt);
      vm_fini (&v);
    }
  vm_program_free (p);
  return rc;
}

/* The sum loop with a synchronous and a background compile: time from the
 * start to the install (the first native iteration follows at once), the
 * loop iterations the interpreter ran by then, and the whole run. */
static int
report_first_native (void)
{
  printf ("\nsum loop of 2 million: first native iteration, sync vs "
          "background compile\n%-10s %18s %16s %12s\n", "compile",
          "first native ms", "interp iters", "total ms");
  char err[128];
  vm_program *p = vm_assemble (progs[0].src, err, sizeof err);
  if (!p)
    return 1;
  vm_value a[2] = { vm_int (2000000), vm_int (0) };
  vm_init (&v, p);
  vm_run (&v, vm_find (p, "main"), a, 2);
  vm_value want = v.result;
  vm_fini (&v);
  for (int sync = 1; sync >= 0; sync--)
    {
      vm_init (&v, p);
      jc_options o;
      jc_options_init (&o);
      o.sync = (uint8_t) sync;
      jc_runtime *rt = bench_rt (&v, &o);
      t_installed = 0;
      double t0 = now_ms ();
      vm_run (&v, vm_find (p, "main"), a, 2);
      double t1 = now_ms ();
      /* The loop is 13 instructions; the steps outside it are few. */
      int same = v.result.tag == want.tag
                 && memcmp (&v.result.u, &want.u, 8) == 0;
      printf ("%-10s %18.1f %16llu %12.1f%s\n", sync ? "sync" : "async",
              t_installed ? t_installed - t0 : -1.0,
              (unsigned long long) (v.steps / 13), t1 - t0,
              same ? "" : "  RESULT DIFFERS");
      jc_runtime_free (rt);
      vm_fini (&v);
    }
  vm_program_free (p);
  return 0;
}

int
main (int argc, char **argv)
{
  const char *which = argc > 1 ? argv[1] : "all";
  int all = strcmp (which, "all") == 0;
  if (!all && strcmp (which, "main") && strcmp (which, "passes")
      && strcmp (which, "side") && strcmp (which, "compile"))
    {
      fprintf (stderr, "usage: vm_bench [all|main|passes|side|compile]\n");
      return 2;
    }
  if ((all || !strcmp (which, "main")) && report_main () != 0)
    return 1;
  if ((all || !strcmp (which, "passes")) && report_passes () != 0)
    return 1;
  if ((all || !strcmp (which, "side")) && report_side () != 0)
    return 1;
  if ((all || !strcmp (which, "compile"))
      && (report_batches () != 0 || report_first_native () != 0))
    return 1;
  return 0;
}
