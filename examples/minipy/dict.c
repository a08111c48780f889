/* dict.c -- insertion-ordered dicts: a dense entry array plus an
 * open-addressing index.  `version` changes whenever the key layout changes
 * (insert, delete, resize), never on a value update, so inline caches that
 * remember an entry index stay valid across `x = x + 1` at module level. */
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "jit/jit.h"

#define EMPTY (-1)
#define DUMMY (-2)

Obj *mp_dict_new(void)
{
    Dict *d = mp_alloc(&mp_dict_type, sizeof(Dict));
    d->cap = 8;
    d->ent = calloc(d->cap, sizeof(DEntry));
    d->isize = 16;
    d->index = malloc(sizeof(int64_t) * d->isize);
    for (int64_t i = 0; i < d->isize; i++) d->index[i] = EMPTY;
    d->version = ++mp.next_dict_version;
    return (Obj *)d;
}

static inline int keq(Obj *a, Obj *b)
{
    if (a == b) return 1;
    if (IS_STR(a) && IS_STR(b)) return mp_str_eq(a, b);
    return mp_eq(a, b);
}

/* Returns index slot position; *found set to entry index or -1. */
static int64_t lookup(Dict *d, Obj *k, int64_t h, int64_t *found)
{
    uint64_t mask = d->isize - 1, perturb = (uint64_t)h;
    uint64_t i = (uint64_t)h & mask;
    int64_t freeslot = -1;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == EMPTY) { *found = -1; return freeslot >= 0 ? freeslot : (int64_t)i; }
        if (ix == DUMMY) { if (freeslot < 0) freeslot = (int64_t)i; }
        else {
            DEntry *e = &d->ent[ix];
            if (e->key == k) { *found = ix; return (int64_t)i; }
            if (e->hash == h) {
                int c = keq(e->key, k);
                if (c < 0) { *found = -2; return -1; }
                if (c) { *found = ix; return (int64_t)i; }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static void rebuild(Dict *d, int64_t minsize)
{
    int64_t n = 0;
    for (int64_t i = 0; i < d->nent; i++) if (d->ent[i].key) d->ent[n++] = d->ent[i];
    d->nent = n;
    int64_t isize = 16;
    while (isize * 2 < minsize * 3) isize *= 2;
    if (isize != d->isize) { free(d->index); d->index = malloc(sizeof(int64_t) * isize); d->isize = isize; }
    for (int64_t i = 0; i < isize; i++) d->index[i] = EMPTY;
    uint64_t mask = isize - 1;
    for (int64_t j = 0; j < n; j++) {
        uint64_t perturb = (uint64_t)d->ent[j].hash, i = perturb & mask;
        while (d->index[i] != EMPTY) { perturb >>= 5; i = (i * 5 + perturb + 1) & mask; }
        d->index[i] = j;
    }
    if (d->cap < n + 1 || d->cap > 4 * (n + 8)) {
        d->cap = n * 2 + 8;
        d->ent = realloc(d->ent, sizeof(DEntry) * d->cap);
    }
    d->version = ++mp.next_dict_version;
}

Obj *mp_dict_get(Obj *o, Obj *k)
{
    Dict *d = (Dict *)o;
    int64_t h = IS_STR(k) ? mp_str_hash(k) : mp_hash(k);
    if (h == -1 && mp.exc) return NULL;
    int64_t found;
    lookup(d, k, h, &found);
    return found >= 0 ? d->ent[found].val : NULL;
}

/* The entry of an exact str or int k in d, found without running Python
 * code: its index (>= 0), -1 when absent, or -2 when the probe meets a
 * stored key with k's hash of another class than str, int, float and
 * bool (a user class's __eq__ would run; the caller takes the general
 * path): those four compare with k without running code. */
int64_t mp_dict_index_plain(Obj *o, Obj *k)
{
    Dict *d = (Dict *)o;
    int64_t h = IS_STR(k) ? mp_str_hash(k) : mp_hash(k);
    uint64_t mask = d->isize - 1, perturb = (uint64_t)h;
    uint64_t i = (uint64_t)h & mask;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == EMPTY) return -1;
        if (ix != DUMMY) {
            DEntry *e = &d->ent[ix];
            if (e->key == k) return ix;
            if (e->hash == h) {
                Type *t = TYPE(e->key);
                if (t != &mp_str_type && t != &mp_int_type && t != &mp_float_type && t != &mp_bool_type)
                    return -2;
                int c = keq(e->key, k);
                if (c < 0) { mp_err_clear(); return -2; }
                if (c) return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* d[k] for an exact str or int k, found without running Python code
 * (mp_dict_index_plain): 1 (found, *v borrowed) or 0 (absent), or -1
 * where the general path must run. */
int mp_dict_get_plain(Obj *o, Obj *k, Obj **v)
{
    int64_t ix = mp_dict_index_plain(o, k);
    if (ix < 0) return ix == -1 ? 0 : -1;
    *v = ((Dict *)o)->ent[ix].val;
    return 1;
}

Obj *mp_dict_gets(Obj *d, const char *k)
{
    Obj *s = mp_str_c(k);
    Obj *v = mp_dict_get(d, s);
    decref(s);
    return v;
}

/* d[k] = v; the reference the entry held goes to *old when old is not
 * NULL, else is dropped (inlined into both callers: mp_dict_set pays no
 * call or test for the other). */
static inline __attribute__((always_inline)) int dict_set(Obj *o, Obj *k, Obj *v, Obj **old)
{
    Dict *d = (Dict *)o;
    if (old) *old = NULL;
    int64_t h = IS_STR(k) ? mp_str_hash(k) : mp_hash(k);
    if (h == -1 && mp.exc) return -1;
    int64_t found;
    int64_t slot = lookup(d, k, h, &found);
    if (found == -2) return -1;
    if (found >= 0) {
        Obj *was = d->ent[found].val;
        d->ent[found].val = incref(v);
        if (d->jit_watched) mp_jit_dict_store(d, h);
        if (old) *old = was;
        else decref(was);
        return 0;
    }
    if (d->nent >= d->cap) {
        if (d->used < d->nent) { rebuild(d, d->used + 1); slot = lookup(d, k, h, &found); }
        if (d->nent >= d->cap) { d->cap *= 2; d->ent = realloc(d->ent, sizeof(DEntry) * d->cap); }
    }
    d->ent[d->nent] = (DEntry){ h, incref(k), incref(v) };
    d->index[slot] = d->nent++;
    d->used++;
    d->version = ++mp.next_dict_version;
    if (d->nent * 3 >= d->isize * 2) rebuild(d, d->used * 2);
    if (d->jit_watched) mp_jit_dict_store(d, h);
    return 0;
}

int mp_dict_set(Obj *o, Obj *k, Obj *v) { return dict_set(o, k, v, NULL); }

int mp_dict_set_keep(Obj *o, Obj *k, Obj *v, Obj **old) { return dict_set(o, k, v, old); }

int mp_dict_sets(Obj *d, const char *k, Obj *v)
{
    Obj *s = mp_str_intern(k);
    return mp_dict_set(d, s, v);
}

int mp_dict_del(Obj *o, Obj *k)
{
    Dict *d = (Dict *)o;
    int64_t h = mp_hash(k);
    if (h == -1 && mp.exc) return -1;
    int64_t found;
    int64_t slot = lookup(d, k, h, &found);
    if (found == -2) return -1;
    if (found < 0) return 1;
    DEntry *e = &d->ent[found];
    Obj *key = e->key, *val = e->val;
    e->key = NULL; e->val = NULL;
    d->index[slot] = DUMMY;
    d->used--;
    d->version = ++mp.next_dict_version;
    if (d->jit_watched) mp_jit_dict_store(d, h);
    /* Dropped last, as CPython: freeing them may run code (a generator's
     * finally block) that must already see the entry gone. */
    decref(key); decref(val);
    return 0;
}

int mp_dict_next(Obj *o, int64_t *pos, Obj **k, Obj **v)
{
    Dict *d = (Dict *)o;
    while (*pos < d->nent) {
        DEntry *e = &d->ent[(*pos)++];
        if (e->key) { *k = e->key; *v = e->val; return 1; }
    }
    return 0;
}

Obj *mp_dict_copy(Obj *o)
{
    Obj *r = mp_dict_new();
    int64_t pos = 0;
    Obj *k, *v;
    while (mp_dict_next(o, &pos, &k, &v)) mp_dict_set(r, k, v);
    return r;
}

int mp_dict_update(Obj *d, Obj *other)
{
    if (IS(other, dict)) {
        int64_t pos = 0;
        Obj *k, *v;
        while (mp_dict_next(other, &pos, &k, &v)) if (mp_dict_set(d, k, v) < 0) return -1;
        return 0;
    }
    Obj *keys = mp_getattr_s(other, "keys");
    if (keys) {
        Obj *ks = mp_call0(keys);
        decref(keys);
        if (!ks) return -1;
        Obj *it = mp_iter(ks);
        decref(ks);
        if (!it) return -1;
        Obj *k;
        while ((k = mp_next(it))) {
            Obj *v = mp_getitem(other, k);
            if (!v || mp_dict_set(d, k, v) < 0) { decref(k); xdecref(v); decref(it); return -1; }
            decref(k); decref(v);
        }
        decref(it);
        return mp.exc ? -1 : 0;
    }
    mp_err_clear();
    Obj *it = mp_iter(other);
    if (!it) return -1;
    Obj *item;
    int64_t idx = 0;
    while ((item = mp_next(it))) {
        Obj *l = mp_list_of(item);
        if (!l) {
            decref(item); decref(it);
            mp_err_clear();
            mp_err(&mp_exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence", (long long)idx);
            return -1;
        }
        if (LN(l) != 2) {
            mp_err(&mp_exc_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required", (long long)idx, (long long)LN(l));
            decref(l); decref(item); decref(it);
            return -1;
        }
        mp_dict_set(d, LITEMS(l)[0], LITEMS(l)[1]);
        decref(l); decref(item);
        idx++;
    }
    decref(it);
    return mp.exc ? -1 : 0;
}

Obj *mp_dict_repr(Obj *o)
{
    static int depth;
    if (mp_repr_enter(o)) return mp_str_c("{...}");
    if (++depth > 2000) { depth--; mp_repr_leave(o); return mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object"); }
    SB b = {0};
    sb_addc(&b, '{');
    int64_t pos = 0, i = 0;
    Obj *k, *v;
    while (mp_dict_next(o, &pos, &k, &v)) {
        if (i++) sb_adds(&b, ", ");
        Obj *kr = mp_repr(k);
        if (!kr) { sb_free(&b); depth--; mp_repr_leave(o); return NULL; }
        Obj *vr = mp_repr(v);
        if (!vr) { decref(kr); sb_free(&b); depth--; mp_repr_leave(o); return NULL; }
        sb_addo(&b, kr); sb_adds(&b, ": "); sb_addo(&b, vr);
        decref(kr); decref(vr);
    }
    sb_addc(&b, '}');
    depth--;
    mp_repr_leave(o);
    return sb_finish(&b);
}

Obj *mp_dict_iter(Obj *d, int kind)
{
    static Type *types[3] = { &mp_dict_keyiterator_type, &mp_dict_valueiterator_type, &mp_dict_itemiterator_type };
    SeqIter *it = mp_alloc(types[kind], sizeof(SeqIter));
    it->seq = incref(d); it->i = 0; it->kind = kind;
    it->n0 = ((Dict *)d)->used;
    return (Obj *)it;
}

Obj *mp_dict_iter_next(SeqIter *it)
{
    Dict *d = (Dict *)it->seq;
    if (d->used != it->n0) {
        it->n0 = -1;
        return mp_err(&mp_exc_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->i < d->nent) {
        DEntry *e = &d->ent[it->i++];
        if (!e->key) continue;
        if (it->kind == 0) return incref(e->key);
        if (it->kind == 1) return incref(e->val);
        return mp_tuple_pack(2, e->key, e->val);
    }
    return NULL;
}

Obj *mp_dict_view(Obj *d, int kind)
{
    static Type *types[3] = { &mp_dict_keys_type, &mp_dict_values_type, &mp_dict_items_type };
    SeqIter *it = mp_alloc(types[kind], sizeof(SeqIter));
    it->seq = incref(d); it->kind = kind;
    return (Obj *)it;
}

#define SELF (mp_unwrap(args[0]))   /* subclass instances: their value */

static Obj *d_get(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("get", n - 1, 1, 2)) return NULL;
    Obj *v = mp_dict_get(SELF, args[1]);
    if (!v && mp.exc) return NULL;
    return incref(v ? v : n > 2 ? args[2] : NONE);
}
static Obj *d_keys(Obj **args, int n, Obj *kw) { return mp_dict_view(SELF, 0); }
static Obj *d_values(Obj **args, int n, Obj *kw) { return mp_dict_view(SELF, 1); }
static Obj *d_items(Obj **args, int n, Obj *kw) { return mp_dict_view(SELF, 2); }
static Obj *d_pop(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("pop", n - 1, 1, 2)) return NULL;
    Obj *v = mp_dict_get(SELF, args[1]);
    if (!v) {
        if (mp.exc) return NULL;
        if (n > 2) return incref(args[2]);
        return mp_err_obj(&mp_exc_KeyError, args[1]);
    }
    incref(v);
    mp_dict_del(SELF, args[1]);
    return v;
}
static Obj *d_popitem(Obj **args, int n, Obj *kw)
{
    Dict *d = (Dict *)SELF;
    for (int64_t i = d->nent - 1; i >= 0; i--) {
        if (!d->ent[i].key) continue;
        Obj *r = mp_tuple_pack(2, d->ent[i].key, d->ent[i].val);
        mp_dict_del(SELF, d->ent[i].key);
        return r;
    }
    return mp_err(&mp_exc_KeyError, "popitem(): dictionary is empty");
}
static Obj *d_setdefault(Obj **args, int n, Obj *kw)
{
    Obj *v = mp_dict_get(SELF, args[1]);
    if (v) return incref(v);
    if (mp.exc) return NULL;
    Obj *dv = n > 2 ? args[2] : NONE;
    if (mp_dict_set(SELF, args[1], dv) < 0) return NULL;
    return incref(dv);
}
static Obj *d_update(Obj **args, int n, Obj *kw)
{
    int np = n - (kw ? (int)TN(kw) : 0);
    if (np > 1 && mp_dict_update(SELF, args[1]) < 0) return NULL;
    for (int i = 0; kw && i < TN(kw); i++) mp_dict_set(SELF, TITEMS(kw)[i], args[np + i]);
    return incref(NONE);
}
static Obj *d_copy(Obj **args, int n, Obj *kw) { return mp_dict_copy(SELF); }
/* Empties d before releasing its entries, so that what the releases free
 * never sees a half-cleared dict. */
void mp_dict_clear(Obj *o)
{
    Dict *d = (Dict *)o;
    DEntry *ent = d->ent;
    int64_t n = d->nent;
    d->ent = calloc(8, sizeof(DEntry));
    d->cap = 8; d->nent = 0; d->used = 0;
    rebuild(d, 0);
    if (d->jit_watched) mp_jit_dict_changed_all(d);
    for (int64_t i = 0; i < n; i++) if (ent[i].key) { decref(ent[i].key); decref(ent[i].val); }
    free(ent);
}
static Obj *d_clear(Obj **args, int n, Obj *kw) { mp_dict_clear(SELF); return incref(NONE); }

static Obj *d_init(Obj **args, int n, Obj *kw)
{
    if (!IS(SELF, dict)) return mp_err(&mp_exc_TypeError, "descriptor '__init__' requires a 'dict' object");
    Obj *r = d_update(args, n, kw);
    return r;
}

static const struct MethodDef dict_methods[] = {
    { "__init__", d_init }, { "get", d_get }, { "keys", d_keys }, { "values", d_values }, { "items", d_items },
    { "pop", d_pop }, { "popitem", d_popitem }, { "setdefault", d_setdefault }, { "update", d_update },
    { "copy", d_copy }, { "clear", d_clear }, { NULL, NULL }
};

void mp_dict_init(void) { mp_add_methods(&mp_dict_type, dict_methods); }
