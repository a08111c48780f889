/* disk_cache.c -- the persistent code cache's files; see disk_cache.h for
 * the layout and what makes a hit safe. */
#define _GNU_SOURCE
#include "config.h"
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "disk_cache.h"

int
jc_disk_dir_ok (const char *dir, char *note, size_t len)
{
  struct stat st;
  if (stat (dir, &st) != 0)
    {
      if (errno != ENOENT || mkdir (dir, 0700) != 0 || stat (dir, &st) != 0)
        return snprintf (note, len, "cache directory %s: %s", dir,
                         strerror (errno)), -1;
    }
  if (!S_ISDIR (st.st_mode))
    return snprintf (note, len, "cache directory %s is not a directory",
                     dir), -1;
  if (st.st_uid != geteuid () || (st.st_mode & (S_IWGRP | S_IWOTH)))
    return snprintf (note, len, "cache directory %s is not this user's "
                     "alone (its code would be run): not used", dir), -1;
  return 0;
}

int
jc_disk_temp_path (const char *dir, const char *suffix, char *out,
                    size_t len)
{
  static unsigned seq;
  unsigned n = __atomic_add_fetch (&seq, 1, __ATOMIC_RELAXED);
  int k = snprintf (out, len, "%s/.tmp-%ld-%u%s", dir, (long) getpid (), n,
                    suffix);
  return k < 0 || (size_t) k >= len ? -1 : 0;
}

char *
jc_disk_read_file (const char *path, size_t *len)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  char *buf = NULL;
  if (fstat (fd, &st) == 0 && st.st_size >= 0
      && (buf = malloc ((size_t) st.st_size + 1)) != NULL)
    {
      size_t got = 0, want = (size_t) st.st_size;
      while (got < want)
        {
          ssize_t r = read (fd, buf + got, want - got);
          if (r <= 0)
            break;
          got += (size_t) r;
        }
      if (got != want)
        {
          free (buf);
          buf = NULL;
        }
      else
        {
          buf[got] = 0;
          *len = got;
        }
    }
  close (fd);
  return buf;
}

uint64_t
jc_disk_hash (const char *p, size_t n)
{
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char) p[i]) * 0x100000001b3ull;
  return h;
}

static int
write_all (int fd, const char *p, size_t n)
{
  while (n)
    {
      ssize_t w = write (fd, p, n);
      if (w <= 0)
        return -1;
      p += w;
      n -= (size_t) w;
    }
  return 0;
}

/* Write buf to a new temporary file of dir; its path in out. */
static int
write_temp (const char *dir, const char *suffix, const char *buf, size_t n,
            char *out, size_t len)
{
  if (jc_disk_temp_path (dir, suffix, out, len) != 0)
    return -1;
  int fd = open (out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  int rc = write_all (fd, buf, n);
  if (close (fd) != 0)
    rc = -1;
  if (rc != 0)
    unlink (out);
  return rc;
}

static void
entry_path (const char *dir, uint64_t h, const char *ext, char *out,
            size_t len)
{
  snprintf (out, len, "%s/%016" PRIx64 ".%s", dir, h, ext);
}

/* dlopen path's code, then remove path. */
static void *
open_private (const char *path, char *note, size_t len)
{
  void *dl = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  if (!dl)
    {
      const char *m = dlerror ();
      snprintf (note, len, "cached code unusable: %s", m ? m : "dlopen failed");
    }
  unlink (path);
  return dl;
}

/* Remove key h's entry (the key first: a reader that finds it must find
 * the object). */
static void
remove_entry (const char *dir, uint64_t h)
{
  char path[512];
  entry_path (dir, h, "key", path, sizeof path);
  unlink (path);
  entry_path (dir, h, "so", path, sizeof path);
  unlink (path);
}

void *
jc_disk_load (const char *dir, uint64_t h, const char *key, size_t keylen,
               int *replace, char *note, size_t len)
{
  char path[512];
  note[0] = 0;
  *replace = 0;
  entry_path (dir, h, "key", path, sizeof path);
  size_t klen;
  char *k = jc_disk_read_file (path, &klen);
  if (!k)
    return NULL;                /* a miss */
  /* The key, then the object's checksum line (jc_disk_store). */
  unsigned long long osum = 0, osize = 0;
  int same = klen > keylen && memcmp (k, key, keylen) == 0
             && sscanf (k + keylen, "#object %16llx %llu\n", &osum,
                        &osize) == 2;
  free (k);
  if (!same)
    {
      snprintf (note, len, "%016" PRIx64 ".key holds another key (a hash "
                "collision): compiled, not cached", h);
      return NULL;
    }
  entry_path (dir, h, "so", path, sizeof path);
  size_t n;
  char *so = jc_disk_read_file (path, &n);
  if (!so)
    {
      snprintf (note, len, "%016" PRIx64 ".so is missing: compiled again",
                h);
      remove_entry (dir, h);
      *replace = 1;
      return NULL;
    }
  if (n != osize || jc_disk_hash (so, n) != osum)
    {
      free (so);
      snprintf (note, len, "%016" PRIx64 ".so does not match its key's "
                "checksum: compiled again", h);
      remove_entry (dir, h);
      *replace = 1;
      return NULL;
    }
  char tmp[512];
  int rc = write_temp (dir, ".so", so, n, tmp, sizeof tmp);
  free (so);
  if (rc != 0)
    {
      snprintf (note, len, "cannot copy cached code in %s: %s", dir,
                strerror (errno));
      return NULL;
    }
  void *dl = open_private (tmp, note, len);
  if (!dl)
    {
      size_t n = strlen (note);
      snprintf (note + n, len - n, " (%016" PRIx64 ".so): compiled again", h);
      remove_entry (dir, h);
      *replace = 1;
    }
  return dl;
}

void *
jc_disk_store (const char *dir, uint64_t h, const char *key, size_t keylen,
                const char *so_tmp, int *stored, char *note, size_t len)
{
  char so[512], kp[512], ktmp[512];
  note[0] = 0;
  *stored = 0;
  entry_path (dir, h, "so", so, sizeof so);
  entry_path (dir, h, "key", kp, sizeof kp);
  /* Publish before loading: the loaded file goes away.  An H.so without
   * its H.key (a writer that died between the two) is replaced. */
  int linked = link (so_tmp, so) == 0;
  if (!linked && errno == EEXIST && access (kp, F_OK) != 0 && errno == ENOENT)
    linked = unlink (so) == 0 && link (so_tmp, so) == 0;
  int link_errno = linked ? 0 : errno;
  size_t on = 0;
  char *obj = linked ? jc_disk_read_file (so_tmp, &on) : NULL;
  char *kf = obj ? malloc (keylen + 64) : NULL;
  if (kf)
    {
      /* The key, then the object's checksum: a load that reads other bytes
       * (a disk that lost some) refuses them. */
      memcpy (kf, key, keylen);
      int t = snprintf (kf + keylen, 64, "#object %016" PRIx64 " %zu\n",
                        jc_disk_hash (obj, on), on);
      if (t <= 0 || t >= 64)
        {
          free (kf);
          kf = NULL;
        }
      else
        on = keylen + (size_t) t;
    }
  free (obj);
  if (linked && !kf)
    {
      snprintf (note, len, "cannot read back %s", so_tmp);
      unlink (so);
    }
  else if (linked)
    {
      if (write_temp (dir, ".key", kf, on, ktmp, sizeof ktmp) == 0
          && rename (ktmp, kp) == 0)
        *stored = 1;
      else
        {
          snprintf (note, len, "cannot write %s: %s", kp, strerror (errno));
          unlink (ktmp);
          unlink (so);
        }
    }
  else if (link_errno != EEXIST)
    snprintf (note, len, "cannot write %s: %s", so, strerror (link_errno));
  free (kf);
  /* The private mapping: so_tmp's inode is now also H.so's, but no later
   * load maps H.so itself (jc_disk_load copies it). */
  char onote[256];
  void *dl = open_private (so_tmp, onote, sizeof onote);
  if (!dl)
    snprintf (note, len, "%s", onote);
  return dl;
}

void
jc_disk_touch (const char *dir, uint64_t h)
{
  char path[512];
  entry_path (dir, h, "key", path, sizeof path);
  utimensat (AT_FDCWD, path, NULL, 0);
}

/* One H.key or H.so file of the directory; after grouping by h (trim),
 * one entry: bytes of both files, used the key's time (or the object's
 * when the key is missing). */
typedef struct disk_entry {
  uint64_t h;
  uint64_t bytes;
  struct timespec used;
  int is_key;
} disk_entry;

static int
by_hash_key_first (const void *a, const void *b)
{
  const disk_entry *x = a, *y = b;
  if (x->h != y->h)
    return x->h < y->h ? -1 : 1;
  return y->is_key - x->is_key;
}

static int
older (const void *a, const void *b)
{
  const disk_entry *x = a, *y = b;
  if (x->used.tv_sec != y->used.tv_sec)
    return x->used.tv_sec < y->used.tv_sec ? -1 : 1;
  if (x->used.tv_nsec != y->used.tv_nsec)
    return x->used.tv_nsec < y->used.tv_nsec ? -1 : 1;
  return x->h < y->h ? -1 : x->h > y->h;
}

/* H from a file name "H.key" / "H.so" (16 lowercase hex digits), or -1. */
static int
entry_name (const char *name, uint64_t *h, int *is_key)
{
  uint64_t v = 0;
  int i;
  for (i = 0; i < 16; i++)
    {
      char c = name[i];
      if (c >= '0' && c <= '9')
        v = v << 4 | (uint64_t) (c - '0');
      else if (c >= 'a' && c <= 'f')
        v = v << 4 | (uint64_t) (c - 'a' + 10);
      else
        return -1;
    }
  if (strcmp (name + 16, ".key") == 0)
    *is_key = 1;
  else if (strcmp (name + 16, ".so") == 0)
    *is_key = 0;
  else
    return -1;
  *h = v;
  return 0;
}

uint32_t
jc_disk_trim (const char *dir, uint64_t max, uint64_t keep)
{
  if (!max)
    return 0;
  DIR *d = opendir (dir);
  if (!d)
    return 0;
  disk_entry *e = NULL;
  size_t n = 0, cap = 0;
  uint64_t total = 0;
  time_t now = time (NULL);
  struct dirent *de;
  while ((de = readdir (d)) != NULL)
    {
      struct stat st;
      if (fstatat (dirfd (d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISREG (st.st_mode))
        continue;
      if (strncmp (de->d_name, ".tmp-", 5) == 0)
        {
          /* A writer that died: nobody renames it any more. */
          if (st.st_mtime < now - 3600)
            unlinkat (dirfd (d), de->d_name, 0);
          continue;
        }
      uint64_t h;
      int is_key;
      if (entry_name (de->d_name, &h, &is_key) != 0)
        continue;
      total += (uint64_t) st.st_size;
      if (n == cap)
        {
          size_t nc = cap ? 2 * cap : 64;
          disk_entry *ne = realloc (e, nc * sizeof *ne);
          if (!ne)
            break;
          e = ne;
          cap = nc;
        }
      e[n].h = h;
      e[n].bytes = (uint64_t) st.st_size;
      e[n].used = st.st_mtim;
      e[n].is_key = is_key;
      n++;
    }
  closedir (d);
  /* Files to entries: each key with its object (sorted, key first). */
  if (n)
    qsort (e, n, sizeof *e, by_hash_key_first);
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    if (m && e[m - 1].h == e[k].h)
      e[m - 1].bytes += e[k].bytes;
    else
      e[m++] = e[k];
  n = m;
  uint32_t removed = 0;
  if (total > max)
    {
      qsort (e, n, sizeof *e, older);
      for (size_t k = 0; k < n && total > max / 4 * 3; k++)
        {
          if (e[k].h == keep)
            continue;
          remove_entry (dir, e[k].h);
          total -= e[k].bytes;
          removed++;
        }
    }
  free (e);
  return removed;
}
