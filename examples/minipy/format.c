/* format.c -- the format-spec mini-language ([[fill]align][sign][#][0]
 * [width][,_][.prec][type]) for int, float and str, printf-style '%'
 * formatting, and str.format's replacement fields. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <ctype.h>
#include "object.h"

typedef struct {
    char fill[5]; char align; char sign; int alt; int zero; int zero_implied; int fill_given; int64_t width; char group; int64_t prec; char type;
} Spec;

/* A string builder on the C stack for the formatting paths: a result that
 * fits its buffer costs one copy into the new str and no malloc, realloc or
 * free (SB's heap buffer cost more than the formatting itself); a longer
 * one moves to the heap.  Out of memory is reported by fb_finish. */
typedef struct { char *s; int64_t n, cap; int oom; char buf[240]; } FB;

static inline void fb_init(FB *b) { b->s = b->buf; b->n = 0; b->cap = (int64_t)sizeof b->buf; b->oom = 0; }

static __attribute__((noinline)) int fb_grow(FB *b, int64_t n)
{
    if (b->oom) return 0;
    int64_t cap = (b->n + n) * 2;
    char *p = b->s == b->buf ? malloc((size_t)cap) : realloc(b->s, (size_t)cap);
    if (!p) { b->oom = 1; return 0; }
    if (b->s == b->buf) memcpy(p, b->buf, (size_t)b->n);
    b->s = p; b->cap = cap;
    return 1;
}

static inline void fb_add(FB *b, const char *s, int64_t n)
{
    if (b->n + n > b->cap && !fb_grow(b, n)) return;
    memcpy(b->s + b->n, s, (size_t)n);
    b->n += n;
}

static inline void fb_addc(FB *b, char c)
{
    if (b->n + 1 > b->cap && !fb_grow(b, 1)) return;
    b->s[b->n++] = c;
}

static void fb_free(FB *b) { if (b->s != b->buf) free(b->s); b->s = b->buf; b->n = 0; }

static Obj *fb_finish(FB *b)
{
    Obj *r = b->oom ? mp_nomem() : mp_str_new(b->s, b->n);
    fb_free(b);
    return r;
}

/* Code point c (< 0x110000) as UTF-8 at u; returns its length. */
static int put_utf8(char *u, uint32_t c)
{
    if (c < 0x80) { u[0] = (char)c; return 1; }
    if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 63)); return 2; }
    if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 63)); u[2] = (char)(0x80 | (c & 63)); return 3; }
    u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 63)); u[2] = (char)(0x80 | ((c >> 6) & 63)); u[3] = (char)(0x80 | (c & 63));
    return 4;
}

static inline int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
static inline int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Parses the n bytes of spec p (NUL-terminated: the errors quote it). */
static int parse_spec(const char *p, int64_t n, Spec *s, const char *tname)
{
    const char *spec = p, *e = p + n;
    s->fill[0] = ' '; s->fill[1] = 0;
    s->align = 0; s->sign = 0; s->alt = 0; s->zero = 0; s->zero_implied = 0; s->fill_given = 0;
    s->width = 0; s->group = 0; s->prec = -1; s->type = 0;
    /* fill may be a multibyte char */
    int clen = 1;
    if (p < e && ((unsigned char)*p) >= 0xC0) { clen = 2; if ((unsigned char)*p >= 0xE0) clen = 3; if ((unsigned char)*p >= 0xF0) clen = 4; }
    if (p + clen < e && is_align(p[clen])) {
        memcpy(s->fill, p, clen); s->fill[clen] = 0;
        s->fill_given = 1;
        s->align = p[clen]; p += clen + 1;
    } else if (p < e && is_align(*p)) s->align = *p++;
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) s->sign = *p++;
    if (p < e && *p == 'z') p++;
    if (p < e && *p == '#') { s->alt = 1; p++; }
    if (p < e && *p == '0') { s->zero = 1; p++; }
    while (p < e && is_digit(*p)) s->width = s->width * 10 + (*p++ - '0');
    if (p < e && (*p == ',' || *p == '_')) s->group = *p++;
    if (p < e && *p == '.') {
        p++;
        if (p >= e || !is_digit(*p)) { mp_err(&mp_exc_ValueError, "Format specifier missing precision"); return -1; }
        s->prec = 0;
        while (p < e && is_digit(*p)) s->prec = s->prec * 10 + (*p++ - '0');
    }
    if (p < e) s->type = *p++;
    if (p < e) { mp_err(&mp_exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", spec, tname); return -1; }
    /* a grouping character goes with the decimal and float types only; '_'
     * also with b/o/x/X (every four digits) */
    if (s->group && s->type && !strchr("defgEGF%", s->type)
        && !(s->group == '_' && strchr("boxX", s->type))) {
        mp_err(&mp_exc_ValueError, "Cannot specify '%c' with '%c'.", s->group, s->type);
        return -1;
    }
    /* a leading 0 makes '0' the fill unless one is given, and without an
     * alignment means sign-aware zero padding ('=') for numbers; strings
     * then pad on the right (mp_str_format_spec) */
    if (s->zero && !s->fill_given) { s->fill[0] = '0'; s->fill[1] = 0; }
    if (s->zero && !s->align) { s->align = '='; s->zero_implied = 1; }
    return 0;
}

static int64_t u8len(const char *s, int64_t n)
{
    int64_t c = 0;
    for (int64_t i = 0; i < n; i++) if ((s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Pad body (with sign/prefix split for '=' alignment). */
static Obj *pad(Spec *s, const char *prefix, const char *body, int64_t blen, char defalign)
{
    int64_t plen = (int64_t)strlen(prefix);
    if (s->width == 0 && plen == 0) return mp_str_new(body, blen);
    int64_t len = u8len(prefix, plen) + u8len(body, blen);
    char align = s->align ? s->align : defalign;
    int64_t padn = s->width > len ? s->width - len : 0;
    if (padn == 0 && plen == 0) return mp_str_new(body, blen);
    int64_t left = align == '<' ? 0 : align == '^' ? padn / 2 : padn;
    int64_t right = padn - left;
    int64_t fl = (int64_t)strlen(s->fill);
    FB b;
    fb_init(&b);
    if (align == '=') {
        fb_add(&b, prefix, plen);
        for (int64_t i = 0; i < padn; i++) fb_add(&b, s->fill, fl);
        fb_add(&b, body, blen);
        return fb_finish(&b);
    }
    for (int64_t i = 0; i < left; i++) fb_add(&b, s->fill, fl);
    fb_add(&b, prefix, plen);
    fb_add(&b, body, blen);
    for (int64_t i = 0; i < right; i++) fb_add(&b, s->fill, fl);
    return fb_finish(&b);
}

static void group_digits(FB *out, const char *d, int64_t n, char sep, int every)
{
    int64_t first = n % every;
    if (first == 0) first = every;
    fb_add(out, d, first < n ? first : n);
    for (int64_t i = first; i < n; i += every) { fb_addc(out, sep); fb_add(out, d + i, every); }
}

static Obj *format_str(Obj *str, Spec *sp, const char *tname)
{
    Spec s = *sp;
    if (s.type && s.type != 's') return mp_err(&mp_exc_ValueError, "Unknown format code '%c' for object of type '%s'", s.type, tname);
    if (s.group) return mp_err(&mp_exc_ValueError, "Cannot specify '%c' with 's'.", s.group);
    if (s.align == '=' && s.zero_implied) s.align = '<';
    if (s.align == '=') return mp_err(&mp_exc_ValueError, "'=' alignment not allowed in string format specifier");
    int64_t n = SLEN(str);
    if (s.prec >= 0) {
        int64_t c = 0, i = 0;
        for (; i < n; i++) { if ((SS(str)[i] & 0xC0) != 0x80) { if (c == s.prec) break; c++; } }
        n = i;
    }
    return pad(&s, "", SS(str), n, '<');
}

static Obj *format_float(double v, Spec *sp, const char *tname);

static Obj *format_int(Obj *v, Spec *sp, const char *tname)
{
    Spec s = *sp;
    char t = s.type;
    if (t && strchr("eEfFgG%", t)) {
        int of;
        double d = mp_int_to_double(v, &of);
        return format_float(d, sp, tname);
    }
    if (t == 'c') {
        if (((Int *)v)->big || IV(v) < 0 || IV(v) > 0x10ffff) return mp_err(&mp_exc_OverflowError, "%%c arg not in range(0x110000)");
        char buf[8];
        int k = put_utf8(buf, (uint32_t)IV(v));
        buf[k] = 0;
        return pad(&s, "", buf, k, '<');
    }
    int base = t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 10;
    if (t && !strchr("dxXobn", t)) return mp_err(&mp_exc_ValueError, "Unknown format code '%c' for object of type '%s'", t, tname);
    if (s.prec >= 0) return mp_err(&mp_exc_ValueError, "Precision not allowed in integer format specifier");
    /* the digits of a machine int on the C stack, a big int's from GMP */
    char dbuf[72];
    Obj *digits = NULL;
    const char *d;
    int64_t n;
    int neg;
    if (!((Int *)v)->big) {
        const char *dig = t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        int64_t iv = IV(v);
        uint64_t u = iv < 0 ? 0 - (uint64_t)iv : (uint64_t)iv;
        char *q = dbuf + sizeof dbuf;
        do { *--q = dig[u % (unsigned)base]; u /= (unsigned)base; } while (u);
        d = q; n = dbuf + sizeof dbuf - q; neg = iv < 0;
    } else {
        digits = mp_int_format(v, base, t == 'X', 0);
        if (!digits) return NULL;
        d = SS(digits);
        neg = d[0] == '-';
        if (neg) d++;
        n = (int64_t)strlen(d);
    }
    char prefix[8] = "";
    int pi = 0;
    if (neg) prefix[pi++] = '-';
    else if (s.sign == '+') prefix[pi++] = '+';
    else if (s.sign == ' ') prefix[pi++] = ' ';
    if (s.alt && base != 10) { prefix[pi++] = '0'; prefix[pi++] = t == 'X' ? 'X' : t == 'x' ? 'x' : t == 'o' ? 'o' : 'b'; }
    prefix[pi] = 0;
    Obj *r;
    if (s.group) {
        FB b;
        fb_init(&b);
        int every = base == 10 ? 3 : 4;
        if (s.zero && s.align == '=' && s.width > 0) {
            /* zero padding participates in grouping */
            int64_t want = s.width - pi;
            int64_t total = n + (n - 1) / every;
            FB z;
            fb_init(&z);
            int64_t extra = 0;
            while (total < want) { extra++; int64_t nn = n + extra; total = nn + (nn - 1) / every; }
            for (int64_t i = 0; i < extra; i++) fb_addc(&z, '0');
            fb_add(&z, d, n);
            group_digits(&b, z.s, z.n, s.group, every);
            if (z.oom) b.oom = 1;
            fb_free(&z);
        } else group_digits(&b, d, n, s.group, every);
        r = b.oom ? mp_nomem() : pad(&s, prefix, b.s, b.n, '>');
        fb_free(&b);
    } else r = pad(&s, prefix, d, n, '>');
    xdecref(digits);
    return r;
}

/* 'f' formatting of 0 <= a < 2**53 with at most 15 decimals, exactly as
 * printf's (the binary value rounded half to even at the last decimal):
 * a = M 2**E, so a 10**prec = M 10**prec 2**E fits in 128 bits.  0 when the
 * value is outside that range (printf does it). */
static int fixed_fast(double a, int prec, char *body)
{
    static const uint64_t p10[16] = { 1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
        10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
        10000000000000ULL, 100000000000000ULL, 1000000000000000ULL };
    if (!(a >= 0 && a < 9007199254740992.0) || prec < 0 || prec > 15) return 0;
    unsigned __int128 q = 0;
    if (a != 0) {
        int e;
        double fr = frexp(a, &e);
        uint64_t m = (uint64_t)ldexp(fr, 53);
        int sh = 53 - e;                    /* a = m / 2**sh, sh >= 0 */
        if (sh > 120) return 0;
        unsigned __int128 n = (unsigned __int128)m * p10[prec];
        q = n >> sh;
        if (sh > 0) {
            unsigned __int128 rem = n - (q << sh), half = (unsigned __int128)1 << (sh - 1);
            if (rem > half || (rem == half && (q & 1))) q++;
        }
    }
    uint64_t ip = (uint64_t)(q / p10[prec]), fp = (uint64_t)(q % p10[prec]);
    char tmp[24], *t = tmp + sizeof tmp;
    do { *--t = (char)('0' + ip % 10); ip /= 10; } while (ip);
    size_t n = (size_t)(tmp + sizeof tmp - t);
    memcpy(body, t, n);
    if (prec) {
        body[n++] = '.';
        for (int i = prec - 1; i >= 0; i--) { body[n + (size_t)i] = (char)('0' + fp % 10); fp /= 10; }
        n += (size_t)prec;
    }
    body[n] = 0;
    return 1;
}

static Obj *format_float(double v, Spec *sp, const char *tname)
{
    Spec s = *sp;
    char t = s.type;
    if (t && !strchr("eEfFgG%n", t)) return mp_err(&mp_exc_ValueError, "Unknown format code '%c' for object of type '%s'", t, tname);
    int neg = signbit(v) && !isnan(v);
    double a = fabs(v);
    char body[512];
    int prec = s.prec < 0 ? 6 : (int)s.prec;
    if (prec > 300) prec = 300;
    if (!t) {
        if (s.prec < 0) {
            mp_double_repr(a, body);
        } else {
            /* like 'g' but at least one digit after the point when exponent-free */
            snprintf(body, sizeof body, "%.*g", prec ? prec : 1, a);
            if (!strchr(body, 'e') && !strchr(body, '.') && isfinite(a)) strcat(body, ".0");
            char *e = strchr(body, 'e');
            if (e) { /* python uses e+XX, C same */ }
        }
    } else if (t == '%') {
        snprintf(body, sizeof body, "%.*f%%", prec, a * 100);
    } else if (t == 'g' || t == 'G' || t == 'n') {
        snprintf(body, sizeof body, s.alt ? "%#.*g" : "%.*g", prec ? prec : 1, a);
        if (t == 'G') for (char *p = body; *p; p++) *p = toupper(*p);
    } else if ((t == 'f' || t == 'F') && !s.alt && fixed_fast(a, prec, body)) {
        /* done */
    } else {
        char f[8];
        snprintf(f, sizeof f, s.alt ? "%%#.*%c" : "%%.*%c", t);
        snprintf(body, sizeof body, f, prec, a);
    }
    if (isinf(a)) strcpy(body, t && isupper((unsigned char)t) ? "INF" : "inf");
    if (isnan(v)) strcpy(body, t && isupper((unsigned char)t) ? "NAN" : "nan");
    if (t == '%' && !isfinite(v)) strcat(body, "%");
    char prefix[4] = "";
    if (neg) strcpy(prefix, "-");
    else if (s.sign == '+') strcpy(prefix, "+");
    else if (s.sign == ' ') strcpy(prefix, " ");
    if (s.group) {
        char *dot = body;
        while (*dot && isdigit((unsigned char)*dot)) dot++;
        FB b;
        fb_init(&b);
        group_digits(&b, body, dot - body, s.group, 3);
        fb_add(&b, dot, (int64_t)strlen(dot));
        Obj *r = b.oom ? mp_nomem() : pad(&s, prefix, b.s, b.n, '>');
        fb_free(&b);
        return r;
    }
    return pad(&s, prefix, body, (int64_t)strlen(body), '>');
}

/* ---- printf-style formatting ---- */

/* Writes the decimal digits of v >= 0 at p; returns the end. */
static char *put_dec(char *p, int64_t v)
{
    char t[24];
    int k = 0;
    do { t[k++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (k) *p++ = t[--k];
    return p;
}

/* One conversion: the flags, width and precision become a format spec (as
 * format() would take it), parsed and applied directly. */
static Obj *pct_one(char conv, Obj *v, int flags_minus, int flags_plus, int flags_space, int flags_zero,
                    int flags_alt, int64_t width, int64_t prec, Obj *fmt, int64_t at)
{
    char specbuf[64], *q = specbuf;
    int is_s = conv == 's' || conv == 'r' || conv == 'a' || conv == 'c';
    if (flags_minus) *q++ = '<';
    else if (flags_zero && !is_s) { *q++ = '0'; *q++ = '='; }
    else if (is_s) *q++ = '>';
    if (flags_plus) *q++ = '+';
    else if (flags_space) *q++ = ' ';
    if (flags_alt) *q++ = '#';
    if (width > 0) q = put_dec(q, width);
    if (prec >= 0 && !strchr("dixXoc", conv)) { *q++ = '.'; q = put_dec(q, prec); }
    *q = 0;
    Spec sp;
    Obj *str = NULL, *res;
    switch (conv) {
    case 's': case 'r': case 'a': {
        str = conv == 's' ? mp_str(v) : conv == 'r' ? mp_repr(v) : mp_ascii(v);
        if (!str) return NULL;
        if (width <= 0 && prec < 0) return str;     /* no padding, no truncation: the str as it is */
        if (parse_spec(specbuf, q - specbuf, &sp, "str") < 0) { decref(str); return NULL; }
        res = format_str(str, &sp, "str");
        decref(str);
        return res;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        Obj *iv;
        if (IS_INT(v)) iv = incref(v);
        else if (IS(v, float)) iv = mp_int_from_double(trunc(FV(v)));
        else return mp_err(&mp_exc_TypeError, "%%%c format: a real number is required, not %s", conv, mp_type_name(v));
        if (!iv) return NULL;
        *q++ = conv == 'i' || conv == 'u' ? 'd' : conv; *q = 0;
        const char *tn = mp_type_name(iv);
        res = parse_spec(specbuf, q - specbuf, &sp, tn) < 0 ? NULL : format_int(iv, &sp, tn);
        decref(iv);
        return res;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        int ok;
        double d = mp_to_double(v, &ok);
        if (!ok) {
            mp_err_clear();
            return mp_err(&mp_exc_TypeError, "must be real number, not %s", mp_type_name(v));
        }
        if (prec < 0) { *q++ = '.'; *q++ = '6'; }
        *q++ = conv; *q = 0;
        if (parse_spec(specbuf, q - specbuf, &sp, "float") < 0) return NULL;
        return format_float(d, &sp, "float");
    }
    case 'c': {
        if (IS_INT(v)) {
            if (((Int *)v)->big || IV(v) < 0 || IV(v) > 0x10ffff) return mp_err(&mp_exc_OverflowError, "%%c arg not in range(0x110000)");
            char b[4];
            str = mp_str_new(b, put_utf8(b, (uint32_t)IV(v)));
        } else if (IS_STR(v) && ((Str *)v)->clen == 1) str = incref(v);
        else return mp_err(&mp_exc_TypeError, "%%c requires int or char");
        res = parse_spec(specbuf, q - specbuf, &sp, "str") < 0 ? NULL : format_str(str, &sp, "str");
        decref(str);
        return res;
    }
    }
    return mp_err(&mp_exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld", conv, conv, (long long)u8len(SS(fmt), at));
}

Obj *mp_str_mod(Obj *fmt, Obj *args)
{
    const char *p = SS(fmt), *e = p + SLEN(fmt);
    FB b;
    fb_init(&b);
    int64_t ai = 0;
    int is_tuple = IS(args, tuple);
    int is_map = IS(args, dict) || (TYPE(args)->flags & T_USER && mp_special(args, mp.s___getitem__));
    int64_t nargs = is_tuple ? TN(args) : 1;
    while (p < e) {
        if (*p != '%') {
            const char *lit = p;
            while (p < e && *p != '%') p++;
            fb_add(&b, lit, p - lit);
            continue;
        }
        p++;
        if (p < e && *p == '%') { fb_addc(&b, '%'); p++; continue; }
        Obj *key = NULL;
        if (p < e && *p == '(') {
            const char *k = ++p;
            int depth = 1;
            while (p < e && depth) { if (*p == '(') depth++; else if (*p == ')') depth--; if (depth) p++; }
            key = mp_str_new(k, p - k);
            p++;
        }
        int fm = 0, fp = 0, fs = 0, fz = 0, fa = 0;
        for (; p < e && (*p == '-' || *p == '+' || *p == ' ' || *p == '0' || *p == '#'); p++) {
            if (*p == '-') fm = 1; else if (*p == '+') fp = 1; else if (*p == ' ') fs = 1;
            else if (*p == '0') fz = 1; else fa = 1;
        }
        int64_t width = 0, prec = -1;
        if (p < e && *p == '*') {
            p++;
            if (ai < nargs) width = IV(is_tuple ? TITEMS(args)[ai++] : args);
        } else while (p < e && is_digit(*p)) width = width * 10 + (*p++ - '0');
        if (p < e && *p == '.') {
            p++; prec = 0;
            if (p < e && *p == '*') { p++; if (ai < nargs) prec = IV(is_tuple ? TITEMS(args)[ai++] : args); }
            else while (p < e && is_digit(*p)) prec = prec * 10 + (*p++ - '0');
        }
        while (p < e && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
        if (p >= e) { fb_free(&b); xdecref(key); return mp_err(&mp_exc_ValueError, "incomplete format"); }
        char conv = *p++;
        Obj *v;
        if (key) {
            v = mp_getitem(args, key);
            decref(key);
            if (!v) { fb_free(&b); return NULL; }
        } else if (is_tuple) {
            if (ai >= nargs) { fb_free(&b); return mp_err(&mp_exc_TypeError, "not enough arguments for format string"); }
            v = incref(TITEMS(args)[ai++]);
        } else {
            if (ai >= 1) { fb_free(&b); return mp_err(&mp_exc_TypeError, "not enough arguments for format string"); }
            v = incref(args); ai++;
        }
        Obj *s = pct_one(conv, v, fm, fp, fs, fz, fa, width, prec, fmt, p - 1 - SS(fmt));
        decref(v);
        if (!s) { fb_free(&b); return NULL; }
        if (IS_STR(s)) fb_add(&b, SS(s), SLEN(s));
        decref(s);
    }
    if (is_tuple && ai < nargs) { fb_free(&b); return mp_err(&mp_exc_TypeError, "not all arguments converted during string formatting"); }
    if (!is_tuple && !is_map && ai == 0) { fb_free(&b); return mp_err(&mp_exc_TypeError, "not all arguments converted during string formatting"); }
    return fb_finish(&b);
}

/* ---- str.format ---- */

static Obj *field_value(const char *f, int64_t n, Obj **args, int nargs, Obj *kwnames, int *auto_idx)
{
    int64_t i = 0;
    while (i < n && f[i] != '.' && f[i] != '[') i++;
    Obj *v = NULL;
    int npos = nargs - (kwnames ? (int)TN(kwnames) : 0);
    if (i == 0) {
        if (*auto_idx < 0) return mp_err(&mp_exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        int k = (*auto_idx)++;
        if (k >= npos - 1) return mp_err(&mp_exc_IndexError, "Replacement index %d out of range for positional args tuple", k);
        v = incref(args[k + 1]);
    } else if (isdigit((unsigned char)f[0])) {
        int k = atoi(f);
        if (*auto_idx > 0) return mp_err(&mp_exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        *auto_idx = -1;
        if (k >= npos - 1) return mp_err(&mp_exc_IndexError, "Replacement index %d out of range for positional args tuple", k);
        v = incref(args[k + 1]);
    } else {
        for (int k = 0; kwnames && k < TN(kwnames); k++) {
            Obj *nm = TITEMS(kwnames)[k];
            if (SLEN(nm) == i && !memcmp(SS(nm), f, i)) { v = incref(args[npos + k]); break; }
        }
        if (!v) { Obj *k = mp_str_new(f, i); mp_err_obj(&mp_exc_KeyError, k); decref(k); return NULL; }
    }
    while (i < n) {
        if (f[i] == '.') {
            int64_t j = ++i;
            while (i < n && f[i] != '.' && f[i] != '[') i++;
            Obj *nm = mp_str_new(f + j, i - j);
            Obj *nv = mp_getattr(v, mp_str_intern(SS(nm)));
            decref(nm); decref(v);
            if (!nv) return NULL;
            v = nv;
        } else {
            int64_t j = ++i;
            while (i < n && f[i] != ']') i++;
            Obj *k;
            int dig = 1;
            for (int64_t q = j; q < i; q++) if (!isdigit((unsigned char)f[q])) dig = 0;
            if (dig && i > j) k = mp_int(atoll(f + j)); else k = mp_str_new(f + j, i - j);
            i++;
            Obj *nv = mp_getitem(v, k);
            decref(k); decref(v);
            if (!nv) return NULL;
            v = nv;
        }
    }
    return v;
}

Obj *mp_str_format_impl(Obj **args, int n, Obj *kwnames, Obj *fmt, int *auto_idx);

Obj *mp_str_format_impl(Obj **args, int n, Obj *kwnames, Obj *fmt, int *auto_idx)
{
    const char *p = SS(fmt), *e = p + SLEN(fmt);
    SB b = {0};
    while (p < e) {
        if (*p == '{' && p + 1 < e && p[1] == '{') { sb_addc(&b, '{'); p += 2; continue; }
        if (*p == '}' && p + 1 < e && p[1] == '}') { sb_addc(&b, '}'); p += 2; continue; }
        if (*p == '}') { sb_free(&b); return mp_err(&mp_exc_ValueError, "Single '}' encountered in format string"); }
        if (*p != '{') { sb_addc(&b, *p++); continue; }
        const char *st = ++p;
        int depth = 1;
        while (p < e && depth) { if (*p == '{') depth++; else if (*p == '}') depth--; if (depth) p++; }
        if (p >= e) { sb_free(&b); return mp_err(&mp_exc_ValueError, "expected '}' before end of string"); }
        const char *fe = st;
        while (fe < p && *fe != '!' && *fe != ':') fe++;
        Obj *v = field_value(st, fe - st, args, n, kwnames, auto_idx);
        if (!v) { sb_free(&b); return NULL; }
        char conv = 0;
        if (fe < p && *fe == '!') { conv = fe[1]; fe += 2; }
        Obj *spec = NULL;
        if (fe < p && *fe == ':') {
            Obj *raw = mp_str_new(fe + 1, p - fe - 1);
            spec = mp_str_format_impl(args, n, kwnames, raw, auto_idx);
            decref(raw);
            if (!spec) { decref(v); sb_free(&b); return NULL; }
        }
        p++;
        if (conv) {
            Obj *c = conv == 'r' ? mp_repr(v) : conv == 'a' ? mp_ascii(v) : mp_str(v);
            decref(v);
            if (!c) { xdecref(spec); sb_free(&b); return NULL; }
            v = c;
        }
        Obj *s = mp_format(v, spec);
        decref(v); xdecref(spec);
        if (!s) { sb_free(&b); return NULL; }
        sb_addo(&b, s);
        decref(s);
    }
    return sb_finish(&b);
}

/* format(v, spec) of an int, float or str; tname names the value's type in
 * the errors (a bool is 'bool', a subclass instance its class). */
Obj *mp_format_builtin(Obj *v, Obj *spec, const char *tname)
{
    Spec s;
    if (parse_spec(SS(spec), SLEN(spec), &s, tname) < 0) return NULL;
    if (IS_INT(v)) return format_int(v, &s, tname);
    if (IS(v, float)) return format_float(FV(v), &s, tname);
    return format_str(v, &s, tname);
}

Obj *mp_format_int(Obj *v, Obj *spec) { return mp_format_builtin(v, spec, mp_type_name(v)); }
Obj *mp_format_float(double v, Obj *spec)
{
    Spec s;
    if (parse_spec(SS(spec), SLEN(spec), &s, "float") < 0) return NULL;
    return format_float(v, &s, "float");
}
Obj *mp_str_format_spec(Obj *str, Obj *spec)
{
    Spec s;
    if (parse_spec(SS(spec), SLEN(spec), &s, "str") < 0) return NULL;
    return format_str(str, &s, "str");
}
