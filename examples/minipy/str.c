/* str.c -- immutable UTF-8 strings (length in code points, ASCII fast
 * paths), interning, repr with CPython's quoting, the string builder, str
 * methods, and bytes basics. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "object.h"
#include "unicode.h"

static uint32_t next_cp(const unsigned char *p, int64_t *i);

Obj *mp_str_format_impl(Obj **args, int n, Obj *kwnames, Obj *fmt, int *auto_idx);

Obj *mp_str_new(const char *s, int64_t len)
{
    if (len == 1 && (unsigned char)s[0] < 128 && mp.chars[(unsigned char)s[0]]) return incref(mp.chars[(unsigned char)s[0]]);
    if (len == 0 && mp.empty_str) return incref(mp.empty_str);
    Str *o = mp_alloc(&mp_str_type, sizeof(Str) + len + 1);
    o->len = len;
    if (s) memcpy(o->s, s, len);
    o->s[len] = 0;
    o->hash = -1;
    int64_t c = 0, ascii = 1, i = 0;
    for (; i + 8 <= len; i += 8) {      /* ASCII runs a word at a time */
        uint64_t w;
        memcpy(&w, o->s + i, 8);
        if (w & 0x8080808080808080ULL) break;
    }
    c = i;
    for (; i < len; i++) {
        unsigned char ch = (unsigned char)o->s[i];
        if (ch >= 0x80) { ascii = 0; if ((ch & 0xC0) != 0x80) c++; } else c++;
    }
    o->clen = c; o->ascii = (int)ascii;
    return (Obj *)o;
}

Obj *mp_str_c(const char *s) { return mp_str_new(s, (int64_t)strlen(s)); }

Obj *mp_str_fmt(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < (int)sizeof buf) return mp_str_new(buf, n);
    char *big = malloc(n + 1);
    va_start(ap, fmt);
    vsnprintf(big, n + 1, fmt, ap);
    va_end(ap);
    Obj *r = mp_str_new(big, n);
    free(big);
    return r;
}

static Obj *interned;

Obj *mp_str_intern(const char *s)
{
    if (!interned) interned = mp_dict_new();
    Obj *k = mp_str_c(s);
    Obj *v = mp_dict_get(interned, k);
    if (v) { decref(k); return v; }
    k->rc = MP_IMMORTAL;
    mp_dict_set(interned, k, k);
    return k;
}

int64_t mp_str_hash(Obj *o)
{
    Str *s = (Str *)o;
    if (s->hash != -1) return s->hash;
    uint64_t h = 14695981039346656037ULL;
    for (int64_t i = 0; i < s->len; i++) h = (h ^ (unsigned char)s->s[i]) * 1099511628211ULL;
    int64_t r = (int64_t)(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

int mp_str_eq(Obj *a, Obj *b)
{
    if (a == b) return 1;
    Str *x = (Str *)a, *y = (Str *)b;
    if (x->len != y->len) return 0;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return 0;
    return !memcmp(x->s, y->s, x->len);
}

int mp_str_eqc(Obj *a, const char *s) { return IS_STR(a) && !strcmp(SS(a), s); }

int mp_str_cmp(Obj *a, Obj *b)
{
    Str *x = (Str *)a, *y = (Str *)b;
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c) return c < 0 ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
}

Obj *mp_str_concat(Obj *a, Obj *b)
{
    if (SLEN(a) == 0) return incref(b);
    if (SLEN(b) == 0) return incref(a);
    Obj *parts[2] = { a, b };
    return mp_str_join_n(parts, 2);
}

/* a + b where the caller holds a's only reference, which it gives up: b's
 * bytes go in a's own block when it has room (a's hash and lengths are
 * updated: nothing else sees a), else into a new str with a quarter more
 * room, so that a loop of s += t copies each byte O(1) times (CPython
 * resizes in place for the same reason). */
Obj *mp_str_append(Obj *a, Obj *b)
{
    Str *s = (Str *)a, *t = (Str *)b;
    int64_t len = s->len + t->len;
    if (t->len == 0) return a;
    if (s->len == 0 || len <= 1) { decref(a); return mp_str_concat(mp.empty_str, b); }
    if ((int64_t)mp_alloc_room(a) - (int64_t)offsetof(Str, s) - 1 < len) {
        int64_t room = len + len / 4 + 16;
        Str *o = mp_alloc(&mp_str_type, offsetof(Str, s) + (size_t)room + 1);
        if (!o) { decref(a); return NULL; }
        memcpy(o->s, s->s, (size_t)s->len);
        o->len = s->len; o->clen = s->clen; o->ascii = s->ascii;
        decref(a);
        s = o;
    }
    memcpy(s->s + s->len, t->s, (size_t)t->len);
    s->s[len] = 0;
    s->len = len; s->clen += t->clen; s->ascii &= t->ascii; s->hash = -1;
    return (Obj *)s;
}

/* The concatenation of the n strs at parts (BUILD_STRING: an f-string's
 * pieces), allocated once at its final size; its length in code points and
 * ASCII flag come from the parts' (no rescan of the bytes, no builder). */
Obj *mp_str_join_n(Obj **parts, int n)
{
    int64_t len = 0, clen = 0;
    int ascii = 1;
    for (int i = 0; i < n; i++) {
        Str *p = (Str *)parts[i];
        len += p->len; clen += p->clen; ascii &= p->ascii;
    }
    if (len <= 1) {     /* the shared empty and one-character strings, as mp_str_new gives */
        for (int i = 0; i < n; i++) if (SLEN(parts[i])) return mp_str_new(SS(parts[i]), 1);
        return mp_str_new("", 0);
    }
    Str *o = mp_alloc(&mp_str_type, sizeof(Str) + len + 1);
    if (!o) return NULL;
    char *d = o->s;
    for (int i = 0; i < n; i++) { int64_t k = SLEN(parts[i]); memcpy(d, SS(parts[i]), k); d += k; }
    *d = 0;
    o->len = len; o->clen = clen; o->ascii = ascii; o->hash = -1;
    return (Obj *)o;
}

Obj *mp_str_mul(Obj *s, int64_t n)
{
    if (n <= 0) return mp_str_c("");
    if (n == 1) return incref(s);
    SB b = {0};
    for (int64_t i = 0; i < n; i++) sb_add(&b, SS(s), SLEN(s));
    return sb_finish(&b);
}

Obj *mp_str_repr(Obj *o)
{
    const char *s = SS(o);
    int64_t n = SLEN(o);
    int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    SB b = {0};
    sb_addc(&b, q);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') { sb_addc(&b, '\\'); sb_addc(&b, c); }
        else if (c == '\n') sb_adds(&b, "\\n");
        else if (c == '\t') sb_adds(&b, "\\t");
        else if (c == '\r') sb_adds(&b, "\\r");
        else if (c < 0x20 || c == 0x7f) { char buf[8]; snprintf(buf, sizeof buf, "\\x%02x", c); sb_adds(&b, buf); }
        else if (c >= 0x80) {
            /* not printable (Unicode's Other and Separator categories but
             * the space): \xhh, \uhhhh or \Uhhhhhhhh, as CPython */
            int64_t j = i;
            uint32_t cp = next_cp((const unsigned char *)s, &j);
            if (mp_uni_flags(cp) & U_PRINTABLE) sb_add(&b, s + i, j - i);
            else {
                char buf[16];
                snprintf(buf, sizeof buf, cp <= 0xff ? "\\x%02x" : cp <= 0xffff ? "\\u%04x" : "\\U%08x", cp);
                sb_adds(&b, buf);
            }
            i = j - 1;
        }
        else sb_addc(&b, c);
    }
    sb_addc(&b, q);
    return sb_finish(&b);
}

/* ---- string builder ---- */

void sb_add(SB *b, const char *s, int64_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        if (b->cap < 64) b->cap = 64;
        b->s = realloc(b->s, b->cap);
    }
    if (n) memcpy(b->s + b->n, s, n);
    b->n += n;
}
void sb_adds(SB *b, const char *s) { sb_add(b, s, (int64_t)strlen(s)); }
void sb_addc(SB *b, char c) { sb_add(b, &c, 1); }
void sb_addo(SB *b, Obj *s) { if (IS_STR(s)) sb_add(b, SS(s), SLEN(s)); }
Obj *sb_finish(SB *b)
{
    Obj *r = mp_str_new(b->s ? b->s : "", b->n);
    free(b->s);
    b->s = NULL; b->n = b->cap = 0;
    return r;
}
void sb_free(SB *b) { free(b->s); b->s = NULL; b->n = b->cap = 0; }

/* ---- indexing (code points) ---- */

static int64_t cp_offset(Obj *s, int64_t idx)
{
    if (((Str *)s)->ascii) return idx;
    const char *p = SS(s);
    int64_t i = 0, c = 0;
    while (i < SLEN(s) && c < idx) { i++; while (i < SLEN(s) && (p[i] & 0xC0) == 0x80) i++; c++; }
    return i;
}

static Obj *substr(Obj *s, int64_t a, int64_t b)
{
    int64_t x = cp_offset(s, a), y = cp_offset(s, b);
    return mp_str_new(SS(s) + x, y - x);
}

Obj *mp_str_getitem(Obj *s, Obj *k)
{
    int64_t n = ((Str *)s)->clen;
    if (IS(k, slice)) {
        int64_t a, b, c;
        if (mp_slice_indices(k, n, &a, &b, &c) < 0) return NULL;
        if (c == 1) return substr(s, a, b > a ? b : a);
        SB sb = {0};
        for (int64_t i = a; c > 0 ? i < b : i > b; i += c) {
            int64_t x = cp_offset(s, i), y = cp_offset(s, i + 1);
            sb_add(&sb, SS(s) + x, y - x);
        }
        return sb_finish(&sb);
    }
    int ok;
    int64_t i = mp_index(k, &ok);
    if (!ok) {
        mp_err_clear();
        return mp_err(&mp_exc_TypeError, "string indices must be integers, not '%s'", mp_type_name(k));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return mp_err(&mp_exc_IndexError, "string index out of range");
    return substr(s, i, i + 1);
}

Obj *mp_str_iter_next(SeqIter *it)
{
    Obj *s = it->seq;
    if (it->i >= SLEN(s)) return NULL;
    int64_t st = it->i++;
    while (it->i < SLEN(s) && (SS(s)[it->i] & 0xC0) == 0x80) it->i++;
    return mp_str_new(SS(s) + st, it->i - st);
}

int mp_str_contains(Obj *s, Obj *sub)
{
    if (SLEN(sub) == 0) return 1;
    return memmem(SS(s), SLEN(s), SS(sub), SLEN(sub)) != NULL;
}

Obj *mp_str_join(Obj *sep, Obj *iterable)
{
    Obj *l = mp_list_of(iterable);
    if (!l) return NULL;
    SB b = {0};
    for (int64_t i = 0; i < LN(l); i++) {
        Obj *x = LITEMS(l)[i];
        if (!IS_STR(x)) {
            sb_free(&b);
            mp_err(&mp_exc_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i, mp_type_name(x));
            decref(l);
            return NULL;
        }
        if (i) sb_add(&b, SS(sep), SLEN(sep));
        sb_add(&b, SS(x), SLEN(x));
    }
    decref(l);
    return sb_finish(&b);
}

/* ---- methods ---- */

#define SELF (mp_unwrap(args[0]))   /* subclass instances: their value */
#define ARG_STR(i, fn) do { if (!IS_STR(args[i])) return mp_err(&mp_exc_TypeError, "%s arg must be str, not %s", fn, mp_type_name(args[i])); } while (0)

static Obj *s_join(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("str.join", n - 1, 1, 1)) return NULL;
    return mp_str_join(SELF, args[1]);
}

/* bytes methods run str's on the bytes as a str (via_str): while one does,
 * characters are bytes and whitespace is ASCII's (bytes.split() and
 * .strip() as CPython's). */
static int via_bytes;

/* Whitespace as str.split()/strip() see it: Unicode's (CPython's
 * Py_UNICODE_ISSPACE: \t-\r, \x1c-\x1f, space, \x85, \xa0, U+1680, ...). */
static int space_cp(uint32_t c)
{
    if (via_bytes) return c == ' ' || (c >= 9 && c <= 13);
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return (mp_uni_flags(c) & U_SPACE) != 0;
}
/* The byte length of the whitespace character at s[i] (0: none). */
static int ws_at(const char *s, int64_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 || via_bytes) return space_cp(c);
    int64_t j = i;
    return space_cp(next_cp((const unsigned char *)s, &j)) ? (int)(j - i) : 0;
}
/* The byte length of the whitespace character ending at s[i - 1] (0: none). */
static int ws_before(const char *s, int64_t i)
{
    unsigned char c = (unsigned char)s[i - 1];
    if (c < 0x80 || via_bytes) return space_cp(c);
    int64_t k = i - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    return ws_at(s, k) == i - k ? (int)(i - k) : 0;
}
static int is_ws_at(const char *s, int64_t i) { return ws_at(s, i) > 0; }

/* Is the character of s at [i, i + n) one of chars (code points)? */
static int in_chars(const char *s, int64_t i, int64_t n, Obj *chars)
{
    const char *c = SS(chars);
    int64_t nc = SLEN(chars);
    if (via_bytes || n == 1) return memchr(c, s[i], nc) != NULL && (n == 1 ? (unsigned char)s[i] < 0x80 || via_bytes : 1);
    for (const char *p = c; (p = memchr(p, s[i], nc - (p - c))) != NULL; p++)
        if (p + n <= c + nc && !memcmp(p, s + i, n)) return 1;
    return 0;
}
static int cp_len_at(const char *s, int64_t i)
{
    unsigned char c = (unsigned char)s[i];
    return via_bytes || c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}
static int cp_len_before(const char *s, int64_t i)
{
    if (via_bytes) return 1;
    int64_t k = i - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    return (int)(i - k);
}

static Obj *strip_impl(Obj **args, int n, int left, int right)
{
    const char *s = SS(SELF);
    int64_t a = 0, b = SLEN(SELF);
    Obj *chars = NULL;
    if (n > 1 && args[1] != NONE) { if (!IS_STR(args[1])) return mp_err(&mp_exc_TypeError, "strip arg must be None or str"); chars = args[1]; }
    if (left)
        while (a < b) {
            int k = chars ? cp_len_at(s, a) : ws_at(s, a);
            if (!k || (chars && !in_chars(s, a, k, chars))) break;
            a += k;
        }
    if (right)
        while (b > a) {
            int k = chars ? cp_len_before(s, b) : ws_before(s, b);
            if (!k || (chars && !in_chars(s, b - k, k, chars))) break;
            b -= k;
        }
    return mp_str_new(s + a, b - a);
}
static Obj *s_strip(Obj **args, int n, Obj *kw) { return strip_impl(args, n, 1, 1); }
static Obj *s_lstrip(Obj **args, int n, Obj *kw) { return strip_impl(args, n, 1, 0); }
static Obj *s_rstrip(Obj **args, int n, Obj *kw) { return strip_impl(args, n, 0, 1); }

/* A str of the len ASCII bytes at s (no scan for its length in code
 * points); the shared one-character strings as mp_str_new gives. */
static Obj *str_new_ascii(const char *s, int64_t len)
{
    if (len == 1 && mp.chars[(unsigned char)s[0]]) return incref(mp.chars[(unsigned char)s[0]]);
    if (len == 0 && mp.empty_str) return incref(mp.empty_str);
    Str *o = mp_alloc(&mp_str_type, sizeof(Str) + len + 1);
    if (!o) return NULL;
    memcpy(o->s, s, len);
    o->s[len] = 0;
    o->len = o->clen = len;
    o->hash = -1;
    o->ascii = 1;
    return (Obj *)o;
}

/* str.split() with no separator on an ASCII str: whitespace from a table
 * (space_cp's ASCII set), the words made without a rescan. */
static Obj *split_ascii_ws(const char *s, int64_t len, int64_t maxsplit)
{
    static const unsigned char ws[256] = {
        [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1,
        [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1,
    };
    Obj *l = mp_list_new(0);
    if (!l) return NULL;
    int64_t i = 0;
    for (;;) {
        while (i < len && ws[(unsigned char)s[i]]) i++;
        if (i >= len) break;
        int64_t st = i;
        if (maxsplit >= 0 && LN(l) == maxsplit) i = len;   /* the remainder, trailing whitespace kept */
        else while (i < len && !ws[(unsigned char)s[i]]) i++;
        Obj *p = str_new_ascii(s + st, i - st);
        if (!p) { decref(l); return NULL; }
        mp_list_append(l, p);
        decref(p);
    }
    return l;
}

static Obj *split_impl(Obj **args, int n, Obj *kw, int rev)
{
    Obj *sep = n > 1 ? args[1] : NULL;
    Obj *ms = n > 2 ? args[2] : NULL;
    if (kw) {
        Obj *v = mp_kwarg(args, n, kw, "sep"); if (v) sep = v;
        v = mp_kwarg(args, n, kw, "maxsplit"); if (v) ms = v;
        n -= (int)TN(kw);
        if (n < 2) { if (!mp_kwarg(args, n + (int)TN(kw), kw, "sep")) sep = NULL; }
    }
    int64_t maxsplit = ms && IS_INT(ms) ? IV(ms) : -1;
    if (sep == NONE) sep = NULL;
    const char *s = SS(SELF);
    int64_t len = SLEN(SELF);
    if (!sep && !rev && !via_bytes && ((Str *)SELF)->ascii) return split_ascii_ws(s, len, maxsplit);
    Obj *l = mp_list_new(0);
    if (!sep) {
        if (!rev) {
            int64_t i = 0;
            while (i < len) {
                int k;
                while (i < len && (k = ws_at(s, i)) > 0) i += k;
                if (i >= len) break;
                if (maxsplit >= 0 && LN(l) == maxsplit) {
                    /* CPython keeps trailing whitespace of the remainder */
                    Obj *p = mp_str_new(s + i, len - i); mp_list_append(l, p); decref(p);
                    break;
                }
                int64_t st = i;
                while (i < len && !is_ws_at(s, i)) i++;
                Obj *p = mp_str_new(s + st, i - st); mp_list_append(l, p); decref(p);
            }
        } else {
            int64_t i = len;
            while (i > 0) {
                int k;
                while (i > 0 && (k = ws_before(s, i)) > 0) i -= k;
                if (i <= 0) break;
                if (maxsplit >= 0 && LN(l) == maxsplit) {
                    Obj *p = mp_str_new(s, i); mp_list_append(l, p); decref(p);
                    break;
                }
                int64_t e = i;
                while (i > 0 && !ws_before(s, i)) i--;
                Obj *p = mp_str_new(s + i, e - i); mp_list_append(l, p); decref(p);
            }
            /* reverse */
            for (int64_t a = 0, b = LN(l) - 1; a < b; a++, b--) { Obj *t = LITEMS(l)[a]; LITEMS(l)[a] = LITEMS(l)[b]; LITEMS(l)[b] = t; }
        }
        return l;
    }
    if (!IS_STR(sep)) { decref(l); return mp_err(&mp_exc_TypeError, "must be str or None, not %s", mp_type_name(sep)); }
    int64_t sl = SLEN(sep);
    if (sl == 0) { decref(l); return mp_err(&mp_exc_ValueError, "empty separator"); }
    if (!rev) {
        int64_t i = 0;
        for (;;) {
            const char *f = (maxsplit >= 0 && LN(l) == maxsplit) ? NULL : memmem(s + i, len - i, SS(sep), sl);
            if (!f) { Obj *p = mp_str_new(s + i, len - i); mp_list_append(l, p); decref(p); break; }
            Obj *p = mp_str_new(s + i, f - (s + i)); mp_list_append(l, p); decref(p);
            i = f - s + sl;
        }
    } else {
        int64_t e = len;
        for (;;) {
            int64_t found = -1;
            if (!(maxsplit >= 0 && LN(l) == maxsplit))
                for (int64_t j = e - sl; j >= 0; j--) if (!memcmp(s + j, SS(sep), sl)) { found = j; break; }
            if (found < 0) { Obj *p = mp_str_new(s, e); mp_list_append(l, p); decref(p); break; }
            Obj *p = mp_str_new(s + found + sl, e - found - sl); mp_list_append(l, p); decref(p);
            e = found;
        }
        for (int64_t a = 0, b = LN(l) - 1; a < b; a++, b--) { Obj *t = LITEMS(l)[a]; LITEMS(l)[a] = LITEMS(l)[b]; LITEMS(l)[b] = t; }
    }
    return l;
}
static Obj *s_split(Obj **args, int n, Obj *kw) { return split_impl(args, n, kw, 0); }
static Obj *s_rsplit(Obj **args, int n, Obj *kw) { return split_impl(args, n, kw, 1); }

static Obj *s_splitlines(Obj **args, int n, Obj *kw)
{
    int keep = n > 1 && mp_truthy(args[1]);
    const char *s = SS(SELF);
    int64_t len = SLEN(SELF), i = 0;
    Obj *l = mp_list_new(0);
    while (i < len) {
        int64_t st = i;
        while (i < len && s[i] != '\n' && s[i] != '\r') i++;
        int64_t e = i;
        if (i < len) { if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i += 2; else i++; }
        Obj *p = mp_str_new(s + st, (keep ? i : e) - st);
        mp_list_append(l, p); decref(p);
    }
    return l;
}

static Obj *s_replace(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("replace", n - 1, 2, 3)) return NULL;
    ARG_STR(1, "replace()"); ARG_STR(2, "replace()");
    int64_t count = n > 3 ? IV(args[3]) : -1;
    const char *s = SS(SELF);
    int64_t len = SLEN(SELF), ol = SLEN(args[1]);
    SB b = {0};
    int64_t i = 0, done = 0;
    if (ol == 0) {
        for (int64_t k = 0; k <= len; k++) {
            if (count < 0 || done < count) { sb_addo(&b, args[2]); done++; }
            if (k < len) sb_addc(&b, s[k]);
        }
        return sb_finish(&b);
    }
    while (i < len) {
        const char *f = (count >= 0 && done >= count) ? NULL : memmem(s + i, len - i, SS(args[1]), ol);
        if (!f) { sb_add(&b, s + i, len - i); break; }
        sb_add(&b, s + i, f - (s + i));
        sb_addo(&b, args[2]);
        i = f - s + ol;
        done++;
    }
    return sb_finish(&b);
}

static int64_t cp_index(Obj *s, int64_t byteoff)
{
    if (((Str *)s)->ascii) return byteoff;
    int64_t c = 0;
    for (int64_t i = 0; i < byteoff; i++) if ((SS(s)[i] & 0xC0) != 0x80) c++;
    return c;
}

static int range_args(Obj **args, int n, int first, int64_t len, int64_t *a, int64_t *b)
{
    *a = 0; *b = len;
    if (n > first && args[first] != NONE) { *a = IV(args[first]); if (*a < 0) { *a += len; if (*a < 0) *a = 0; } }
    if (n > first + 1 && args[first + 1] != NONE) { *b = IV(args[first + 1]); if (*b < 0) { *b += len; if (*b < 0) *b = 0; } }
    if (*b > len) *b = len;
    return 0;
}

static int64_t find_impl(Obj **args, int n, int rev)
{
    Obj *s = SELF, *sub = args[1];
    int64_t a, b;
    range_args(args, n, 2, ((Str *)s)->clen, &a, &b);
    int64_t ba = cp_offset(s, a), bb = cp_offset(s, b);
    int64_t sl = SLEN(sub);
    if (bb - ba < sl) return -1;
    if (!rev) {
        const char *f = memmem(SS(s) + ba, bb - ba, SS(sub), sl);
        return f ? cp_index(s, f - SS(s)) : -1;
    }
    for (int64_t j = bb - sl; j >= ba; j--) if (!memcmp(SS(s) + j, SS(sub), sl)) return cp_index(s, j);
    return -1;
}

static Obj *s_find(Obj **args, int n, Obj *kw) { if (mp_check_args("find", n - 1, 1, 3)) return NULL; ARG_STR(1, "find()"); return mp_int(find_impl(args, n, 0)); }
static Obj *s_rfind(Obj **args, int n, Obj *kw) { if (mp_check_args("rfind", n - 1, 1, 3)) return NULL; ARG_STR(1, "rfind()"); return mp_int(find_impl(args, n, 1)); }
static Obj *s_index(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("index", n - 1, 1, 3)) return NULL;
    ARG_STR(1, "index()");
    int64_t r = find_impl(args, n, 0);
    if (r < 0) return mp_err(&mp_exc_ValueError, "substring not found");
    return mp_int(r);
}
static Obj *s_rindex(Obj **args, int n, Obj *kw)
{
    ARG_STR(1, "rindex()");
    int64_t r = find_impl(args, n, 1);
    if (r < 0) return mp_err(&mp_exc_ValueError, "substring not found");
    return mp_int(r);
}

static Obj *s_count(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("count", n - 1, 1, 3)) return NULL;
    ARG_STR(1, "count()");
    Obj *s = SELF, *sub = args[1];
    int64_t a, b;
    range_args(args, n, 2, ((Str *)s)->clen, &a, &b);
    int64_t ba = cp_offset(s, a), bb = cp_offset(s, b), sl = SLEN(sub), c = 0;
    if (sl == 0) return mp_int(b >= a ? b - a + 1 : 0);
    for (int64_t i = ba; i + sl <= bb;) {
        const char *f = memmem(SS(s) + i, bb - i, SS(sub), sl);
        if (!f) break;
        c++;
        i = f - SS(s) + sl;
    }
    return mp_int(c);
}

static int prefix_match(Obj *s, Obj *p, int end, int64_t a, int64_t b)
{
    int64_t ba = cp_offset(s, a), bb = cp_offset(s, b);
    if (bb - ba < SLEN(p)) return 0;
    if (!end) return !memcmp(SS(s) + ba, SS(p), SLEN(p));
    return !memcmp(SS(s) + bb - SLEN(p), SS(p), SLEN(p));
}

static Obj *startend(Obj **args, int n, int end)
{
    if (mp_check_args(end ? "endswith" : "startswith", n - 1, 1, 3)) return NULL;
    int64_t a, b;
    range_args(args, n, 2, ((Str *)SELF)->clen, &a, &b);
    Obj *p = args[1];
    if (IS(p, tuple)) {
        for (int64_t i = 0; i < TN(p); i++)
            if (IS_STR(TITEMS(p)[i]) && prefix_match(SELF, TITEMS(p)[i], end, a, b)) return mp_bool(1);
        return mp_bool(0);
    }
    if (!IS_STR(p))
        return mp_err(&mp_exc_TypeError, "%s first arg must be str or a tuple of str, not %s", end ? "endswith" : "startswith", mp_type_name(p));
    return mp_bool(prefix_match(SELF, p, end, a, b));
}
static Obj *s_startswith(Obj **args, int n, Obj *kw) { return startend(args, n, 0); }
static Obj *s_endswith(Obj **args, int n, Obj *kw) { return startend(args, n, 1); }

static uint32_t next_cp(const unsigned char *p, int64_t *i)
{
    uint32_t c = p[*i];
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n > 1) c &= (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) c = (c << 6) | (p[*i + k] & 63);
    *i += n;
    return c;
}

static void put_cp(SB *b, uint32_t c)
{
    char u[4];
    if (c < 0x80) { sb_addc(b, (char)c); return; }
    if (c < 0x800) { u[0] = 0xC0 | (c >> 6); u[1] = 0x80 | (c & 63); sb_add(b, u, 2); return; }
    if (c < 0x10000) { u[0] = 0xE0 | (c >> 12); u[1] = 0x80 | ((c >> 6) & 63); u[2] = 0x80 | (c & 63); sb_add(b, u, 3); return; }
    u[0] = 0xF0 | (c >> 18); u[1] = 0x80 | ((c >> 12) & 63); u[2] = 0x80 | ((c >> 6) & 63); u[3] = 0x80 | (c & 63);
    sb_add(b, u, 4);
}

/* ---- case mapping and character classes, on all of Unicode (unicode.c,
 * generated by gen-unicode.py from python3): the algorithms of CPython's
 * unicodeobject.c over the full (possibly multi-character) mappings. ---- */

/* The code points of s (malloc'd; *n their count). */
static uint32_t *decode_cps(Obj *s, int64_t *n)
{
    const unsigned char *p = (const unsigned char *)SS(s);
    uint32_t *cp = malloc(sizeof(uint32_t) * (((Str *)s)->clen + 1));
    int64_t k = 0;
    for (int64_t i = 0; i < SLEN(s);) cp[k++] = next_cp(p, &i);
    *n = k;
    return cp;
}

/* Σ lowers to ς at the end of a word: preceded by a cased letter and not
 * followed by one (case-ignorable characters skipped both ways). */
static uint32_t capital_sigma(const uint32_t *cp, int64_t n, int64_t i)
{
    int64_t j = i - 1;
    while (j >= 0 && (mp_uni_flags(cp[j]) & U_CASE_IGNORABLE)) j--;
    if (j < 0 || !(mp_uni_flags(cp[j]) & U_CASED)) return 0x3C3;
    j = i + 1;
    while (j < n && (mp_uni_flags(cp[j]) & U_CASE_IGNORABLE)) j++;
    return j == n || !(mp_uni_flags(cp[j]) & U_CASED) ? 0x3C2 : 0x3C3;
}

static int lower_at(const uint32_t *cp, int64_t n, int64_t i, uint32_t *out)
{
    if (cp[i] == 0x3A3) { out[0] = capital_sigma(cp, n, i); return 1; }
    return mp_uni_map(cp[i], mp_uni_record(cp[i])->lower, out);
}

enum { M_UPPER, M_LOWER, M_TITLE, M_CAPITALIZE, M_SWAPCASE, M_CASEFOLD };

static Obj *map_chars(Obj *s, int mode)
{
    if ((((Str *)s)->ascii || via_bytes) && mode != M_TITLE && mode != M_CAPITALIZE) {
        if (SLEN(s) == 0) return incref(s);
        char small[128], *q = SLEN(s) <= 128 ? small : malloc(SLEN(s));
        small[0] = 0;
        for (int64_t i = 0; i < SLEN(s); i++) {
            char c = SS(s)[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            q[i] = lo && (mode == M_UPPER || mode == M_SWAPCASE) ? (char)(c - 32)
                 : up && mode != M_UPPER ? (char)(c + 32) : c;
        }
        Obj *r = mp_str_new(q, SLEN(s));
        if (q != small) free(q);
        return r;
    }
    int64_t n;
    uint32_t *cp = decode_cps(s, &n), out[3];
    SB b = {0};
    int prev_cased = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        const MpUniRecord *r = mp_uni_record(c);
        int k;
        switch (mode) {
        case M_UPPER: k = mp_uni_map(c, r->upper, out); break;
        case M_LOWER: k = lower_at(cp, n, i, out); break;
        case M_CASEFOLD: k = mp_uni_map(c, r->fold, out); break;
        case M_TITLE:
            k = prev_cased ? lower_at(cp, n, i, out) : mp_uni_map(c, r->title, out);
            prev_cased = (r->flags & U_CASED) != 0;
            break;
        case M_CAPITALIZE: k = i == 0 ? mp_uni_map(c, r->title, out) : lower_at(cp, n, i, out); break;
        default:    /* M_SWAPCASE */
            if (r->flags & U_UPPER) k = lower_at(cp, n, i, out);
            else if (r->flags & U_LOWER) k = mp_uni_map(c, r->upper, out);
            else { out[0] = c; k = 1; }
        }
        for (int j = 0; j < k; j++) put_cp(&b, out[j]);
    }
    free(cp);
    return sb_finish(&b);
}
/* upper()/lower() of an ASCII string of two or more characters: a byte
 * map of a fresh copy (shorter strings may be shared single characters). */
static Obj *ascii_case(Obj *s, int upper)
{
    Obj *r = mp_str_new(SS(s), SLEN(s));
    if (!r) return NULL;
    char *p = ((Str *)r)->s;
    for (int64_t i = 0; i < SLEN(s); i++) {
        char c = p[i];
        if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) p[i] = (char)(c ^ 0x20);
    }
    return r;
}
static Obj *s_upper(Obj **args, int n, Obj *kw)
{
    return ((Str *)SELF)->ascii && SLEN(SELF) > 1 ? ascii_case(SELF, 1) : map_chars(SELF, M_UPPER);
}
static Obj *s_lower(Obj **args, int n, Obj *kw)
{
    return ((Str *)SELF)->ascii && SLEN(SELF) > 1 ? ascii_case(SELF, 0) : map_chars(SELF, M_LOWER);
}
static Obj *s_title(Obj **args, int n, Obj *kw) { return map_chars(SELF, M_TITLE); }
static Obj *s_capitalize(Obj **args, int n, Obj *kw) { return map_chars(SELF, M_CAPITALIZE); }
static Obj *s_swapcase(Obj **args, int n, Obj *kw) { return map_chars(SELF, M_SWAPCASE); }
static Obj *s_casefold(Obj **args, int n, Obj *kw) { return map_chars(SELF, M_CASEFOLD); }

/* True when s is not empty and every character has one of the flags. */
static Obj *char_class(Obj *s, int flags)
{
    if (SLEN(s) == 0) return mp_bool(0);
    const unsigned char *p = (const unsigned char *)SS(s);
    if (via_bytes) {       /* bytes: ASCII's classes */
        for (int64_t i = 0; i < SLEN(s); i++) if (p[i] >= 0x80 || !(mp_uni_flags(p[i]) & flags)) return mp_bool(0);
        return mp_bool(1);
    }
    for (int64_t i = 0; i < SLEN(s);)
        if (!(mp_uni_flags(next_cp(p, &i)) & flags)) return mp_bool(0);
    return mp_bool(1);
}
static Obj *s_isdigit(Obj **args, int n, Obj *kw) { return char_class(SELF, U_DIGIT); }
static Obj *s_isdecimal(Obj **args, int n, Obj *kw) { return char_class(SELF, U_DECIMAL); }
static Obj *s_isnumeric(Obj **args, int n, Obj *kw) { return char_class(SELF, U_NUMERIC); }
static Obj *s_isalpha(Obj **args, int n, Obj *kw) { return char_class(SELF, U_ALPHA); }
static Obj *s_isalnum(Obj **args, int n, Obj *kw) { return char_class(SELF, U_ALPHA | U_DECIMAL | U_DIGIT | U_NUMERIC); }
static Obj *s_isspace(Obj **args, int n, Obj *kw) { return char_class(SELF, U_SPACE); }
static Obj *s_isprintable(Obj **args, int n, Obj *kw)
{
    return SLEN(SELF) == 0 ? mp_bool(1) : char_class(SELF, U_PRINTABLE);
}
/* islower: no uppercase or titlecase character and at least one lowercase
 * (isupper the other way round). */
static Obj *case_check(Obj *s, int upper)
{
    int cased = 0, bad = upper ? U_LOWER | U_TITLE : U_UPPER | U_TITLE, good = upper ? U_UPPER : U_LOWER;
    const unsigned char *p = (const unsigned char *)SS(s);
    for (int64_t i = 0; i < SLEN(s);) {
        int f = mp_uni_flags(next_cp(p, &i));
        if (f & bad) return mp_bool(0);
        if (f & good) cased = 1;
    }
    return mp_bool(cased);
}
static Obj *s_isupper(Obj **args, int n, Obj *kw) { return case_check(SELF, 1); }
static Obj *s_islower(Obj **args, int n, Obj *kw) { return case_check(SELF, 0); }
static Obj *s_istitle(Obj **args, int n, Obj *kw)
{
    Obj *s = SELF;
    int cased = 0, prev = 0;
    const unsigned char *p = (const unsigned char *)SS(s);
    for (int64_t i = 0; i < SLEN(s);) {
        int f = mp_uni_flags(next_cp(p, &i));
        if (f & (U_UPPER | U_TITLE)) { if (prev) return mp_bool(0); prev = cased = 1; }
        else if (f & U_LOWER) { if (!prev) return mp_bool(0); prev = cased = 1; }
        else prev = 0;
    }
    return mp_bool(cased);
}
static Obj *s_isidentifier(Obj **args, int n, Obj *kw)
{
    Obj *s = SELF;
    if (!SLEN(s)) return mp_bool(0);
    const unsigned char *p = (const unsigned char *)SS(s);
    int64_t i = 0;
    if (!(mp_uni_flags(next_cp(p, &i)) & U_XID_START)) return mp_bool(0);
    while (i < SLEN(s)) if (!(mp_uni_flags(next_cp(p, &i)) & U_XID_CONTINUE)) return mp_bool(0);
    return mp_bool(1);
}

static Obj *justify(Obj **args, int n, int mode)
{
    if (mp_check_args("justify", n - 1, 1, 2)) return NULL;
    int ok;
    int64_t w = mp_index(args[1], &ok);
    if (!ok) return NULL;
    const char *fill = n > 2 ? SS(args[2]) : " ";
    int64_t fl = n > 2 ? SLEN(args[2]) : 1;
    int64_t len = ((Str *)SELF)->clen;
    if (w <= len) return incref(SELF);
    int64_t padn = w - len, left = mode == 0 ? 0 : mode == 1 ? padn : padn / 2 + (padn & w & 1);
    SB b = {0};
    for (int64_t i = 0; i < left; i++) sb_add(&b, fill, fl);
    sb_addo(&b, SELF);
    for (int64_t i = 0; i < padn - left; i++) sb_add(&b, fill, fl);
    return sb_finish(&b);
}
static Obj *s_ljust(Obj **args, int n, Obj *kw) { return justify(args, n, 0); }
static Obj *s_rjust(Obj **args, int n, Obj *kw) { return justify(args, n, 1); }
static Obj *s_center(Obj **args, int n, Obj *kw) { return justify(args, n, 2); }

static Obj *s_zfill(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("zfill", n - 1, 1, 1)) return NULL;
    int64_t w = IV(args[1]), len = SLEN(SELF);
    if (w <= len) return incref(SELF);
    SB b = {0};
    const char *s = SS(SELF);
    int sign = len && (s[0] == '-' || s[0] == '+');
    if (sign) sb_addc(&b, s[0]);
    for (int64_t i = 0; i < w - len; i++) sb_addc(&b, '0');
    sb_add(&b, s + sign, len - sign);
    return sb_finish(&b);
}

static Obj *partition(Obj **args, int n, int rev)
{
    if (mp_check_args("partition", n - 1, 1, 1)) return NULL;
    ARG_STR(1, "partition()");
    Obj *s = SELF, *sep = args[1];
    if (SLEN(sep) == 0) return mp_err(&mp_exc_ValueError, "empty separator");
    const char *p = SS(s);
    int64_t len = SLEN(s), sl = SLEN(sep), at = -1;
    if (!rev) { const char *f = memmem(p, len, SS(sep), sl); if (f) at = f - p; }
    else for (int64_t j = len - sl; j >= 0; j--) if (!memcmp(p + j, SS(sep), sl)) { at = j; break; }
    if (at < 0) {
        Obj *e = mp_str_c("");
        Obj *r = rev ? mp_tuple_pack(3, e, e, s) : mp_tuple_pack(3, s, e, e);
        decref(e);
        return r;
    }
    Obj *a = mp_str_new(p, at), *c = mp_str_new(p + at + sl, len - at - sl);
    Obj *r = mp_tuple_pack(3, a, sep, c);
    decref(a); decref(c);
    return r;
}
static Obj *s_partition(Obj **args, int n, Obj *kw) { return partition(args, n, 0); }
static Obj *s_rpartition(Obj **args, int n, Obj *kw) { return partition(args, n, 1); }

static Obj *s_format(Obj **args, int n, Obj *kw)
{
    int auto_idx = 0;
    return mp_str_format_impl(args, n, kw, SELF, &auto_idx);
}

static Obj *s_encode(Obj **args, int n, Obj *kw) { return mp_bytes_new((unsigned char *)SS(SELF), SLEN(SELF)); }

static Obj *s_removeprefix(Obj **args, int n, Obj *kw)
{
    ARG_STR(1, "removeprefix()");
    if (SLEN(args[1]) <= SLEN(SELF) && !memcmp(SS(SELF), SS(args[1]), SLEN(args[1])))
        return mp_str_new(SS(SELF) + SLEN(args[1]), SLEN(SELF) - SLEN(args[1]));
    return incref(SELF);
}
static Obj *s_removesuffix(Obj **args, int n, Obj *kw)
{
    ARG_STR(1, "removesuffix()");
    int64_t a = SLEN(SELF), b = SLEN(args[1]);
    if (b && b <= a && !memcmp(SS(SELF) + a - b, SS(args[1]), b)) return mp_str_new(SS(SELF), a - b);
    return incref(SELF);
}

static Obj *s_expandtabs(Obj **args, int n, Obj *kw)
{
    int64_t ts = n > 1 ? IV(args[1]) : 8, col = 0;
    SB b = {0};
    for (int64_t i = 0; i < SLEN(SELF); i++) {
        char c = SS(SELF)[i];
        if (c == '\t') { int64_t k = ts ? ts - col % ts : 0; for (int64_t j = 0; j < k; j++) sb_addc(&b, ' '); col += k; }
        else { sb_addc(&b, c); col = (c == '\n' || c == '\r') ? 0 : col + 1; }
    }
    return sb_finish(&b);
}

static Obj *s_maketrans(Obj **args, int n, Obj *kw)
{
    Obj *d = mp_dict_new();
    if (n == 1 && IS(args[0], dict)) {
        int64_t pos = 0; Obj *k, *v;
        while (mp_dict_next(args[0], &pos, &k, &v)) {
            Obj *kk = IS_STR(k) ? NULL : incref(k);
            if (!kk) { int64_t i = 0; kk = mp_int(next_cp((const unsigned char *)SS(k), &i)); }
            mp_dict_set(d, kk, v);
            decref(kk);
        }
        return d;
    }
    if (n < 2 || !IS_STR(args[0]) || !IS_STR(args[1]) || ((Str *)args[0])->clen != ((Str *)args[1])->clen) {
        decref(d);
        return mp_err(&mp_exc_ValueError, "the first two maketrans arguments must have equal length");
    }
    const unsigned char *a = (const unsigned char *)SS(args[0]), *b = (const unsigned char *)SS(args[1]);
    int64_t i = 0, j = 0;
    while (i < SLEN(args[0])) {
        Obj *k = mp_int(next_cp(a, &i)), *v = mp_int(next_cp(b, &j));
        mp_dict_set(d, k, v);
        decref(k); decref(v);
    }
    if (n > 2 && IS_STR(args[2])) {
        const unsigned char *c = (const unsigned char *)SS(args[2]);
        for (i = 0; i < SLEN(args[2]);) { Obj *k = mp_int(next_cp(c, &i)); mp_dict_set(d, k, NONE); decref(k); }
    }
    return d;
}

static Obj *s_translate(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("translate", n - 1, 1, 1)) return NULL;
    const unsigned char *p = (const unsigned char *)SS(SELF);
    SB b = {0};
    for (int64_t i = 0; i < SLEN(SELF);) {
        int64_t st = i;
        uint32_t c = next_cp(p, &i);
        Obj *k = mp_int(c);
        Obj *v = mp_getitem(args[1], k);
        decref(k);
        if (!v) {
            if (!mp_err_matches(&mp_exc_LookupError)) { sb_free(&b); return NULL; }
            mp_err_clear();
            sb_add(&b, (const char *)p + st, i - st);
            continue;
        }
        if (IS_INT(v)) put_cp(&b, (uint32_t)IV(v));
        else if (IS_STR(v)) sb_addo(&b, v);
        else if (v != NONE) { decref(v); sb_free(&b); return mp_err(&mp_exc_TypeError, "character mapping must return integer, None or str"); }
        decref(v);
    }
    return sb_finish(&b);
}

static const struct MethodDef str_methods[] = {
    { "maketrans", s_maketrans }, { "translate", s_translate },
    { "join", s_join }, { "strip", s_strip }, { "lstrip", s_lstrip }, { "rstrip", s_rstrip },
    { "split", s_split }, { "rsplit", s_rsplit }, { "splitlines", s_splitlines }, { "replace", s_replace },
    { "find", s_find }, { "rfind", s_rfind }, { "index", s_index }, { "rindex", s_rindex },
    { "count", s_count }, { "startswith", s_startswith }, { "endswith", s_endswith },
    { "upper", s_upper }, { "lower", s_lower }, { "title", s_title }, { "capitalize", s_capitalize },
    { "swapcase", s_swapcase }, { "casefold", s_casefold }, { "istitle", s_istitle },
    { "isprintable", s_isprintable },
    { "isdigit", s_isdigit }, { "isdecimal", s_isdecimal }, { "isnumeric", s_isnumeric }, { "isalpha", s_isalpha },
    { "isalnum", s_isalnum }, { "isspace", s_isspace }, { "isupper", s_isupper }, { "islower", s_islower },
    { "isidentifier", s_isidentifier },
    { "ljust", s_ljust }, { "rjust", s_rjust }, { "center", s_center }, { "zfill", s_zfill },
    { "partition", s_partition }, { "rpartition", s_rpartition }, { "format", s_format },
    { "encode", s_encode }, { "removeprefix", s_removeprefix }, { "removesuffix", s_removesuffix },
    { "expandtabs", s_expandtabs },
    { NULL, NULL }
};

/* ---- bytes ---- */

Obj *mp_bytes_new(const unsigned char *s, int64_t n)
{
    Bytes *b = mp_alloc(&mp_bytes_type, sizeof(Bytes) + n + 1);
    b->len = n;
    if (s) memcpy(b->s, s, n);
    b->s[n] = 0;
    b->hash = -1;
    return (Obj *)b;
}

Obj *mp_bytes_repr(Obj *o)
{
    int ba = IS(o, bytearray);
    const unsigned char *s = ba ? ((ByteArray *)o)->s : ((Bytes *)o)->s;
    int64_t n = ba ? ((ByteArray *)o)->n : ((Bytes *)o)->len;
    int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    SB b = {0};
    if (ba) sb_adds(&b, "bytearray(");
    sb_addc(&b, 'b'); sb_addc(&b, q);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == q || c == '\\') { sb_addc(&b, '\\'); sb_addc(&b, c); }
        else if (c == '\n') sb_adds(&b, "\\n");
        else if (c == '\t') sb_adds(&b, "\\t");
        else if (c == '\r') sb_adds(&b, "\\r");
        else if (c < 0x20 || c >= 0x7f) { char buf[8]; snprintf(buf, sizeof buf, "\\x%02x", c); sb_adds(&b, buf); }
        else sb_addc(&b, c);
    }
    sb_addc(&b, q);
    if (ba) sb_addc(&b, ')');
    return sb_finish(&b);
}

static Obj *b_decode(Obj **args, int n, Obj *kw)
{
    if (IS(SELF, bytearray)) return mp_str_new((char *)((ByteArray *)SELF)->s, ((ByteArray *)SELF)->n);
    return mp_str_new((char *)((Bytes *)SELF)->s, ((Bytes *)SELF)->len);
}

static Obj *ba_append(Obj **args, int n, Obj *kw)
{
    ByteArray *b = (ByteArray *)SELF;
    if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 16; b->s = realloc(b->s, b->cap); }
    b->s[b->n++] = (unsigned char)IV(args[1]);
    return incref(NONE);
}

static const struct MethodDef bytes_methods[] = { { "decode", b_decode }, { NULL, NULL } };
static const struct MethodDef bytearray_methods[] = { { "decode", b_decode }, { "append", ba_append }, { NULL, NULL } };

/* Teardown: frees the interned strings, the one-char strings and "". */
void mp_str_teardown(void)
{
    if (interned) {
        Dict *d = (Dict *)interned;
        for (int64_t i = 0; i < d->nent; i++) {
            Obj *k = d->ent[i].key;
            if (!k || k == mp.empty_str || (SLEN(k) == 1 && (unsigned char)SS(k)[0] < 128 && k == mp.chars[(unsigned char)SS(k)[0]])) continue;
            mp_free(k);
        }
        d->nent = d->used = 0;
        free(d->ent); free(d->index);
        mp_free(interned);
        interned = NULL;
    }
    for (int c = 0; c < 128; c++) if (mp.chars[c]) { mp_free(mp.chars[c]); mp.chars[c] = NULL; }
    if (mp.empty_str) { mp_free(mp.empty_str); mp.empty_str = NULL; }
}

void mp_str_init(void)
{
    mp.empty_str = mp_str_new("", 0);
    mp.empty_str->rc = MP_IMMORTAL;
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        Obj *s = mp_str_new(&ch, 1);
        s->rc = MP_IMMORTAL;
        mp.chars[c] = s;
    }
    mp_add_methods(&mp_str_type, str_methods);
    mp_add_methods(&mp_bytes_type, bytes_methods);
    mp_add_methods(&mp_bytearray_type, bytearray_methods);
    void mp_bytes_init(void);
    mp_bytes_init();
}

/* bytes methods are the str methods applied to the raw bytes */
static Obj *to_str(Obj *o)
{
    if (IS(o, bytes)) return mp_str_new((char *)((Bytes *)o)->s, ((Bytes *)o)->len);
    if (IS(o, bytearray)) return mp_str_new((char *)((ByteArray *)o)->s, ((ByteArray *)o)->n);
    return incref(o);
}
static Obj *to_bytes(Obj *o)
{
    if (!o) return NULL;
    if (IS_STR(o)) { Obj *b = mp_bytes_new((unsigned char *)SS(o), SLEN(o)); decref(o); return b; }
    if (IS(o, list)) {
        for (int64_t i = 0; i < LN(o); i++) LITEMS(o)[i] = to_bytes(LITEMS(o)[i]);
        return o;
    }
    if (IS(o, tuple)) {
        for (int64_t i = 0; i < TN(o); i++) TITEMS(o)[i] = to_bytes(TITEMS(o)[i]);
        return o;
    }
    return o;
}
static Obj *via_str(const char *name, Obj **args, int n, Obj *kw)
{
    Obj *v[16];
    if (n > 16) n = 16;
    for (int i = 0; i < n; i++) v[i] = to_str(args[i]);
    Obj *m = mp_dict_gets(mp_str_type.dict, name);
    int saved = via_bytes;
    via_bytes = 1;
    Obj *r = m ? ((Builtin *)m)->fn(v, n, kw) : NULL;
    via_bytes = saved;
    for (int i = 0; i < n; i++) decref(v[i]);
    if (!strcmp(name, "join") && r) return to_bytes(r);
    if (r && (IS_STR(r) || IS(r, list) || IS(r, tuple))) return to_bytes(r);
    return r;
}
#define VIA(nm) static Obj *b_##nm(Obj **args, int n, Obj *kw) { return via_str(#nm, args, n, kw); }
VIA(upper) VIA(lower) VIA(split) VIA(strip) VIA(lstrip) VIA(rstrip) VIA(replace) VIA(startswith)
VIA(endswith) VIA(find) VIA(count) VIA(join) VIA(index) VIA(isdigit) VIA(isalpha)
static Obj *b_hex(Obj **args, int n, Obj *kw)
{
    Obj *s = to_str(args[0]);
    SB b = {0};
    for (int64_t i = 0; i < SLEN(s); i++) { char buf[4]; snprintf(buf, sizeof buf, "%02x", (unsigned char)SS(s)[i]); sb_adds(&b, buf); }
    decref(s);
    return sb_finish(&b);
}
static const struct MethodDef bytes_more[] = {
    { "upper", b_upper }, { "lower", b_lower }, { "split", b_split }, { "strip", b_strip },
    { "lstrip", b_lstrip }, { "rstrip", b_rstrip }, { "replace", b_replace }, { "startswith", b_startswith },
    { "endswith", b_endswith }, { "find", b_find }, { "count", b_count }, { "join", b_join },
    { "index", b_index }, { "isdigit", b_isdigit }, { "isalpha", b_isalpha }, { "hex", b_hex }, { NULL, NULL }
};
void mp_bytes_init(void)
{
    mp_add_methods(&mp_bytes_type, bytes_more);
    mp_add_methods(&mp_bytearray_type, bytes_more);
}
