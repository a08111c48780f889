/* options.c -- defaults, the size-versioned jc_options struct, and the
 * JITCORE_OPTIONS / JITCORE_DISABLE / JITCORE_LOG environment variables.
 * Every parse error names the offending text; nothing here aborts. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime_internal.h"

JC_API void
jc_options_init (jc_options *o)
{
  if (!o)
    return;
  memset (o, 0, sizeof *o);
  o->size = sizeof *o;
  o->loop_threshold = 50;
  o->func_threshold = 100;
  o->max_trace_insns = 1000;
  o->max_snapshots = 500;
  o->max_inline_depth = 4;
  o->max_aborts = 4;
  o->backoff_max = 6;
  o->opt_level = 2;
  o->sync = 0;
  o->passes = JC_PASS_ALL;
  o->side_threshold = 10;
  o->max_side_traces = 32;
  o->max_side_depth = 4;
  o->batch_max = 8;
  o->batch_delay_us = 1000;
  o->side_raw = 1;
  o->max_unroll = 64;
  o->home_exits = JC_HOME_EXITS_DEFAULT;
  o->unrolled_trace_factor = 1;
  o->side_raw_ptrs = 1;
  o->side_link_home = 1;
  o->payback_ratio = 32;
  o->side_link_raw = 0;
  o->inner_exit_min_insns = 24;
  o->disk_cache_max_kb = 262144;
}

/* Range checks shared by the struct and the string forms. */
static jc_status
validate (const jc_options *o, char *msg, size_t len)
{
  const char *bad = NULL;
  if (o->loop_threshold < 1 || o->loop_threshold > 65535)
    bad = "threshold must be 1..65535";
  else if (o->func_threshold < 1 || o->func_threshold > 65535)
    bad = "func_threshold must be 1..65535";
  else if (o->max_trace_insns < 1 || o->max_trace_insns > 100000)
    bad = "max_trace must be 1..100000";
  else if (o->max_snapshots < 1 || o->max_snapshots > 100000)
    bad = "max_snapshots must be 1..100000";
  else if (o->max_inline_depth > 64)
    bad = "max_depth must be 0..64";
  else if (o->max_aborts < 1 || o->max_aborts > 255)
    bad = "max_aborts must be 1..255";
  else if (o->backoff_max > 15)
    bad = "backoff_max must be 0..15";
  else if (o->opt_level < 0 || o->opt_level > 3)
    bad = "opt must be 0..3";
  else if (o->log & ~(uint32_t) JC_LOG_ALL)
    bad = "log has unknown category bits";
  else if (o->passes & ~(uint32_t) JC_PASS_ALL)
    bad = "passes has unknown bits";
  else if (o->reserved1)
    bad = "reserved1 must be 0";
  else if (o->side_threshold > 65535)
    bad = "side_threshold must be 0..65535";
  else if (o->max_side_depth > 64)
    bad = "max_side_depth must be 0..64";
  else if (o->reserved2)
    bad = "reserved2 must be 0";
  else if (o->batch_max < 1 || o->batch_max > 64)
    bad = "batch_max must be 1..64";
  else if (o->batch_delay_us > 1000000)
    bad = "batch_delay must be 0..1000000 (microseconds)";
  else if (o->side_raw > 1)
    bad = "side_raw must be 0 or 1";
  else if (o->side_raw_ptrs > 1)
    bad = "side_raw_ptrs must be 0 or 1";
  else if (o->side_link_home > 1)
    bad = "side_link_home must be 0 or 1";
  else if (o->side_link_raw > 1)
    bad = "side_link_raw must be 0 or 1";
  else if (o->max_unroll > 10000)
    bad = "max_unroll must be 0..10000";
  else if (o->unrolled_trace_factor > 100)
    bad = "unrolled_factor must be 1..100";
  else if (o->compile_nice > 20)
    bad = "compile_nice must be 0..20";
  else if (o->payback_ratio > 1000)
    bad = "payback must be 0..1000";
  else if (o->inner_exit_min_insns > 100000)
    bad = "inner_exit must be 0..100000";
  else if (o->fail_compile > 2)
    bad = "fail_compile must be 0..2";
  if (!bad)
    return JC_OK;
  snprintf (msg, len, "%s", bad);
  return JC_BAD_OPTION;
}

jc_status
jc_options_apply (jc_options *eff, const jc_options *in, char *msg,
                  size_t len)
{
  jc_options_init (eff);
  if (!in)
    return JC_OK;
  if (in->size < sizeof (size_t))
    {
      snprintf (msg, len, "jc_options.size %zu is too small", in->size);
      return JC_BAD_OPTION;
    }
  /* Unknown tail: a newer host set fields this library does not have. */
  const unsigned char *p = (const unsigned char *) in;
  for (size_t i = sizeof *eff; i < in->size; i++)
    if (p[i] != 0)
      {
        snprintf (msg, len, "jc_options has non-zero byte at offset %zu "
                  "beyond the %zu bytes this library knows", i, sizeof *eff);
        return JC_BAD_OPTION;
      }
  size_t n = in->size < sizeof *eff ? in->size : sizeof *eff;
  memcpy ((char *) eff + sizeof (size_t), (const char *) in + sizeof (size_t),
          n - sizeof (size_t));
  eff->size = sizeof *eff;
  return validate (eff, msg, len);
}

jc_status
jc_log_parse_categories (const char *text, char sep, uint32_t *mask)
{
  static const struct { const char *name; uint32_t bit; } cats[] = {
#define JC_LOG_NAME_(name, text, bit) { text, 1u << (bit) },
    JC_LOG_TABLE (JC_LOG_NAME_)
#undef JC_LOG_NAME_
    { "all", JC_LOG_ALL },
  };
  uint32_t m = 0;
  const char *s = text;
  while (*s)
    {
      const char *e = strchr (s, sep);
      size_t n = e ? (size_t) (e - s) : strlen (s);
      int found = n == 0;
      for (size_t i = 0; !found && i < sizeof cats / sizeof cats[0]; i++)
        if (strlen (cats[i].name) == n && strncmp (cats[i].name, s, n) == 0)
          {
            m |= cats[i].bit;
            found = 1;
          }
      if (!found)
        return JC_BAD_OPTION;
      s += n + (e != NULL);
    }
  *mask = m;
  return JC_OK;
}

static int
parse_uint (const char *v, size_t n, uint32_t *out)
{
  char buf[32];
  if (n == 0 || n >= sizeof buf)
    return 0;
  memcpy (buf, v, n);
  buf[n] = 0;
  for (size_t i = 0; i < n; i++)
    if (buf[i] < '0' || buf[i] > '9')
      return 0;
  errno = 0;
  unsigned long x = strtoul (buf, NULL, 10);
  if (errno || x > UINT32_MAX)
    return 0;
  *out = (uint32_t) x;
  return 1;
}

/* One "key=value" item of JITCORE_OPTIONS. */
/* "fold+cse+...", "all" or "none" -> a JC_PASS_* mask. */
static int
parse_passes (const char *v, size_t n, uint32_t *out)
{
  static const struct { const char *name; uint32_t bit; } names[] = {
#define JC_PASS_NAME_(name, text, bit) { text, 1u << (bit) },
    JC_PASS_TABLE (JC_PASS_NAME_)
#undef JC_PASS_NAME_
    { "all", JC_PASS_ALL }, { "none", 0 }
  };
  uint32_t m = 0;
  size_t i = 0;
  if (n == 0)
    return -1;
  while (i < n)
    {
      size_t j = i;
      while (j < n && v[j] != '+')
        j++;
      size_t k;
      for (k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strlen (names[k].name) == j - i
            && strncmp (names[k].name, v + i, j - i) == 0)
          break;
      if (k == sizeof names / sizeof names[0])
        return -1;
      m |= names[k].bit;
      i = j + 1;
    }
  *out = m;
  return 0;
}

static jc_status
parse_item (jc_options *o, const char *s, size_t n, char *msg, size_t len)
{
  const char *eq = memchr (s, '=', n);
  if (!eq)
    {
      snprintf (msg, len, "option '%.*s' is not key=value", (int) n, s);
      return JC_BAD_OPTION;
    }
  size_t kn = (size_t) (eq - s), vn = n - kn - 1;
  const char *v = eq + 1;
  struct { const char *key; uint32_t *u32; uint8_t *u8; } keys[] = {
    { "threshold", &o->loop_threshold, NULL },
    { "func_threshold", &o->func_threshold, NULL },
    { "max_trace", &o->max_trace_insns, NULL },
    { "max_snapshots", &o->max_snapshots, NULL },
    { "max_depth", &o->max_inline_depth, NULL },
    { "max_aborts", &o->max_aborts, NULL },
    { "backoff_max", &o->backoff_max, NULL },
    { "sync", NULL, &o->sync },
    { "native", NULL, &o->native_cpu },
    { "disable", NULL, &o->disable },
    { "max_traces", &o->max_traces, NULL },
    { "max_code_bytes", &o->max_code_bytes, NULL },
    { "side_threshold", &o->side_threshold, NULL },
    { "max_side_traces", &o->max_side_traces, NULL },
    { "max_side_depth", &o->max_side_depth, NULL },
    { "batch_max", &o->batch_max, NULL },
    { "batch_delay", &o->batch_delay_us, NULL },
    { "side_raw", &o->side_raw, NULL },
    { "max_unroll", &o->max_unroll, NULL },
    { "home_exits", &o->home_exits, NULL },
    { "unrolled_factor", &o->unrolled_trace_factor, NULL },
    { "side_raw_ptrs", &o->side_raw_ptrs, NULL },
    { "side_link_home", &o->side_link_home, NULL },
    { "side_link_raw", &o->side_link_raw, NULL },
    { "compile_nice", &o->compile_nice, NULL },
    { "payback", &o->payback_ratio, NULL },
    { "inner_exit", &o->inner_exit_min_insns, NULL },
    { "disk_cache_kb", &o->disk_cache_max_kb, NULL },
  };
  if (kn == 3 && strncmp (s, "log", 3) == 0)
    {
      char buf[128];
      if (vn >= sizeof buf)
        goto bad_value;
      memcpy (buf, v, vn);
      buf[vn] = 0;
      uint32_t m;
      if (jc_log_parse_categories (buf, '+', &m) != JC_OK)
        goto bad_value;
      o->log |= m;
      return JC_OK;
    }
  if (kn == 6 && strncmp (s, "passes", 6) == 0)
    {
      if (parse_passes (v, vn, &o->passes) != 0)
        goto bad_value;
      return JC_OK;
    }
  uint32_t x;
  if (kn == 12 && strncmp (s, "fail_compile", 12) == 0)
    {
      if (!parse_uint (v, vn, &x) || x > 2)
        goto bad_value;
      o->fail_compile = (uint8_t) x;
      return JC_OK;
    }
  if (kn == 3 && strncmp (s, "opt", 3) == 0)
    {
      if (!parse_uint (v, vn, &x) || x > 3)
        goto bad_value;
      o->opt_level = (int32_t) x;
      return JC_OK;
    }
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    if (strlen (keys[i].key) == kn && strncmp (keys[i].key, s, kn) == 0)
      {
        if (!parse_uint (v, vn, &x))
          goto bad_value;
        if (keys[i].u8)
          {
            if (x > 1)
              goto bad_value;
            *keys[i].u8 = (uint8_t) x;
          }
        else
          *keys[i].u32 = x;
        return JC_OK;
      }
  snprintf (msg, len, "unknown option '%.*s'", (int) kn, s);
  return JC_BAD_OPTION;
bad_value:
  snprintf (msg, len, "bad value '%.*s' for option '%.*s'", (int) vn, v,
            (int) kn, s);
  return JC_BAD_OPTION;
}

jc_status
jc_options_parse (jc_options *o, const char *text, char *msg, size_t len)
{
  const char *s = text;
  while (*s)
    {
      const char *e = strchr (s, ',');
      size_t n = e ? (size_t) (e - s) : strlen (s);
      if (n > 0)
        {
          jc_status st = parse_item (o, s, n, msg, len);
          if (st != JC_OK)
            return st;
        }
      s += n + (e != NULL);
    }
  return validate (o, msg, len);
}

jc_status
jc_options_from_env (jc_options *o, char *msg, size_t len)
{
  const char *s = getenv ("JITCORE_OPTIONS");
  if (s)
    {
      jc_status st = jc_options_parse (o, s, msg, len);
      if (st != JC_OK)
        {
          char inner[200];
          snprintf (inner, sizeof inner, "%s", msg);
          snprintf (msg, len, "JITCORE_OPTIONS: %s", inner);
          return st;
        }
    }
  s = getenv ("JITCORE_LOG");
  if (s)
    {
      uint32_t m;
      if (jc_log_parse_categories (s, ',', &m) != JC_OK)
        {
          snprintf (msg, len, "JITCORE_LOG: unknown category in '%s' "
                    "(known: ir,trace,exit,compile,abort,hot,all)", s);
          return JC_BAD_OPTION;
        }
      o->log |= m;
    }
  s = getenv ("JITCORE_DISABLE");
  if (s && *s && strcmp (s, "0") != 0)
    o->disable = 1;
  return JC_OK;
}
