/* disk_cache.h -- the persistent code cache's files (disk_cache.c): a
 * directory of compiled traces that survives the process, so that a trace
 * the host selects again in a later run (the same program, the same host
 * build) is loaded from disk in about a millisecond instead of compiled in
 * 50-300.
 *
 * The key is the whole text libgccjit would compile: the backend
 * (emit_gccjit.c, "Disk cache") builds the trace's context as for a
 * compile, dumps it as C-like text, and prefixes the compiler's version
 * and options.  The cached code holds no address of this process -- host
 * objects, host pointers and helpers are all read from tables the loader
 * fills from the trace being compiled now -- so two traces with equal keys
 * run the same code on their own constants, and a key compared byte for
 * byte (not only its hash) makes a wrong hit impossible.
 *
 * Files in DIR, for a key K with 64-bit FNV-1a hash H (16 hex digits):
 *     H.key   K itself, then a line "#object SUM SIZE" (the object's
 *             FNV-1a hash and size: a load checks the bytes it maps)
 *     H.so    the shared object libgccjit made of K's context
 * Both appear by link()/rename() of complete files written under
 * temporary names, .so first, so a reader that finds H.key finds all of
 * H.so; two processes storing one key race harmlessly.  Every load maps a
 * private copy of H.so (its tables are writable data: two live traces
 * must never share them, and dlopen would hand back one mapping for one
 * inode).  DIR must belong to this user and not be writable by others:
 * loading from it runs its code. */
#ifndef JC_DISK_CACHE_H
#define JC_DISK_CACHE_H

#include <stddef.h>
#include <stdint.h>
#ifndef JC_HIDDEN
# define JC_HIDDEN __attribute__((visibility("hidden")))
#endif

/* Check (or create, mode 0700) dir.  0, or -1 with the reason in note. */
JC_HIDDEN int jc_disk_dir_ok (const char *dir, char *note, size_t len);

/* A unique temporary path in dir ending with suffix (".so", ".c", ...);
 * -1 when it does not fit out. */
JC_HIDDEN int jc_disk_temp_path (const char *dir, const char *suffix,
                                  char *out, size_t len);

/* Read a whole file: a malloc'd, NUL-terminated buffer and its length, or
 * NULL. */
JC_HIDDEN char *jc_disk_read_file (const char *path, size_t *len);

/* FNV-1a, 64 bits. */
JC_HIDDEN uint64_t jc_disk_hash (const char *p, size_t n);

/* Key (hash h) in dir: the dlopen handle of a private copy of its code;
 * NULL when there is none (note empty) or it cannot be used (note says
 * why).  An entry of this key that cannot be used (its object missing,
 * truncated, not loadable) is removed and *replace set: the caller may
 * store a new one.  A different key under the same hash is left alone. */
JC_HIDDEN void *jc_disk_load (const char *dir, uint64_t h, const char *key,
                               size_t keylen, int *replace, char *note,
                               size_t len);

/* Publish the shared object at so_tmp (a jc_disk_temp_path of dir) as
 * key's code and dlopen it: the handle, or NULL with the reason in note.
 * so_tmp is gone afterwards either way.  *stored tells whether this call
 * published it (0: it was already there, or the publish failed; the
 * handle is still good). */
JC_HIDDEN void *jc_disk_store (const char *dir, uint64_t h, const char *key,
                                size_t keylen, const char *so_tmp,
                                int *stored, char *note, size_t len);

/* Mark key h's entry as used now (its .key file's time): trimming removes
 * the entries used least recently first. */
JC_HIDDEN void jc_disk_touch (const char *dir, uint64_t h);

/* When dir's entries take more than max bytes, remove the least recently
 * used (stored or loaded) until they take at most three quarters of max,
 * never key keep's; temporary files of writers older than an hour go too.
 * Returns the entries removed. */
JC_HIDDEN uint32_t jc_disk_trim (const char *dir, uint64_t max,
                                 uint64_t keep);

#endif /* JC_DISK_CACHE_H */
