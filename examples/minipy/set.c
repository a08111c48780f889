/* set.c -- set and frozenset.  The table layout follows CPython's algorithm
 * (linear probes of 9 then perturbed jumps, fill/resize thresholds), so that
 * iteration order of sets of ints matches CPython's exactly. */
#include <stdlib.h>
#include <string.h>
#include "object.h"

#define LINEAR 9
#define DUMMYH (-1)

static Type *set_type(int frozen) { return frozen ? &mp_frozenset_type : &mp_set_type; }

Obj *mp_set_new(int frozen)
{
    Set *s = mp_alloc(set_type(frozen), sizeof(Set));
    s->mask = 7;
    s->table = calloc(8, sizeof(SEntry));
    s->hash = -1;
    return (Obj *)s;
}

static void insert_clean(SEntry *table, int64_t mask, Obj *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        SEntry *e = &table[i];
        if (!e->key) { e->key = key; e->hash = hash; return; }
        if (i + LINEAR <= (uint64_t)mask) {
            for (int j = 0; j < LINEAR; j++) {
                e++;
                if (!e->key) { e->key = key; e->hash = hash; return; }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void resize(Set *s, int64_t minused)
{
    int64_t size = 8;
    while (size <= minused) size <<= 1;
    SEntry *old = s->table;
    int64_t oldmask = s->mask;
    s->table = calloc(size, sizeof(SEntry));
    s->mask = size - 1;
    s->fill = s->used;
    for (int64_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].hash != DUMMYH) insert_clean(s->table, s->mask, old[i].key, old[i].hash);
    free(old);
}

static int add_entry(Set *s, Obj *key, int64_t hash)
{
    for (;;) {
        int64_t mask = s->mask;
        uint64_t i = (uint64_t)hash & mask, perturb = (uint64_t)hash;
        SEntry *freeslot = NULL;
        for (;;) {
            SEntry *e = &s->table[i];
            int probes = (i + LINEAR <= (uint64_t)mask) ? LINEAR : 0;
            do {
                if (e->hash == 0 && e->key == NULL) goto unused;
                if (e->key && e->hash == hash && e->hash != DUMMYH) {
                    if (e->key == key) return 0;
                    int c = mp_eq(e->key, key);
                    if (c < 0) return -1;
                    if (c) return 0;
                    if (mask != s->mask) goto restart;
                } else if (e->hash == DUMMYH && !freeslot) freeslot = e;
                e++;
            } while (probes--);
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
            continue;
        unused:
            if (freeslot) {
                freeslot->key = incref(key); freeslot->hash = hash;
                s->used++;
                return 0;
            }
            e->key = incref(key); e->hash = hash;
            s->fill++; s->used++;
            if (s->fill * 5 < mask * 3) return 0;
            resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
            return 0;
        }
    restart:;
    }
}

static SEntry *find(Set *s, Obj *key, int64_t hash, int *err)
{
    int64_t mask = s->mask;
    uint64_t i = (uint64_t)hash & mask, perturb = (uint64_t)hash;
    *err = 0;
    for (;;) {
        SEntry *e = &s->table[i];
        int probes = (i + LINEAR <= (uint64_t)mask) ? LINEAR : 0;
        do {
            if (e->hash == 0 && e->key == NULL) return NULL;
            if (e->key && e->hash == hash && e->hash != DUMMYH) {
                if (e->key == key) return e;
                int c = mp_eq(e->key, key);
                if (c < 0) { *err = 1; return NULL; }
                if (c) return e;
            }
            e++;
        } while (probes--);
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int mp_set_add(Obj *o, Obj *k)
{
    int64_t h = mp_hash(k);
    if (h == -1 && mp.exc) return -1;
    return add_entry((Set *)o, k, h);
}

int mp_set_contains(Obj *o, Obj *k)
{
    int64_t h = mp_hash(k);
    if (h == -1 && mp.exc) {
        if (IS(k, set) && mp_err_matches(&mp_exc_TypeError)) {
            mp_err_clear();
            Obj *f = mp_set_copy(k, 1);
            int r = mp_set_contains(o, f);
            decref(f);
            return r;
        }
        return -1;
    }
    int err;
    SEntry *e = find((Set *)o, k, h, &err);
    return err ? -1 : e != NULL;
}

int mp_set_discard(Obj *o, Obj *k)
{
    int64_t h = mp_hash(k);
    if (h == -1 && mp.exc) return -1;
    int err;
    SEntry *e = find((Set *)o, k, h, &err);
    if (err) return -1;
    if (!e) return 0;
    decref(e->key);
    e->key = (Obj *)&mp_none;   /* dummy marker: non-NULL key with DUMMYH */
    e->hash = DUMMYH;
    ((Set *)o)->used--;
    return 1;
}

static int merge(Set *s, Set *o)
{
    if ((s->fill + o->used) * 5 >= s->mask * 3) resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask) {
        int has_dummy = 0;
        for (int64_t i = 0; i <= o->mask; i++) if (o->table[i].hash == DUMMYH && o->table[i].key) has_dummy = 1;
        if (!has_dummy) {
            for (int64_t i = 0; i <= o->mask; i++) {
                s->table[i] = o->table[i];
                if (s->table[i].key) incref(s->table[i].key);
            }
            s->fill = o->fill; s->used = o->used;
            return 0;
        }
    }
    if (s->fill == 0) {
        for (int64_t i = 0; i <= o->mask; i++) {
            SEntry *e = &o->table[i];
            if (e->key && e->hash != DUMMYH) { insert_clean(s->table, s->mask, incref(e->key), e->hash); s->fill++; s->used++; }
        }
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        SEntry *e = &o->table[i];
        if (e->key && e->hash != DUMMYH && add_entry(s, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

int mp_set_update(Obj *o, Obj *it)
{
    if (IS(it, set) || IS(it, frozenset)) return merge((Set *)o, (Set *)it);
    if (IS(it, dict)) {
        Dict *d = (Dict *)it;
        Set *s = (Set *)o;
        if ((s->fill + d->used) * 5 >= s->mask * 3) resize(s, (s->used + d->used) * 2);
        for (int64_t i = 0; i < d->nent; i++)
            if (d->ent[i].key && add_entry(s, d->ent[i].key, d->ent[i].hash) < 0) return -1;
        return 0;
    }
    Obj *iter = mp_iter(it);
    if (!iter) return -1;
    Obj *x;
    while ((x = mp_next(iter))) {
        int r = mp_set_add(o, x);
        decref(x);
        if (r < 0) { decref(iter); return -1; }
    }
    decref(iter);
    return mp.exc ? -1 : 0;
}

Obj *mp_set_copy(Obj *o, int frozen)
{
    Obj *r = mp_set_new(frozen);
    merge((Set *)r, (Set *)o);
    return r;
}

Obj *mp_set_iter_next(SeqIter *it)
{
    Set *s = (Set *)it->seq;
    if (it->n0 != s->used) {
        it->n0 = -1;
        return mp_err(&mp_exc_RuntimeError, "Set changed size during iteration");
    }
    while (it->i <= s->mask) {
        SEntry *e = &s->table[it->i++];
        if (e->key && e->hash != DUMMYH) return incref(e->key);
    }
    return NULL;
}

Obj *mp_set_repr(Obj *o)
{
    Set *s = (Set *)o;
    int frozen = IS(o, frozenset);
    if (s->used == 0) return mp_str_c(frozen ? "frozenset()" : "set()");
    SB b = {0};
    if (frozen) sb_adds(&b, "frozenset(");
    sb_addc(&b, '{');
    int first = 1;
    for (int64_t i = 0; i <= s->mask; i++) {
        SEntry *e = &s->table[i];
        if (!e->key || e->hash == DUMMYH) continue;
        if (!first) sb_adds(&b, ", ");
        first = 0;
        Obj *r = mp_repr(e->key);
        if (!r) { sb_free(&b); return NULL; }
        sb_addo(&b, r);
        decref(r);
    }
    sb_addc(&b, '}');
    if (frozen) sb_addc(&b, ')');
    return sb_finish(&b);
}

static int in_set(Set *s, SEntry *e)
{
    int err;
    SEntry *f = find(s, e->key, e->hash, &err);
    return err ? -1 : f != NULL;
}

static int toggle_from(Obj *r, Set *y)
{
    for (int64_t i = 0; i <= y->mask; i++) {
        SEntry *e = &y->table[i];
        if (!e->key || e->hash == DUMMYH) continue;
        int c = in_set((Set *)r, e);
        if (c < 0) return -1;
        if (c) mp_set_discard(r, e->key); else if (add_entry((Set *)r, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

Obj *mp_set_binop(int op, Obj *a, Obj *b)
{
    Set *x = (Set *)a, *y = (Set *)b;
    int frozen = IS(a, frozenset);
    if (op == BIN_OR) {
        Obj *r = mp_set_copy(a, frozen);
        if (merge((Set *)r, y) < 0) { decref(r); return NULL; }
        return r;
    }
    if (op == BIN_XOR) {
        Obj *r = mp_set_copy(a, frozen);
        if (toggle_from(r, y) < 0) { decref(r); return NULL; }
        return r;
    }
    if (op == BIN_SUB && (x->used >> 2) > y->used) {
        Obj *r = mp_set_copy(a, frozen);
        for (int64_t i = 0; i <= y->mask; i++) {
            SEntry *e = &y->table[i];
            if (e->key && e->hash != DUMMYH && mp_set_discard(r, e->key) < 0) { decref(r); return NULL; }
        }
        return r;
    }
    Obj *r = mp_set_new(frozen);
    Set *it = x, *other = y;
    if (op == BIN_AND && y->used <= x->used) { it = y; other = x; }
    for (int64_t i = 0; i <= it->mask; i++) {
        SEntry *e = &it->table[i];
        if (!e->key || e->hash == DUMMYH) continue;
        int c = in_set(other, e);
        if (c < 0) { decref(r); return NULL; }
        if ((op == BIN_AND) == (c != 0) && add_entry((Set *)r, e->key, e->hash) < 0) { decref(r); return NULL; }
    }
    return r;
}

/* In-place forms: -= and ^= mutate the table in place as CPython does. */
int mp_set_inplace(int op, Obj *a, Obj *b)
{
    Set *y = (Set *)b;
    if (op == BIN_OR) return merge((Set *)a, y);
    if (op == BIN_XOR) return toggle_from(a, y);
    if (op == BIN_SUB) {
        if (a == b) { Obj *t = mp_set_copy(b, 0); int r = mp_set_inplace(op, a, t); decref(t); return r; }
        for (int64_t i = 0; i <= y->mask; i++) {
            SEntry *e = &y->table[i];
            if (e->key && e->hash != DUMMYH && mp_set_discard(a, e->key) < 0) return -1;
        }
        return 0;
    }
    return 1;
}

static int subset(Set *a, Set *b)
{
    if (a->used > b->used) return 0;
    for (int64_t i = 0; i <= a->mask; i++) {
        SEntry *e = &a->table[i];
        if (!e->key || e->hash == DUMMYH) continue;
        int c = in_set(b, e);
        if (c <= 0) return c;
    }
    return 1;
}

Obj *mp_set_cmp(Obj *a, Obj *b, int op)
{
    Set *x = (Set *)a, *y = (Set *)b;
    int r;
    switch (op) {
    case CMP_EQ: r = x->used == y->used && subset(x, y); break;
    case CMP_NE: r = !(x->used == y->used && subset(x, y)); break;
    case CMP_LE: r = subset(x, y); break;
    case CMP_GE: r = subset(y, x); break;
    case CMP_LT: r = x->used < y->used && subset(x, y); break;
    default: r = y->used < x->used && subset(y, x); break;
    }
    return mp_bool(r);
}

int64_t mp_set_hash(Obj *o)
{
    Set *s = (Set *)o;
    if (s->hash != -1) return s->hash;
    uint64_t h = 0;
    for (int64_t i = 0; i <= s->mask; i++) {
        SEntry *e = &s->table[i];
        if (!e->key || e->hash == DUMMYH) continue;
        uint64_t x = (uint64_t)e->hash;
        h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
    }
    h ^= ((uint64_t)s->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1) h = 590923713UL;
    s->hash = (int64_t)h;
    return s->hash;
}

#define SELF (mp_unwrap(args[0]))   /* subclass instances: their value */

static Obj *st_add(Obj **args, int n, Obj *kw) { if (mp_set_add(SELF, args[1]) < 0) return NULL; return incref(NONE); }
static Obj *st_discard(Obj **args, int n, Obj *kw) { if (mp_set_discard(SELF, args[1]) < 0) return NULL; return incref(NONE); }
static Obj *st_remove(Obj **args, int n, Obj *kw)
{
    int r = mp_set_discard(SELF, args[1]);
    if (r < 0) return NULL;
    if (!r) return mp_err_obj(&mp_exc_KeyError, args[1]);
    return incref(NONE);
}
static Obj *st_pop(Obj **args, int n, Obj *kw)
{
    Set *s = (Set *)SELF;
    for (int64_t i = 0; i <= s->mask; i++) {
        SEntry *e = &s->table[i];
        if (e->key && e->hash != DUMMYH) {
            Obj *k = e->key;
            e->key = (Obj *)&mp_none; e->hash = DUMMYH;
            s->used--;
            return k;
        }
    }
    return mp_err(&mp_exc_KeyError, "pop from an empty set");
}
static Obj *st_update(Obj **args, int n, Obj *kw)
{
    for (int i = 1; i < n; i++) if (mp_set_update(SELF, args[i]) < 0) return NULL;
    return incref(NONE);
}
static Obj *as_set(Obj *o)
{
    if (IS(o, set) || IS(o, frozenset)) return incref(o);
    Obj *s = mp_set_new(0);
    if (mp_set_update(s, o) < 0) { decref(s); return NULL; }
    return s;
}
static Obj *multi(Obj **args, int n, int op)
{
    Obj *r = mp_set_copy(SELF, IS(SELF, frozenset));
    for (int i = 1; i < n; i++) {
        Obj *o = args[i];
        if (op == BIN_OR) { if (mp_set_update(r, o) < 0) { decref(r); return NULL; } continue; }
        if (op == BIN_AND && !IS(o, set) && !IS(o, frozenset)) {
            Obj *res = mp_set_new(IS(SELF, frozenset)), *it = mp_iter(o), *x;
            if (!it) { decref(res); decref(r); return NULL; }
            while ((x = mp_next(it))) {
                int c = mp_set_contains(r, x);
                if (c > 0) mp_set_add(res, x);
                decref(x);
                if (c < 0) break;
            }
            decref(it); decref(r);
            if (mp.exc) { decref(res); return NULL; }
            r = res;
            continue;
        }
        if (op == BIN_SUB && !IS(o, set) && !IS(o, frozenset)) {
            Obj *it = mp_iter(o), *x;
            if (!it) { decref(r); return NULL; }
            while ((x = mp_next(it))) { mp_set_discard(r, x); decref(x); }
            decref(it);
            continue;
        }
        Obj *so = as_set(o);
        if (!so) { decref(r); return NULL; }
        Obj *x = mp_set_binop(op, r, so);
        decref(so); decref(r);
        if (!x) return NULL;
        r = x;
    }
    return r;
}
static Obj *st_union(Obj **args, int n, Obj *kw) { return multi(args, n, BIN_OR); }
static Obj *st_intersection(Obj **args, int n, Obj *kw) { return multi(args, n, BIN_AND); }
static Obj *st_difference(Obj **args, int n, Obj *kw) { return multi(args, n, BIN_SUB); }
static Obj *st_symdiff(Obj **args, int n, Obj *kw) { return multi(args, n, BIN_XOR); }
static Obj *st_iupdate(Obj **args, int n, Obj *kw)
{
    Obj *r = multi(args, n, BIN_AND);
    if (!r) return NULL;
    Set *a = (Set *)SELF, *b = (Set *)r;
    SEntry *t = a->table; int64_t m = a->mask, fill = a->fill, used = a->used;
    a->table = b->table; a->mask = b->mask; a->fill = b->fill; a->used = b->used;
    b->table = t; b->mask = m; b->fill = fill; b->used = used;
    decref(r);
    return incref(NONE);
}
static Obj *st_dupdate(Obj **args, int n, Obj *kw)
{
    for (int i = 1; i < n; i++) {
        Obj *it = mp_iter(args[i]), *x;
        if (!it) return NULL;
        while ((x = mp_next(it))) { int r = mp_set_discard(SELF, x); decref(x); if (r < 0) { decref(it); return NULL; } }
        decref(it);
        if (mp.exc) return NULL;
    }
    return incref(NONE);
}
static Obj *st_sdupdate(Obj **args, int n, Obj *kw)
{
    Obj *o = as_set(args[1]);
    if (!o) return NULL;
    int r = mp_set_inplace(BIN_XOR, SELF, o);
    decref(o);
    return r < 0 ? NULL : incref(NONE);
}
static Obj *st_subset(Obj **args, int n, Obj *kw)
{
    Obj *o = as_set(args[1]);
    if (!o) return NULL;
    Obj *r = mp_bool(subset((Set *)SELF, (Set *)o));
    decref(o);
    return r;
}
static Obj *st_superset(Obj **args, int n, Obj *kw)
{
    Obj *o = as_set(args[1]);
    if (!o) return NULL;
    Obj *r = mp_bool(subset((Set *)o, (Set *)SELF));
    decref(o);
    return r;
}
static Obj *st_disjoint(Obj **args, int n, Obj *kw)
{
    Obj *o = as_set(args[1]);
    if (!o) return NULL;
    Obj *i = mp_set_binop(BIN_AND, SELF, o);
    decref(o);
    Obj *r = mp_bool(((Set *)i)->used == 0);
    decref(i);
    return r;
}
static Obj *st_copy(Obj **args, int n, Obj *kw) { return IS(SELF, frozenset) ? incref(SELF) : mp_set_copy(SELF, 0); }
/* Empties s before releasing its keys (see mp_dict_clear). */
void mp_set_clear(Obj *o)
{
    Set *s = (Set *)o;
    SEntry *table = s->table;
    int64_t mask = s->mask;
    s->table = calloc(8, sizeof(SEntry));
    s->mask = 7; s->fill = s->used = 0;
    for (int64_t i = 0; i <= mask; i++) if (table[i].key && table[i].hash != DUMMYH) decref(table[i].key);
    free(table);
}
static Obj *st_clear(Obj **args, int n, Obj *kw) { mp_set_clear(SELF); return incref(NONE); }

static const struct MethodDef set_methods[] = {
    { "add", st_add }, { "discard", st_discard }, { "remove", st_remove }, { "pop", st_pop },
    { "update", st_update }, { "union", st_union }, { "intersection", st_intersection },
    { "difference", st_difference }, { "symmetric_difference", st_symdiff },
    { "intersection_update", st_iupdate }, { "difference_update", st_dupdate },
    { "symmetric_difference_update", st_sdupdate },
    { "issubset", st_subset }, { "issuperset", st_superset }, { "isdisjoint", st_disjoint },
    { "copy", st_copy }, { "clear", st_clear }, { NULL, NULL }
};
static const struct MethodDef frozenset_methods[] = {
    { "union", st_union }, { "intersection", st_intersection }, { "difference", st_difference },
    { "symmetric_difference", st_symdiff }, { "issubset", st_subset }, { "issuperset", st_superset },
    { "isdisjoint", st_disjoint }, { "copy", st_copy }, { NULL, NULL }
};

void mp_set_init(void)
{
    mp_add_methods(&mp_set_type, set_methods);
    mp_add_methods(&mp_frozenset_type, frozenset_methods);
}
