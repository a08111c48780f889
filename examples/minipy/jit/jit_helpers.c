/* jit/jit_helpers.c -- the C functions traces call, registered with the
 * runtime as minipy's helper table (flags tell the optimizer what it may
 * move or remove).
 *
 * Re-execution safety: a helper flagged MAY_RAISE reports failure (0/NULL)
 * before it has changed anything, so the exit to its instruction lets the
 * interpreter redo the whole instruction and raise exactly as it would
 * have (IndexError with its traceback, ...).
 *
 * Reference counts: a trace owns no references (README, "The JIT
 * plugin").  A helper that stores into a container parks the reference it
 * replaces (mpj_park) instead of dropping it, because the trace may still
 * borrow that object; parked references are dropped when the trace exits,
 * after the exit has taken its own references. */
#include <math.h>
#include <stdlib.h>
#include "jit_internal.h"

/* ---------------------------------------------------------------- parking */

static Obj **parked;
static size_t nparked, capparked;

/* Room to park one more reference?  0 when the cap is reached or memory is
 * short: the helper then fails before any effect and the trace exits. */
int mpj_park_room(void)
{
    if (nparked < capparked) return 1;
    if (nparked >= MPJ_PARK_MAX) return 0;
    size_t n = capparked ? 2 * capparked : 64;
    Obj **p = realloc(parked, n * sizeof *p);
    if (!p) return 0;
    parked = p;
    capparked = n;
    return 1;
}

void mpj_park(Obj *o)
{
    parked[nparked++] = o;      /* mpj_park_room() was checked */
}

void mpj_release_parked(size_t mark)
{
    while (nparked > mark) xdecref(parked[--nparked]);
}

size_t mpj_parked_mark(void) { return nparked; }

/* ---------------------------------------------------------------- numbers */

/* Python's // and % on ints; the trace has guarded b != 0 (and b != -1
 * for //, the only overflow). */
static int64_t h_ifloordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t h_imod(int64_t a, int64_t b)
{
    if (b == -1) return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

/* Python's // and % on floats (float.c's rules); b != 0 is guarded. */
static double h_ffloordiv(double a, double b)
{
    double mod = fmod(a, b), div = (a - mod) / b;
    if (mod) { if ((b < 0) != (mod < 0)) div -= 1.0; }
    double fd;
    if (div) { fd = floor(div); if (div - fd > 0.5) fd += 1.0; }
    else fd = copysign(0.0, a / b);
    return fd;
}

static double h_fmod(double a, double b)
{
    double mod = fmod(a, b);
    if (mod) { if ((b < 0) != (mod < 0)) mod += b; }
    else mod = copysign(0.0, b);
    return mod;
}

/* ---------------------------------------------------------------- lists */

/* l[i] borrowed, with Python's negative indices; NULL (no effect) when out
 * of range: the interpreter then raises the IndexError. */
static Obj *h_list_item(Obj *l, int64_t i)
{
    if (i < 0) i += LN(l);
    if (i < 0 || i >= LN(l)) return NULL;
    return LITEMS(l)[i];
}

static int list_store(Obj *l, int64_t i, Obj *v)
{
    if (!v) return 0;
    if (i < 0) i += LN(l);
    if (i < 0 || i >= LN(l) || !mpj_park_room()) { decref(v); return 0; }
    mpj_park(LITEMS(l)[i]);
    LITEMS(l)[i] = v;
    return 1;
}

static _Bool h_list_store_i64(Obj *l, int64_t i, int64_t v)
{
    if (i < 0 ? i + LN(l) < 0 : i >= LN(l)) return 0;
    return list_store(l, i, mp_int(v));
}

static _Bool h_list_store_f64(Obj *l, int64_t i, double v)
{
    if (i < 0 ? i + LN(l) < 0 : i >= LN(l)) return 0;
    return list_store(l, i, mp_float(v));
}

static _Bool h_list_store_ptr(Obj *l, int64_t i, Obj *v)
{
    return list_store(l, i, incref(v));
}

#define RD JC_HELPER_READS_MEMORY
#define WR JC_HELPER_WRITES_MEMORY
#define RAISE JC_HELPER_MAY_RAISE
#define ALLOC JC_HELPER_ALLOCATES

const jc_helper mpj_helpers[] = {
    [MPJ_H_IFLOORDIV] = { "int_floordiv", (void *)h_ifloordiv, "i64(i64,i64)", JC_HELPER_PURE },
    [MPJ_H_IMOD] = { "int_mod", (void *)h_imod, "i64(i64,i64)", JC_HELPER_PURE },
    [MPJ_H_FFLOORDIV] = { "float_floordiv", (void *)h_ffloordiv, "f64(f64,f64)", JC_HELPER_PURE },
    [MPJ_H_FMOD] = { "float_mod", (void *)h_fmod, "f64(f64,f64)", JC_HELPER_PURE },
    [MPJ_H_LIST_ITEM] = { "list_item", (void *)h_list_item, "ptr(ptr,i64)", RD | RAISE },
    [MPJ_H_LIST_STORE_I64] = { "list_store_int", (void *)h_list_store_i64, "bool(ptr,i64,i64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_LIST_STORE_F64] = { "list_store_float", (void *)h_list_store_f64, "bool(ptr,i64,f64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_LIST_STORE_PTR] = { "list_store_obj", (void *)h_list_store_ptr, "bool(ptr,i64,ptr)", RD | WR | RAISE },
};
