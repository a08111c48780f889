/* builtins.c -- the builtins module: print, len, the constructors of the
 * built-in types (int(), str(), list(), ...), min/max/sum/sorted, and the
 * descriptor types (staticmethod, classmethod, property, super). */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <ctype.h>
#include "object.h"
#include "opcodes.h"

extern CFunc mp_object_init_fn;

int mp_write_stdout(const char *s, int64_t n)
{
    if (mp.stdout_obj) {
        Obj *str = mp_str_new(s, n);
        Obj *r = mp_print_to(mp.stdout_obj, str);
        decref(str);
        if (!r) return -1;
        decref(r);
        return 0;
    }
    fwrite(s, 1, n, stdout);
    return 0;
}

/* ---- a minimal file object for sys.stdout / sys.stderr ---- */
static Type file_type = { .hd = OBJ_HEAD(&mp_type_type), .name = "_io.TextIOWrapper", .base = &mp_object_type };
typedef struct { Obj hd; Obj *dict; FILE *fp; } FileObj;

static Obj *f_write(Obj **args, int n, Obj *kw)
{
    FileObj *f = (FileObj *)args[0];
    if (n < 2 || !IS_STR(args[1])) return mp_err(&mp_exc_TypeError, "write() argument must be str");
    if (f->fp == stderr) fflush(stdout);
    fwrite(SS(args[1]), 1, SLEN(args[1]), f->fp);
    return mp_int(((Str *)args[1])->clen);
}
static Obj *f_flush(Obj **args, int n, Obj *kw) { fflush(((FileObj *)args[0])->fp); return incref(NONE); }
static const struct MethodDef file_methods[] = { { "write", f_write }, { "flush", f_flush }, { NULL, NULL } };

Obj *mp_file_new(FILE *fp)
{
    if (!file_type.dict) { file_type.version = 999; mp_add_methods(&file_type, file_methods); }
    FileObj *f = mp_alloc(&file_type, sizeof(FileObj));
    f->fp = fp;
    return (Obj *)f;
}

Obj *mp_print_to(Obj *file, Obj *s)
{
    if (TYPE(file) == &file_type) {
        FileObj *f = (FileObj *)file;
        if (f->fp == stderr) fflush(stdout);
        fwrite(SS(s), 1, SLEN(s), f->fp);
        return incref(NONE);
    }
    Obj *w = mp_getattr_s(file, "write");
    if (!w) return NULL;
    Obj *r = mp_call1(w, s);
    decref(w);
    return r;
}

static Obj *b_print(Obj **args, int n, Obj *kw)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *sep = mp_kwarg(args, n, kw, "sep"), *end = mp_kwarg(args, n, kw, "end");
    Obj *file = mp_kwarg(args, n, kw, "file"), *flush = mp_kwarg(args, n, kw, "flush");
    if (sep == NONE) sep = NULL;
    if (end == NONE) end = NULL;
    if (file == NONE) file = NULL;
    if (sep && !IS_STR(sep)) return mp_err(&mp_exc_TypeError, "sep must be None or a string, not %s", mp_type_name(sep));
    if (end && !IS_STR(end)) return mp_err(&mp_exc_TypeError, "end must be None or a string, not %s", mp_type_name(end));
    SB b = {0};
    for (int i = 0; i < np; i++) {
        if (i) { if (sep) sb_addo(&b, sep); else sb_addc(&b, ' '); }
        Obj *s = mp_str(args[i]);
        if (!s) { sb_free(&b); return NULL; }
        sb_addo(&b, s);
        decref(s);
    }
    if (end) sb_addo(&b, end); else sb_addc(&b, '\n');
    if (file) {
        Obj *s = sb_finish(&b);
        Obj *r = mp_print_to(file, s);
        decref(s);
        if (!r) return NULL;
        decref(r);
    } else {
        int r = mp_write_stdout(b.s ? b.s : "", b.n);
        sb_free(&b);
        if (r < 0) return NULL;
    }
    if (flush && mp_truthy(flush) > 0) fflush(stdout);
    return incref(NONE);
}

static Obj *b_len(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("len", n, 1, 1)) return NULL;
    int64_t l = mp_len(args[0]);
    return l < 0 ? NULL : mp_int(l);
}

static Obj *b_repr(Obj **args, int n, Obj *kw) { if (mp_check_args("repr", n, 1, 1)) return NULL; return mp_repr(args[0]); }
static Obj *b_ascii(Obj **args, int n, Obj *kw) { if (mp_check_args("ascii", n, 1, 1)) return NULL; return mp_ascii(args[0]); }

static Obj *b_abs(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("abs", n, 1, 1)) return NULL;
    Obj *o = args[0];
    if (!mp_special(o, mp.s___abs__)) o = mp_unwrap(o);
    if (IS_INT(o)) return mp_int_sign(o) < 0 ? mp_int_neg(o) : mp_pos(o);
    if (IS(o, float)) return mp_float(fabs(FV(o)));
    if (IS(o, complex)) return mp_float(hypot(((Complex *)o)->re, ((Complex *)o)->im));
    Obj *m = mp_special(o, mp.s___abs__);
    if (m) return mp_call1(m, o);
    return mp_err(&mp_exc_TypeError, "bad operand type for abs(): '%s'", mp_type_name(o));
}

static Obj *minmax(Obj **args, int n, Obj *kw, int op, const char *name)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *key = mp_kwarg(args, n, kw, "key"), *dflt = mp_kwarg(args, n, kw, "default");
    if (key == NONE) key = NULL;
    if (np == 0) return mp_err(&mp_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Obj *it = np == 1 ? mp_iter(args[0]) : NULL;
    if (np == 1 && !it) return NULL;
    Obj *best = NULL, *bestk = NULL;
    int64_t i = 0;
    for (;;) {
        Obj *x = it ? mp_next(it) : (i < np ? incref(args[i]) : NULL);
        i++;
        if (!x) break;
        Obj *k = key ? mp_call1(key, x) : incref(x);
        if (!k) { decref(x); goto fail; }
        if (!best) { best = x; bestk = k; continue; }
        int c = mp_cmp_bool(k, bestk, op);
        if (c < 0) { decref(x); decref(k); goto fail; }
        if (c) { decref(best); decref(bestk); best = x; bestk = k; }
        else { decref(x); decref(k); }
    }
    xdecref(it);
    if (mp.exc) { xdecref(best); xdecref(bestk); return NULL; }
    if (!best) {
        if (dflt) return incref(dflt);
        return mp_err(&mp_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    decref(bestk);
    return best;
fail:
    xdecref(it); xdecref(best); xdecref(bestk);
    return NULL;
}
static Obj *b_min(Obj **args, int n, Obj *kw) { return minmax(args, n, kw, CMP_LT, "min"); }
static Obj *b_max(Obj **args, int n, Obj *kw) { return minmax(args, n, kw, CMP_GT, "max"); }

static Obj *b_sum(Obj **args, int n, Obj *kw)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *start = np > 1 ? args[1] : mp_kwarg(args, n, kw, "start");
    if (np < 1) return mp_err(&mp_exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (start && IS_STR(start)) return mp_err(&mp_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Obj *acc = start ? incref(start) : mp_int(0);
    Obj *it = mp_iter(args[0]);
    if (!it) { decref(acc); return NULL; }
    Obj *x;
    while ((x = mp_next(it))) {
        Obj *r;
        if (SMALL(acc) && SMALL(x) && IS(acc, int) && IS(x, int)) {
            int64_t s;
            if (!__builtin_add_overflow(IV(acc), IV(x), &s)) r = mp_int(s); else r = mp_binop(BIN_ADD, acc, x);
        } else if (IS(acc, float) && IS(x, float)) r = mp_float(FV(acc) + FV(x));
        else r = mp_binop(BIN_ADD, acc, x);
        decref(acc); decref(x);
        if (!r) { decref(it); return NULL; }
        acc = r;
    }
    decref(it);
    if (mp.exc) { decref(acc); return NULL; }
    return acc;
}

Obj *mp_sorted(Obj *it, Obj *key, int reverse)
{
    Obj *l = mp_list_of(it);
    if (!l) return NULL;
    if (mp_list_sort(l, key, reverse) < 0) { decref(l); return NULL; }
    return l;
}

static Obj *b_sorted(Obj **args, int n, Obj *kw)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    if (np != 1) return mp_err(&mp_exc_TypeError, "sorted expected 1 argument, got %d", np);
    Obj *key = mp_kwarg(args, n, kw, "key"), *rev = mp_kwarg(args, n, kw, "reverse");
    return mp_sorted(args[0], key, rev ? mp_truthy(rev) : 0);
}

static Obj *b_reversed(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("reversed", n, 1, 1)) return NULL;
    Obj *o = args[0];
    Obj *m = mp_special(o, mp.s___reversed__);
    if (m) return mp_call1(m, o);
    if (IS(o, dict) || IS(o, set) || IS(o, int) || IS(o, float) || IS(o, generator))
        return mp_err(&mp_exc_TypeError, "'%s' object is not reversible", mp_type_name(o));
    if (IS(o, range)) {
        Range *r = (Range *)o;
        int64_t len = mp_len(o);
        Obj *rr = mp_range_new(r->start + (len - 1) * r->step, r->start - r->step, -r->step);
        Obj *it = mp_iter(rr);
        decref(rr);
        return it;
    }
    Obj *l = mp_list_of(o);
    if (!l) return NULL;
    for (int64_t i = 0, j = LN(l) - 1; i < j; i++, j--) { Obj *t = LITEMS(l)[i]; LITEMS(l)[i] = LITEMS(l)[j]; LITEMS(l)[j] = t; }
    Obj *it = mp_iter(l);
    decref(l);
    return it;
}

static int isinst(Obj *o, Obj *t)
{
    if (IS(t, tuple)) {
        for (int64_t i = 0; i < TN(t); i++) { int r = isinst(o, TITEMS(t)[i]); if (r) return r; }
        return 0;
    }
    if (!IS(t, type)) { mp_err(&mp_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union"); return -1; }
    return mp_isinstance(o, (Type *)t);
}
static Obj *b_isinstance(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("isinstance", n, 2, 2)) return NULL;
    int r = isinst(args[0], args[1]);
    return r < 0 ? NULL : mp_bool(r);
}
static int issub(Obj *o, Obj *t)
{
    if (IS(t, tuple)) {
        for (int64_t i = 0; i < TN(t); i++) { int r = issub(o, TITEMS(t)[i]); if (r) return r; }
        return 0;
    }
    if (!IS(t, type) || !IS(o, type)) { mp_err(&mp_exc_TypeError, "issubclass() arg 1 must be a class"); return -1; }
    return mp_is_subtype((Type *)o, (Type *)t);
}
static Obj *b_issubclass(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("issubclass", n, 2, 2)) return NULL;
    int r = issub(args[0], args[1]);
    return r < 0 ? NULL : mp_bool(r);
}

static Obj *b_iter(Obj **args, int n, Obj *kw) { if (mp_check_args("iter", n, 1, 1)) return NULL; return mp_iter(args[0]); }
static Obj *b_next(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("next", n, 1, 2)) return NULL;
    Obj *t = TYPE(args[0]) == &mp_generator_type || mp_special(args[0], mp.s___next__) ||
             strstr(TYPE(args[0])->name, "iterator") ? NULL : args[0];
    if (t) return mp_err(&mp_exc_TypeError, "'%s' object is not an iterator", mp_type_name(t));
    Obj *v = mp_next(args[0]);
    if (v || mp.exc) return v;
    if (n > 1) return incref(args[1]);
    if (IS(args[0], generator) && ((Gen *)args[0])->retval) return mp_err_obj(&mp_exc_StopIteration, ((Gen *)args[0])->retval);
    mp.exc = mp_exc_new(&mp_exc_StopIteration, NULL);
    return NULL;
}
static Obj *b_id(Obj **args, int n, Obj *kw) { return mp_int((int64_t)(uintptr_t)args[0]); }
static Obj *b_hash(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("hash", n, 1, 1)) return NULL;
    int64_t h = mp_hash(args[0]);
    return h == -1 && mp.exc ? NULL : mp_int(h);
}
static Obj *b_callable(Obj **args, int n, Obj *kw)
{
    Obj *o = args[0];
    Type *t = TYPE(o);
    int r = t == &mp_function_type || t == &mp_builtin_type || t == &mp_method_type || t == &mp_type_type ||
            (t->flags & T_USER && mp_special(o, mp.s___call__));
    return mp_bool(r);
}
static Obj *b_getattr(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("getattr", n, 2, 3)) return NULL;
    if (!IS_STR(args[1])) return mp_err(&mp_exc_TypeError, "attribute name must be string, not '%s'", mp_type_name(args[1]));
    Obj *v = mp_getattr(args[0], mp_str_intern(SS(args[1])));
    if (!v && n > 2 && mp_err_matches(&mp_exc_AttributeError)) { mp_err_clear(); return incref(args[2]); }
    return v;
}
static Obj *b_setattr(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("setattr", n, 3, 3)) return NULL;
    if (mp_setattr(args[0], mp_str_intern(SS(args[1])), args[2]) < 0) return NULL;
    return incref(NONE);
}
static Obj *b_delattr(Obj **args, int n, Obj *kw)
{
    if (mp_setattr(args[0], mp_str_intern(SS(args[1])), NULL) < 0) return NULL;
    return incref(NONE);
}
static Obj *b_hasattr(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("hasattr", n, 2, 2)) return NULL;
    Obj *v = mp_getattr(args[0], mp_str_intern(SS(args[1])));
    if (!v) { if (mp_err_matches(&mp_exc_AttributeError)) { mp_err_clear(); return mp_bool(0); } return NULL; }
    decref(v);
    return mp_bool(1);
}
static Obj *b_ord(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("ord", n, 1, 1)) return NULL;
    Obj *s = args[0];
    if (IS(s, bytes) && ((Bytes *)s)->len == 1) return mp_int(((Bytes *)s)->s[0]);
    if (!IS_STR(s)) return mp_err(&mp_exc_TypeError, "ord() expected string of length 1, but %s found", mp_type_name(s));
    if (((Str *)s)->clen != 1)
        return mp_err(&mp_exc_TypeError, "ord() expected a character, but string of length %lld found", (long long)((Str *)s)->clen);
    const unsigned char *p = (unsigned char *)SS(s);
    uint32_t c = p[0];
    if (c >= 0xF0) c = ((c & 7) << 18) | ((p[1] & 63) << 12) | ((p[2] & 63) << 6) | (p[3] & 63);
    else if (c >= 0xE0) c = ((c & 15) << 12) | ((p[1] & 63) << 6) | (p[2] & 63);
    else if (c >= 0xC0) c = ((c & 31) << 6) | (p[1] & 63);
    return mp_int(c);
}
static Obj *b_chr(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("chr", n, 1, 1)) return NULL;
    int ok;
    int64_t c = mp_index(args[0], &ok);
    if (!ok) return NULL;
    if (c < 0 || c > 0x10ffff) return mp_err(&mp_exc_ValueError, "chr() arg not in range(0x110000)");
    char u[4];
    int len;
    if (c < 0x80) { u[0] = (char)c; len = 1; }
    else if (c < 0x800) { u[0] = 0xC0 | (c >> 6); u[1] = 0x80 | (c & 63); len = 2; }
    else if (c < 0x10000) { u[0] = 0xE0 | (c >> 12); u[1] = 0x80 | ((c >> 6) & 63); u[2] = 0x80 | (c & 63); len = 3; }
    else { u[0] = 0xF0 | (c >> 18); u[1] = 0x80 | ((c >> 12) & 63); u[2] = 0x80 | ((c >> 6) & 63); u[3] = 0x80 | (c & 63); len = 4; }
    return mp_str_new(u, len);
}
static Obj *int_fmt(Obj **args, int n, int base, const char *name)
{
    if (mp_check_args(name, n, 1, 1)) return NULL;
    if (!IS_INT(args[0])) return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[0]));
    return mp_int_format(args[0], base, 0, 1);
}
static Obj *b_hex(Obj **args, int n, Obj *kw) { return int_fmt(args, n, 16, "hex"); }
static Obj *b_oct(Obj **args, int n, Obj *kw) { return int_fmt(args, n, 8, "oct"); }
static Obj *b_bin(Obj **args, int n, Obj *kw) { return int_fmt(args, n, 2, "bin"); }

static Obj *b_divmod(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("divmod", n, 2, 2)) return NULL;
    /* CPython names divmod itself when a float meets a zero divisor. */
    Obj *a = args[0], *d = args[1];
    if ((IS(d, float) && ((Float *)d)->v == 0 && (IS(a, float) || IS_INT(a)))
        || (IS(a, float) && IS_INT(d) && mp_int_sign(d) == 0))
        return mp_err(&mp_exc_ZeroDivisionError, "float divmod()");
    Obj *q = mp_binop(BIN_FLOORDIV, args[0], args[1]);
    if (!q) return NULL;
    Obj *r = mp_binop(BIN_MOD, args[0], args[1]);
    if (!r) { decref(q); return NULL; }
    Obj *t = mp_tuple_pack(2, q, r);
    decref(q); decref(r);
    return t;
}

static Obj *b_pow(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("pow", n, 2, 3)) return NULL;
    if (n == 3 && args[2] != NONE) {
        if (!IS_INT(args[0]) || !IS_INT(args[1]) || !IS_INT(args[2]))
            return mp_err(&mp_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        if (mp_int_sign(args[2]) == 0) return mp_err(&mp_exc_ValueError, "pow() 3rd argument cannot be 0");
        mpz_t b, e, m, r;
        mpz_init(b); mpz_init(e); mpz_init(m); mpz_init(r);
        mp_int_to_mpz(args[0], b); mp_int_to_mpz(args[1], e); mp_int_to_mpz(args[2], m);
        Obj *res = NULL;
        if (mpz_sgn(e) < 0) {
            if (!mpz_invert(b, b, m)) { res = mp_err(&mp_exc_ValueError, "base is not invertible for the given modulus"); goto out; }
            mpz_neg(e, e);
        }
        mpz_powm(r, b, e, m);
        if (mpz_sgn(r) != 0 && mpz_sgn(m) < 0) mpz_add(r, r, m);
        res = mp_int_from_mpz(r);
    out:
        mpz_clear(b); mpz_clear(e); mpz_clear(m); mpz_clear(r);
        return res;
    }
    return mp_binop(BIN_POW, args[0], args[1]);
}

static Obj *b_round(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("round", n, 1, 2)) return NULL;
    Obj *x = args[0];
    Obj *nd = n > 1 ? args[1] : NONE;
    Obj *m = mp_special(x, mp.s___round__);
    if (m) return nd == NONE ? mp_call1(m, x) : mp_call2(m, x, nd);
    x = mp_unwrap(x);
    if (IS_INT(x)) {
        if (nd == NONE || mp_int_sign(nd) >= 0) return mp_pos(x);
        /* round to a negative number of digits, half to even */
        mpz_t v, p, q, r;
        mpz_init(v); mpz_init(p); mpz_init(q); mpz_init(r);
        mp_int_to_mpz(x, v);
        mpz_ui_pow_ui(p, 10, (unsigned long)(-IV(nd)));
        mpz_fdiv_qr(q, r, v, p);
        mpz_mul_2exp(r, r, 1);
        int c = mpz_cmp(r, p);
        if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
        mpz_mul(q, q, p);
        Obj *res = mp_int_from_mpz(q);
        mpz_clear(v); mpz_clear(p); mpz_clear(q); mpz_clear(r);
        return res;
    }
    if (!IS(x, float)) return mp_err(&mp_exc_TypeError, "type %s doesn't define __round__ method", mp_type_name(x));
    double d = FV(x);
    if (nd == NONE) {
        double r = nearbyint(d);
        return mp_int_from_double(r);
    }
    int64_t digits = IV(nd);
    if (!isfinite(d)) return mp_float(d);
    if (digits > 300) return mp_float(d);
    if (digits < -300) return mp_float(copysign(0.0, d));
    if (digits >= 0) {
        char buf[512];
        snprintf(buf, sizeof buf, "%.*f", (int)digits, d);
        return mp_float(strtod(buf, NULL));
    }
    double p = pow(10.0, (double)-digits);
    double y = d / p, z = nearbyint(y);
    if (fabs(y - z) == 0.5) z = 2.0 * nearbyint(y / 2.0);
    return mp_float(z * p);
}

static Obj *b_format(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("format", n, 1, 2)) return NULL;
    return mp_format(args[0], n > 1 ? args[1] : NULL);
}

static Obj *b_any(Obj **args, int n, Obj *kw)
{
    Obj *it = mp_iter(args[0]);
    if (!it) return NULL;
    Obj *x;
    while ((x = mp_next(it))) {
        int t = mp_truthy(x);
        decref(x);
        if (t) { decref(it); return t < 0 ? NULL : mp_bool(1); }
    }
    decref(it);
    return mp.exc ? NULL : mp_bool(0);
}
static Obj *b_all(Obj **args, int n, Obj *kw)
{
    Obj *it = mp_iter(args[0]);
    if (!it) return NULL;
    Obj *x;
    while ((x = mp_next(it))) {
        int t = mp_truthy(x);
        decref(x);
        if (t <= 0) { decref(it); return t < 0 ? NULL : mp_bool(0); }
    }
    decref(it);
    return mp.exc ? NULL : mp_bool(1);
}

static Obj *b_globals(Obj **args, int n, Obj *kw) { return incref(mp.frame ? mp.frame->globals : NONE); }
static Obj *b_locals(Obj **args, int n, Obj *kw)
{
    Frame *f = mp.frame;
    if (!f) return mp_dict_new();
    if (f->locals) return incref(f->locals);
    Obj *d = mp_dict_new();
    for (int i = 0; i < f->code->nlocals; i++)
        if (f->lp[i]) mp_dict_set(d, TITEMS(f->code->varnames)[i], f->lp[i]);
    return d;
}
static Obj *b_vars(Obj **args, int n, Obj *kw)
{
    if (n == 0) return b_locals(args, n, kw);
    return mp_getattr(args[0], mp.s___dict__);
}
static Obj *b_exit(Obj **args, int n, Obj *kw)
{
    Obj *t = mp_tuple_new(n);
    for (int i = 0; i < n; i++) TITEMS(t)[i] = incref(args[i]);
    xdecref(mp.exc);
    mp.exc = mp_exc_new(&mp_exc_SystemExit, t);
    decref(t);
    return NULL;
}
static Obj *b_input(Obj **args, int n, Obj *kw)
{
    if (n > 0) { Obj *s = mp_str(args[0]); if (s) { mp_write_stdout(SS(s), SLEN(s)); decref(s); } }
    fflush(stdout);
    char buf[65536];
    if (!fgets(buf, sizeof buf, stdin)) return mp_err(&mp_exc_EOFError, "EOF when reading a line");
    size_t l = strlen(buf);
    if (l && buf[l - 1] == '\n') buf[--l] = 0;
    return mp_str_new(buf, (int64_t)l);
}
static Obj *b_import(Obj **args, int n, Obj *kw) { return mp_import(args[0]); }

/* ---- constructors ---- */

static Obj *int_from_string(Obj *s, int base)
{
    const char *p = SS(s), *e = p + SLEN(s);
    while (p < e && isspace((unsigned char)*p)) p++;
    while (e > p && isspace((unsigned char)e[-1])) e--;
    int neg = 0;
    const char *q = p;
    if (q < e && (*q == '+' || *q == '-')) { neg = *q == '-'; q++; }
    if (e - q >= 2 && q[0] == '0') {
        char c = q[1] | 32;
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { q += 2; base = pb; if (q < e && *q == '_') q++; }
    }
    if (base == 0) base = 10;
    int ok = q < e && q[0] != '_' && e[-1] != '_';
    for (const char *r = q; r < e && ok; r++) {
        if (*r == '_') { if (r[1] == '_') ok = 0; continue; }
        int d = isdigit((unsigned char)*r) ? *r - '0' : isalpha((unsigned char)*r) ? (tolower(*r) - 'a' + 10) : 99;
        if (d >= base) ok = 0;
    }
    if (!ok) {
        Obj *r = mp_repr(s);
        mp_err(&mp_exc_ValueError, "invalid literal for int() with base %d: %s", base, SS(r));
        decref(r);
        return NULL;
    }
    Obj *v = mp_int_from_str(q, (int)(e - q), base);
    if (v && neg) { Obj *x = mp_int_neg(v); decref(v); v = x; }
    return v;
}

static Obj *t_int(Obj **args, int n, Obj *kw)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *base = np > 1 ? args[1] : mp_kwarg(args, n, kw, "base");
    if (np == 0) return mp_int(0);
    Obj *x = args[0];
    if (!mp_special(x, mp.s___int__) && !mp_special(x, mp.s___index__)) x = mp_unwrap(x);
    if (base) {
        if (!IS_STR(x)) return mp_err(&mp_exc_TypeError, "int() can't convert non-string with explicit base");
        return int_from_string(x, (int)IV(base));
    }
    if (IS(x, bool)) return mp_int(x == TRUE_);
    if (IS_INT(x)) return incref(x);
    if (IS(x, float)) return mp_int_from_double(trunc(FV(x)));
    if (IS_STR(x)) return int_from_string(x, 10);
    if (IS(x, bytes)) {
        Obj *s = mp_str_new((char *)((Bytes *)x)->s, ((Bytes *)x)->len);
        Obj *r = int_from_string(s, 10);
        decref(s);
        return r;
    }
    Obj *m = mp_special(x, mp.s___int__);
    if (!m) m = mp_special(x, mp.s___index__);
    if (m) return mp_call1(m, x);
    return mp_err(&mp_exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", mp_type_name(x));
}

static Obj *t_float(Obj **args, int n, Obj *kw)
{
    if (n == 0) return mp_float(0);
    Obj *x = args[0];
    if (!mp_special(x, mp.s___float__)) x = mp_unwrap(x);
    if (IS(x, float)) return incref(x);
    if (IS_STR(x)) return mp_float_from_str(x);
    int ok;
    double d = mp_to_double(x, &ok);
    if (!ok) {
        if (mp_err_matches(&mp_exc_TypeError)) {
            mp_err_clear();
            return mp_err(&mp_exc_TypeError, "float() argument must be a string or a real number, not '%s'", mp_type_name(x));
        }
        return NULL;
    }
    return mp_float(d);
}

/* complex("1+2j"): CPython's forms -- optional parentheses and blanks
 * around, a real part, an imaginary part ending in j/J, or both. */
static int parse_complex(const char *s, double *re, double *im)
{
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    int paren = *s == '(';
    if (paren) { s++; while (*s == ' ') s++; }
    char *end;
    *re = 0; *im = 0;
    double x = strtod(s, &end);
    if (end == s) {                         /* "j", "+j", "-j" */
        int sign = 1;
        if (*s == '+' || *s == '-') { sign = *s == '-' ? -1 : 1; s++; }
        if (*s != 'j' && *s != 'J') return 0;
        *im = sign; s++;
    } else if (*end == 'j' || *end == 'J') { *im = x; s = end + 1; }
    else {
        *re = x; s = end;
        if (*s == '+' || *s == '-') {
            double y = strtod(s, &end);
            if (end == s + 1 && (s[1] == 'j' || s[1] == 'J')) { *im = *s == '-' ? -1 : 1; s += 2; }
            else if (end != s && (*end == 'j' || *end == 'J')) { *im = y; s = end + 1; }
            else return 0;
        }
    }
    if (paren) { while (*s == ' ') s++; if (*s != ')') return 0; s++; }
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    return *s == 0;
}

static Obj *t_complex(Obj **args, int n, Obj *kw)
{
    if (n > 2) return mp_err(&mp_exc_TypeError, "complex() takes at most 2 arguments (%d given)", n);
    if (n >= 1 && IS_STR(args[0])) {
        if (n == 2) return mp_err(&mp_exc_TypeError, "complex() can't take second arg if first is a string");
        double re, im;
        if (strlen(SS(args[0])) != (size_t)SLEN(args[0]) || !parse_complex(SS(args[0]), &re, &im))
            return mp_err(&mp_exc_ValueError, "complex() arg is a malformed string");
        return mp_complex(re, im);
    }
    if (n == 2 && IS_STR(args[1])) return mp_err(&mp_exc_TypeError, "complex() second arg can't be a string");
    double re = 0, im = 0;
    for (int i = 0; i < n; i++) {
        Obj *a = mp_unwrap(args[i]);
        double r, j = 0;
        if (IS(a, complex)) { r = ((Complex *)a)->re; j = ((Complex *)a)->im; }
        else {
            int ok = 1;
            r = mp_to_double(a, &ok);
            if (!ok) return NULL;
        }
        if (i == 0) { re = r; im = j; }
        else { re -= j; im += r; }          /* complex(a, b) = a + b*1j */
    }
    return mp_complex(re, im);
}

static Obj *t_str(Obj **args, int n, Obj *kw)
{
    if (n == 0) return mp_str_c("");
    if (n >= 2 && (IS(args[0], bytes) || IS(args[0], bytearray))) {
        if (IS(args[0], bytes)) return mp_str_new((char *)((Bytes *)args[0])->s, ((Bytes *)args[0])->len);
        return mp_str_new((char *)((ByteArray *)args[0])->s, ((ByteArray *)args[0])->n);
    }
    return mp_str(args[0]);
}
static Obj *t_bool(Obj **args, int n, Obj *kw)
{
    if (n == 0) return mp_bool(0);
    int t = mp_truthy(args[0]);
    return t < 0 ? NULL : mp_bool(t);
}
static Obj *t_list(Obj **args, int n, Obj *kw) { if (mp_no_kw("list", kw)) return NULL; return n ? mp_list_of(args[0]) : mp_list_new(0); }
static Obj *t_tuple(Obj **args, int n, Obj *kw) { return n ? mp_tuple_of(args[0]) : mp_tuple_new(0); }
static Obj *t_dict(Obj **args, int n, Obj *kw)
{
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *d = mp_dict_new();
    if (np > 0 && mp_dict_update(d, args[0]) < 0) { decref(d); return NULL; }
    for (int i = 0; i < nk; i++) mp_dict_set(d, TITEMS(kw)[i], args[np + i]);
    return d;
}
static Obj *t_set(Obj **args, int n, Obj *kw)
{
    Obj *s = mp_set_new(0);
    if (n && mp_set_update(s, args[0]) < 0) { decref(s); return NULL; }
    return s;
}
static Obj *t_frozenset(Obj **args, int n, Obj *kw)
{
    if (n && IS(args[0], frozenset)) return incref(args[0]);
    Obj *s = mp_set_new(1);
    if (n && mp_set_update(s, args[0]) < 0) { decref(s); return NULL; }
    return s;
}
static Obj *t_range(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("range", n, 1, 3)) return NULL;
    Obj *unwrapped[3];
    for (int i = 0; i < n; i++) unwrapped[i] = mp_unwrap(args[i]);   /* int subclasses */
    args = unwrapped;
    int64_t v[3] = { 0, 0, 1 };
    for (int i = 0; i < n; i++) {
        if (!IS_INT(args[i]))
            return mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(args[i]));
        if (((Int *)args[i])->big) {
            Obj *br = mp.big_range;
            if (!br) return mp_err(&mp_exc_OverflowError, "Python int too large to convert to C ssize_t");
            Obj *zero = mp_int(0), *one = mp_int(1);
            Obj *a[3] = { n == 1 ? zero : args[0], n == 1 ? args[0] : args[1], n == 3 ? args[2] : one };
            Obj *r = mp_call(br, a, 3, NULL);
            decref(zero); decref(one);
            return r;
        }
        int ok;
        v[i] = mp_index(args[i], &ok);
        if (!ok) return NULL;
    }
    if (n == 1) return mp_range_new(0, v[0], 1);
    if (v[2] == 0) return mp_err(&mp_exc_ValueError, "range() arg 3 must not be zero");
    return mp_range_new(v[0], v[1], v[2]);
}
static Obj *t_slice(Obj **args, int n, Obj *kw)
{
    if (n == 1) return mp_slice_new(NONE, args[0], NONE);
    return mp_slice_new(args[0], args[1], n > 2 ? args[2] : NONE);
}
static Obj *t_bytes(Obj **args, int n, Obj *kw)
{
    if (n == 0) return mp_bytes_new(NULL, 0);
    Obj *x = args[0];
    if (IS_STR(x)) return mp_bytes_new((unsigned char *)SS(x), SLEN(x));
    if (IS_INT(x)) { Obj *b = mp_bytes_new(NULL, IV(x)); memset(((Bytes *)b)->s, 0, IV(x)); return b; }
    Obj *l = mp_list_of(x);
    if (!l) return NULL;
    Obj *b = mp_bytes_new(NULL, LN(l));
    for (int64_t i = 0; i < LN(l); i++) ((Bytes *)b)->s[i] = (unsigned char)IV(LITEMS(l)[i]);
    decref(l);
    return b;
}
static Obj *t_bytearray(Obj **args, int n, Obj *kw)
{
    ByteArray *b = mp_alloc(&mp_bytearray_type, sizeof(ByteArray));
    Obj *src = n ? t_bytes(args, n, kw) : mp_bytes_new(NULL, 0);
    if (!src) return NULL;
    b->n = b->cap = ((Bytes *)src)->len;
    b->s = malloc(b->cap + 1);
    memcpy(b->s, ((Bytes *)src)->s, b->n);
    decref(src);
    return (Obj *)b;
}
/* object.__setattr__(self, name, value) and object.__delattr__(self,
 * name): the default attribute store, which a class's own __setattr__
 * calls for the real work (directly or through super()). */
static Obj *o_setattr_delattr(Obj **args, int n, Obj *kw, int set)
{
    const char *fname = set ? "__setattr__" : "__delattr__";
    if (mp_no_kw(fname, kw) < 0) return NULL;
    if (n == 0)
        return mp_err(&mp_exc_TypeError, "descriptor '%s' of 'object' object needs an argument", fname);
    /* CPython's wording, the leading space of __setattr__'s included */
    if (n != (set ? 3 : 2))
        return set ? mp_err(&mp_exc_TypeError, " expected 2 arguments, got %d", n - 1)
                   : mp_err(&mp_exc_TypeError, "expected 1 argument, got %d", n - 1);
    if (!IS_STR(args[1]))
        return mp_err(&mp_exc_TypeError, "attribute name must be string, not '%s'", mp_type_name(args[1]));
    if (mp_object_setattr(args[0], args[1], set ? args[2] : NULL) < 0) return NULL;
    return incref(NONE);
}
static Obj *o_setattr(Obj **args, int n, Obj *kw) { return o_setattr_delattr(args, n, kw, 1); }
static Obj *o_delattr(Obj **args, int n, Obj *kw) { return o_setattr_delattr(args, n, kw, 0); }
static const struct MethodDef object_methods[] = {
    { "__setattr__", o_setattr }, { "__delattr__", o_delattr }, { NULL, NULL }
};

static Obj *t_object(Obj **args, int n, Obj *kw)
{
    if (n) return mp_err(&mp_exc_TypeError, "object() takes no arguments");
    Inst *o = mp_alloc(&mp_object_type, sizeof(Inst));
    return (Obj *)o;
}
static Obj *wrap(Type *t, Obj **args, int n)
{
    if (mp_check_args(t->name, n, 1, 1)) return NULL;
    Wrapper *w = mp_alloc(t, sizeof(Wrapper));
    w->f = incref(args[0]);
    return (Obj *)w;
}
static Obj *t_staticmethod(Obj **args, int n, Obj *kw) { return wrap(&mp_staticmethod_type, args, n); }
static Obj *t_classmethod(Obj **args, int n, Obj *kw) { return wrap(&mp_classmethod_type, args, n); }
static Obj *t_property(Obj **args, int n, Obj *kw)
{
    Property *p = mp_alloc(&mp_property_type, sizeof(Property));
    int nk = kw ? (int)TN(kw) : 0, np = n - nk;
    Obj *g = np > 0 ? args[0] : mp_kwarg(args, n, kw, "fget");
    Obj *s = np > 1 ? args[1] : mp_kwarg(args, n, kw, "fset");
    Obj *d = np > 2 ? args[2] : mp_kwarg(args, n, kw, "fdel");
    p->get = g && g != NONE ? incref(g) : NULL;
    p->set = s && s != NONE ? incref(s) : NULL;
    p->del = d && d != NONE ? incref(d) : NULL;
    return (Obj *)p;
}
static Obj *prop_copy(Obj *self, int which, Obj *f)
{
    Property *o = (Property *)self;
    Property *p = mp_alloc(&mp_property_type, sizeof(Property));
    p->get = xincref(which == 0 ? f : o->get);
    p->set = xincref(which == 1 ? f : o->set);
    p->del = xincref(which == 2 ? f : o->del);
    return (Obj *)p;
}
static Obj *p_getter(Obj **args, int n, Obj *kw) { return prop_copy(args[0], 0, args[1]); }
static Obj *p_setter(Obj **args, int n, Obj *kw) { return prop_copy(args[0], 1, args[1]); }
static Obj *p_deleter(Obj **args, int n, Obj *kw) { return prop_copy(args[0], 2, args[1]); }
static const struct MethodDef property_methods[] = {
    { "getter", p_getter }, { "setter", p_setter }, { "deleter", p_deleter }, { NULL, NULL }
};

static Obj *t_super(Obj **args, int n, Obj *kw)
{
    Type *t;
    Obj *obj;
    if (n >= 2) {
        if (!IS(args[0], type)) return mp_err(&mp_exc_TypeError, "super() argument 1 must be a type");
        t = (Type *)args[0]; obj = args[1];
    } else {
        Frame *f = mp.frame;
        if (!f || !f->func || !f->func->klass || f->code->argcount < 1 || !f->lp[0])
            return mp_err(&mp_exc_RuntimeError, "super(): no arguments");
        t = f->func->klass;
        obj = f->lp[0];
        if (IS(obj, cell)) obj = ((Cell *)obj)->ref;
        if (!obj) return mp_err(&mp_exc_RuntimeError, "super(): arg[0] deleted");
    }
    Super *s = mp_alloc(&mp_super_type, sizeof(Super));
    s->type = t;
    s->obj = incref(obj);
    return (Obj *)s;
}

static Obj *t_stringio(Obj **args, int n, Obj *kw)
{
    StringIO *s = mp_alloc(&mp_stringio_type, sizeof(StringIO));
    s->buf = mp_list_new(0);
    if (n && IS_STR(args[0])) mp_list_append(s->buf, args[0]);
    return (Obj *)s;
}
static Obj *sio_write(Obj **args, int n, Obj *kw)
{
    if (n < 2 || !IS_STR(args[1])) return mp_err(&mp_exc_TypeError, "string argument expected, got '%s'", n < 2 ? "nothing" : mp_type_name(args[1]));
    mp_list_append(((StringIO *)args[0])->buf, args[1]);
    return mp_int(((Str *)args[1])->clen);
}
static Obj *sio_getvalue(Obj **args, int n, Obj *kw)
{
    Obj *e = mp_str_c("");
    Obj *r = mp_str_join(e, ((StringIO *)args[0])->buf);
    decref(e);
    return r;
}
static const struct MethodDef stringio_methods[] = {
    { "write", sio_write }, { "getvalue", sio_getvalue }, { NULL, NULL }
};

static const struct MethodDef builtin_funcs[] = {
    { "print", b_print }, { "len", b_len }, { "repr", b_repr }, { "ascii", b_ascii }, { "abs", b_abs },
    { "min", b_min }, { "max", b_max }, { "sum", b_sum }, { "sorted", b_sorted }, { "reversed", b_reversed },
    { "isinstance", b_isinstance }, { "issubclass", b_issubclass }, { "iter", b_iter }, { "next", b_next },
    { "id", b_id }, { "hash", b_hash }, { "callable", b_callable }, { "getattr", b_getattr },
    { "setattr", b_setattr }, { "delattr", b_delattr }, { "hasattr", b_hasattr }, { "ord", b_ord },
    { "chr", b_chr }, { "hex", b_hex }, { "oct", b_oct }, { "bin", b_bin }, { "divmod", b_divmod },
    { "pow", b_pow }, { "round", b_round }, { "format", b_format }, { "any", b_any }, { "all", b_all },
    { "globals", b_globals }, { "locals", b_locals }, { "vars", b_vars }, { "exit", b_exit },
    { "quit", b_exit }, { "input", b_input }, { "__import__", b_import },
    { NULL, NULL }
};

static void set_ctor(Type *t, CFunc fn) { t->tp_new = fn; t->flags |= 0; }

Obj *mp_stringio_new(void) { return t_stringio(NULL, 0, NULL); }

void mp_builtins_init(void)
{
    Obj *b = mp.builtins = mp_dict_new();
    for (const struct MethodDef *d = builtin_funcs; d->name; d++) {
        Obj *f = mp_builtin_new(d->name, d->fn, NULL);
        mp_dict_sets(b, d->name, f);
        decref(f);
    }
    set_ctor(&mp_int_type, t_int); set_ctor(&mp_float_type, t_float); set_ctor(&mp_str_type, t_str);
    set_ctor(&mp_bool_type, t_bool); set_ctor(&mp_list_type, t_list); set_ctor(&mp_tuple_type, t_tuple);
    set_ctor(&mp_dict_type, t_dict); set_ctor(&mp_set_type, t_set); set_ctor(&mp_frozenset_type, t_frozenset);
    set_ctor(&mp_range_type, t_range); set_ctor(&mp_slice_type, t_slice); set_ctor(&mp_bytes_type, t_bytes);
    set_ctor(&mp_bytearray_type, t_bytearray); set_ctor(&mp_complex_type, t_complex);
    set_ctor(&mp_object_type, t_object); set_ctor(&mp_staticmethod_type, t_staticmethod);
    set_ctor(&mp_classmethod_type, t_classmethod); set_ctor(&mp_property_type, t_property);
    set_ctor(&mp_super_type, t_super); set_ctor(&mp_stringio_type, t_stringio);
    /* the built-in classes user classes may derive from, and their __new__ */
    Type *bases[] = { &mp_object_type, &mp_int_type, &mp_float_type, &mp_str_type, &mp_list_type,
                      &mp_tuple_type, &mp_dict_type, &mp_set_type, &mp_bytes_type,
                      &mp_frozenset_type, &mp_complex_type, NULL };
    for (int i = 0; bases[i]; i++) {
        bases[i]->flags |= T_BASE;
        Wrapper *w = mp_alloc(&mp_staticmethod_type, sizeof(Wrapper));
        w->f = mp_builtin_new("__new__", mp_generic_new_fn, NULL);
        mp_dict_sets(bases[i]->dict, "__new__", (Obj *)w);
        decref((Obj *)w);
    }
    mp_add_methods(&mp_property_type, property_methods);
    mp_add_methods(&mp_object_type, object_methods);
    mp_add_methods(&mp_stringio_type, stringio_methods);
    static Type *exported[] = { &mp_int_type, &mp_float_type, &mp_str_type, &mp_bool_type, &mp_list_type,
        &mp_tuple_type, &mp_dict_type, &mp_set_type, &mp_frozenset_type, &mp_range_type, &mp_slice_type,
        &mp_bytes_type, &mp_bytearray_type, &mp_complex_type, &mp_object_type, &mp_staticmethod_type,
        &mp_classmethod_type, &mp_property_type, &mp_super_type, &mp_type_type, NULL };
    for (int i = 0; exported[i]; i++) mp_dict_sets(b, exported[i]->name, (Obj *)exported[i]);
#define EXP(id, nm, base) mp_dict_sets(b, #nm, (Obj *)&mp_exc_##id); mp_exc_##id.module = mp_str_intern("builtins");
    MP_EXCEPTIONS(EXP)
#undef EXP
    mp_dict_sets(b, "None", NONE);
    mp_dict_sets(b, "True", TRUE_);
    mp_dict_sets(b, "False", FALSE_);
    mp_dict_sets(b, "NotImplemented", &mp_notimpl);
    mp_dict_sets(b, "Ellipsis", &mp_ellipsis);
    mp_dict_sets(b, "__name__", mp_str_intern("builtins"));
    (void)mp_object_init_fn;
}

/* ---- methods of int, float, complex; dict.fromkeys ---- */

static Obj *i_bit_length(Obj **args, int n, Obj *kw) { return mp_int(mp_int_bit_length(args[0])); }
static Obj *i_bit_count(Obj **args, int n, Obj *kw)
{
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(args[0], z);
    mpz_abs(z, z);
    Obj *r = mp_int((int64_t)mpz_popcount(z));
    mpz_clear(z);
    return r;
}
static Obj *i_conjugate(Obj **args, int n, Obj *kw) { return mp_pos(args[0]); }
static Obj *i_to_bytes(Obj **args, int n, Obj *kw)
{
    int64_t len = n > 1 ? IV(args[1]) : 1;
    Obj *bo = n > 2 ? args[2] : mp_kwarg(args, n, kw, "byteorder");
    int little = bo && IS_STR(bo) && !strcmp(SS(bo), "little");
    Obj *b = mp_bytes_new(NULL, len);
    mpz_t z;
    mpz_init(z);
    mp_int_to_mpz(args[0], z);
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)mpz_fdiv_ui(z, 256);
        mpz_fdiv_q_2exp(z, z, 8);
        ((Bytes *)b)->s[little ? i : len - 1 - i] = c;
    }
    mpz_clear(z);
    return b;
}
static Obj *f_is_integer(Obj **args, int n, Obj *kw) { double d = FV(args[0]); return mp_bool(isfinite(d) && d == floor(d)); }
static Obj *f_conjugate(Obj **args, int n, Obj *kw) { return incref(args[0]); }
static Obj *f_as_integer_ratio(Obj **args, int n, Obj *kw)
{
    double d = FV(args[0]);
    if (!isfinite(d)) return mp_err(&mp_exc_OverflowError, "cannot convert Infinity to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) mpz_mul_2exp(num, num, e); else mpz_mul_2exp(den, den, -e);
    mpz_t g;
    mpz_init(g);
    mpz_gcd(g, num, den);
    mpz_divexact(num, num, g); mpz_divexact(den, den, g);
    Obj *a = mp_int_from_mpz(num), *b = mp_int_from_mpz(den);
    Obj *t = mp_tuple_pack(2, a, b);
    decref(a); decref(b);
    mpz_clear(num); mpz_clear(den); mpz_clear(g);
    return t;
}
static Obj *c_conjugate(Obj **args, int n, Obj *kw) { Complex *c = (Complex *)args[0]; return mp_complex(c->re, -c->im); }
static Obj *d_fromkeys(Obj **args, int n, Obj *kw)
{
    Obj *d = mp_dict_new();
    Obj *v = n > 2 ? args[2] : NONE;
    Obj *it = mp_iter(args[1]);
    if (!it) { decref(d); return NULL; }
    Obj *k;
    while ((k = mp_next(it))) { mp_dict_set(d, k, v); decref(k); }
    decref(it);
    if (mp.exc) { decref(d); return NULL; }
    return d;
}

static Obj *g_send(Obj **args, int n, Obj *kw)
{
    Gen *g = (Gen *)args[0];
    if (!g->started && n > 1 && args[1] != NONE)
        return mp_err(&mp_exc_TypeError, "can't send non-None value to a just-started generator");
    Obj *v = mp_gen_send(g, n > 1 ? args[1] : NONE);
    if (v || mp.exc) return v;
    if (g->retval) return mp_err_obj(&mp_exc_StopIteration, g->retval);
    mp.exc = mp_exc_new(&mp_exc_StopIteration, NULL);
    return NULL;
}
/* g.throw(exc), g.throw(type[, value[, tb]]): CPython 3.11's forms. */
static Obj *g_throw(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("throw", n - 1, 1, 3) < 0) return NULL;
    Gen *g = (Gen *)args[0];
    Obj *t = args[1], *val = n > 2 ? args[2] : NONE, *exc;
    if (IS(t, type) && mp_is_subtype((Type *)t, &mp_exc_BaseException)) {
        if (mp_isinstance(val, (Type *)t)) exc = incref(val);
        else if (val == NONE) exc = mp_call0(t);
        else if (IS(val, tuple)) exc = mp_call(t, TITEMS(val), (int)TN(val), NULL);
        else exc = mp_call1(t, val);
        if (!exc) return NULL;
    } else if (mp_isinstance(t, &mp_exc_BaseException)) {
        if (val != NONE) return mp_err(&mp_exc_TypeError, "instance exception may not have a separate value");
        exc = incref(t);
    } else
        return mp_err(&mp_exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                      mp_type_name(t));
    Obj *v = mp_gen_throw(g, exc);
    if (v || mp.exc) return v;
    if (g->retval) return mp_err_obj(&mp_exc_StopIteration, g->retval);
    mp.exc = mp_exc_new(&mp_exc_StopIteration, NULL);
    return NULL;
}

/* g.close(): GeneratorExit raised where g is suspended; a generator that
 * yields instead is a RuntimeError. */
static Obj *g_close(Obj **args, int n, Obj *kw)
{
    return mp_gen_close((Gen *)args[0]);
}

Obj *mp_gen_close(Gen *g)
{
    if (g->running) return mp_err(&mp_exc_ValueError, "generator already executing");
    if (g->done || !g->started) { g->done = 1; return incref(NONE); }
    Obj *v = mp_gen_throw(g, mp_exc_new(&mp_exc_GeneratorExit, NULL));
    if (v) {
        decref(v);
        return mp_err(&mp_exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (mp_err_matches(&mp_exc_GeneratorExit) || mp_err_matches(&mp_exc_StopIteration)) mp_err_clear();
    if (mp.exc) return NULL;
    return incref(NONE);
}
static const struct MethodDef gen_methods[] = {
    { "send", g_send }, { "throw", g_throw }, { "close", g_close }, { NULL, NULL }
};

static const struct MethodDef int_methods[] = {
    { "bit_length", i_bit_length }, { "bit_count", i_bit_count }, { "conjugate", i_conjugate },
    { "to_bytes", i_to_bytes }, { NULL, NULL }
};
static const struct MethodDef float_methods[] = {
    { "is_integer", f_is_integer }, { "conjugate", f_conjugate }, { "as_integer_ratio", f_as_integer_ratio },
    { NULL, NULL }
};
static const struct MethodDef complex_methods[] = { { "conjugate", c_conjugate }, { NULL, NULL } };

void mp_builtins_init2(void)
{
    mp_add_methods(&mp_int_type, int_methods);
    mp_add_methods(&mp_float_type, float_methods);
    mp_add_methods(&mp_complex_type, complex_methods);
    mp_add_methods(&mp_generator_type, gen_methods);
    Obj *fk = mp_builtin_new("fromkeys", d_fromkeys, NULL);
    Wrapper *w = mp_alloc(&mp_classmethod_type, sizeof(Wrapper));
    w->f = fk;
    mp_dict_sets(mp_dict_type.dict, "fromkeys", (Obj *)w);
    decref((Obj *)w);
}
