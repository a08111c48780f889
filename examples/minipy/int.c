/* int.c -- Python ints: an int64 fast representation with immortal small
 * ints (-5..256), and GMP big ints beyond the machine word.  Floor division
 * and modulo follow Python's sign rules; hash is CPython's (mod 2**61-1). */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "object.h"

#define HASH_MOD (((int64_t)1 << 61) - 1)

static Obj *alloc_int(int64_t v)
{
    Int *i;
    if (mp.int_free) {
        i = (Int *)mp.int_free;
        mp.int_free = (Obj *)i->hd.type;
        mp.nint_free--;
        i->hd.rc = 1; i->hd.type = &mp_int_type; i->big = 0;
    } else i = mp_alloc(&mp_int_type, MP_INT_SMALL_SIZE);
    i->v = v;
    return (Obj *)i;
}

Obj *mp_int(int64_t v)
{
    if (v >= -5 && v <= 256) return incref(mp.small_ints[v + 5]);
    return alloc_int(v);
}

void mp_int_init(void)
{
    for (int i = 0; i < 262; i++) {
        Obj *o = alloc_int(i - 5);
        o->rc = MP_IMMORTAL;
        mp.small_ints[i] = o;
    }
}

/* Normalising constructor: small if it fits. */
Obj *mp_int_from_mpz(mpz_t z)
{
    if (mpz_fits_slong_p(z)) return mp_int(mpz_get_si(z));
    Int *i = mp_alloc(&mp_int_type, sizeof(Int));
    if (!i) return NULL;
    i->big = 1;
    size_t n = mpz_size(z);
    if (n <= 2) {
        i->limb[0] = mpz_getlimbn(z, 0);
        i->limb[1] = n == 2 ? mpz_getlimbn(z, 1) : 0;
        mpz_roinit_n(i->z, i->limb, mpz_sgn(z) < 0 ? -(mp_size_t)n : (mp_size_t)n);
    } else mpz_init_set(i->z, z);
    return (Obj *)i;
}

void mp_int_to_mpz(Obj *o, mpz_t out)
{
    if (((Int *)o)->big) mpz_set(out, ((Int *)o)->z);
    else mpz_set_si(out, IV(o));
}

int mp_int_fits(Obj *o) { return !((Int *)o)->big; }

int mp_int_sign(Obj *o)
{
    if (((Int *)o)->big) return mpz_sgn(((Int *)o)->z);
    return IV(o) > 0 ? 1 : IV(o) < 0 ? -1 : 0;
}

Obj *mp_int_from_str(const char *s, int len, int base)
{
    char *buf = malloc(len + 1);
    int n = 0;
    for (int i = 0; i < len; i++) if (s[i] != '_') buf[n++] = s[i];
    buf[n] = 0;
    mpz_t z;
    if (mpz_init_set_str(z, buf, base) < 0 || n == 0) {
        mpz_clear(z); free(buf);
        return mp_err(&mp_exc_ValueError, "invalid literal for int() with base %d: '%.*s'", base, len, s);
    }
    free(buf);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* The digits of a machine int in base 2, 8, 10 or 16 with an optional sign
 * and prefix, written backwards from the end of buf (at least 72 bytes);
 * returns where they start. */
static char *small_digits(int64_t v, int base, int upper, const char *pre, char *end)
{
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    char *p = end;
    do { *--p = dig[u % (unsigned)base]; u /= (unsigned)base; } while (u);
    for (size_t k = strlen(pre); k > 0; k--) *--p = pre[k - 1];
    if (v < 0) *--p = '-';
    return p;
}

Obj *mp_int_repr(Obj *o)
{
    if (!((Int *)o)->big) {
        char buf[72], *end = buf + sizeof buf;
        char *p = small_digits(IV(o), 10, 0, "", end);
        return mp_str_new(p, end - p);
    }
    char *s = mpz_get_str(NULL, 10, ((Int *)o)->z);
    Obj *r = mp_str_c(s);
    free(s);
    return r;
}

Obj *mp_int_format(Obj *o, int base, int upper, int alt)
{
    const char *pre = !alt ? "" : base == 16 ? (upper ? "0X" : "0x") : base == 8 ? "0o" : base == 2 ? "0b" : "";
    if (!((Int *)o)->big && (base == 2 || base == 8 || base == 10 || base == 16)) {
        char buf[72], *end = buf + sizeof buf;
        char *p = small_digits(IV(o), base, upper, pre, end);
        return mp_str_new(p, end - p);
    }
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(o, z);
    int neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    char *s = mpz_get_str(NULL, base, z);
    if (upper) for (char *p = s; *p; p++) if (*p >= 'a') *p -= 32;
    Obj *r = mp_str_fmt("%s%s%s", neg ? "-" : "", pre, s);
    free(s);
    mpz_clear(z);
    return r;
}

int64_t mp_int_hash(Obj *o)
{
    if (!((Int *)o)->big) {
        int64_t v = IV(o);
        if (v == -1) return -2;
        if (v > -HASH_MOD && v < HASH_MOD) return v;
        int64_t h = (int64_t)((uint64_t)(v < 0 ? -(v + 0) : v) % (uint64_t)HASH_MOD);
        if (v < 0) h = -h;
        return h == -1 ? -2 : h;
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, ((Int *)o)->z);
    uint64_t h = mpz_fdiv_ui(a, 0) ;
    (void)h;
    mpz_t m;
    mpz_init_set_si(m, 1);
    mpz_mul_2exp(m, m, 61);
    mpz_sub_ui(m, m, 1);
    mpz_mod(a, a, m);
    int64_t r = (int64_t)mpz_get_ui(a);
    if (mpz_sgn(((Int *)o)->z) < 0) r = -r;
    mpz_clear(a); mpz_clear(m);
    return r == -1 ? -2 : r;
}

int mp_int_cmp(Obj *a, Obj *b)
{
    Int *x = (Int *)a, *y = (Int *)b;
    if (!x->big && !y->big) return x->v < y->v ? -1 : x->v > y->v;
    if (x->big && y->big) { int c = mpz_cmp(x->z, y->z); return c < 0 ? -1 : c > 0; }
    if (x->big) { int c = mpz_cmp_si(x->z, y->v); return c < 0 ? -1 : c > 0; }
    int c = mpz_cmp_si(y->z, x->v);
    return c < 0 ? 1 : c > 0 ? -1 : 0;
}

double mp_int_to_double(Obj *o, int *overflow)
{
    *overflow = 0;
    if (!((Int *)o)->big) return (double)IV(o);
    if (mpz_sizeinbase(((Int *)o)->z, 2) > 1024) { *overflow = 1; return 0; }
    /* correctly rounded conversion via the top bits */
    mpz_srcptr z = ((Int *)o)->z;
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 53) return mpz_get_d(z);
    mpz_t t;
    mpz_init(t);
    size_t shift = bits - 55;
    mpz_abs(t, z);
    int sticky = mpz_scan1(t, 0) < shift;
    mpz_tdiv_q_2exp(t, t, shift);
    uint64_t m = mpz_get_ui(t) | (sticky ? 1 : 0);
    mpz_clear(t);
    double d = ldexp((double)m, (int)shift);
    if (isinf(d)) { *overflow = 1; return 0; }
    return mpz_sgn(z) < 0 ? -d : d;
}

Obj *mp_int_from_double(double d)
{
    if (isnan(d)) return mp_err(&mp_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return mp_err(&mp_exc_OverflowError, "cannot convert float infinity to integer");
    if (d > -9e18 && d < 9e18) return mp_int((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Obj *mp_int_neg(Obj *o)
{
    if (!((Int *)o)->big && IV(o) != INT64_MIN) return mp_int(-IV(o));
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(o, z);
    mpz_neg(z, z);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

Obj *mp_int_invert(Obj *o)
{
    if (!((Int *)o)->big) return mp_int(~IV(o));
    mpz_t z;
    mpz_init(z);
    mpz_com(z, ((Int *)o)->z);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

int64_t mp_int_bit_length(Obj *o)
{
    if (!((Int *)o)->big) {
        uint64_t v = IV(o) < 0 ? -(uint64_t)IV(o) : (uint64_t)IV(o);
        return v ? 64 - __builtin_clzll(v) : 0;
    }
    return (int64_t)mpz_sizeinbase(((Int *)o)->z, 2);
}

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

static Obj *true_div(Obj *a, Obj *b)
{
    if (mp_int_sign(b) == 0) return mp_err(&mp_exc_ZeroDivisionError, "division by zero");
    if (SMALL(a) && SMALL(b) && llabs(IV(a)) < (1LL << 53) && llabs(IV(b)) < (1LL << 53))
        return mp_float((double)IV(a) / (double)IV(b));
    /* Correctly rounded (half to even), as CPython: q = floor(|a| 2**k / |b|)
     * with 55-56 significant bits and a sticky bit for the remainder,
     * rounded by hand at the double's last place (2**-1074 at least, so
     * subnormal results round once), then scaled exactly by ldexp. */
    int neg = (mp_int_sign(a) < 0) != (mp_int_sign(b) < 0);
    if (mp_int_sign(a) == 0) return mp_float(neg ? -0.0 : 0.0);
    mpz_t x, y, qz, rz;
    mpz_init(x); mpz_init(y); mpz_init(qz); mpz_init(rz);
    mp_int_to_mpz(a, x); mp_int_to_mpz(b, y);
    mpz_abs(x, x); mpz_abs(y, y);
    int64_t e0 = (int64_t)mpz_sizeinbase(x, 2) - (int64_t)mpz_sizeinbase(y, 2);
    int64_t k = 56 - e0;                     /* q in [2**55, 2**57) */
    if (k >= 0) mpz_mul_2exp(x, x, (mp_bitcnt_t)k);
    else mpz_mul_2exp(y, y, (mp_bitcnt_t)-k);
    mpz_tdiv_qr(qz, rz, x, y);
    uint64_t q = mpz_get_ui(qz);
    int sticky = mpz_sgn(rz) != 0;
    mpz_clear(x); mpz_clear(y); mpz_clear(qz); mpz_clear(rz);
    int bl = 64 - __builtin_clzll(q);
    int64_t e = bl - 1 - k;                  /* q 2**-k is in [2**e, 2**(e+1)) */
    if (e > 1023) return mp_err(&mp_exc_OverflowError, "integer division result too large for a float");
    int64_t lsb = e - 52 < -1074 ? -1074 : e - 52;
    int64_t r = lsb + k;                     /* bits of q below the last place */
    uint64_t m;
    if (r >= 64) m = 0;                      /* below half of the smallest subnormal */
    else {
        uint64_t drop = q & ((1ULL << r) - 1), half = 1ULL << (r - 1);
        m = q >> r;
        if (drop > half || (drop == half && (sticky || (m & 1)))) m++;
    }
    double d = ldexp((double)m, (int)lsb);
    if (isinf(d)) return mp_err(&mp_exc_OverflowError, "integer division result too large for a float");
    return mp_float(neg ? -d : d);
}

static Obj *int_pow(Obj *a, Obj *b)
{
    if (mp_int_sign(b) < 0) {
        int o1, o2;
        double x = mp_int_to_double(a, &o1), y = mp_int_to_double(b, &o2);
        if (x == 0) return mp_err(&mp_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return mp_float(pow(x, y));
    }
    if (((Int *)b)->big) {
        if (SMALL(a) && (IV(a) == 0 || IV(a) == 1)) return incref(a);
        if (SMALL(a) && IV(a) == -1) return mp_int(mpz_odd_p(((Int *)b)->z) ? -1 : 1);
        return mp_err(&mp_exc_MemoryError, "");
    }
    int64_t e = IV(b);
    if (SMALL(a)) {
        int64_t base = IV(a), r = 1;
        int ok = 1;
        for (int64_t i = 0; i < e && ok; i++) if (__builtin_mul_overflow(r, base, &r)) ok = 0;
        if (ok) return mp_int(r);
    }
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(a, z);
    mpz_pow_ui(z, z, (unsigned long)e);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* Ints of up to 127 bits (a machine int or a big int of at most two limbs)
 * as __int128, so that the arithmetic of 64-128-bit values (hashes, linear
 * congruential generators, products of two machine ints) needs no GMP
 * temporaries. */
typedef __int128 i128;
static int as_i128(Obj *o, i128 *out)
{
    if (!((Int *)o)->big) { *out = IV(o); return 1; }
    mpz_srcptr z = ((Int *)o)->z;
    size_t n = mpz_size(z);
    if (GMP_NUMB_BITS != 64 || n > 2) return 0;
    unsigned __int128 u = (unsigned __int128)mpz_getlimbn(z, 0);
    if (n == 2) {
        mp_limb_t hi = mpz_getlimbn(z, 1);
        if (hi >> 63) return 0;              /* more than 127 bits */
        u |= (unsigned __int128)hi << 64;
    }
    *out = mpz_sgn(z) < 0 ? -(i128)u : (i128)u;
    return 1;
}

static Obj *from_i128(i128 v)
{
    if (v >= INT64_MIN && v <= INT64_MAX) return mp_int((int64_t)v);
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    Int *i = mp_alloc(&mp_int_type, sizeof(Int));
    if (!i) return NULL;
    i->big = 1;
    /* the limbs written in place, in the int itself (a read-only view:
     * no GMP allocation, nothing to clear) */
    if (GMP_NUMB_BITS == 64) {
        i->limb[0] = (mp_limb_t)u;
        i->limb[1] = (mp_limb_t)(u >> 64);
        mp_size_t n = i->limb[1] ? 2 : 1;
        mpz_roinit_n(i->z, i->limb, v < 0 ? -n : n);
    } else {
        mpz_init2(i->z, 128);
        uint64_t w[2] = { (uint64_t)u, (uint64_t)(u >> 64) };
        mpz_import(i->z, 2, -1, sizeof w[0], 0, 0, w);
        if (v < 0) mpz_neg(i->z, i->z);
    }
    return (Obj *)i;
}

/* 0 when the operands or the result do not fit; else 1 with the result
 * (NULL if out of memory) in *res. */
static int i128_binop(int op, Obj *a, Obj *b, Obj **res)
{
    i128 x, y, r;
    if (!as_i128(a, &x) || !as_i128(b, &y)) return 0;
    switch (op) {
    case BIN_ADD: if (__builtin_add_overflow(x, y, &r)) return 0; break;
    case BIN_SUB: if (__builtin_sub_overflow(x, y, &r)) return 0; break;
    case BIN_MUL: if (__builtin_mul_overflow(x, y, &r)) return 0; break;
    case BIN_FLOORDIV: case BIN_MOD: {       /* y != 0: checked by the caller */
        if (y > 0 && !(y & (y - 1))) {
            /* a power of two (x % 2**64 of an LCG): floor division is an
             * arithmetic shift, the remainder the low bits (two's
             * complement, as Python's for either sign of x), without the
             * 128-bit division's call */
            uint64_t lo = (uint64_t)y, hi = (uint64_t)((unsigned __int128)y >> 64);
            int sh = lo ? __builtin_ctzll(lo) : 64 + __builtin_ctzll(hi);
            r = op == BIN_MOD ? (x & (y - 1)) : (x >> sh);
            break;
        }
        i128 q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
        r = op == BIN_MOD ? m : q;
        break;
    }
    case BIN_AND: r = x & y; break;          /* two's complement as Python's */
    case BIN_OR: r = x | y; break;
    case BIN_XOR: r = x ^ y; break;
    case BIN_RSHIFT: r = y >= 127 ? (x < 0 ? -1 : 0) : x >> (int)y; break;
    default: return 0;
    }
    *res = from_i128(r);
    return 1;
}

static Obj *big_binop(int op, Obj *a, Obj *b)
{
    Obj *fast;
    if (i128_binop(op, a, b, &fast)) return fast;
    mpz_t x, y, r;
    mpz_init(x); mpz_init(y); mpz_init(r);
    mp_int_to_mpz(a, x); mp_int_to_mpz(b, y);
    Obj *res = NULL;
    switch (op) {
    case BIN_ADD: mpz_add(r, x, y); break;
    case BIN_SUB: mpz_sub(r, x, y); break;
    case BIN_MUL: mpz_mul(r, x, y); break;
    case BIN_FLOORDIV: mpz_fdiv_q(r, x, y); break;
    case BIN_MOD: mpz_fdiv_r(r, x, y); break;
    case BIN_AND: mpz_and(r, x, y); break;
    case BIN_OR: mpz_ior(r, x, y); break;
    case BIN_XOR: mpz_xor(r, x, y); break;
    case BIN_LSHIFT:
        if (!mpz_fits_slong_p(y)) { res = mp_err(&mp_exc_OverflowError, "too many digits in integer"); goto out; }
        mpz_mul_2exp(r, x, mpz_get_si(y)); break;
    case BIN_RSHIFT:
        if (!mpz_fits_slong_p(y)) { mpz_set_si(r, mpz_sgn(x) < 0 ? -1 : 0); break; }
        mpz_fdiv_q_2exp(r, x, mpz_get_si(y)); break;
    }
    res = mp_int_from_mpz(r);
out:
    mpz_clear(x); mpz_clear(y); mpz_clear(r);
    return res;
}

Obj *mp_int_binop(int op, Obj *a, Obj *b)
{
    if (op == BIN_TRUEDIV) return true_div(a, b);
    if (op == BIN_POW) return int_pow(a, b);
    if (op == BIN_MATMUL)
        return mp_err(&mp_exc_TypeError, "unsupported operand type(s) for @: '%s' and '%s'", mp_type_name(a), mp_type_name(b));
    if ((op == BIN_FLOORDIV || op == BIN_MOD) && mp_int_sign(b) == 0)
        return mp_err(&mp_exc_ZeroDivisionError, op == BIN_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
    if ((op == BIN_LSHIFT || op == BIN_RSHIFT) && mp_int_sign(b) < 0)
        return mp_err(&mp_exc_ValueError, "negative shift count");
    if (SMALL(a) && SMALL(b)) {
        int64_t x = IV(a), y = IV(b), r;
        int bool_res = IS(a, bool) && IS(b, bool);
        switch (op) {
        case BIN_ADD: if (!__builtin_add_overflow(x, y, &r)) return mp_int(r); break;
        case BIN_SUB: if (!__builtin_sub_overflow(x, y, &r)) return mp_int(r); break;
        case BIN_MUL: if (!__builtin_mul_overflow(x, y, &r)) return mp_int(r); break;
        case BIN_FLOORDIV: if (!(x == INT64_MIN && y == -1)) return mp_int(floordiv64(x, y)); break;
        case BIN_MOD: if (!(x == INT64_MIN && y == -1)) return mp_int(mod64(x, y)); break;
        case BIN_AND: return bool_res ? mp_bool(x & y) : mp_int(x & y);
        case BIN_OR: return bool_res ? mp_bool(x | y) : mp_int(x | y);
        case BIN_XOR: return bool_res ? mp_bool(x ^ y) : mp_int(x ^ y);
        case BIN_RSHIFT: return mp_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case BIN_LSHIFT:
            if (y < 62 && x > -(1LL << (62 - y)) && x < (1LL << (62 - y))) return mp_int(x << y);
            break;
        }
    }
    return big_binop(op, a, b);
}
