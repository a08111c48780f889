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

static int parse_spec(Obj *so, Spec *s, const char *tname)
{
    const char *p = SS(so), *e = p + SLEN(so);
    memset(s, 0, sizeof *s);
    strcpy(s->fill, " ");
    s->prec = -1;
    /* fill may be a multibyte char */
    int clen = 1;
    if (p < e && ((unsigned char)*p) >= 0xC0) { clen = 2; if ((unsigned char)*p >= 0xE0) clen = 3; if ((unsigned char)*p >= 0xF0) clen = 4; }
    if (p + clen < e && strchr("<>=^", p[clen])) {
        memcpy(s->fill, p, clen); s->fill[clen] = 0;
        s->fill_given = 1;
        s->align = p[clen]; p += clen + 1;
    } else if (p < e && strchr("<>=^", *p)) s->align = *p++;
    if (p < e && strchr("+- ", *p)) s->sign = *p++;
    if (p < e && *p == 'z') p++;
    if (p < e && *p == '#') { s->alt = 1; p++; }
    if (p < e && *p == '0') { s->zero = 1; p++; }
    while (p < e && isdigit((unsigned char)*p)) s->width = s->width * 10 + (*p++ - '0');
    if (p < e && (*p == ',' || *p == '_')) s->group = *p++;
    if (p < e && *p == '.') {
        p++;
        if (p >= e || !isdigit((unsigned char)*p)) { mp_err(&mp_exc_ValueError, "Format specifier missing precision"); return -1; }
        s->prec = 0;
        while (p < e && isdigit((unsigned char)*p)) s->prec = s->prec * 10 + (*p++ - '0');
    }
    if (p < e) s->type = *p++;
    if (p < e) { mp_err(&mp_exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", SS(so), tname); return -1; }
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
    if (s->zero && !s->fill_given) strcpy(s->fill, "0");
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
    int64_t len = u8len(prefix, plen) + u8len(body, blen);
    char align = s->align ? s->align : defalign;
    SB b = {0};
    int64_t padn = s->width > len ? s->width - len : 0;
    if (padn == 0 && plen == 0) return mp_str_new(body, blen);
    int64_t left = align == '<' ? 0 : align == '^' ? padn / 2 : padn;
    int64_t right = padn - left;
    if (align == '=') { sb_adds(&b, prefix); for (int64_t i = 0; i < padn; i++) sb_adds(&b, s->fill); sb_add(&b, body, blen); return sb_finish(&b); }
    for (int64_t i = 0; i < left; i++) sb_adds(&b, s->fill);
    sb_adds(&b, prefix);
    sb_add(&b, body, blen);
    for (int64_t i = 0; i < right; i++) sb_adds(&b, s->fill);
    return sb_finish(&b);
}

static void group_digits(SB *out, const char *d, int64_t n, char sep, int every)
{
    int64_t first = n % every;
    if (first == 0) first = every;
    sb_add(out, d, first < n ? first : n);
    for (int64_t i = first; i < n; i += every) { sb_addc(out, sep); sb_add(out, d + i, every); }
}

static Obj *format_str(Obj *str, Obj *spec, const char *tname)
{
    Spec s;
    if (parse_spec(spec, &s, tname) < 0) return NULL;
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

static Obj *format_float(double v, Obj *spec, const char *tname);

static Obj *format_int(Obj *v, Obj *spec, const char *tname)
{
    Spec s;
    if (parse_spec(spec, &s, tname) < 0) return NULL;
    char t = s.type;
    if (strchr("eEfFgG%", t) && t) {
        int of;
        double d = mp_int_to_double(v, &of);
        return format_float(d, spec, tname);
    }
    if (t == 'c') {
        char buf[8] = { (char)IV(v), 0 };
        return pad(&s, "", buf, 1, '<');
    }
    int base = t == 'x' || t == 'X' ? 16 : t == 'o' ? 8 : t == 'b' ? 2 : 10;
    if (t && !strchr("dxXobn", t)) return mp_err(&mp_exc_ValueError, "Unknown format code '%c' for object of type '%s'", t, tname);
    if (s.prec >= 0) return mp_err(&mp_exc_ValueError, "Precision not allowed in integer format specifier");
    Obj *digits = mp_int_format(v, base, t == 'X', 0);
    const char *d = SS(digits);
    int neg = d[0] == '-';
    if (neg) d++;
    char prefix[8] = "";
    int pi = 0;
    if (neg) prefix[pi++] = '-';
    else if (s.sign == '+') prefix[pi++] = '+';
    else if (s.sign == ' ') prefix[pi++] = ' ';
    if (s.alt && base != 10) { prefix[pi++] = '0'; prefix[pi++] = t == 'X' ? 'X' : t == 'x' ? 'x' : t == 'o' ? 'o' : 'b'; }
    prefix[pi] = 0;
    SB b = {0};
    int64_t n = (int64_t)strlen(d);
    if (s.group) {
        int every = base == 10 ? 3 : 4;
        if (s.zero && s.align == '=' && s.width > 0) {
            /* zero padding participates in grouping */
            int64_t want = s.width - pi;
            int64_t total = n + (n - 1) / every;
            SB z = {0};
            int64_t extra = 0;
            while (total < want) { extra++; int64_t nn = n + extra; total = nn + (nn - 1) / every; }
            for (int64_t i = 0; i < extra; i++) sb_addc(&z, '0');
            sb_add(&z, d, n);
            group_digits(&b, z.s, z.n, s.group, every);
            sb_free(&z);
        } else group_digits(&b, d, n, s.group, every);
    } else sb_add(&b, d, n);
    Obj *r = pad(&s, prefix, b.s ? b.s : "", b.n, '>');
    sb_free(&b);
    decref(digits);
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

static Obj *format_float(double v, Obj *spec, const char *tname)
{
    Spec s;
    if (parse_spec(spec, &s, tname) < 0) return NULL;
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
    char prefix[4] = "";
    if (neg) strcpy(prefix, "-");
    else if (s.sign == '+') strcpy(prefix, "+");
    else if (s.sign == ' ') strcpy(prefix, " ");
    if (s.group) {
        char *dot = body;
        while (*dot && isdigit((unsigned char)*dot)) dot++;
        SB b = {0};
        group_digits(&b, body, dot - body, s.group, 3);
        sb_adds(&b, dot);
        Obj *r = pad(&s, prefix, b.s, b.n, '>');
        sb_free(&b);
        return r;
    }
    return pad(&s, prefix, body, (int64_t)strlen(body), '>');
}

/* ---- printf-style formatting ---- */

static Obj *pct_one(char conv, Obj *v, int flags_minus, int flags_plus, int flags_space, int flags_zero,
                    int flags_alt, int64_t width, int64_t prec)
{
    char specbuf[64];
    int n = 0;
    if (flags_minus) specbuf[n++] = '<';
    else if (flags_zero && conv != 's' && conv != 'r' && conv != 'a' && conv != 'c') { specbuf[n++] = '0'; specbuf[n++] = '='; }
    else if (conv == 's' || conv == 'r' || conv == 'a' || conv == 'c') specbuf[n++] = '>';
    if (flags_plus) specbuf[n++] = '+';
    else if (flags_space) specbuf[n++] = ' ';
    if (flags_alt) specbuf[n++] = '#';
    if (width > 0) n += snprintf(specbuf + n, sizeof specbuf - n, "%lld", (long long)width);
    if (prec >= 0 && !strchr("dixXoc", conv)) n += snprintf(specbuf + n, sizeof specbuf - n, ".%lld", (long long)prec);
    specbuf[n] = 0;
    if (flags_zero && !flags_minus && strchr("s r a c", conv) == NULL) { /* handled above */ }
    Obj *str = NULL, *res;
    switch (conv) {
    case 's': case 'r': case 'a': {
        str = conv == 's' ? mp_str(v) : conv == 'r' ? mp_repr(v) : mp_ascii(v);
        if (!str) return NULL;
        if (specbuf[0] == '0' && specbuf[1] == '=') memmove(specbuf, specbuf + 2, strlen(specbuf) - 1);
        Obj *sp = mp_str_c(specbuf);
        res = mp_str_format_spec(str, sp);
        decref(sp); decref(str);
        return res;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        Obj *iv;
        if (IS_INT(v)) iv = incref(v);
        else if (IS(v, float)) iv = mp_int_from_double(trunc(FV(v)));
        else return mp_err(&mp_exc_TypeError, "%%%c format: a real number is required, not %s", conv, mp_type_name(v));
        if (!iv) return NULL;
        char t[2] = { conv == 'i' || conv == 'u' ? 'd' : conv, 0 };
        strcat(specbuf, t);
        Obj *sp = mp_str_c(specbuf);
        res = mp_format_int(iv, sp);
        decref(sp); decref(iv);
        return res;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        int ok;
        double d = mp_to_double(v, &ok);
        if (!ok) {
            mp_err_clear();
            return mp_err(&mp_exc_TypeError, "must be real number, not %s", mp_type_name(v));
        }
        if (prec < 0) { n = (int)strlen(specbuf); snprintf(specbuf + n, sizeof specbuf - n, ".6"); }
        char t[2] = { conv, 0 };
        strcat(specbuf, t);
        Obj *sp = mp_str_c(specbuf);
        res = mp_format_float(d, sp);
        decref(sp);
        return res;
    }
    case 'c': {
        if (IS_INT(v)) { char b[2] = { (char)IV(v), 0 }; str = mp_str_c(b); }
        else str = incref(v);
        Obj *sp = mp_str_c(specbuf);
        res = mp_str_format_spec(str, sp);
        decref(sp); decref(str);
        return res;
    }
    }
    return mp_err(&mp_exc_ValueError, "unsupported format character '%c' (0x%x)", conv, conv);
}

Obj *mp_str_mod(Obj *fmt, Obj *args)
{
    const char *p = SS(fmt), *e = p + SLEN(fmt);
    SB b = {0};
    int64_t ai = 0;
    int is_tuple = IS(args, tuple);
    int is_map = IS(args, dict) || (TYPE(args)->flags & T_USER && mp_special(args, mp.s___getitem__));
    int64_t nargs = is_tuple ? TN(args) : 1;
    while (p < e) {
        if (*p != '%') { sb_addc(&b, *p++); continue; }
        p++;
        if (p < e && *p == '%') { sb_addc(&b, '%'); p++; continue; }
        Obj *key = NULL;
        if (p < e && *p == '(') {
            const char *k = ++p;
            int depth = 1;
            while (p < e && depth) { if (*p == '(') depth++; else if (*p == ')') depth--; if (depth) p++; }
            key = mp_str_new(k, p - k);
            p++;
        }
        int fm = 0, fp = 0, fs = 0, fz = 0, fa = 0;
        for (; p < e && strchr("-+ 0#", *p); p++) {
            if (*p == '-') fm = 1; else if (*p == '+') fp = 1; else if (*p == ' ') fs = 1;
            else if (*p == '0') fz = 1; else fa = 1;
        }
        int64_t width = 0, prec = -1;
        if (p < e && *p == '*') {
            p++;
            if (ai < nargs) width = IV(is_tuple ? TITEMS(args)[ai++] : args);
        } else while (p < e && isdigit((unsigned char)*p)) width = width * 10 + (*p++ - '0');
        if (p < e && *p == '.') {
            p++; prec = 0;
            if (p < e && *p == '*') { p++; if (ai < nargs) prec = IV(is_tuple ? TITEMS(args)[ai++] : args); }
            else while (p < e && isdigit((unsigned char)*p)) prec = prec * 10 + (*p++ - '0');
        }
        while (p < e && strchr("hlL", *p)) p++;
        if (p >= e) { sb_free(&b); xdecref(key); return mp_err(&mp_exc_ValueError, "incomplete format"); }
        char conv = *p++;
        Obj *v;
        if (key) {
            v = mp_getitem(args, key);
            decref(key);
            if (!v) { sb_free(&b); return NULL; }
        } else if (is_tuple) {
            if (ai >= nargs) { sb_free(&b); return mp_err(&mp_exc_TypeError, "not enough arguments for format string"); }
            v = incref(TITEMS(args)[ai++]);
        } else {
            if (ai >= 1) { sb_free(&b); return mp_err(&mp_exc_TypeError, "not enough arguments for format string"); }
            v = incref(args); ai++;
        }
        Obj *s = pct_one(conv, v, fm, fp, fs, fz, fa, width, prec);
        decref(v);
        if (!s) { sb_free(&b); return NULL; }
        sb_addo(&b, s);
        decref(s);
    }
    if (is_tuple && ai < nargs) { sb_free(&b); return mp_err(&mp_exc_TypeError, "not all arguments converted during string formatting"); }
    if (!is_tuple && !is_map && ai == 0) { sb_free(&b); return mp_err(&mp_exc_TypeError, "not all arguments converted during string formatting"); }
    return sb_finish(&b);
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
    if (IS_INT(v)) return format_int(v, spec, tname);
    if (IS(v, float)) return format_float(FV(v), spec, tname);
    return format_str(v, spec, tname);
}

Obj *mp_format_int(Obj *v, Obj *spec) { return format_int(v, spec, mp_type_name(v)); }
Obj *mp_format_float(double v, Obj *spec) { return format_float(v, spec, "float"); }
Obj *mp_str_format_spec(Obj *str, Obj *spec) { return format_str(str, spec, "str"); }
