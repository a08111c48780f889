/* log.c -- log categories on stderr (or the host's log callback): one
 * formatted line per event, prefixed with its category name. */
#include <stdio.h>
#include <string.h>
#include "runtime_internal.h"

static const char *
category_name (unsigned cat)
{
#define JC_LOG_CASE_(name, text, bit) if (cat == (1u << (bit))) return text;
  JC_LOG_TABLE (JC_LOG_CASE_)
#undef JC_LOG_CASE_
  return "log";
}

void
jc_log_v (const jc_runtime *rt, unsigned cat, const char *fmt, va_list ap)
{
  if (!rt || !(rt->opts.log & cat))
    return;
  char line[1024];
  vsnprintf (line, sizeof line, fmt, ap);
  size_t n = strlen (line);
  while (n > 0 && line[n - 1] == '\n')
    line[--n] = 0;
  if (rt->opts.log_fn)
    rt->opts.log_fn (rt->opts.log_userdata, cat, line);
  else
    fprintf (stderr, "jitcore[%s]: %s\n", category_name (cat), line);
}

void
jc_log (const jc_runtime *rt, unsigned cat, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  jc_log_v (rt, cat, fmt, ap);
  va_end (ap);
}
