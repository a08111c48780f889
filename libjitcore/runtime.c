/* runtime.c -- the runtime object: host descriptor validation, creation and
 * teardown, the sticky first error, the table of trace heads, and the
 * jc_runtime_hot entry that drives selection, compilation and install. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime_internal.h"
#include "compile.h"

static const char *const status_names[] = {
#define JC_STATUS_NAME_(name, text) text,
  JC_STATUS_TABLE (JC_STATUS_NAME_)
#undef JC_STATUS_NAME_
};

JC_API const char *
jc_status_name (jc_status st)
{
  if ((unsigned) st >= JC_STATUS_COUNT_)
    return "unknown status";
  return status_names[st];
}

/* ------------------------------------------------------------ host check */

/* Bytes of jc_host this library knows (v1). */
#define HOST_KNOWN_SIZE sizeof (jc_host)
/* The smallest descriptor accepted: everything up to and including install,
 * the last required callback of v1. */
#define HOST_MIN_SIZE (offsetof (jc_host, install) + sizeof (void *))

JC_API jc_status
jc_host_check (const jc_host *h, char *msg, size_t len)
{
  char dummy[1];
  if (!msg)
    {
      msg = dummy;
      len = sizeof dummy;
    }
  if (len)
    msg[0] = 0;
  if (!h)
    {
      snprintf (msg, len, "host descriptor is NULL");
      return JC_INVALID_ARGUMENT;
    }
  if (h->abi_version != JC_HOST_ABI_VERSION)
    {
      snprintf (msg, len, "host descriptor ABI version %u, this library "
                "supports %u", h->abi_version, JC_HOST_ABI_VERSION);
      return JC_HOST_BAD_VERSION;
    }
  if (h->size < HOST_MIN_SIZE)
    {
      snprintf (msg, len, "host descriptor size %u is smaller than the %zu "
                "bytes of ABI v1's required fields", h->size, HOST_MIN_SIZE);
      return JC_HOST_BAD_SIZE;
    }
  const unsigned char *p = (const unsigned char *) h;
  for (size_t i = HOST_KNOWN_SIZE; i < h->size; i++)
    if (p[i])
      {
        snprintf (msg, len, "host descriptor has a non-zero byte at offset "
                  "%zu, beyond the %zu bytes this library knows (a newer "
                  "host's feature?)", i, HOST_KNOWN_SIZE);
        return JC_HOST_UNKNOWN_TAIL;
      }
  /* Copy what the host's size covers so optional tail fields read 0. */
  jc_host c;
  memset (&c, 0, sizeof c);
  memcpy (&c, h, h->size < sizeof c ? h->size : sizeof c);
  const char *missing = !c.lower ? "lower"
                        : !c.load_slot ? "load_slot"
                        : !c.write_slot ? "write_slot"
                        : !c.set_pc ? "set_pc"
                        : !c.install ? "install" : NULL;
  if (missing)
    {
      snprintf (msg, len, "host descriptor: required callback '%s' is NULL",
                missing);
      return JC_HOST_MISSING_CALLBACK;
    }
  if (!c.retain != !c.release)
    {
      snprintf (msg, len, "host descriptor: retain and release must be "
                "given together");
      return JC_HOST_MISSING_CALLBACK;
    }
  if (c.nhelpers && !c.helpers)
    {
      snprintf (msg, len, "host descriptor: nhelpers is %u but helpers is "
                "NULL", c.nhelpers);
      return JC_INVALID_ARGUMENT;
    }
  for (uint32_t i = 0; i < c.nhelpers; i++)
    if (!c.helpers[i].name || !c.helpers[i].fn || !c.helpers[i].signature)
      {
        snprintf (msg, len, "host descriptor: helper %u lacks a name, a "
                  "function or a signature", i);
        return JC_INVALID_ARGUMENT;
      }
    else if (c.helpers[i].flags & (JC_HELPER_INCREF | JC_HELPER_DECREF))
      {
        uint32_t f = c.helpers[i].flags;
        if (((f & JC_HELPER_INCREF) && (f & JC_HELPER_DECREF))
            || (f & JC_HELPER_PURE))
          {
            snprintf (msg, len, "host descriptor: helper %s: a reference "
                      "count helper is either INCREF or DECREF, and never "
                      "PURE", c.helpers[i].name);
            return JC_INVALID_ARGUMENT;
          }
        if (strcmp (c.helpers[i].signature, "void(ptr)") != 0)
          {
            snprintf (msg, len, "host descriptor: helper %s is a reference "
                      "count helper, so its signature must be \"void(ptr)\", "
                      "not \"%s\"", c.helpers[i].name,
                      c.helpers[i].signature);
            return JC_INVALID_ARGUMENT;
          }
      }
  if (c.reserved0)
    {
      snprintf (msg, len, "host descriptor: reserved0 must be 0");
      return JC_INVALID_ARGUMENT;
    }
  return JC_OK;
}

/* ------------------------------------------------------------ errors */

jc_status
jc_runtime_fail (jc_runtime *rt, jc_status st, const char *fmt, ...)
{
  if (rt->status != JC_OK)
    return rt->status;
  rt->status = st;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (rt->error, sizeof rt->error, fmt, ap);
  va_end (ap);
  return st;
}

void
jc_runtime_note_failure (jc_runtime *rt, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (rt->last_failure, sizeof rt->last_failure, fmt, ap);
  va_end (ap);
}

JC_API jc_status
jc_runtime_status (const jc_runtime *rt)
{
  return rt ? rt->status : JC_INVALID_ARGUMENT;
}

JC_API const char *
jc_runtime_error_message (const jc_runtime *rt)
{
  return rt ? rt->error : "runtime is NULL";
}

JC_API const char *
jc_runtime_last_failure (const jc_runtime *rt)
{
  return rt ? rt->last_failure : "";
}

JC_API void
jc_runtime_options (const jc_runtime *rt, jc_options *out)
{
  if (rt && out)
    *out = rt->opts;
}

/* ------------------------------------------------------------ lifetime */

JC_API jc_runtime *
jc_runtime_new (const jc_host *host, const jc_options *opts)
{
  jc_runtime *rt = calloc (1, sizeof *rt);
  if (!rt)
    return NULL;
  rt->stats.size = sizeof rt->stats;
  rt->last_exit = -1;
  jc_options_init (&rt->opts);
  char msg[sizeof rt->error];
  jc_status st = jc_host_check (host, msg, sizeof msg);
  if (st != JC_OK)
    {
      jc_runtime_fail (rt, st, "%s", msg);
      return rt;
    }
  memcpy (&rt->host, host, host->size < sizeof rt->host ? host->size
                                                       : sizeof rt->host);
  rt->host.size = sizeof rt->host;
  st = jc_options_apply (&rt->opts, opts, msg, sizeof msg);
  if (st == JC_OK)
    st = jc_options_from_env (&rt->opts, msg, sizeof msg);
  if (st != JC_OK)
    {
      jc_runtime_fail (rt, st, "%s", msg);
      return rt;
    }
  const char *dump = getenv ("JITCORE_DUMP");
  if (dump && *dump)
    snprintf (rt->dump_dir, sizeof rt->dump_dir, "%s", dump);
  const char *cache = getenv ("JITCORE_DISK_CACHE");
  if (!cache)
    cache = rt->opts.disk_cache_dir;
  if (cache && strlen (cache) >= sizeof rt->disk_cache_dir)
    {
      jc_runtime_fail (rt, JC_BAD_OPTION, "code cache directory '%.40s...' "
                       "is longer than %zu bytes", cache,
                       sizeof rt->disk_cache_dir - 1);
      return rt;
    }
  if (cache)
    snprintf (rt->disk_cache_dir, sizeof rt->disk_cache_dir, "%s", cache);
  rt->opts.disk_cache_dir = rt->disk_cache_dir[0] ? rt->disk_cache_dir : NULL;
  rt->nheads_buckets = 64;
  rt->heads = calloc (rt->nheads_buckets, sizeof *rt->heads);
  if (!rt->heads)
    jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for the head table");
  return rt;
}

JC_API void
jc_runtime_free (jc_runtime *rt)
{
  if (!rt)
    return;
  jc_compile_shutdown (rt);     /* joins the compile thread first */
  for (jc_trace *t = rt->traces, *n; t; t = n)
    {
      n = t->next;
      if (rt->host.uninstall && t->installed)
        rt->host.uninstall (rt->host.userdata, t->code, t->pc, t);
      jc_exit_free_trace (t);
    }
  for (uint32_t b = 0; b < rt->nheads_buckets; b++)
    for (jc_head *h = rt->heads[b], *n; h; h = n)
      {
        n = h->next;
        free (h);
      }
  free (rt->heads);
  free (rt->invals);
  free (rt);
}

/* ------------------------------------------------------------ heads */

static uint32_t
head_hash (const void *code, uint32_t pc, uint32_t nb)
{
  uint64_t x = (uint64_t) (uintptr_t) code * 0x9e3779b97f4a7c15ull
               ^ (uint64_t) pc * 0xc2b2ae3d27d4eb4full;
  return (uint32_t) (x >> 32) & (nb - 1);
}

static void
heads_grow (jc_runtime *rt)
{
  uint32_t nb = rt->nheads_buckets * 2;
  jc_head **t = calloc (nb, sizeof *t);
  if (!t)
    return;                     /* keep the old table: only slower */
  for (uint32_t b = 0; b < rt->nheads_buckets; b++)
    for (jc_head *h = rt->heads[b], *n; h; h = n)
      {
        n = h->next;
        uint32_t k = head_hash (h->code, h->pc, nb);
        h->next = t[k];
        t[k] = h;
      }
  free (rt->heads);
  rt->heads = t;
  rt->nheads_buckets = nb;
}

jc_head *
jc_runtime_head (jc_runtime *rt, const void *code, uint32_t pc, int create)
{
  if (!rt->heads)
    return NULL;
  uint32_t k = head_hash (code, pc, rt->nheads_buckets);
  for (jc_head *h = rt->heads[k]; h; h = h->next)
    if (h->code == code && h->pc == pc)
      return h;
  if (!create)
    return NULL;
  jc_head *h = calloc (1, sizeof *h);
  if (!h)
    return NULL;
  h->code = code;
  h->pc = pc;
  h->next = rt->heads[k];
  rt->heads[k] = h;
  if (++rt->nheads > rt->nheads_buckets * 2)
    heads_grow (rt);
  return h;
}
