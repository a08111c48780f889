/* modules.c -- import (built-in C modules, modules written in Python that
 * ship inside minipy, and .py files beside the script) and the C modules:
 * math, time, sys, random's Mersenne Twister core, io, array. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <limits.h>
#include "object.h"
#include "ast.h"
#include "prelude.h"

Obj *mp_file_new(FILE *fp);
Obj *mp_stringio_new(void);

static void add_fn(Obj *m, const char *name, CFunc fn)
{
    Obj *f = mp_builtin_new(name, fn, NULL);
    mp_dict_sets(((Module *)m)->dict, name, f);
    decref(f);
}
static void add_val(Obj *m, const char *name, Obj *v) { mp_dict_sets(((Module *)m)->dict, name, v); decref(v); }

static int num(Obj *o, double *d)
{
    int ok;
    *d = mp_to_double(o, &ok);
    return ok;
}

#define MATH1(name, expr) \
    static Obj *m_##name(Obj **args, int n, Obj *kw) { \
        double x; \
        if (mp_check_args(#name, n, 1, 1) || !num(args[0], &x)) return NULL; \
        double r = (expr); \
        if (isnan(r) && !isnan(x)) return mp_err(&mp_exc_ValueError, "math domain error"); \
        if (isinf(r) && isfinite(x)) return mp_err(&mp_exc_OverflowError, "math range error"); \
        return mp_float(r); \
    }
MATH1(sin, sin(x)) MATH1(cos, cos(x)) MATH1(tan, tan(x)) MATH1(asin, asin(x)) MATH1(acos, acos(x))
MATH1(atan, atan(x)) MATH1(sinh, sinh(x)) MATH1(cosh, cosh(x)) MATH1(tanh, tanh(x)) MATH1(exp, exp(x))
MATH1(fabs, fabs(x)) MATH1(log2, x > 0 ? log2(x) : NAN) MATH1(log10, x > 0 ? log10(x) : NAN)
MATH1(sqrt, x >= 0 ? sqrt(x) : NAN) MATH1(degrees, x * 180.0 / M_PI) MATH1(radians, x * M_PI / 180.0)
MATH1(erf, erf(x)) MATH1(erfc, erfc(x)) MATH1(gamma, tgamma(x)) MATH1(expm1, expm1(x))
MATH1(log1p, x > -1 ? log1p(x) : NAN) MATH1(asinh, asinh(x)) MATH1(acosh, acosh(x)) MATH1(atanh, atanh(x))

/* lgamma as CPython computes it: Lanczos approximation (g = 6.0246..., 13
 * terms), so results agree to the last bit. */
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_num[13] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408
};
static const double lanczos_den[13] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0
};
static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) for (int i = 13; --i >= 0;) { num = num * x + lanczos_num[i]; den = den * x + lanczos_den[i]; }
    else for (int i = 0; i < 13; i++) { num = num / x + lanczos_num[i]; den = den / x + lanczos_den[i]; }
    return num / den;
}
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}
static Obj *m_lgamma_py(Obj **args, int n, Obj *kw)
{
    double x;
    if (mp_check_args("lgamma", n, 1, 1) || !num(args[0], &x)) return NULL;
    if (isnan(x)) return mp_float(x);
    if (isinf(x)) return mp_float(INFINITY);
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) return mp_err(&mp_exc_ValueError, "math domain error");
        return mp_float(0.0);
    }
    double ax = fabs(x);
    if (ax < 1e-20) return mp_float(-log(ax));
    double r = log(lanczos_sum(ax)) - lanczos_g;
    r += (ax - 0.5) * (log(ax + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = log(M_PI) - log(fabs(sinpi(ax))) - log(ax) - r;
    if (isinf(r)) return mp_err(&mp_exc_OverflowError, "math range error");
    return mp_float(r);
}

static Obj *m_log(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("log", n, 1, 2)) return NULL;
    double x, r;
    if (IS_INT(args[0]) && !mp_int_fits(args[0]) && mp_int_sign(args[0]) > 0) {
        /* log of a big int: scale down */
        int64_t bits = mp_int_bit_length(args[0]);
        Obj *sh = mp_int(bits - 60), *y = mp_int_binop(BIN_RSHIFT, args[0], sh);
        int of;
        r = log(mp_int_to_double(y, &of)) + (double)(bits - 60) * log(2.0);
        decref(sh); decref(y);
    } else {
        if (!num(args[0], &x)) return NULL;
        if (x <= 0) return mp_err(&mp_exc_ValueError, "math domain error");
        r = log(x);
    }
    if (n > 1) {
        double b;
        if (!num(args[1], &b)) return NULL;
        if (b <= 0 || b == 1) return mp_err(&mp_exc_ValueError, "math domain error");
        r /= log(b);
    }
    return mp_float(r);
}
static Obj *m_pow(Obj **args, int n, Obj *kw)
{
    double x, y;
    if (mp_check_args("pow", n, 2, 2) || !num(args[0], &x) || !num(args[1], &y)) return NULL;
    if (x == 0 && y < 0) return mp_err(&mp_exc_ValueError, "math domain error");
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return mp_err(&mp_exc_ValueError, "math domain error");
    if (isinf(r) && isfinite(x) && isfinite(y)) return mp_err(&mp_exc_OverflowError, "math range error");
    return mp_float(r);
}
static Obj *m_atan2(Obj **args, int n, Obj *kw)
{
    double y, x;
    if (mp_check_args("atan2", n, 2, 2) || !num(args[0], &y) || !num(args[1], &x)) return NULL;
    return mp_float(atan2(y, x));
}
static Obj *m_hypot(Obj **args, int n, Obj *kw)
{
    double acc = 0;
    for (int i = 0; i < n; i++) { double x; if (!num(args[i], &x)) return NULL; acc = hypot(acc, x); }
    return mp_float(acc);
}
static Obj *m_fmod(Obj **args, int n, Obj *kw)
{
    double x, y;
    if (mp_check_args("fmod", n, 2, 2) || !num(args[0], &x) || !num(args[1], &y)) return NULL;
    if (y == 0) return mp_err(&mp_exc_ValueError, "math domain error");
    return mp_float(fmod(x, y));
}
static Obj *m_copysign(Obj **args, int n, Obj *kw)
{
    double x, y;
    if (!num(args[0], &x) || !num(args[1], &y)) return NULL;
    return mp_float(copysign(x, y));
}
static Obj *round_to_int(Obj *o, double (*f)(double))
{
    if (IS_INT(o)) return mp_pos(o);
    double x;
    if (!num(o, &x)) return NULL;
    return mp_int_from_double(f(x));
}
static Obj *m_floor(Obj **args, int n, Obj *kw) { if (mp_check_args("floor", n, 1, 1)) return NULL; return round_to_int(args[0], floor); }
static Obj *m_ceil(Obj **args, int n, Obj *kw) { if (mp_check_args("ceil", n, 1, 1)) return NULL; return round_to_int(args[0], ceil); }
static Obj *m_trunc(Obj **args, int n, Obj *kw) { if (mp_check_args("trunc", n, 1, 1)) return NULL; return round_to_int(args[0], trunc); }
static Obj *m_isnan(Obj **args, int n, Obj *kw) { double x; if (!num(args[0], &x)) return NULL; return mp_bool(isnan(x)); }
static Obj *m_isinf(Obj **args, int n, Obj *kw) { double x; if (!num(args[0], &x)) return NULL; return mp_bool(isinf(x)); }
static Obj *m_isfinite(Obj **args, int n, Obj *kw) { double x; if (!num(args[0], &x)) return NULL; return mp_bool(isfinite(x)); }
static Obj *m_isclose(Obj **args, int n, Obj *kw)
{
    double a, b, rt = 1e-9, at = 0;
    if (!num(args[0], &a) || !num(args[1], &b)) return NULL;
    Obj *r = mp_kwarg(args, n, kw, "rel_tol"), *t = mp_kwarg(args, n, kw, "abs_tol");
    if (r) num(r, &rt);
    if (t) num(t, &at);
    if (a == b) return mp_bool(1);
    if (isinf(a) || isinf(b)) return mp_bool(0);
    double d = fabs(b - a);
    return mp_bool(d <= fabs(rt * b) || d <= fabs(rt * a) || d <= at);
}
static Obj *m_factorial(Obj **args, int n, Obj *kw)
{
    if (!IS_INT(args[0])) return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[0]));
    if (mp_int_sign(args[0]) < 0) return mp_err(&mp_exc_ValueError, "factorial() not defined for negative values");
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)IV(args[0]));
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}
static Obj *m_gcd(Obj **args, int n, Obj *kw)
{
    mpz_t a, b;
    mpz_init(a); mpz_init(b);
    for (int i = 0; i < n; i++) {
        if (!IS_INT(args[i])) { mpz_clear(a); mpz_clear(b); return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[i])); }
        mp_int_to_mpz(args[i], b);
        mpz_gcd(a, a, b);
    }
    Obj *r = mp_int_from_mpz(a);
    mpz_clear(a); mpz_clear(b);
    return r;
}
static Obj *m_isqrt(Obj **args, int n, Obj *kw)
{
    if (!IS_INT(args[0])) return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[0]));
    if (mp_int_sign(args[0]) < 0) return mp_err(&mp_exc_ValueError, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(args[0], z);
    mpz_sqrt(z, z);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}
static Obj *m_comb(Obj **args, int n, Obj *kw)
{
    mpz_t z;
    mpz_init(z);
    if (IV(args[1]) > IV(args[0])) mpz_set_ui(z, 0);
    else mpz_bin_uiui(z, (unsigned long)IV(args[0]), (unsigned long)IV(args[1]));
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}
static Obj *m_perm(Obj **args, int n, Obj *kw)
{
    int64_t a = IV(args[0]), k = n > 1 && args[1] != NONE ? IV(args[1]) : a;
    mpz_t z;
    mpz_init_set_ui(z, 1);
    if (k > a) mpz_set_ui(z, 0);
    for (int64_t i = 0; i < k && k <= a; i++) mpz_mul_ui(z, z, (unsigned long)(a - i));
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}
static Obj *m_lcm(Obj **args, int n, Obj *kw)
{
    mpz_t a, b;
    mpz_init_set_ui(a, 1); mpz_init(b);
    for (int i = 0; i < n; i++) { mp_int_to_mpz(args[i], b); mpz_lcm(a, a, b); }
    Obj *r = mp_int_from_mpz(a);
    mpz_clear(a); mpz_clear(b);
    return r;
}
static Obj *m_remainder(Obj **args, int n, Obj *kw)
{
    double x, y;
    if (!num(args[0], &x) || !num(args[1], &y)) return NULL;
    if (y == 0) return mp_err(&mp_exc_ValueError, "math domain error");
    return mp_float(remainder(x, y));
}
static Obj *m_dist(Obj **args, int n, Obj *kw)
{
    Obj *p = mp_list_of(args[0]), *q = mp_list_of(args[1]);
    if (!p || !q) { xdecref(p); xdecref(q); return NULL; }
    double acc = 0;
    for (int64_t i = 0; i < LN(p) && i < LN(q); i++) {
        double a, b;
        if (!num(LITEMS(p)[i], &a) || !num(LITEMS(q)[i], &b)) { decref(p); decref(q); return NULL; }
        acc = hypot(acc, a - b);
    }
    decref(p); decref(q);
    return mp_float(acc);
}
static Obj *m_modf(Obj **args, int n, Obj *kw)
{
    double x, ip;
    if (!num(args[0], &x)) return NULL;
    double fp = modf(x, &ip);
    Obj *a = mp_float(fp), *b = mp_float(ip);
    Obj *t = mp_tuple_pack(2, a, b);
    decref(a); decref(b);
    return t;
}
static Obj *m_frexp(Obj **args, int n, Obj *kw)
{
    double x;
    int e;
    if (!num(args[0], &x)) return NULL;
    double m = frexp(x, &e);
    Obj *a = mp_float(m), *b = mp_int(e);
    Obj *t = mp_tuple_pack(2, a, b);
    decref(a); decref(b);
    return t;
}
static Obj *m_ldexp(Obj **args, int n, Obj *kw)
{
    double x;
    if (!num(args[0], &x)) return NULL;
    return mp_float(ldexp(x, (int)IV(args[1])));
}
static Obj *m_fsum(Obj **args, int n, Obj *kw)
{
    /* Shewchuk's exact summation */
    Obj *it = mp_iter(args[0]);
    if (!it) return NULL;
    double p[512];
    int np = 0;
    Obj *o;
    while ((o = mp_next(it))) {
        double x;
        int ok = num(o, &x);
        decref(o);
        if (!ok) { decref(it); return NULL; }
        int i = 0;
        for (int j = 0; j < np; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        np = i;
        if (np < 511) p[np++] = x;
    }
    decref(it);
    double hi = 0;
    if (np) {
        hi = p[--np];
        while (np > 0) {
            double x = hi, y = p[--np];
            hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                if (np > 0 && ((lo < 0 && p[np - 1] < 0) || (lo > 0 && p[np - 1] > 0))) {
                    y = lo * 2; x = hi + y;
                    if (y == x - hi) hi = x;
                }
                break;
            }
        }
    }
    return mp_float(hi);
}
static Obj *m_prod(Obj **args, int n, Obj *kw)
{
    Obj *acc = mp_int(1), *it = mp_iter(args[0]), *x;
    if (!it) { decref(acc); return NULL; }
    while ((x = mp_next(it))) {
        Obj *r = mp_binop(BIN_MUL, acc, x);
        decref(x); decref(acc);
        if (!r) { decref(it); return NULL; }
        acc = r;
    }
    decref(it);
    return acc;
}

static Obj *mod_math(void)
{
    Obj *m = mp_module_new("math");
    static const struct MethodDef fns[] = {
        { "sin", m_sin }, { "cos", m_cos }, { "tan", m_tan }, { "asin", m_asin }, { "acos", m_acos },
        { "atan", m_atan }, { "sinh", m_sinh }, { "cosh", m_cosh }, { "tanh", m_tanh }, { "exp", m_exp },
        { "fabs", m_fabs }, { "log2", m_log2 }, { "log10", m_log10 }, { "sqrt", m_sqrt },
        { "degrees", m_degrees }, { "radians", m_radians }, { "erf", m_erf }, { "erfc", m_erfc },
        { "gamma", m_gamma }, { "lgamma", m_lgamma_py }, { "expm1", m_expm1 }, { "log1p", m_log1p },
        { "asinh", m_asinh }, { "acosh", m_acosh }, { "atanh", m_atanh },
        { "log", m_log }, { "pow", m_pow }, { "atan2", m_atan2 }, { "hypot", m_hypot }, { "fmod", m_fmod },
        { "copysign", m_copysign }, { "floor", m_floor }, { "ceil", m_ceil }, { "trunc", m_trunc },
        { "isnan", m_isnan }, { "isinf", m_isinf }, { "isfinite", m_isfinite }, { "isclose", m_isclose },
        { "factorial", m_factorial }, { "gcd", m_gcd }, { "isqrt", m_isqrt }, { "comb", m_comb },
        { "modf", m_modf }, { "frexp", m_frexp }, { "ldexp", m_ldexp }, { "fsum", m_fsum }, { "prod", m_prod }, { "perm", m_perm }, { "lcm", m_lcm }, { "remainder", m_remainder }, { "dist", m_dist },
        { NULL, NULL }
    };
    for (const struct MethodDef *d = fns; d->name; d++) add_fn(m, d->name, d->fn);
    add_val(m, "pi", mp_float(M_PI));
    add_val(m, "e", mp_float(M_E));
    add_val(m, "tau", mp_float(2 * M_PI));
    add_val(m, "inf", mp_float(INFINITY));
    add_val(m, "nan", mp_float(NAN));
    return m;
}

/* ---- time ---- */
static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
static Obj *t_time(Obj **args, int n, Obj *kw) { return mp_float(now(CLOCK_REALTIME)); }
static Obj *t_perf(Obj **args, int n, Obj *kw) { return mp_float(now(CLOCK_MONOTONIC)); }
static Obj *t_process(Obj **args, int n, Obj *kw) { return mp_float(now(CLOCK_PROCESS_CPUTIME_ID)); }
static Obj *t_ns(Obj **args, int n, Obj *kw)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return mp_int((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}
static Obj *t_sleep(Obj **args, int n, Obj *kw)
{
    double s;
    if (!num(args[0], &s)) return NULL;
    struct timespec ts = { (time_t)s, (long)((s - (time_t)s) * 1e9) };
    nanosleep(&ts, NULL);
    return incref(NONE);
}
static Obj *mod_time(void)
{
    Obj *m = mp_module_new("time");
    add_fn(m, "time", t_time); add_fn(m, "perf_counter", t_perf); add_fn(m, "monotonic", t_perf);
    add_fn(m, "process_time", t_process); add_fn(m, "time_ns", t_ns); add_fn(m, "sleep", t_sleep);
    add_fn(m, "perf_counter_ns", t_ns);
    return m;
}

/* ---- sys ---- */
static Obj *s_exit(Obj **args, int n, Obj *kw)
{
    Obj *t = mp_tuple_new(n ? 1 : 0);
    if (n) TITEMS(t)[0] = incref(args[0]);
    xdecref(mp.exc);
    mp.exc = mp_exc_new(&mp_exc_SystemExit, t);
    decref(t);
    return NULL;
}
static Obj *s_setrec(Obj **args, int n, Obj *kw)
{
    if (!IS_INT(args[0])) return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[0]));
    /* CPython's checks and messages: a C int, at least 1.  The value is
     * kept as asked (getrecursionlimit returns it); the C stack has its
     * own guard (mp.stack_floor), so a high limit cannot crash. */
    if (((Int *)args[0])->big || IV(args[0]) > INT_MAX || IV(args[0]) < INT_MIN)
        return mp_err(&mp_exc_OverflowError, "Python int too large to convert to C int");
    int64_t v = IV(args[0]);
    if (v < 1) return mp_err(&mp_exc_ValueError, "recursion limit must be greater or equal than 1");
    mp.limit = (int)v;
    return incref(NONE);
}
static Obj *s_getrec(Obj **args, int n, Obj *kw) { return mp_int(mp.limit); }
static Obj *s_intern(Obj **args, int n, Obj *kw) { return incref(mp_str_intern(SS(args[0]))); }
/* sys.exc_info() / sys.exception(): the exception being handled (mp.handled:
 * the innermost except block running, in this frame or a caller; a
 * suspended generator keeps its own, ceval.c's gen_resume).  minipy has no
 * traceback objects (`__traceback__` is None too), so the third item is
 * None. */
static Obj *s_exc_info(Obj **args, int n, Obj *kw)
{
    if (n) return mp_err(&mp_exc_TypeError, "sys.exc_info() takes no arguments (%d given)", n);
    Obj *h = mp.handled && mp.handled != NONE ? mp.handled : NULL;
    if (!h) return mp_tuple_pack(3, NONE, NONE, NONE);
    return mp_tuple_pack(3, (Obj *)TYPE(h), h, NONE);
}
static Obj *s_exception(Obj **args, int n, Obj *kw)
{
    if (n) return mp_err(&mp_exc_TypeError, "sys.exception() takes no arguments (%d given)", n);
    return incref(mp.handled && mp.handled != NONE ? mp.handled : NONE);
}
static Obj *mod_sys(void)
{
    Obj *m = mp_module_new("sys");
    add_fn(m, "exit", s_exit); add_fn(m, "setrecursionlimit", s_setrec); add_fn(m, "getrecursionlimit", s_getrec);
    add_fn(m, "intern", s_intern);
    add_fn(m, "exc_info", s_exc_info); add_fn(m, "exception", s_exception);
    mp_dict_sets(((Module *)m)->dict, "argv", mp.argv);
    add_val(m, "stdout", mp_file_new(stdout));
    add_val(m, "stderr", mp_file_new(stderr));
    add_val(m, "maxsize", mp_int(INT64_MAX));
    add_val(m, "version", mp_str_c("3.11.7 (minipy)"));
    add_val(m, "platform", mp_str_c("linux"));
    add_val(m, "byteorder", mp_str_c("little"));
    Obj *vi = mp_tuple_new(5);
    TITEMS(vi)[0] = mp_int(3); TITEMS(vi)[1] = mp_int(11); TITEMS(vi)[2] = mp_int(7);
    TITEMS(vi)[3] = mp_str_c("final"); TITEMS(vi)[4] = mp_int(0);
    add_val(m, "version_info", vi);
    mp_dict_sets(((Module *)m)->dict, "modules", mp.modules);
    Obj *fi = mp_module_new("float_info");
    add_val(fi, "max", mp_float(1.7976931348623157e308));
    add_val(fi, "min", mp_float(2.2250738585072014e-308));
    add_val(fi, "epsilon", mp_float(2.220446049250313e-16));
    add_val(fi, "dig", mp_int(15));
    add_val(m, "float_info", fi);
    return m;
}

/* ---- random: CPython's MT19937, init_by_array seeding ---- */
static void mt_init(uint32_t s)
{
    mp.mt[0] = s;
    for (int i = 1; i < 624; i++) mp.mt[i] = 1812433253U * (mp.mt[i - 1] ^ (mp.mt[i - 1] >> 30)) + i;
    mp.mti = 624;
}
static void mt_init_array(uint32_t *key, int len)
{
    mt_init(19650218U);
    int i = 1, j = 0, k = 624 > len ? 624 : len;
    for (; k; k--) {
        mp.mt[i] = (mp.mt[i] ^ ((mp.mt[i - 1] ^ (mp.mt[i - 1] >> 30)) * 1664525U)) + key[j] + j;
        i++; j++;
        if (i >= 624) { mp.mt[0] = mp.mt[623]; i = 1; }
        if (j >= len) j = 0;
    }
    for (k = 623; k; k--) {
        mp.mt[i] = (mp.mt[i] ^ ((mp.mt[i - 1] ^ (mp.mt[i - 1] >> 30)) * 1566083941U)) - i;
        i++;
        if (i >= 624) { mp.mt[0] = mp.mt[623]; i = 1; }
    }
    mp.mt[0] = 0x80000000U;
}
static uint32_t mt_next(void)
{
    static const uint32_t mag[2] = { 0, 0x9908b0dfU };
    uint32_t y;
    if (mp.mti >= 624) {
        int kk;
        for (kk = 0; kk < 624 - 397; kk++) {
            y = (mp.mt[kk] & 0x80000000U) | (mp.mt[kk + 1] & 0x7fffffffU);
            mp.mt[kk] = mp.mt[kk + 397] ^ (y >> 1) ^ mag[y & 1];
        }
        for (; kk < 623; kk++) {
            y = (mp.mt[kk] & 0x80000000U) | (mp.mt[kk + 1] & 0x7fffffffU);
            mp.mt[kk] = mp.mt[kk + (397 - 624)] ^ (y >> 1) ^ mag[y & 1];
        }
        y = (mp.mt[623] & 0x80000000U) | (mp.mt[0] & 0x7fffffffU);
        mp.mt[623] = mp.mt[396] ^ (y >> 1) ^ mag[y & 1];
        mp.mti = 0;
    }
    y = mp.mt[mp.mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}
void mp_sha512(const unsigned char *data, size_t n, unsigned char out[64]);

/* seed(None): 624 words of OS entropy, as CPython (os.urandom); the clock
 * only if the OS gives none. */
static void seed_entropy(void)
{
    uint32_t key[624];
    size_t got = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f) { got = fread(key, 1, sizeof key, f); fclose(f); }
    if (got != sizeof key) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_nsec; key[1] = (uint32_t)ts.tv_sec;
        mt_init_array(key, 2);
        return;
    }
    mt_init_array(key, 624);
}

/* seed(a): an int by its absolute value; str, bytes and bytearray by
 * CPython's version-2 rule, int.from_bytes(b + sha512(b).digest()) (b the
 * UTF-8 bytes); anything else by its hash. */
static Obj *r_seed(Obj **args, int n, Obj *kw)
{
    Obj *a = n > 0 ? args[0] : NONE;
    if (a == NONE) { seed_entropy(); return incref(NONE); }
    mpz_t z;
    mpz_init(z);
    const unsigned char *bytes = NULL;
    int64_t nb = 0;
    if (IS_STR(a)) { bytes = (const unsigned char *)SS(a); nb = SLEN(a); }
    else if (IS(a, bytes)) { bytes = ((Bytes *)a)->s; nb = ((Bytes *)a)->len; }
    else if (IS(a, bytearray)) { bytes = ((ByteArray *)a)->s; nb = ((ByteArray *)a)->n; }
    if (IS_INT(a)) mp_int_to_mpz(a, z);
    else if (bytes || IS(a, bytearray)) {
        unsigned char *buf = malloc(nb + 64);
        if (nb) memcpy(buf, bytes, nb);
        mp_sha512(buf, nb, buf + nb);
        mpz_import(z, nb + 64, 1, 1, 0, 0, buf);
        free(buf);
    } else { int64_t h = mp_hash(a); if (h == -1 && mp.exc) { mpz_clear(z); return NULL; } mpz_set_si(z, h); }
    mpz_abs(z, z);
    size_t cnt = 0;
    uint32_t *key = mpz_export(NULL, &cnt, -1, 4, 0, 0, z);
    if (cnt == 0) { uint32_t zero = 0; mt_init_array(&zero, 1); }
    else mt_init_array(key, (int)cnt);
    free(key);
    mpz_clear(z);
    return incref(NONE);
}
static Obj *r_random(Obj **args, int n, Obj *kw)
{
    uint32_t a = mt_next() >> 5, b = mt_next() >> 6;
    return mp_float((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}
static Obj *r_getrandbits(Obj **args, int n, Obj *kw)
{
    int64_t k = IV(args[0]);
    if (k < 0) return mp_err(&mp_exc_ValueError, "number of bits must be non-negative");
    if (k == 0) return mp_int(0);
    if (k <= 32) return mp_int(mt_next() >> (32 - k));
    int64_t words = (k - 1) / 32 + 1;
    uint32_t *w = malloc(sizeof(uint32_t) * words);
    for (int64_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = mt_next();
        if (k < 32) r >>= (32 - k);
        w[i] = r;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, 4, 0, 0, w);
    free(w);
    Obj *r = mp_int_from_mpz(z);
    mpz_clear(z);
    return r;
}
static Obj *mod_random_core(void)
{
    Obj *m = mp_module_new("_random");
    add_fn(m, "seed", r_seed); add_fn(m, "random", r_random); add_fn(m, "getrandbits", r_getrandbits);
    return m;
}

/* ---- array (minimal) ---- */
static Obj *a_new(Obj **args, int n, Obj *kw)
{
    if (n < 1 || !IS_STR(args[0])) return mp_err(&mp_exc_TypeError, "array() argument 1 must be a unicode character");
    Array *a = mp_alloc(&mp_array_type, sizeof(Array));
    a->tc = SS(args[0])[0];
    Obj *l = n > 1 ? mp_list_of(args[1]) : mp_list_new(0);
    if (!l) return NULL;
    a->n = a->cap = LN(l);
    a->items = malloc(sizeof(Obj *) * (a->cap + 1));
    for (int64_t i = 0; i < a->n; i++) {
        Obj *x = LITEMS(l)[i];
        if (strchr("fd", a->tc) && IS_INT(x)) { int ok; a->items[i] = mp_float(mp_to_double(x, &ok)); }
        else a->items[i] = incref(x);
    }
    decref(l);
    return (Obj *)a;
}
Obj *mp_mod_array(void);
Obj *mp_mod_array(void)
{
    Obj *m = mp_module_new("array");
    add_fn(m, "array", a_new);
    return m;
}

Obj *mp_mod_io(void);
Obj *mp_mod_io(void)
{
    Obj *m = mp_module_new("io");
    mp_dict_sets(((Module *)m)->dict, "StringIO", (Obj *)&mp_stringio_type);
    return m;
}

/* ---- import ---- */

static Obj *exec_module(const char *name, const char *filename, const char *src)
{
    Obj *m = mp_module_new(name);
    Obj *fn = mp_str_c(filename);
    mp_dict_set(((Module *)m)->dict, mp.s___file__, fn);
    decref(fn);
    Obj *nm = mp_str_c(name);
    mp_dict_set(mp.modules, nm, m);
    Obj *r = mp_exec_source(filename, src, ((Module *)m)->dict);
    if (!r) { mp_dict_del(mp.modules, nm); decref(nm); decref(m); return NULL; }
    decref(nm);
    decref(r);
    return m;
}

char *mp_read_file(const char *path, long *len);

Obj *mp_import(Obj *name)
{
    Obj *m = mp_dict_get(mp.modules, name);
    if (m) return incref(m);
    const char *s = SS(name);
    static const struct { const char *name; Obj *(*init)(void); } cmods[] = {
        { "math", mod_math }, { "time", mod_time }, { "sys", mod_sys }, { "_random", mod_random_core },
        { "gc", mp_mod_gc },
        { NULL, NULL }
    };
    if (!strcmp(s, "builtins")) {
        m = mp_module_new("builtins");
        decref(((Module *)m)->dict);
        ((Module *)m)->dict = incref(mp.builtins);
        mp_dict_set(mp.modules, name, m);
        return m;
    }
    for (int i = 0; cmods[i].name; i++)
        if (!strcmp(s, cmods[i].name)) {
            m = cmods[i].init();
            mp_dict_set(mp.modules, name, m);
            return m;
        }
    for (int i = 0; mp_py_modules[i].name; i++)
        if (!strcmp(s, mp_py_modules[i].name)) {
            char fn[128];
            snprintf(fn, sizeof fn, "<frozen %s>", s);
            return exec_module(s, fn, mp_py_modules[i].src);
        }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.py", mp.script_dir ? mp.script_dir : ".", s);
    for (char *p = path + strlen(mp.script_dir ? mp.script_dir : "."); *p; p++) if (*p == '.' && strcmp(p, ".py")) *p = '/';
    long len;
    char *src = mp_read_file(path, &len);
    if (src) {
        Obj *r = exec_module(s, path, src);
        free(src);
        return r;
    }
    Obj *e = mp_err(&mp_exc_ModuleNotFoundError, "No module named '%s'", s);
    if (mp.exc) mp_dict_sets(((Inst *)mp.exc)->dict, "name", name);
    return e;
}

void mp_modules_init(void)
{
    mp.modules = mp_dict_new();
}

Obj *mp_run_prelude(void)
{
    Obj *g = mp_dict_new();
    mp.prelude_globals = g;
    mp_dict_sets(g, "__name__", mp_str_intern("builtins"));
    Obj *r = mp_exec_source("<frozen builtins>", mp_prelude_builtins, g);
    if (!r) return NULL;
    decref(r);
    mp.big_range = mp_dict_gets(g, "_BigRange");
    static const char *names[] = { "enumerate", "zip", "map", "filter", NULL };
    for (int i = 0; names[i]; i++) {
        Obj *f = mp_dict_gets(g, names[i]);
        if (f) mp_dict_sets(mp.builtins, names[i], f);
    }
    return g;   /* borrowed: kept in mp.prelude_globals */
}
