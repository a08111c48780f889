/* list.c -- lists (with stable merge sort, slice assignment), tuples,
 * slices and ranges. */
#include <stdlib.h>
#include <string.h>
#include "object.h"

Obj **mp_items_alloc(int64_t cap)
{
    if (cap <= MP_ITEMS_CACHED_CAP && mp.items_free[cap]) {
        Obj **p = mp.items_free[cap];
        mp.items_free[cap] = (Obj **)p[0];
        mp.nitems_free[cap]--;
        mp.items_free_bytes -= cap * (int64_t)sizeof(Obj *);
        return p;
    }
    return malloc(sizeof(Obj *) * (size_t)cap);
}

void mp_items_free(Obj **items, int64_t cap)
{
    if (!items) return;
    if (cap <= MP_ITEMS_CACHED_CAP && mp.items_free_bytes < MP_ITEMS_CACHE_BYTES) {
        items[0] = (Obj *)mp.items_free[cap];
        mp.items_free[cap] = items;
        mp.nitems_free[cap]++;
        mp.items_free_bytes += cap * (int64_t)sizeof(Obj *);
        return;
    }
    free(items);
}

Obj **mp_items_realloc(Obj **items, int64_t oldcap, int64_t newcap)
{
    if (oldcap > MP_ITEMS_CACHED_CAP && newcap > MP_ITEMS_CACHED_CAP)
        return realloc(items, sizeof(Obj *) * (size_t)newcap);
    Obj **p = mp_items_alloc(newcap);
    if (p && items) memcpy(p, items, sizeof(Obj *) * (size_t)(oldcap < newcap ? oldcap : newcap));
    mp_items_free(items, oldcap);
    return p;
}

void mp_items_teardown(void)
{
    for (int c = 0; c <= MP_ITEMS_CACHED_CAP; c++)
        while (mp.items_free[c]) { Obj **p = mp.items_free[c]; mp.items_free[c] = (Obj **)p[0]; free(p); }
    mp.items_free_bytes = 0;
}

Obj *mp_list_new(int64_t n)
{
    List *l = mp_alloc(&mp_list_type, sizeof(List));
    l->n = n;
    l->cap = n < 4 ? 4 : n;
    l->items = mp_items_alloc(l->cap);
    memset(l->items, 0, sizeof(Obj *) * (size_t)l->cap);
    return (Obj *)l;
}

/* A list of n items that the caller stores at once, before anything else
 * is allocated (which could run the collector over the list): the items
 * are not cleared first. */
Obj *mp_list_new_raw(int64_t n)
{
    List *l = mp_alloc(&mp_list_type, sizeof(List));
    l->n = n;
    l->cap = n < 4 ? 4 : n;
    l->items = mp_items_alloc(l->cap);
    return (Obj *)l;
}

int mp_list_append(Obj *o, Obj *v)
{
    List *l = (List *)o;
    if (l->n == l->cap) {
        int64_t old = l->cap;
        l->cap = l->cap * 2 + 4;
        l->items = mp_items_realloc(l->items, old, l->cap);
    }
    l->items[l->n++] = incref(v);
    return 0;
}

int mp_list_extend(Obj *l, Obj *it)
{
    if (IS(it, list) || IS(it, tuple)) {
        int64_t n = IS(it, list) ? LN(it) : TN(it);
        for (int64_t i = 0; i < n; i++) mp_list_append(l, IS(it, list) ? LITEMS(it)[i] : TITEMS(it)[i]);
        return 0;
    }
    Obj *iter = mp_iter(it);
    if (!iter) return -1;
    Obj *x;
    while ((x = mp_next(iter))) { mp_list_append(l, x); decref(x); }
    decref(iter);
    return mp.exc ? -1 : 0;
}

static Obj *seq_repr(Obj **items, int64_t n, const char *open, const char *close, int tuple1)
{
    SB b = {0};
    sb_adds(&b, open);
    for (int64_t i = 0; i < n; i++) {
        if (i) sb_adds(&b, ", ");
        Obj *r = mp_repr(items[i]);
        if (!r) { sb_free(&b); return NULL; }
        sb_addo(&b, r);
        decref(r);
    }
    if (tuple1 && n == 1) sb_addc(&b, ',');
    sb_adds(&b, close);
    return sb_finish(&b);
}

static int repr_depth;

Obj *mp_list_repr(Obj *o)
{
    if (mp_repr_enter(o)) return mp_str_c("[...]");
    if (++repr_depth > 2000) { repr_depth--; mp_repr_leave(o); return mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object"); }
    Obj *r = seq_repr(LITEMS(o), LN(o), "[", "]", 0);
    repr_depth--;
    mp_repr_leave(o);
    return r;
}

Obj *mp_tuple_repr(Obj *o) { return seq_repr(TITEMS(o), TN(o), "(", ")", 1); }

/* A slice's start or stop: an int too big for the machine word clamps to
 * its end, as CPython's (l[:2**70] is all of l). */
static int64_t slice_int(Obj *v, int *ok)
{
    if (!IS_INT(v) && !mp_special(v, mp.s___index__) && !(mp_unwrap(v) != v && IS_INT(mp_unwrap(v)))) {
        *ok = 0;
        mp_err(&mp_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    return mp_index(v, ok);
}

static int64_t slice_end(Obj *v, int *ok)
{
    if (IS(v, int) && ((Int *)v)->big) { *ok = 1; return mp_int_sign(v) < 0 ? INT64_MIN : INT64_MAX; }
    return slice_int(v, ok);
}

int mp_slice_indices(Obj *so, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    Slice *s = (Slice *)so;
    int ok = 1;
    *step = s->step == NONE ? 1 : slice_int(s->step, &ok);
    if (s->step != NONE && !ok) return -1;
    if (*step == 0) { mp_err(&mp_exc_ValueError, "slice step cannot be zero"); return -1; }
    int64_t lo = *step < 0 ? -1 : 0, hi = *step < 0 ? len - 1 : len;
    if (s->start == NONE) *start = *step < 0 ? hi : lo;
    else {
        *start = slice_end(s->start, &ok);
        if (!ok) return -1;
        if (*start < 0) { *start += len; if (*start < lo) *start = lo; }
        else if (*start > hi) *start = hi;
    }
    if (s->stop == NONE) *stop = *step < 0 ? lo : hi;
    else {
        *stop = slice_end(s->stop, &ok);
        if (!ok) return -1;
        if (*stop < 0) { *stop += len; if (*stop < lo) *stop = lo; }
        else if (*stop > hi) *stop = hi;
    }
    return 0;
}

static int64_t slice_len(int64_t a, int64_t b, int64_t c)
{
    if (c > 0) return b > a ? (b - a + c - 1) / c : 0;
    return a > b ? (a - b - c - 1) / -c : 0;
}

static Obj *seq_slice(Obj **items, int64_t len, Obj *k, int tuple)
{
    int64_t a, b, c;
    if (mp_slice_indices(k, len, &a, &b, &c) < 0) return NULL;
    int64_t n = slice_len(a, b, c);
    Obj *r = tuple ? mp_tuple_new(n) : mp_list_new_raw(n);
    Obj **dst = tuple ? TITEMS(r) : LITEMS(r);
    if (c == 1) for (int64_t i = 0; i < n; i++) dst[i] = incref(items[a + i]);
    else for (int64_t i = 0; i < n; i++) dst[i] = incref(items[a + i * c]);
    return r;
}

/* o[lo:hi] of an exact list or tuple, 0 <= lo, hi <= len (ceval.c's
 * BUILD_SLICE__SUBSCR): a new list, or a tuple (o itself when whole). */
Obj *mp_seq_slice1(Obj *o, int64_t lo, int64_t hi)
{
    int64_t n = hi > lo ? hi - lo : 0;
    if (TYPE(o) == &mp_tuple_type) {
        if (n == TN(o)) return incref(o);
        Obj *r = mp_tuple_new(n);
        for (int64_t i = 0; i < n; i++) TITEMS(r)[i] = incref(TITEMS(o)[lo + i]);
        return r;
    }
    Obj *r = mp_list_new_raw(n);
    Obj **d = LITEMS(r), **s = LITEMS(o) + lo;
    for (int64_t i = 0; i < n; i++) d[i] = incref(s[i]);
    return r;
}

Obj *mp_list_getitem(Obj *l, Obj *k)
{
    if (SMALL(k)) {
        int64_t i = IV(k);
        if (i < 0) i += LN(l);
        if (i < 0 || i >= LN(l)) return mp_err(&mp_exc_IndexError, "list index out of range");
        return incref(LITEMS(l)[i]);
    }
    if (IS(k, slice)) return seq_slice(LITEMS(l), LN(l), k, 0);
    if (IS_INT(k)) return mp_err(&mp_exc_IndexError, "cannot fit 'int' into an index-sized integer");
    int ok;
    int64_t i = mp_index(k, &ok);
    if (!ok) { mp_err_clear(); return mp_err(&mp_exc_TypeError, "list indices must be integers or slices, not %s", mp_type_name(k)); }
    Obj *ki = mp_int(i);
    Obj *r = mp_list_getitem(l, ki);
    decref(ki);
    return r;
}

Obj *mp_tuple_getitem(Obj *t, Obj *k)
{
    if (SMALL(k)) {
        int64_t i = IV(k);
        if (i < 0) i += TN(t);
        if (i < 0 || i >= TN(t)) return mp_err(&mp_exc_IndexError, "tuple index out of range");
        return incref(TITEMS(t)[i]);
    }
    if (IS(k, slice)) return seq_slice(TITEMS(t), TN(t), k, 1);
    return mp_err(&mp_exc_TypeError, "tuple indices must be integers or slices, not %s", mp_type_name(k));
}

static int list_del_range(List *l, int64_t a, int64_t b)
{
    if (b <= a) return 0;
    for (int64_t i = a; i < b; i++) decref(l->items[i]);
    memmove(l->items + a, l->items + b, sizeof(Obj *) * (l->n - b));
    l->n -= b - a;
    return 0;
}

static int list_set_slice(List *l, Obj *k, Obj *v)
{
    int64_t a, b, c;
    if (mp_slice_indices(k, l->n, &a, &b, &c) < 0) return -1;
    if (!v) {
        if (c == 1) return list_del_range(l, a, b > a ? b : a);
        int64_t n = slice_len(a, b, c);
        if (c < 0) { a = a + (n - 1) * c; c = -c; }
        for (int64_t j = n - 1; j >= 0; j--) list_del_range(l, a + j * c, a + j * c + 1);
        return 0;
    }
    Obj *src = mp_list_of(v);
    if (!src) {
        if (mp_err_matches(&mp_exc_TypeError)) { mp_err_clear(); mp_err(&mp_exc_TypeError, "can only assign an iterable"); }
        return -1;
    }
    int64_t m = LN(src);
    if (c == 1) {
        if (b < a) b = a;
        int64_t old = b - a;
        for (int64_t i = a; i < b; i++) decref(l->items[i]);
        if (m > old) {
            int64_t need = l->n + m - old;
            if (need > l->cap) { l->items = mp_items_realloc(l->items, l->cap, need * 2); l->cap = need * 2; }
        }
        memmove(l->items + a + m, l->items + b, sizeof(Obj *) * (l->n - b));
        for (int64_t i = 0; i < m; i++) l->items[a + i] = incref(LITEMS(src)[i]);
        l->n += m - old;
        decref(src);
        return 0;
    }
    int64_t n = slice_len(a, b, c);
    if (n != m) {
        decref(src);
        mp_err(&mp_exc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld", (long long)m, (long long)n);
        return -1;
    }
    for (int64_t i = 0; i < n; i++) {
        Obj *old = l->items[a + i * c];
        l->items[a + i * c] = incref(LITEMS(src)[i]);
        decref(old);
    }
    decref(src);
    return 0;
}

int mp_list_setitem(Obj *o, Obj *k, Obj *v)
{
    List *l = (List *)o;
    if (IS(k, slice)) return list_set_slice(l, k, v);
    int ok;
    int64_t i = mp_index(k, &ok);
    if (!ok) { mp_err_clear(); mp_err(&mp_exc_TypeError, "list indices must be integers or slices, not %s", mp_type_name(k)); return -1; }
    if (i < 0) i += l->n;
    if (i < 0 || i >= l->n) { mp_err(&mp_exc_IndexError, v ? "list assignment index out of range" : "list index out of range"); return -1; }
    if (!v) return list_del_range(l, i, i + 1);
    Obj *old = l->items[i];
    l->items[i] = incref(v);
    decref(old);
    return 0;
}

Obj *mp_list_binop(int op, Obj *a, Obj *b)
{
    int64_t na = LN(a), nb = LN(b);
    Obj *r = mp_list_new_raw(na + nb);
    Obj **d = LITEMS(r), **x = LITEMS(a), **y = LITEMS(b);
    for (int64_t i = 0; i < na; i++) d[i] = incref(x[i]);
    for (int64_t i = 0; i < nb; i++) d[na + i] = incref(y[i]);
    return r;
}

Obj *mp_seq_cmp(Obj **a, int64_t na, Obj **b, int64_t nb, int op)
{
    int64_t i;
    for (i = 0; i < na && i < nb; i++) {
        int e = mp_eq(a[i], b[i]);
        if (e < 0) return NULL;
        if (!e) break;
    }
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : na > nb;
        int r;
        switch (op) {
        case CMP_LT: r = c < 0; break; case CMP_LE: r = c <= 0; break; case CMP_EQ: r = c == 0; break;
        case CMP_NE: r = c != 0; break; case CMP_GT: r = c > 0; break; default: r = c >= 0; break;
        }
        return mp_bool(r);
    }
    if (op == CMP_EQ) return mp_bool(0);
    if (op == CMP_NE) return mp_bool(1);
    return mp_richcmp(a[i], b[i], op);
}

/* ---- sorting: stable merge sort on (key, value) pairs using only '<' ---- */

static int less(Obj *a, Obj *b)
{
    if (SMALL(a) && SMALL(b)) return IV(a) < IV(b);
    if (IS(a, float) && IS(b, float)) return FV(a) < FV(b);
    return mp_cmp_bool(a, b, CMP_LT);
}

static int merge_sort(Obj **k, Obj **v, Obj **tk, Obj **tv, int64_t n)
{
    if (n < 2) return 0;
    if (n <= 8) {
        for (int64_t i = 1; i < n; i++) {
            Obj *x = k[i], *y = v[i];
            int64_t j = i;
            while (j > 0) {
                int c = less(x, k[j - 1]);
                if (c < 0) return -1;
                if (!c) break;
                k[j] = k[j - 1]; v[j] = v[j - 1]; j--;
            }
            k[j] = x; v[j] = y;
        }
        return 0;
    }
    int64_t m = n / 2;
    if (merge_sort(k, v, tk, tv, m) < 0 || merge_sort(k + m, v + m, tk, tv, n - m) < 0) return -1;
    memcpy(tk, k, sizeof(Obj *) * m);
    memcpy(tv, v, sizeof(Obj *) * m);
    int64_t i = 0, j = m, o = 0;
    while (i < m && j < n) {
        int c = less(k[j], tk[i]);
        if (c < 0) {
            while (i < m) { k[o] = tk[i]; v[o] = tv[i]; o++; i++; }
            return -1;
        }
        if (c) { k[o] = k[j]; v[o] = v[j]; j++; }
        else { k[o] = tk[i]; v[o] = tv[i]; i++; }
        o++;
    }
    while (i < m) { k[o] = tk[i]; v[o] = tv[i]; o++; i++; }
    return 0;
}

static void reverse_items(Obj **a, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { Obj *t = a[i]; a[i] = a[j]; a[j] = t; }
}

int mp_list_sort(Obj *o, Obj *key, int reverse)
{
    List *l = (List *)o;
    int64_t n = l->n;
    Obj **items = l->items;
    Obj **keys = malloc(sizeof(Obj *) * (n + 1));
    if (reverse) reverse_items(items, n);
    for (int64_t i = 0; i < n; i++) {
        if (key && key != NONE) {
            keys[i] = mp_call1(key, items[i]);
            if (!keys[i]) { for (int64_t j = 0; j < i; j++) decref(keys[j]); free(keys); return -1; }
        } else keys[i] = incref(items[i]);
    }
    Obj **tk = malloc(sizeof(Obj *) * (n / 2 + 1)), **tv = malloc(sizeof(Obj *) * (n / 2 + 1));
    int r = merge_sort(keys, items, tk, tv, n);
    if (reverse) reverse_items(items, n);
    for (int64_t i = 0; i < n; i++) decref(keys[i]);
    free(keys); free(tk); free(tv);
    return r;
}

/* ---- list methods ---- */

#define SELF (mp_unwrap(args[0]))   /* subclass instances: their value */

Obj *mp_list_m_append(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("list.append", n - 1, 1, 1)) return NULL;
    mp_list_append(SELF, args[1]);
    return incref(NONE);
}
static Obj *l_extend(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("list.extend", n - 1, 1, 1)) return NULL;
    if (args[1] == SELF) { Obj *c = mp_list_of(SELF); mp_list_extend(SELF, c); decref(c); return incref(NONE); }
    if (mp_list_extend(SELF, args[1]) < 0) return NULL;
    return incref(NONE);
}
static Obj *l_pop(Obj **args, int n, Obj *kw)
{
    List *l = (List *)SELF;
    int64_t i = n > 1 ? IV(args[1]) : -1;
    if (l->n == 0) return mp_err(&mp_exc_IndexError, "pop from empty list");
    if (i < 0) i += l->n;
    if (i < 0 || i >= l->n) return mp_err(&mp_exc_IndexError, "pop index out of range");
    Obj *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, sizeof(Obj *) * (l->n - i - 1));
    l->n--;
    return v;
}
static Obj *l_insert(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("insert", n - 1, 2, 2)) return NULL;
    List *l = (List *)SELF;
    int64_t i = IV(args[1]);
    if (i < 0) { i += l->n; if (i < 0) i = 0; }
    if (i > l->n) i = l->n;
    mp_list_append(SELF, args[2]);
    memmove(l->items + i + 1, l->items + i, sizeof(Obj *) * (l->n - 1 - i));
    l->items[i] = args[2];
    return incref(NONE);
}
static int64_t find_item(Obj **items, int64_t n, Obj *v)
{
    for (int64_t i = 0; i < n; i++) {
        int e = mp_eq(items[i], v);
        if (e < 0) return -2;
        if (e) return i;
    }
    return -1;
}
static Obj *l_remove(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("list.remove", n - 1, 1, 1)) return NULL;
    int64_t i = find_item(LITEMS(SELF), LN(SELF), args[1]);
    if (i == -2) return NULL;
    if (i < 0) return mp_err(&mp_exc_ValueError, "list.remove(x): x not in list");
    list_del_range((List *)SELF, i, i + 1);
    return incref(NONE);
}
static Obj *seq_index(Obj **args, int n, Obj **items, int64_t len, const char *what)
{
    int64_t a = 0, b = len;
    if (n > 2) { a = IV(args[2]); if (a < 0) a += len; if (a < 0) a = 0; }
    if (n > 3) { b = IV(args[3]); if (b < 0) b += len; if (b > len) b = len; }
    for (int64_t i = a; i < b; i++) {
        int e = mp_eq(items[i], args[1]);
        if (e < 0) return NULL;
        if (e) return mp_int(i);
    }
    if (!strcmp(what, "list")) {
        Obj *r = mp_repr(args[1]);
        mp_err(&mp_exc_ValueError, "%s is not in list", r ? SS(r) : "?");
        xdecref(r);
        return NULL;
    }
    return mp_err(&mp_exc_ValueError, "tuple.index(x): x not in tuple");
}
static Obj *l_index(Obj **args, int n, Obj *kw) { return seq_index(args, n, LITEMS(SELF), LN(SELF), "list"); }
static Obj *t_index(Obj **args, int n, Obj *kw) { return seq_index(args, n, TITEMS(SELF), TN(SELF), "tuple"); }
static Obj *seq_count(Obj **items, int64_t len, Obj *v)
{
    int64_t c = 0;
    for (int64_t i = 0; i < len; i++) { int e = mp_eq(items[i], v); if (e < 0) return NULL; c += e; }
    return mp_int(c);
}
static Obj *l_count(Obj **args, int n, Obj *kw) { return seq_count(LITEMS(SELF), LN(SELF), args[1]); }
static Obj *t_count(Obj **args, int n, Obj *kw) { return seq_count(TITEMS(SELF), TN(SELF), args[1]); }
static Obj *l_reverse(Obj **args, int n, Obj *kw) { reverse_items(LITEMS(SELF), LN(SELF)); return incref(NONE); }
static Obj *l_sort(Obj **args, int n, Obj *kw)
{
    Obj *key = mp_kwarg(args, n, kw, "key"), *rev = mp_kwarg(args, n, kw, "reverse");
    if (n - (kw ? (int)TN(kw) : 0) > 1) return mp_err(&mp_exc_TypeError, "sort() takes no positional arguments");
    if (mp_list_sort(SELF, key, rev ? mp_truthy(rev) : 0) < 0) return NULL;
    return incref(NONE);
}
static Obj *l_copy(Obj **args, int n, Obj *kw) { return mp_list_of(SELF); }
static Obj *l_clear(Obj **args, int n, Obj *kw) { list_del_range((List *)SELF, 0, LN(SELF)); return incref(NONE); }

/* list.__init__(self, iterable=()): what super().__init__(...) of a list
 * subclass runs. */
static Obj *l_init(Obj **args, int n, Obj *kw)
{
    if (mp_no_kw("list", kw) < 0 || mp_check_args("list", n - 1, 0, 1) < 0) return NULL;
    if (!IS(SELF, list)) return mp_err(&mp_exc_TypeError, "descriptor '__init__' requires a 'list' object");
    list_del_range((List *)SELF, 0, LN(SELF));
    if (n > 1 && mp_list_extend(SELF, args[1]) < 0) return NULL;
    return incref(NONE);
}

static const struct MethodDef list_methods[] = {
    { "__init__", l_init }, { "append", mp_list_m_append }, { "extend", l_extend }, { "pop", l_pop }, { "insert", l_insert },
    { "remove", l_remove }, { "index", l_index }, { "count", l_count }, { "reverse", l_reverse },
    { "sort", l_sort }, { "copy", l_copy }, { "clear", l_clear }, { NULL, NULL }
};
static const struct MethodDef tuple_methods[] = { { "index", t_index }, { "count", t_count }, { NULL, NULL } };

/* ---- tuples ---- */

Obj *mp_tuple_new(int64_t n)
{
    if (n == 0 && mp.empty_tuple) return incref(mp.empty_tuple);
    Tuple *t = mp_alloc(&mp_tuple_type, sizeof(Tuple) + sizeof(Obj *) * n);
    t->n = n;
    return (Obj *)t;
}

Obj *mp_tuple_pack(int n, ...)
{
    Obj *t = mp_tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) TITEMS(t)[i] = incref(va_arg(ap, Obj *));
    va_end(ap);
    return t;
}

int64_t mp_tuple_hash(Obj *o)
{
    /* xxHash-based, as CPython 3.8+ */
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (int64_t i = 0; i < TN(o); i++) {
        int64_t h = mp_hash(TITEMS(o)[i]);
        if (h == -1 && mp.exc) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)TN(o) ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

/* ---- slices and ranges ---- */

Obj *mp_slice_new(Obj *a, Obj *b, Obj *c)
{
    Slice *s = mp_alloc(&mp_slice_type, sizeof(Slice));
    s->start = incref(a); s->stop = incref(b); s->step = incref(c);
    return (Obj *)s;
}

Obj *mp_range_new(int64_t a, int64_t b, int64_t c)
{
    Range *r = mp_alloc(&mp_range_type, sizeof(Range));
    r->start = a; r->stop = b; r->step = c;
    return (Obj *)r;
}

static Obj *r_index(Obj **args, int n, Obj *kw)
{
    int c = mp_contains(SELF, args[1]);
    if (c <= 0) { if (c == 0) { Obj *r = mp_repr(args[1]); mp_err(&mp_exc_ValueError, "%s is not in range", SS(r)); decref(r); } return NULL; }
    Range *r = (Range *)SELF;
    return mp_int((IV(args[1]) - r->start) / r->step);
}
static Obj *r_count(Obj **args, int n, Obj *kw)
{
    int c = mp_contains(SELF, args[1]);
    return c < 0 ? NULL : mp_int(c);
}
static const struct MethodDef range_methods[] = { { "index", r_index }, { "count", r_count }, { NULL, NULL } };

void mp_list_init(void)
{
    mp.empty_tuple = mp_tuple_new(0);
    mp.empty_tuple->rc = MP_IMMORTAL;
    mp_add_methods(&mp_list_type, list_methods);
    mp_add_methods(&mp_tuple_type, tuple_methods);
    mp_add_methods(&mp_range_type, range_methods);
}
