/* test_disk_cache.c -- the persistent code cache at the backend's level
 * (emit_gccjit.c "Disk cache", disk_cache.c): a trace compiled with a cache
 * directory is stored; the same trace built again -- with its host pointer
 * and host object at other addresses, as in another process -- is loaded
 * without a compile and runs on the new addresses, while the first copy
 * still runs on its own; a different constant, or other compiler options,
 * is another key; a broken entry (truncated, missing, one byte changed) is
 * replaced; a key collision and an unusable directory only cost the
 * compile; a failing compile stores nothing; the size limit evicts the
 * least recently used; no temporary file is left behind.  Each trace is
 * checked against what C computes. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cunit_main.h"
#include "ir_fixture.h"
#include "../libjitcore/backend.h"

static char dir[512];
static uint64_t cap_bytes;       /* the cache's size limit in compile_one */

static int
make_dir (void)
{
  jc_test_clear_env ();
  snprintf (dir, sizeof dir, "%s/test_disk_cache.XXXXXX",
            getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp");
  return mkdtemp (dir) ? 0 : -1;
}

static int
remove_dir (void)
{
  DIR *d = opendir (dir);
  if (d)
    {
      struct dirent *de;
      char p[1024];
      while ((de = readdir (d)) != NULL)
        if (strcmp (de->d_name, ".") && strcmp (de->d_name, ".."))
          {
            snprintf (p, sizeof p, "%.500s/%.255s", dir, de->d_name);
            unlink (p);
          }
      closedir (d);
    }
  rmdir (dir);
  return 0;
}

/* Start from an empty cache directory. */
static void
fresh_dir (void)
{
  remove_dir ();
  CU_ASSERT_FATAL (make_dir () == 0);
}

/* Files in dir ending with ext ("" all), and whether any is temporary. */
static int
count_files (const char *ext, int *temps)
{
  DIR *d = opendir (dir);
  int n = 0;
  if (temps)
    *temps = 0;
  if (!d)
    return -1;
  struct dirent *de;
  size_t el = strlen (ext);
  while ((de = readdir (d)) != NULL)
    {
      if (de->d_name[0] == '.')
        {
          if (temps && strncmp (de->d_name, ".tmp-", 5) == 0)
            (*temps)++;
          continue;
        }
      size_t l = strlen (de->d_name);
      if (l >= el && strcmp (de->d_name + l - el, ext) == 0)
        n++;
    }
  closedir (d);
  return n;
}

/* The one file in dir ending with ext. */
static int
find_file (const char *ext, char *out, size_t len)
{
  DIR *d = opendir (dir);
  if (!d)
    return -1;
  struct dirent *de;
  int found = -1;
  size_t el = strlen (ext);
  while ((de = readdir (d)) != NULL)
    {
      size_t l = strlen (de->d_name);
      if (de->d_name[0] != '.' && l >= el
          && strcmp (de->d_name + l - el, ext) == 0)
        {
          snprintf (out, len, "%.200s/%.255s", dir, de->d_name);
          found = 0;
        }
    }
  closedir (d);
  return found;
}

/* The trace: a loop over the host counter *cnt (a const_ptr) and the host
 * object it[2] (a const_obj, a position and a limit), adding it[0] into
 * slot 0 until it[0] reaches it[1] (exit at pc 2) or equals k (pc 3), and
 * calling the helper add3 on the way (helper table):
 *   pc 0: *cnt += 1
 *   pc 1: s = slot0 + add3 (it[0], 0)         (overflow-checked)
 *   pc 2: guard it[0] < it[1]; it[0] += 1
 *   pc 3: guard it[0] != k */
static jc_lower *
build (fixture *fx, int64_t *cnt, int64_t *it, int64_t k)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref pc = jc_lower_const_ptr (b, cnt);
  jc_ref c = jc_lower_load (b, JC_TYPE_I64, pc, 0, 7);
  jc_lower_store (b, pc, 0, jc_lower_binop (b, JC_ADD, c,
                                            jc_lower_const_i64 (b, 1)), 7);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ref po = jc_lower_const_obj (b, it);
  jc_ref i = jc_lower_load (b, JC_TYPE_I64, po, 0, 8);
  jc_ref args[2] = { i, jc_lower_const_i64 (b, 0) };
  jc_ref v = jc_lower_call (b, FX_H_ADD3, args, 2);
  jc_lower_slot_set (b, 0, jc_lower_binop_ov (b, JC_ADD,
                                              jc_lower_slot_get (b, 0), v));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i,
                                   jc_lower_load (b, JC_TYPE_I64, po, 8, 9)),
                  1);
  jc_lower_store (b, po, 0, jc_lower_binop (b, JC_ADD, i,
                                            jc_lower_const_i64 (b, 1)), 8);
  jc_ir_begin_insn (b, 3, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_NE, i, jc_lower_const_i64 (b, k)),
                  1);
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  return b;
}

typedef struct built {
  fixture fx;
  jc_lower *b;
  jc_compiled c;
  int ok;
  jc_emit_batch_info info;
  char err[256];
} built;

/* Build and compile the trace for (cnt, it, k) through the cache. */
static void
compile_one (built *t, int64_t *cnt, int64_t *it, int64_t k, int opt_level,
             int inject)
{
  memset (t, 0, sizeof *t);
  fx_init (&t->fx);
  t->b = build (&t->fx, cnt, it, k);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.cache_dir = dir;
  o.cache_max_bytes = cap_bytes;
  o.opt_level = opt_level;
  o.inject_failure = inject;
  jc_emit_batch *bt = jc_emit_batch_new (&o);
  CU_ASSERT_FATAL (bt != NULL);
  CU_ASSERT_EQUAL (jc_emit_batch_add (bt, t->b, "jc_trace_7", &o), 0);
  jc_emit_batch_compile (bt);
  jc_emit_batch_get_info (bt, &t->info);
  t->ok = jc_emit_batch_take (bt, 0, &t->c, t->err, sizeof t->err) == 0;
  jc_emit_batch_free (bt);
}

static void
drop (built *t)
{
  jc_emit_release (&t->c);
  jc_ir_free (t->b);
}

/* Run t from s0 = slot 0; check the exit and memory against C's loop. */
static void
run_check (built *t, int64_t *cnt, int64_t *it, int64_t k, int64_t s0)
{
  CU_ASSERT_FATAL (t->ok);
  int64_t wcnt = *cnt, wi = it[0], ws = s0;
  uint32_t wpc;
  for (;;)
    {
      wcnt++;
      ws += wi;
      if (!(wi < it[1]))
        {
          wpc = 2;
          break;
        }
      wi++;
      if (wi - 1 == k)
        {
          wpc = 3;
          break;
        }
    }
  tslot f[3];
  memset (f, 0, sizeof f);
  f[0].tag = TAG_INT;
  f[0].v.i = s0;
  uint64_t buf[16];
  uint32_t id = t->c.entry (f, buf);
  const jc_snap *sn = jc_ir_snap (t->b, id);
  CU_ASSERT_FATAL (sn != NULL);
  CU_ASSERT_EQUAL (sn->pc, wpc);
  uint64_t s = (uint64_t) s0;
  fx_exit_slot (t->b, id, buf, 0, &s);
  CU_ASSERT_EQUAL ((int64_t) s, ws);
  CU_ASSERT_EQUAL (*cnt, wcnt);
  CU_ASSERT_EQUAL (it[0], wi);
}

static void
test_store_then_load_elsewhere (void)
{
  static int64_t cnt1, cnt2;
  int64_t it1[2] = { 0, 100 }, it2[2] = { 5, 1000 };
  built a, b;
  compile_one (&a, &cnt1, it1, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_stores, 1);
  CU_ASSERT_EQUAL (a.info.disk_hits, 0);
  CU_ASSERT_EQUAL (a.info.disk_errors, 0);
  CU_ASSERT_EQUAL (a.info.contexts, 1);
  CU_ASSERT_STRING_EQUAL (a.info.disk_note, "");
  int temps;
  CU_ASSERT_EQUAL (count_files (".key", &temps), 1);
  CU_ASSERT_EQUAL (count_files (".so", NULL), 1);
  CU_ASSERT_EQUAL (temps, 0);
  run_check (&a, &cnt1, it1, -1, 0);
  /* The same trace on other addresses: loaded, not compiled. */
  compile_one (&b, &cnt2, it2, -1, 1, 0);
  CU_ASSERT_EQUAL (b.info.disk_hits, 1);
  CU_ASSERT_EQUAL (b.info.disk_stores, 0);
  CU_ASSERT_EQUAL (b.info.contexts, 0);
  CU_ASSERT_EQUAL (count_files (".key", &temps), 1);
  CU_ASSERT_EQUAL (temps, 0);
  CU_ASSERT (b.c.code_bytes > 0);
  int64_t before1 = cnt1, before_i1 = it1[0];
  run_check (&b, &cnt2, it2, -1, 7);
  CU_ASSERT_EQUAL (cnt1, before1);        /* a's cells untouched */
  CU_ASSERT_EQUAL (it1[0], before_i1);
  /* a still runs on its own tables (b's load did not share them). */
  it1[0] = 3;
  it1[1] = 50;
  int64_t before2 = cnt2;
  run_check (&a, &cnt1, it1, -1, 1);
  CU_ASSERT_EQUAL (cnt2, before2);
  /* And b once more, after a ran. */
  it2[0] = 0;
  it2[1] = 10;
  run_check (&b, &cnt2, it2, -1, 0);
  drop (&a);
  drop (&b);
  /* A third, after both were released: still a hit. */
  built c;
  compile_one (&c, &cnt1, it1, -1, 1, 0);
  CU_ASSERT_EQUAL (c.info.disk_hits, 1);
  it1[0] = 0;
  it1[1] = 20;
  run_check (&c, &cnt1, it1, -1, 0);
  drop (&c);
}

static void
test_other_keys (void)
{
  static int64_t cnt;
  int64_t it[2] = { 0, 100 };
  int before = count_files (".key", NULL);
  built a, b, c;
  /* k is an immediate of the code: another key. */
  compile_one (&a, &cnt, it, 40, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_stores, 1);
  CU_ASSERT_EQUAL (a.info.disk_hits, 0);
  run_check (&a, &cnt, it, 40, 0);
  /* Other compiler options: another key. */
  it[0] = 0;
  compile_one (&b, &cnt, it, 40, 2, 0);
  CU_ASSERT_EQUAL (b.info.disk_stores, 1);
  CU_ASSERT_EQUAL (b.info.disk_hits, 0);
  run_check (&b, &cnt, it, 40, 0);
  CU_ASSERT_EQUAL (count_files (".key", NULL), before + 2);
  /* Each again: hits. */
  it[0] = 0;
  compile_one (&c, &cnt, it, 40, 2, 0);
  CU_ASSERT_EQUAL (c.info.disk_hits, 1);
  run_check (&c, &cnt, it, 40, 0);
  drop (&a);
  drop (&b);
  drop (&c);
}

/* A fresh directory with one stored entry of the trace; its files. */
static void
fresh_entry (char *key, char *so, size_t len)
{
  fresh_dir ();
  static int64_t cnt;
  int64_t it[2] = { 0, 10 };
  built a;
  compile_one (&a, &cnt, it, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_stores, 1);
  drop (&a);
  CU_ASSERT_FATAL (find_file (".key", key, len) == 0);
  CU_ASSERT_FATAL (find_file (".so", so, len) == 0);
}

static void
test_broken_entry_replaced (void)
{
  char key[512], so[512];
  static int64_t cnt;
  int64_t it[2] = { 0, 30 };
  for (int how = 0; how < 3; how++)
    {
      fresh_entry (key, so, sizeof key);
      if (how == 0)
        CU_ASSERT (truncate (so, 100) == 0)     /* not an object any more */
      else if (how == 1)
        CU_ASSERT (unlink (so) == 0)            /* gone */
      else
        {
          /* One byte changed in the middle: dlopen would take it. */
          struct stat st;
          CU_ASSERT_FATAL (stat (so, &st) == 0);
          int fd = open (so, O_RDWR);
          CU_ASSERT_FATAL (fd >= 0);
          unsigned char c;
          CU_ASSERT (pread (fd, &c, 1, st.st_size / 2) == 1);
          c ^= 0x40;
          CU_ASSERT (pwrite (fd, &c, 1, st.st_size / 2) == 1);
          close (fd);
        }
      built a, b;
      compile_one (&a, &cnt, it, -1, 1, 0);
      CU_ASSERT_EQUAL (a.info.disk_errors, 1);
      CU_ASSERT_EQUAL (a.info.disk_stores, 1);   /* stored anew */
      CU_ASSERT_EQUAL (a.info.disk_hits, 0);
      CU_ASSERT (strstr (a.info.disk_note, "compiled again") != NULL);
      if (how == 2)
        CU_ASSERT (strstr (a.info.disk_note, "checksum") != NULL);
      it[0] = 0;
      run_check (&a, &cnt, it, -1, 0);
      compile_one (&b, &cnt, it, -1, 1, 0);
      CU_ASSERT_EQUAL (b.info.disk_hits, 1);
      CU_ASSERT_EQUAL (b.info.disk_errors, 0);
      it[0] = 0;
      run_check (&b, &cnt, it, -1, 0);
      drop (&a);
      drop (&b);
    }
}

static void
test_collision_compiles (void)
{
  char key[512], so[512];
  fresh_entry (key, so, sizeof key);
  int fd = open (key, O_WRONLY | O_TRUNC);
  CU_ASSERT_FATAL (fd >= 0);
  CU_ASSERT (write (fd, "another key\n", 12) == 12);
  close (fd);
  static int64_t cnt;
  int64_t it[2] = { 0, 30 };
  built a;
  compile_one (&a, &cnt, it, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_hits, 0);
  CU_ASSERT_EQUAL (a.info.disk_stores, 0);
  CU_ASSERT_EQUAL (a.info.disk_errors, 1);
  CU_ASSERT_EQUAL (a.info.contexts, 1);          /* compiled as usual */
  CU_ASSERT (strstr (a.info.disk_note, "another key") != NULL);
  run_check (&a, &cnt, it, -1, 0);
  drop (&a);
  size_t n;
  FILE *f = fopen (key, "r");
  char buf[64] = { 0 };
  n = f ? fread (buf, 1, sizeof buf - 1, f) : 0;
  if (f)
    fclose (f);
  CU_ASSERT_EQUAL (n, 12);                       /* left alone */
  CU_ASSERT_STRING_EQUAL (buf, "another key\n");
}

static void
test_unusable_directory (void)
{
  fresh_dir ();
  static int64_t cnt;
  int64_t it[2] = { 0, 30 };
  built a;
  /* Writable by others: its code could be anyone's. */
  CU_ASSERT (chmod (dir, 0777) == 0);
  compile_one (&a, &cnt, it, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_errors, 1);
  CU_ASSERT_EQUAL (a.info.disk_stores, 0);
  CU_ASSERT (strstr (a.info.disk_note, "not this user's alone") != NULL);
  run_check (&a, &cnt, it, -1, 0);
  drop (&a);
  CU_ASSERT_EQUAL (count_files ("", NULL), 0);
  CU_ASSERT (chmod (dir, 0700) == 0);
  /* Not a directory. */
  char saved[512], file[600];
  memcpy (saved, dir, sizeof dir);
  snprintf (file, sizeof file, "%.500s/plain", saved);
  FILE *f = fopen (file, "w");
  CU_ASSERT_FATAL (f != NULL);
  fclose (f);
  snprintf (dir, sizeof dir, "%.500s", file);
  it[0] = 0;
  compile_one (&a, &cnt, it, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_errors, 1);
  CU_ASSERT (strstr (a.info.disk_note, "not a directory") != NULL);
  run_check (&a, &cnt, it, -1, 0);
  drop (&a);
  memcpy (dir, saved, sizeof dir);
  unlink (file);
  /* Missing: made, mode 0700. */
  char sub[600];
  snprintf (sub, sizeof sub, "%.500s/new", saved);
  snprintf (dir, sizeof dir, "%.500s", sub);
  it[0] = 0;
  compile_one (&a, &cnt, it, -1, 1, 0);
  CU_ASSERT_EQUAL (a.info.disk_errors, 0);
  CU_ASSERT_EQUAL (a.info.disk_stores, 1);
  struct stat st;
  CU_ASSERT (stat (sub, &st) == 0 && S_ISDIR (st.st_mode)
             && (st.st_mode & 0777) == 0700);
  run_check (&a, &cnt, it, -1, 0);
  drop (&a);
  remove_dir ();
  memcpy (dir, saved, sizeof dir);
}

static void
test_failed_compile_stores_nothing (void)
{
  fresh_dir ();
  static int64_t cnt;
  int64_t it[2] = { 0, 30 };
  for (int inject = JC_EMIT_FAIL_EMIT; inject <= JC_EMIT_FAIL_COMPILE;
       inject++)
    {
      built a;
      compile_one (&a, &cnt, it, -1, 1, inject);
      CU_ASSERT_FALSE (a.ok);
      CU_ASSERT (a.err[0] != 0);
      CU_ASSERT_EQUAL (a.info.disk_stores, 0);
      CU_ASSERT_EQUAL (a.info.disk_hits, 0);
      drop (&a);
      int temps;
      CU_ASSERT_EQUAL (count_files ("", &temps), 0);
      CU_ASSERT_EQUAL (temps, 0);
    }
}

/* Bytes of the files of dir named H.key and H.so. */
static uint64_t
dir_bytes (void)
{
  DIR *d = opendir (dir);
  uint64_t n = 0;
  if (!d)
    return 0;
  struct dirent *de;
  char p[1024];
  while ((de = readdir (d)) != NULL)
    {
      struct stat st;
      snprintf (p, sizeof p, "%.500s/%.255s", dir, de->d_name);
      if (de->d_name[0] != '.' && stat (p, &st) == 0)
        n += (uint64_t) st.st_size;
    }
  closedir (d);
  return n;
}

/* The size limit: after a store past it the least recently used entries
 * go until three quarters of it is left; a load counts as a use. */
static void
test_size_limit (void)
{
  fresh_dir ();
  static int64_t cnt;
  int64_t it[2] = { 0, 30 };
  built t;
  compile_one (&t, &cnt, it, 1, 1, 0);              /* A */
  CU_ASSERT_EQUAL (t.info.disk_stores, 1);
  drop (&t);
  uint64_t one = dir_bytes ();
  CU_ASSERT_FATAL (one > 0);
  cap_bytes = one * 7 / 2;                          /* room for 3.5 */
  compile_one (&t, &cnt, it, 2, 1, 0);              /* B */
  CU_ASSERT_EQUAL (t.info.disk_evicted, 0);
  drop (&t);
  compile_one (&t, &cnt, it, 3, 1, 0);              /* C */
  CU_ASSERT_EQUAL (t.info.disk_evicted, 0);
  drop (&t);
  CU_ASSERT_EQUAL (count_files (".key", NULL), 3);
  it[0] = 0;
  compile_one (&t, &cnt, it, 1, 1, 0);              /* A again: used now */
  CU_ASSERT_EQUAL (t.info.disk_hits, 1);
  run_check (&t, &cnt, it, 1, 0);
  drop (&t);
  it[0] = 0;
  compile_one (&t, &cnt, it, 4, 1, 0);              /* D: past the limit */
  CU_ASSERT_EQUAL (t.info.disk_stores, 1);
  CU_ASSERT_EQUAL (t.info.disk_evicted, 2);         /* B and C */
  run_check (&t, &cnt, it, 4, 0);
  drop (&t);
  CU_ASSERT (dir_bytes () <= cap_bytes / 4 * 3);
  CU_ASSERT_EQUAL (count_files (".key", NULL), 2);
  CU_ASSERT_EQUAL (count_files (".so", NULL), 2);
  static const struct { int64_t k; int hit; } after[] = {
    { 1, 1 }, { 4, 1 }, { 2, 0 },
  };
  for (int i = 0; i < 3; i++)
    {
      it[0] = 0;
      compile_one (&t, &cnt, it, after[i].k, 1, 0);
      CU_ASSERT_EQUAL (t.info.disk_hits, after[i].hit);
      run_check (&t, &cnt, it, after[i].k, 0);
      drop (&t);
    }
  cap_bytes = 0;
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "store_then_load_elsewhere", test_store_then_load_elsewhere },
    { "other_keys", test_other_keys },
    { "broken_entry_replaced", test_broken_entry_replaced },
    { "collision_compiles", test_collision_compiles },
    { "unusable_directory", test_unusable_directory },
    { "failed_compile_stores_nothing", test_failed_compile_stores_nothing },
    { "size_limit", test_size_limit },
    { NULL, NULL }
  };
  return JC_SUITE ("disk_cache", make_dir, remove_dir, tests);
}
