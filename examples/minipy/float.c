/* float.c -- IEEE doubles with CPython's shortest round-trip repr, CPython's
 * numeric hash, Python's floor division/modulo rules; and complex numbers. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <ctype.h>
#include "object.h"

Obj *mp_float(double v)
{
    Float *f;
    if (mp.float_free) {
        f = (Float *)mp.float_free;
        mp.float_free = (Obj *)f->hd.type;
        mp.nfloat_free--;
        f->hd.rc = 1; f->hd.type = &mp_float_type;
    } else f = mp_alloc(&mp_float_type, sizeof(Float));
    f->v = v;
    return (Obj *)f;
}

/* Shortest digits that round-trip: digits in d (no dot), decimal point position. */
/* Shortest digits that round-trip: digits in d (no dot), decimal point
 * position.  The correctly rounded p-digit string may miss v's rounding
 * interval while its neighbour one unit in the last place up or down is
 * inside it (the interval is lopsided at powers of two): CPython's repr
 * takes that neighbour, so we try them too before adding a digit. */
static void shortest(double v, char *digits, int *decpt)
{
    char buf[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        int ok = strtod(buf, NULL) == v;
        char *e = strchr(buf, 'e');
        int exp = atoi(e + 1);
        char m[24];
        int n = 0;
        for (char *q = buf; q < e; q++) if (isdigit((unsigned char)*q)) m[n++] = *q;
        for (int delta = 1; !ok && p < 17 && delta >= -1; delta -= 2) {
            char t[24];
            t[0] = '0';
            memcpy(t + 1, m, (size_t)n);
            int i = n;
            if (delta > 0) { while (t[i] == '9') t[i--] = '0'; t[i]++; }
            else { while (t[i] == '0') t[i--] = '9'; t[i]--; }
            char num[48];
            snprintf(num, sizeof num, "%.*se%d", n + 1, t, exp - (p - 1));
            if (t[0] == '0' && t[1] == '0') continue;   /* 10..0 - 1: fewer digits, tried already */
            if (strtod(num, NULL) != v) continue;
            int lead = t[0] == '0' ? 1 : 0;
            int nd = n + 1 - lead;
            memcpy(digits, t + lead, (size_t)nd);
            while (nd > 1 && digits[nd - 1] == '0') nd--;
            digits[nd] = 0;
            *decpt = exp + 1 + (lead ? 0 : 1);
            return;
        }
        if (ok || p == 17) {
            while (n > 1 && m[n - 1] == '0') n--;
            memcpy(digits, m, (size_t)n);
            digits[n] = 0;
            *decpt = exp + 1;
            return;
        }
    }
}

/* Format like CPython's repr ('r' mode); add_dot0 appends ".0" to integral values. */
static void repr_mode(double v, char *out, int add_dot0)
{
    if (isnan(v)) { strcpy(out, "nan"); return; }
    if (isinf(v)) { strcpy(out, v > 0 ? "inf" : "-inf"); return; }
    char *o = out;
    if (signbit(v)) { *o++ = '-'; v = -v; }
    if (v == 0) { strcpy(o, add_dot0 ? "0.0" : "0"); return; }
    char d[40];
    int decpt;
    shortest(v, d, &decpt);
    int n = (int)strlen(d);
    if (decpt <= -4 || decpt > 16) {
        *o++ = d[0];
        if (n > 1) { *o++ = '.'; memcpy(o, d + 1, n - 1); o += n - 1; }
        int e = decpt - 1;
        sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        return;
    }
    if (decpt <= 0) {
        *o++ = '0'; *o++ = '.';
        for (int i = 0; i < -decpt; i++) *o++ = '0';
        memcpy(o, d, n); o += n;
    } else if (decpt >= n) {
        memcpy(o, d, n); o += n;
        for (int i = n; i < decpt; i++) *o++ = '0';
        if (add_dot0) { *o++ = '.'; *o++ = '0'; }
    } else {
        memcpy(o, d, decpt); o += decpt;
        *o++ = '.';
        memcpy(o, d + decpt, n - decpt); o += n - decpt;
    }
    *o = 0;
}

void mp_double_repr(double v, char *buf) { repr_mode(v, buf, 1); }

Obj *mp_float_repr(Obj *o)
{
    char buf[64];
    repr_mode(FV(o), buf, 1);
    return mp_str_c(buf);
}

int64_t mp_float_hash(double v)
{
    const int bits = 61;
    const uint64_t mod = ((uint64_t)1 << bits) - 1;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & mod) | x >> (bits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= y;
        x += y;
        if (x >= mod) x -= mod;
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & mod) | x >> (bits - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

double mp_to_double(Obj *o, int *ok)
{
    *ok = 1;
    if (IS(o, float)) return FV(o);
    if (IS_INT(o)) {
        int of;
        double d = mp_int_to_double(o, &of);
        if (of) { *ok = 0; mp_err(&mp_exc_OverflowError, "int too large to convert to float"); }
        return d;
    }
    if (mp_unwrap(o) != o && !mp_special(o, mp.s___float__)) return mp_to_double(mp_unwrap(o), ok);
    if (TYPE(o)->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___float__);
        if (m) {
            Obj *r = mp_call1(m, o);
            if (r && IS(r, float)) { double d = FV(r); decref(r); return d; }
            xdecref(r);
        }
    }
    *ok = 0;
    mp_err(&mp_exc_TypeError, "must be real number, not %s", mp_type_name(o));
    return 0;
}

static Obj *float_pow(double x, double y)
{
    if (x == 0 && y < 0) return mp_err(&mp_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != floor(y) && isfinite(y)) {
        double r = pow(-x, y), th = M_PI * y;
        return mp_complex(r * cos(th), r * sin(th));
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) return mp_err(&mp_exc_OverflowError, "(34, 'Numerical result out of range')");
    return mp_float(r);
}

Obj *mp_float_binop(int op, double a, double b)
{
    switch (op) {
    case BIN_ADD: return mp_float(a + b);
    case BIN_SUB: return mp_float(a - b);
    case BIN_MUL: return mp_float(a * b);
    case BIN_TRUEDIV:
        if (b == 0) return mp_err(&mp_exc_ZeroDivisionError, "float division by zero");
        return mp_float(a / b);
    case BIN_FLOORDIV: case BIN_MOD: {
        if (b == 0) return mp_err(&mp_exc_ZeroDivisionError, op == BIN_MOD ? "float modulo" : "float floor division by zero");
        double mod = fmod(a, b), div = (a - mod) / b;
        if (mod) {
            if ((b < 0) != (mod < 0)) { mod += b; div -= 1.0; }
        } else mod = copysign(0.0, b);
        if (op == BIN_MOD) return mp_float(mod);
        double fd;
        if (div) { fd = floor(div); if (div - fd > 0.5) fd += 1.0; }
        else fd = copysign(0.0, a / b);
        return mp_float(fd);
    }
    case BIN_POW: return float_pow(a, b);
    }
    return mp_err(&mp_exc_TypeError, "unsupported operand type(s) for float");
}

Obj *mp_float_from_str(Obj *s)
{
    const char *p = SS(s);
    while (isspace((unsigned char)*p)) p++;
    const char *e = SS(s) + SLEN(s);
    while (e > p && isspace((unsigned char)e[-1])) e--;
    char buf[128];
    int n = 0;
    for (const char *q = p; q < e && n < 127; q++) if (*q != '_') buf[n++] = *q;
    buf[n] = 0;
    const char *b = buf;
    int neg = 0;
    if (*b == '+' || *b == '-') { neg = *b == '-'; b++; }
    if (!strcasecmp(b, "inf") || !strcasecmp(b, "infinity")) return mp_float(neg ? -INFINITY : INFINITY);
    if (!strcasecmp(b, "nan")) return mp_float(neg ? -NAN : NAN);
    char *end;
    double d = strtod(buf, &end);
    if (n == 0 || *end || isalpha((unsigned char)buf[n - 1] == 'x') || strchr(buf, 'x') || strchr(buf, 'X'))
    {
        Obj *r = mp_str_repr(s);
        mp_err(&mp_exc_ValueError, "could not convert string to float: %s", SS(r));
        decref(r);
        return NULL;
    }
    return mp_float(d);
}

Obj *mp_complex(double re, double im)
{
    Complex *c = mp_alloc(&mp_complex_type, sizeof(Complex));
    c->re = re; c->im = im;
    return (Obj *)c;
}

Obj *mp_complex_repr(Obj *o)
{
    Complex *c = (Complex *)o;
    char a[64], b[64];
    repr_mode(c->im, b, 0);
    if (c->re == 0 && !signbit(c->re)) return mp_str_fmt("%sj", b);
    repr_mode(c->re, a, 0);
    return mp_str_fmt("(%s%s%sj)", a, (c->im >= 0 || isnan(c->im)) && b[0] != '-' ? "+" : "", b);
}

static int as_complex(Obj *o, double *re, double *im)
{
    if (IS(o, complex)) { *re = ((Complex *)o)->re; *im = ((Complex *)o)->im; return 1; }
    int ok;
    *re = mp_to_double(o, &ok);
    *im = 0;
    return ok;
}

Obj *mp_complex_binop(int op, Obj *a, Obj *b)
{
    double ar, ai, br, bi;
    if (!as_complex(a, &ar, &ai) || !as_complex(b, &br, &bi)) return NULL;
    switch (op) {
    case BIN_ADD: return mp_complex(ar + br, ai + bi);
    case BIN_SUB: return mp_complex(ar - br, ai - bi);
    case BIN_MUL: return mp_complex(ar * br - ai * bi, ar * bi + ai * br);
    case BIN_TRUEDIV: {
        double d = br * br + bi * bi;
        if (d == 0) return mp_err(&mp_exc_ZeroDivisionError, "complex division by zero");
        return mp_complex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
    }
    case BIN_POW: {
        if (br == 0 && bi == 0) return mp_complex(1, 0);
        if (bi == 0 && br == floor(br) && fabs(br) <= 100) {
            int64_t e = (int64_t)fabs(br);
            double rr = 1, ri = 0, xr = ar, xi = ai;
            while (e) {
                if (e & 1) { double t = rr * xr - ri * xi; ri = rr * xi + ri * xr; rr = t; }
                double t = xr * xr - xi * xi; xi = 2 * xr * xi; xr = t;
                e >>= 1;
            }
            if (br < 0) { double d = rr * rr + ri * ri; if (d == 0) return mp_err(&mp_exc_ZeroDivisionError, "0.0 to a negative or complex power"); return mp_complex(rr / d, -ri / d); }
            return mp_complex(rr, ri);
        }
        if (ar == 0 && ai == 0) return mp_complex(0, 0);
        double vabs = hypot(ar, ai), len = pow(vabs, br), at = atan2(ai, ar), phase = at * br;
        if (bi != 0) { len /= exp(at * bi); phase += bi * log(vabs); }
        return mp_complex(len * cos(phase), len * sin(phase));
    }
    }
    return mp_err(&mp_exc_TypeError, "unsupported operand type(s) for complex");
}
