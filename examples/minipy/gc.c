/* gc.c -- the cycle collector: frees garbage that reference counting cannot
 * (objects that only reference each other), and the `gc` module.
 *
 * Design (CPython's trial deletion).  Every object of a container type (type
 * flag T_GC: lists, tuples, dicts, sets, instances, exceptions, functions,
 * cells, bound methods, generators, iterators...) is allocated with a GCHead
 * in front of mp_alloc's hidden header and linked into the young
 * generation.  A collection of a generation:
 *   1. copies each object's reference count into gc_refs;
 *   2. for every reference an object of the generation holds to another one
 *      of the generation (the per-type visitor, traverse()), decrements the
 *      target's gc_refs -- what is left counts references from outside the
 *      generation (C locals, frames, untracked objects, older objects);
 *   3. everything reachable from an object with gc_refs > 0 is alive; the
 *      rest is garbage.  It is cleared (each object drops the references it
 *      holds, clear()) while the collector holds one reference to each, then
 *      released, so reference counting frees the whole cycle.
 * Three generations, as CPython's: survivors of a young collection move to
 * the middle generation, survivors of a middle one to the old generation.  A
 * young collection runs when the number of tracked objects allocated minus
 * freed exceeds the threshold (700, as CPython's); a middle one (young and
 * middle merged) instead of every 10th young one; a full one instead of
 * every 10th middle one when the old generation has grown by a quarter
 * since the last full one, so the total work stays linear in the
 * allocations.  (With two generations, a program building many long-lived
 * lists -- bench/permutations.py -- spent 12% of its time in full
 * collections.)  Tuples whose items
 * are all untracked are untracked when they survive a young collection (as
 * CPython does): they can never be part of a cycle.
 *
 * Only objects the collector can see are traversed: frames of running
 * calls are not objects, so what they reference counts as referenced from
 * outside -- which is what keeps live values alive.  A suspended
 * generator's frame belongs to its generator and is traversed; a running one
 * is not.  Classes, modules and code objects are never freed by minipy
 * (inline caches point at them), so they are not tracked.
 *
 * Finalizers (PEP 442): when the garbage holds objects with a finalizer not
 * yet run (an instance of a class with __del__, a suspended generator), the
 * finalizers run first, in list order, on the intact garbage; then the
 * reachability of the garbage is computed again (drop_resurrected): what a
 * finalizer made reachable from outside survives, and only the rest is
 * cleared.  Each object is finalized once (mp_finalize marks it), so a
 * resurrected cycle is freed without finalizers when it dies again. */
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "jit/jit.h"
#include "opcodes.h"

#define HIDDEN(o) ((size_t *)((char *)(o) - 16))
#define HEAD(o) ((GCHead *)((char *)(o) - 16 - sizeof(GCHead)))
#define FROM_HEAD(h) ((Obj *)((char *)(h) + sizeof(GCHead) + 16))

/* GC_LEAF: during a collection, the object references no object being
 * collected (found while subtracting the internal references), so finding
 * what is reachable need not traverse it again. */
enum { GC_TRACKED = 1, GC_COLLECTING = 2, GC_UNREACHABLE = 4, GC_LEAF = 8 };

static inline void list_init(GCHead *l) { l->next = l->prev = l; }
static inline void list_unlink(GCHead *h) { h->prev->next = h->next; h->next->prev = h->prev; }
static inline void list_append(GCHead *l, GCHead *h)
{
    h->prev = l->prev; h->next = l; l->prev->next = h; l->prev = h;
}
static void list_merge(GCHead *from, GCHead *to)
{
    if (from->next == from) return;
    from->next->prev = to->prev; to->prev->next = from->next;
    from->prev->next = to; to->prev = from->prev;
    list_init(from);
}

/* Does o carry a GCHead (heap object of a container type)?  Static objects
 * (OBJ_HEAD) have no hidden header, and none of their types is T_GC. */
static inline int has_head(Obj *o) { return (TYPE(o)->flags & T_GC) && (HIDDEN(o)[1] & 1); }

void mp_gc_link(Obj *o)
{
    GCHead *h = HEAD(o);
    h->flags = GC_TRACKED;
    h->refs = 0;
    list_append(&mp.gc_young, h);
}

void mp_gc_unlink(Obj *o)
{
    GCHead *h = HEAD(o);
    if (h->flags & GC_TRACKED) { list_unlink(h); h->flags = 0; }
    mp.gc_count--;
}

void mp_gc_untrack(Obj *o)
{
    if (!has_head(o)) return;
    GCHead *h = HEAD(o);
    if (h->flags & GC_TRACKED) { list_unlink(h); h->flags = 0; }
}

int mp_gc_is_tracked(Obj *o) { return has_head(o) && (HEAD(o)->flags & GC_TRACKED); }

typedef void (*Visit)(Obj *o);

/* Every visitor starts by testing that the target is tracked, so a target
 * of a type without T_GC (ints, floats, strs: most items of most lists) is
 * skipped here, without the indirect call. */
#define V(x) do { Obj *v_ = (Obj *)(x); if (v_ && (TYPE(v_)->flags & T_GC)) visit(v_); } while (0)

static void visit_frame(Frame *f, Visit visit)
{
    int nl = f->code->nlocals + f->code->ncells + f->code->nfree;
    for (int i = 0; i < nl; i++) V(f->lp[i]);
    for (Obj **p = f->stack; p < f->sp; p++) V(*p);
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i].type == B_HANDLER && f->blocks[i].saved) visit(f->blocks[i].saved);
    if (f->func) visit((Obj *)f->func);
}


/* Calls visit on every reference o owns to an object that may be tracked. */
static void traverse(Obj *o, Visit visit)
{
    Type *t = TYPE(o);
    if (t == &mp_list_type) {
        List *l = (List *)o;
        for (int64_t i = 0; i < l->n; i++) V(l->items[i]);
    } else if (t == &mp_tuple_type) {
        for (int64_t i = 0; i < TN(o); i++) V(TITEMS(o)[i]);
    } else if (t == &mp_dict_type) {
        Dict *d = (Dict *)o;
        for (int64_t i = 0; i < d->nent; i++)
            if (d->ent[i].key) { V(d->ent[i].key); V(d->ent[i].val); }
    } else if (t == &mp_set_type || t == &mp_frozenset_type) {
        Set *s = (Set *)o;
        for (int64_t i = 0; i <= s->mask; i++)
            if (s->table[i].key && s->table[i].hash != -1) V(s->table[i].key);
    } else if (t->flags & (T_USER | T_EXC) || t == &mp_object_type) {
        V(((Inst *)o)->dict);
        if (t->valbase) V(((Inst *)o)->value);
        if (mp_is_subtype(t, &mp_exc_BaseException)) {
            Exc *e = (Exc *)o;
            V(e->args); V(e->tb); V(e->cause); V(e->context);
        }
    } else if (t == &mp_function_type) {
        Func *f = (Func *)o;
        V(f->defaults); V(f->kwdefaults); V(f->closure); V(f->dict);
    } else if (t == &mp_method_type) {
        V(((Method *)o)->self); V(((Method *)o)->func);
    } else if (t == &mp_cell_type) {
        V(((Cell *)o)->ref);
    } else if (t == &mp_builtin_type) {
        V(((Builtin *)o)->self);
    } else if (t == &mp_generator_type) {
        Gen *g = (Gen *)o;
        if (!g->running && g->f) visit_frame(g->f, visit);
        V(g->retval); V(g->exc_state);
    } else if (t == &mp_super_type) {
        V(((Super *)o)->obj);
    } else if (t == &mp_staticmethod_type || t == &mp_classmethod_type) {
        V(((Wrapper *)o)->f);
    } else if (t == &mp_property_type) {
        Property *p = (Property *)o;
        V(p->get); V(p->set); V(p->del);
    } else {
        /* the iterators and views: one SeqIter layout */
        V(((SeqIter *)o)->seq);
    }
}

static void clear_frame(Frame *f)
{
    int nl = f->code->nlocals + f->code->ncells + f->code->nfree;
    for (int i = 0; i < nl; i++) { Obj *v = f->lp[i]; f->lp[i] = NULL; xdecref(v); }
    while (f->sp > f->stack) { Obj *v = *--f->sp; xdecref(v); }
    while (f->nblocks > 0) {
        Block *b = &f->blocks[--f->nblocks];
        if (b->type == B_HANDLER) { Obj *v = b->saved; b->saved = NULL; xdecref(v); }
    }
}

#define CLR(field) do { Obj *c_ = (Obj *)(field); (field) = NULL; xdecref(c_); } while (0)

/* Drops the references o holds that can close a cycle; dealloc copes with
 * the NULLs left behind. */
static void clear(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_list_type) {
        List *l = (List *)o;
        Obj **items = l->items;
        int64_t n = l->n, cap = l->cap;
        l->items = NULL; l->n = l->cap = 0;
        for (int64_t i = 0; i < n; i++) xdecref(items[i]);
        mp_items_free(items, cap);
    } else if (t == &mp_tuple_type) {
        for (int64_t i = 0; i < TN(o); i++) CLR(TITEMS(o)[i]);
    } else if (t == &mp_dict_type) {
        mp_dict_clear(o);
    } else if (t == &mp_set_type || t == &mp_frozenset_type) {
        mp_set_clear(o);
    } else if (t->flags & (T_USER | T_EXC) || t == &mp_object_type) {
        CLR(((Inst *)o)->dict);
        if (t->valbase) CLR(((Inst *)o)->value);
        if (mp_is_subtype(t, &mp_exc_BaseException)) {
            Exc *e = (Exc *)o;
            CLR(e->args); CLR(e->tb); CLR(e->cause); CLR(e->context);
        }
    } else if (t == &mp_function_type) {
        Func *f = (Func *)o;
        CLR(f->defaults); CLR(f->kwdefaults); CLR(f->closure); CLR(f->dict);
    } else if (t == &mp_method_type) {
        CLR(((Method *)o)->self); CLR(((Method *)o)->func);
    } else if (t == &mp_cell_type) {
        CLR(((Cell *)o)->ref);
    } else if (t == &mp_builtin_type) {
        CLR(((Builtin *)o)->self);
    } else if (t == &mp_generator_type) {
        Gen *g = (Gen *)o;
        if (!g->running && g->f) { clear_frame(g->f); g->done = 1; }
        CLR(g->retval); CLR(g->exc_state);
    } else if (t == &mp_super_type) {
        CLR(((Super *)o)->obj);
    } else if (t == &mp_staticmethod_type || t == &mp_classmethod_type) {
        CLR(((Wrapper *)o)->f);
    } else if (t == &mp_property_type) {
        Property *p = (Property *)o;
        CLR(p->get); CLR(p->set); CLR(p->del);
    } else {
        CLR(((SeqIter *)o)->seq);
    }
}

/* The objects being collected carry GC_COLLECTING. */
static inline GCHead *collecting(Obj *o)
{
    if (!has_head(o)) return NULL;
    GCHead *h = HEAD(o);
    return (h->flags & GC_COLLECTING) ? h : NULL;
}

static int decref_hit;   /* visit_decref met an object being collected */

static void visit_decref(Obj *o)
{
    GCHead *h = collecting(o);
    if (h) { h->refs--; decref_hit = 1; }
}

static GCHead *young_scan;   /* the list move_unreachable is scanning */

static void visit_reachable(Obj *o)
{
    GCHead *h = collecting(o);
    if (!h) return;
    if (h->flags & GC_UNREACHABLE) {
        /* tentatively unreachable, but referenced from a live object: back
         * to the end of the list being scanned, which will reach it */
        list_unlink(h);
        h->flags &= ~GC_UNREACHABLE;
        list_append(young_scan, h);
        h->refs = 1;
    } else if (h->refs == 0) h->refs = 1;
}

/* Tuples of untracked items can never be in a cycle. */
static int tuple_untrackable(Obj *o)
{
    if (TYPE(o) != &mp_tuple_type) return 0;
    for (int64_t i = 0; i < TN(o); i++) {
        Obj *v = TITEMS(o)[i];
        if (!v || mp_gc_is_tracked(v)) return 0;
    }
    return 1;
}

/* After the finalizers of the garbage ran: which of it is referenced from
 * outside (beyond the one reference `garbage` holds to each), or reachable
 * from such an object, is resurrected -- released here, it stays in the old
 * generation.  The rest is compacted to the front; returns its count. */
static Obj **resur_stack;
static int64_t resur_sp;
static void visit_resurrect(Obj *o)
{
    GCHead *h = collecting(o);
    if (!h || h->refs < 0) return;
    h->refs = -1;
    resur_stack[resur_sp++] = o;
}

static int64_t drop_resurrected(Obj **garbage, int64_t n)
{
    int64_t i, m = 0;
    for (i = 0; i < n; i++) {
        GCHead *h = HEAD(garbage[i]);
        h->flags |= GC_COLLECTING;
        h->refs = garbage[i]->rc - 1;
    }
    for (i = 0; i < n; i++) traverse(garbage[i], visit_decref);
    resur_stack = malloc(sizeof(Obj *) * (n + 1));
    resur_sp = 0;
    for (i = 0; i < n; i++) {
        GCHead *h = HEAD(garbage[i]);
        /* out of memory: keep it all (never clear what may be alive) */
        if (h->refs > 0 || !resur_stack) { h->refs = -1; if (resur_stack) resur_stack[resur_sp++] = garbage[i]; }
    }
    while (resur_sp > 0) traverse(resur_stack[--resur_sp], visit_resurrect);
    free(resur_stack);
    resur_stack = NULL;
    for (i = 0; i < n; i++) {
        GCHead *h = HEAD(garbage[i]);
        h->flags &= ~GC_COLLECTING;
        if (h->refs < 0) decref(garbage[i]);    /* resurrected */
        else garbage[m++] = garbage[i];
    }
    return m;
}

/* Collects the objects of list `gen` (a generation with the younger ones
 * merged into it); survivors move to generation `dest`.  Returns the number
 * of objects found unreachable. */
static int64_t collect_list(GCHead *gen, GCHead *dest)
{
    GCHead unreach, *h, *next;
    list_init(&unreach);
    for (h = gen->next; h != gen; h = h->next) {
        Obj *o = FROM_HEAD(h);
        h->refs = o->rc >= MP_IMMORTAL / 2 ? MP_IMMORTAL : o->rc;
        h->flags |= GC_COLLECTING;
    }
    for (h = gen->next; h != gen; h = h->next) {
        decref_hit = 0;
        traverse(FROM_HEAD(h), visit_decref);
        if (!decref_hit) h->flags |= GC_LEAF;
    }
    young_scan = gen;
    for (h = gen->next; h != gen; h = next) {
        if (h->refs > 0) {
            if (!(h->flags & GC_LEAF)) traverse(FROM_HEAD(h), visit_reachable);
            next = h->next;
        } else {
            next = h->next;
            list_unlink(h);
            h->flags |= GC_UNREACHABLE;
            list_append(&unreach, h);
        }
    }
    int64_t survivors = 0;
    for (h = gen->next; h != gen; h = next) {
        next = h->next;
        h->flags &= ~(GC_COLLECTING | GC_LEAF);
        if (tuple_untrackable(FROM_HEAD(h))) { list_unlink(h); h->flags = 0; }
        else survivors++;
    }
    list_merge(gen, dest);
    if (dest == &mp.gc_old) mp.gc_old_pending += survivors;

    int64_t n = 0;
    for (h = unreach.next; h != &unreach; h = h->next) n++;
    if (!n) return 0;
    Obj **garbage = malloc(sizeof(Obj *) * n);
    if (!garbage) { mp_nomem(); return 0; }
    int64_t i = 0;
    for (h = unreach.next; h != &unreach; h = h->next) {
        h->flags &= ~(GC_COLLECTING | GC_UNREACHABLE | GC_LEAF);
        garbage[i++] = incref(FROM_HEAD(h));
    }
    /* Whatever survives the clearing (nothing should) stays in the old
     * generation; the rest unlinks itself when freed. */
    list_merge(&unreach, &mp.gc_old);
    int64_t nfin = 0;
    for (i = 0; i < n; i++) if (mp_needs_finalize(garbage[i])) nfin++;
    if (nfin) {
        /* PEP 442: the finalizers first (the garbage is intact), then the
         * garbage that is still unreachable -- a finalizer may have stored
         * a reference to some of it somewhere live -- is cleared. */
        for (i = 0; i < n; i++) if (mp_needs_finalize(garbage[i])) mp_finalize(garbage[i]);
        n = drop_resurrected(garbage, n);
    }
    for (i = 0; i < n; i++) clear(garbage[i]);
    for (i = 0; i < n; i++) decref(garbage[i]);
    free(garbage);
    return n;
}

/* Collects generation `gen` (0 young, 1 middle, 2 full) and the younger
 * ones. */
static int64_t collect(int gen)
{
    if (mp.gc_collecting) return 0;
    mp.gc_collecting = 1;
    int64_t n;
    if (gen == 2) {
        list_merge(&mp.gc_middle, &mp.gc_old);   /* oldest first */
        list_merge(&mp.gc_young, &mp.gc_old);
        GCHead all;
        list_init(&all);
        list_merge(&mp.gc_old, &all);
        n = collect_list(&all, &mp.gc_old);
        mp.gc_old_total = 0;
        for (GCHead *h = mp.gc_old.next; h != &mp.gc_old; h = h->next) mp.gc_old_total++;
        mp.gc_old_pending = 0;
        mp.gc_young_runs = mp.gc_middle_runs = 0;
    } else if (gen == 1) {
        list_merge(&mp.gc_young, &mp.gc_middle);
        GCHead mid;
        list_init(&mid);
        list_merge(&mp.gc_middle, &mid);
        n = collect_list(&mid, &mp.gc_old);
        mp.gc_young_runs = 0;
        mp.gc_middle_runs++;
    } else {
        n = collect_list(&mp.gc_young, &mp.gc_middle);
        mp.gc_young_runs++;
    }
    mp.gc_stats[gen].collections++;
    mp.gc_stats[gen].collected += n;
    mp.gc_count = 0;
    mp.gc_collecting = 0;
    return n;
}

/* Called by mp_alloc before it allocates a tracked object: the oldest
 * generation due (CPython's rule). */
void mp_gc_maybe_collect(void)
{
    if (!mp.gc_enabled || mp.gc_collecting || mp.gc_threshold <= 0) return;
    if (mp.gc_middle_runs >= mp.gc_threshold2 && mp.gc_old_pending > mp.gc_old_total / 4) collect(2);
    else if (mp.gc_young_runs >= mp.gc_threshold1) collect(1);
    else collect(0);
}

int64_t mp_gc_collect(void) { return collect(2); }

/* At exit, before the teardown: the finalizers of every live tracked
 * object that has one, oldest first (the order of the generations' lists,
 * as CPython's collection at exit finds them), while modules and classes
 * are intact.  Objects that finalizers create are finalized in a further
 * round (a few at most). */
void mp_gc_finalize_all(void)
{
    for (int round = 0; round < 4; round++) {
        GCHead *lists[3] = { &mp.gc_old, &mp.gc_middle, &mp.gc_young }, *h;
        int64_t n = 0, i = 0;
        for (int k = 0; k < 3; k++)
            for (h = lists[k]->next; h != lists[k]; h = h->next) n += mp_needs_finalize(FROM_HEAD(h));
        if (!n) return;
        Obj **a = malloc(sizeof(Obj *) * n);
        if (!a) return;
        for (int k = 0; k < 3; k++)
            for (h = lists[k]->next; h != lists[k] && i < n; h = h->next)
                if (mp_needs_finalize(FROM_HEAD(h))) a[i++] = incref(FROM_HEAD(h));
        for (i = 0; i < n; i++) if (mp_needs_finalize(a[i])) mp_finalize(a[i]);
        for (i = 0; i < n; i++) decref(a[i]);
        free(a);
    }
}

/* ---- the gc module ---- */

static Obj *g_collect(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("collect", n, 0, 1) < 0) return NULL;
    if (n == 1) {
        int ok;
        int64_t g = mp_index(args[0], &ok);
        if (!ok) return NULL;
        if (g < 0 || g > 2) return mp_err(&mp_exc_ValueError, "invalid generation");
    }
    return mp_int(collect(2));
}
static Obj *g_enable(Obj **args, int n, Obj *kw) { mp.gc_enabled = 1; return incref(NONE); }
static Obj *g_disable(Obj **args, int n, Obj *kw) { mp.gc_enabled = 0; return incref(NONE); }
static Obj *g_isenabled(Obj **args, int n, Obj *kw) { return mp_bool(mp.gc_enabled); }
static Obj *g_get_count(Obj **args, int n, Obj *kw)
{
    Obj *a = mp_int(mp.gc_count < 0 ? 0 : mp.gc_count), *b = mp_int(mp.gc_young_runs), *c = mp_int(mp.gc_middle_runs);
    Obj *t = mp_tuple_pack(3, a, b, c);
    decref(a); decref(b); decref(c);
    return t;
}
static Obj *g_get_threshold(Obj **args, int n, Obj *kw)
{
    Obj *a = mp_int(mp.gc_threshold), *b = mp_int(mp.gc_threshold1), *c = mp_int(mp.gc_threshold2);
    Obj *t = mp_tuple_pack(3, a, b, c);
    decref(a); decref(b); decref(c);
    return t;
}
static Obj *g_set_threshold(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("set_threshold", n, 1, 3) < 0) return NULL;
    int ok;
    int64_t v[3] = { 0, mp.gc_threshold1, mp.gc_threshold2 };
    for (int i = 0; i < n; i++) { v[i] = mp_index(args[i], &ok); if (!ok) return NULL; }
    mp.gc_threshold = v[0];
    mp.gc_threshold1 = v[1];
    mp.gc_threshold2 = v[2];
    return incref(NONE);
}
static Obj *g_is_tracked(Obj **args, int n, Obj *kw)
{
    if (mp_check_args("is_tracked", n, 1, 1) < 0) return NULL;
    return mp_bool(mp_gc_is_tracked(args[0]));
}

Obj *mp_mod_gc(void)
{
    Obj *m = mp_module_new("gc");
    static const struct { const char *name; CFunc fn; } fns[] = {
        { "collect", g_collect }, { "enable", g_enable }, { "disable", g_disable },
        { "isenabled", g_isenabled }, { "get_count", g_get_count },
        { "get_threshold", g_get_threshold }, { "set_threshold", g_set_threshold },
        { "is_tracked", g_is_tracked }, { NULL, NULL }
    };
    for (int i = 0; fns[i].name; i++) {
        Obj *f = mp_builtin_new(fns[i].name, fns[i].fn, NULL);
        mp_dict_sets(((Module *)m)->dict, fns[i].name, f);
        decref(f);
    }
    return m;
}

/* Marks the container types, before anything is allocated.  The threshold
 * can be forced with MINIPY_GC_THRESHOLD (1 = collect at every tracked
 * allocation: the stress mode the tests use to shake out reference-count
 * mistakes the collector would turn into crashes). */
void mp_gc_init(void)
{
    Type *types[] = {
        &mp_list_type, &mp_tuple_type, &mp_dict_type, &mp_set_type, &mp_frozenset_type,
        &mp_object_type, &mp_function_type, &mp_method_type, &mp_cell_type, &mp_builtin_type,
        &mp_generator_type, &mp_super_type, &mp_staticmethod_type, &mp_classmethod_type,
        &mp_property_type, &mp_list_iterator_type, &mp_tuple_iterator_type,
        &mp_dict_keyiterator_type, &mp_dict_valueiterator_type, &mp_dict_itemiterator_type,
        &mp_set_iterator_type, &mp_dict_keys_type, &mp_dict_values_type, &mp_dict_items_type,
        &mp_callable_iterator_type, NULL
    };
    for (int i = 0; types[i]; i++) types[i]->flags |= T_GC;
    list_init(&mp.gc_young);
    list_init(&mp.gc_middle);
    list_init(&mp.gc_old);
    mp.gc_enabled = 1;
    mp.gc_threshold = 700;
    mp.gc_threshold1 = mp.gc_threshold2 = 10;
    const char *e = getenv("MINIPY_GC_THRESHOLD");
    if (e && *e) mp.gc_threshold = atol(e);
}

/* ---- teardown ---- */

static void clear_type_dict(Type *t)
{
    if (t->dict) { mp_dict_clear(t->dict); }
}

static void free_code(Code *co)
{
    while (co->spare) { Frame *f = co->spare; co->spare = f->back; free(f); }
    free(co->code); free(co->lines); free(co->cell2arg);
    co->code = NULL; co->lines = NULL; co->cell2arg = NULL;
    mp_jit_code_free(co);
}

/* Frees everything at exit, so that `make valgrind-minipy` can require no
 * leaks: whatever is still allocated afterwards was lost by a reference
 * count that never dropped to zero.  Order matters: first the program's
 * state is dropped (module namespaces, class dicts, method tables), a full
 * collection frees the cycles that breaks open, and only then the objects
 * minipy never frees during a run -- modules, classes, code objects -- and
 * the immortal ones (interned strings, small ints) go.  Nothing runs after
 * it. */
void mp_teardown(void)
{
    mp.gc_enabled = 0;
    mp.tearing_down = 1;
    mp.no_finalizers = 1;   /* the program's finalizers ran (mp_gc_finalize_all) */
    Obj *e = mp.exc, *h = mp.handled;
    mp.exc = mp.handled = NULL;
    xdecref(e); xdecref(h);
    /* the modules, kept while their namespaces are emptied */
    int64_t nmod = mp.modules ? ((Dict *)mp.modules)->used : 0, i = 0, pos = 0;
    Obj **mods = malloc(sizeof(Obj *) * (nmod + 1)), *k, *v;
    while (mp.modules && mp_dict_next(mp.modules, &pos, &k, &v)) mods[i++] = incref(v);
    nmod = i;
    for (i = 0; i < nmod; i++) if (((Module *)mods[i])->dict) mp_dict_clear(((Module *)mods[i])->dict);
    if (mp.modules) { mp_dict_clear(mp.modules); decref(mp.modules); mp.modules = NULL; }
    if (mp.prelude_globals) { mp_dict_clear(mp.prelude_globals); decref(mp.prelude_globals); mp.prelude_globals = NULL; }
    mp.big_range = NULL;
    Obj *l[] = { mp.argv, mp.stdout_obj, mp.source_cache, mp.repr_stack };
    mp.argv = mp.stdout_obj = mp.source_cache = mp.repr_stack = NULL;
    for (i = 0; i < 4; i++) xdecref(l[i]);
    for (i = 0; mp.all_types && i < LN(mp.all_types); i++) clear_type_dict((Type *)LITEMS(mp.all_types)[i]);
#define CLEAR_TYPE(id, nm) clear_type_dict(&mp_##id##_type);
    MP_TYPES(CLEAR_TYPE)
#undef CLEAR_TYPE
#define CLEAR_EXC(id, nm, b) clear_type_dict(&mp_exc_##id);
    MP_EXCEPTIONS(CLEAR_EXC)
#undef CLEAR_EXC
    mp_dict_clear(mp.builtins);
    mp_gc_collect();

    for (i = 0; i < nmod; i++) decref(mods[i]);
    free(mods);
    decref(mp.builtins); mp.builtins = NULL;
    for (i = 0; mp.all_types && i < LN(mp.all_types); i++) {
        Type *t = (Type *)LITEMS(mp.all_types)[i];
        xdecref(t->dict); xdecref(t->nameobj); xdecref(t->qualname); xdecref(t->module);
        xdecref(t->bases); xdecref(t->mro);
        free((char *)t->name);
    }
    Obj *types = mp.all_types;
    mp.all_types = NULL;
    for (i = 0; types && i < LN(types); i++) mp_free(LITEMS(types)[i]);
    if (types) { ((List *)types)->n = 0; decref(types); }
#define FREE_TYPE(id, nm) if (mp_##id##_type.dict) { decref(mp_##id##_type.dict); mp_##id##_type.dict = NULL; }
    MP_TYPES(FREE_TYPE)
#undef FREE_TYPE
#define FREE_EXC(id, nm, b) if (mp_exc_##id.dict) { decref(mp_exc_##id.dict); mp_exc_##id.dict = NULL; }
    MP_EXCEPTIONS(FREE_EXC)
#undef FREE_EXC
    /* code objects: first drop what they reference (nested code objects
     * among it), then free them all */
    for (i = 0; i < mp.ncodes; i++) {
        Code *co = (Code *)mp.codes[i];
        Obj *refs[] = { co->consts, co->names, co->varnames, co->cellvars, co->freevars,
                        co->name, co->qualname, co->filename };
        co->consts = co->names = co->varnames = co->cellvars = co->freevars = NULL;
        for (int j = 0; j < 8; j++) xdecref(refs[j]);
        free_code(co);
    }
    mp_gc_collect();
    for (i = 0; i < mp.ncodes; i++) mp_free(mp.codes[i]);
    free(mp.codes); mp.codes = NULL; mp.ncodes = mp.capcodes = 0;

    /* immortals and free lists */
    for (i = 0; i < 262; i++) if (mp.small_ints[i]) { mp_free(mp.small_ints[i]); mp.small_ints[i] = NULL; }
    if (mp.empty_tuple) { mp_free(mp.empty_tuple); mp.empty_tuple = NULL; }
    mp_str_teardown();
    while (mp.int_free) { Obj *o = mp.int_free; mp.int_free = (Obj *)o->type; o->type = &mp_int_type; mp_free(o); }
    while (mp.float_free) { Obj *o = mp.float_free; mp.float_free = (Obj *)o->type; o->type = &mp_float_type; mp_free(o); }
    mp_items_teardown();
    for (i = 0; i < (int64_t)(sizeof mp.freel / sizeof mp.freel[0]); i++) mp.freel[i] = NULL;
    while (mp.arenas) { void *a = mp.arenas; mp.arenas = *(void **)a; free(a); }
}
