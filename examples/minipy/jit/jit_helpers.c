/* jit/jit_helpers.c -- the C functions traces call, registered with the
 * runtime as minipy's helper table (flags tell the optimizer what it may
 * move or remove).
 *
 * Failing.  A helper flagged MAY_RAISE fails by returning 0/NULL, and the
 * trace exits to the start of its instruction.  Two kinds:
 *   - checks (bounds, a full parking lot, the collector due): they fail
 *     before any effect and with no exception set, so the interpreter
 *     re-executes the whole instruction (and raises the IndexError, ...
 *     itself, with its traceback);
 *   - the interpreter's own operations (calls, generic operators, getattr
 *     ...), which may run Python code and raise after effects: they fail
 *     with the exception set, and the host makes the interpreter raise it
 *     at that instruction without running it again (mp_jit_loop_head
 *     returns 2).
 *
 * Reference counts: a trace owns no references (README, "The JIT
 * plugin").  A helper that stores into a container parks the reference it
 * replaces (mpj_park) instead of dropping it, because the trace may still
 * borrow that object; parked references are dropped when the trace exits,
 * after the exit has taken its own references.  Once releasing an object
 * may run code (mp_finalizers_possible), a store whose old value is not
 * inert (mpj_inert) fails before any effect instead, so the interpreter
 * stores and drops the old value at that instruction, as CPython does
 * (jit_lower.c, "Finalizers"). */
#include <math.h>
#include <stdlib.h>
#include "jit_internal.h"

/* ---------------------------------------------------------------- parking */

static Obj **parked;
static size_t nparked, capparked;
/* capparked, or 0 once mp_finalizers_possible is set: then every
 * park_room() takes the slow path, which says 2, and the store helpers
 * look at the value they replace only then (fin_refuse below), so with no
 * __del__ anywhere they pay nothing for it. */
static size_t fastcap;

/* Room to park one more reference?  0 when the cap is reached or memory is
 * short: the helper then fails before any effect and the trace exits.  2:
 * room, and releases may run code (mp_finalizers_possible). */
static __attribute__((noinline)) int park_room_slow(void);

/* The common case inline (every helper that allocates asks): room below
 * the cap and in the array, the collector not due. */
static inline int park_room(void)
{
    if (__builtin_expect(nparked - mpj_park_base_mark < MPJ_PARK_MAX && nparked < fastcap && !mpj_gc_due(), 1))
        return 1;
    return park_room_slow();
}

void mpj_park_finalizers(void) { fastcap = 0; }

int mpj_park_room(void) { return park_room(); }

/* What makes park_room() fail without trying to make room: the running
 * trace's share of the lot at its cap, or the collector due.  No effect. */
int mpj_park_full(void)
{
    return nparked - mpj_park_base_mark >= MPJ_PARK_MAX || mpj_gc_due();
}

static int park_room_slow(void)
{
    /* The cycle collector is due: let the interpreter make the allocation
     * that runs it, with nothing parked, so parked garbage is never seen
     * as alive by a collection (it would be promoted to the old
     * generation and outlive its time there). */
    if (mpj_gc_due()) return 0;
    if (nparked - mpj_park_base() >= MPJ_PARK_MAX) {
        mpj_park_reclaim();
        if (nparked - mpj_park_base() >= MPJ_PARK_MAX) return 0;
    }
    if (nparked >= capparked) {
        size_t n = capparked ? 2 * capparked : 64;
        Obj **p = realloc(parked, n * sizeof *p);
        if (!p) return 0;
        parked = p;
        capparked = n;
    }
    fastcap = mp_finalizers_possible ? 0 : capparked;
    return mp_finalizers_possible ? 2 : 1;
}

/* Whether releasing the last reference to o frees nothing else and runs
 * no code: the inert objects (mpj_inert: numbers, strings, None, ranges
 * and their iterators), or a list or tuple iterator whose sequence has
 * another owner.  Exhausted loop iterators are what a tree of traces going
 * round nested loops natively leaves parked (every outer iteration pops
 * one: nbody's `for j` tree, whose links settle the lot five times a
 * step); kept, they made every reclaim rescan all those before them. */
static int drops_alone(const Obj *o)
{
    if (mpj_inert(o)) return 1;
    if (IS(o, list_iterator) || IS(o, tuple_iterator)) {
        const Obj *seq = ((const SeqIter *)o)->seq;
        return !seq || seq->rc > 1;
    }
    return 0;
}

/* Drop the parked references at indices [from, to) that nothing running
 * can borrow any more (see mpj_park_reclaim in jit_host.c): one whose
 * object has another owner (the count stays above 0), or the last one of
 * an object whose release runs no code and frees nothing else
 * (drops_alone).  The rest stay parked, moved down with those parked
 * after `to`.  Returns the new end of the range. */
size_t mpj_park_drop_range(size_t from, size_t to)
{
    mpj_dict_hint_clear();
    if (to > nparked) to = nparked;
    size_t k = from;
    for (size_t i = from; i < to; i++) {
        Obj *o = parked[i];
        if (!o) continue;
        if (o->rc > 1 || drops_alone(o)) decref(o);
        else parked[k++] = o;
    }
    size_t end = k;
    for (size_t i = to; i < nparked; i++) parked[k++] = parked[i];
    nparked = k;
    return end;
}

void mpj_park(Obj *o)
{
    parked[nparked++] = o;      /* park_room() was checked */
}

void mpj_release_parked(size_t mark)
{
    mpj_dict_hint_clear();
    while (nparked > mark) xdecref(parked[--nparked]);
}

size_t mpj_parked_mark(void) { return nparked; }

/* ---------------------------------------------------------------- numbers */

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

/* x ** y for floats where float_pow (float.c) returns pow(x, y) itself:
 * x > 0 and a finite result, which the trace guards. */
static double h_fpow(double x, double y)
{
    return pow(x, y);
}

/* ---------------------------------------------------------------- lists */

/* Leave a store that replaces old to the interpreter?  room is what
 * park_room() said (2 only when that matters; see the top). */
static inline int fin_refuse(int room, const Obj *old)
{
    return room == 2 && !mpj_inert(old);
}

static int list_store(Obj *l, int64_t i, Obj *v)
{
    if (!v) return 0;
    if (i < 0) i += LN(l);
    int room = park_room();
    if (i < 0 || i >= LN(l) || !room || fin_refuse(room, LITEMS(l)[i])) { decref(v); return 0; }
    mpj_park(LITEMS(l)[i]);
    LITEMS(l)[i] = v;
    return 1;
}

static _Bool h_list_store_i64(Obj *l, int64_t i, int64_t v)
{
    if (i < 0 ? i + LN(l) < 0 : i >= LN(l)) return 0;
    return list_store(l, i, mp_int(v));
}

/* l[i] = v.  When the item it replaces is a float only the list refers to
 * (count 1: no frame, container, constant table or parking lot holds it),
 * nothing can tell that object from a new one, so v goes into it: no
 * allocation, nothing parked, nothing freed when the trace returns (the
 * interpreter's float operations reuse an operand they hold the last
 * reference to the same way).  The helper writes memory, so the optimizer
 * loads a float's value again after it. */
static _Bool h_list_store_f64(Obj *l, int64_t i, double v)
{
    if (i < 0 ? i + LN(l) < 0 : i >= LN(l)) return 0;
    Obj *old = LITEMS(l)[i < 0 ? i + LN(l) : i];
    if (old->type == &mp_float_type && old->rc == 1) {
        ((Float *)old)->v = v;
        return 1;
    }
    return list_store(l, i, mp_float(v));
}

static _Bool h_list_store_ptr(Obj *l, int64_t i, Obj *v)
{
    return list_store(l, i, incref(v));
}

/* ---------------------------------------------------------------- objects */

/* A value loaded from a container the trace does not own (a list item, an
 * attribute, a global, a cell) and kept as an object: a helper running
 * Python code could replace it there and free it, so the trace holds it
 * through the parking lot. */
static Obj *h_keep(Obj *o)
{
    if (!park_room()) return NULL;
    mpj_park(incref(o));
    return o;
}

static Obj *h_box_int(int64_t v)
{
    if (!park_room()) return NULL;
    Obj *o = mp_int(v);
    if (o) mpj_park(o);
    return o;
}

static Obj *h_box_float(double v)
{
    if (!park_room()) return NULL;
    Obj *o = mp_float(v);
    if (o) mpj_park(o);
    return o;
}

/* range(lo, hi, st) of raw ints, what CALL_RANGE (ceval.c) makes: parked.
 * A step of 0, or no room to park: NULL without an exception, so the exit
 * goes back to the CALL and the interpreter makes the call (and raises
 * range()'s ValueError). */
static Obj *h_range(int64_t lo, int64_t hi, int64_t st)
{
    if (st == 0 || !park_room()) return NULL;
    Obj *o = mp_range_new(lo, hi, st);
    if (o) mpj_park(o);
    return o;
}

/* A new reference r from the interpreter's own code: parked and returned
 * borrowed; NULL (an exception is set) goes back to the trace. */
static Obj *parked_result(Obj *r)
{
    if (r) mpj_park(r);
    return r;
}

/* d.get(k, dflt) for an exact dict d and an exact str or int k (the
 * lowering checked both, and that the method is dict's builtin get),
 * without the call machinery and without running Python code: the value
 * found is kept (parked) as h_keep does; absent, dflt (the trace's own)
 * comes back as it is.  NULL without an exception (a stored key of a
 * user class with k's hash, or no room to park): the exit goes back to
 * the CALL and the interpreter makes the call. */
static Obj *h_dict_get(Obj *d, Obj *k, Obj *dflt)
{
    Obj *v;
    int r = mp_dict_get_plain(d, k, &v);
    if (r == 0) return dflt;
    if (r < 0 || !park_room()) return NULL;
    mpj_park(incref(v));
    return v;
}

/* Keep the current value of d[k] alive (d about to change it). */
static void keep_dict_value(Obj *d, Obj *k)
{
    Obj *old = mp_dict_get(d, k);
    if (old) mpj_park(incref(old));
    else if (mp.exc) mp_err_clear();
}

/* Would d[k] = ... or del d[k] replace a value that is not inert, while
 * that matters?  Asked without running code (mp_dict_get_plain: a key
 * of a user class with k's hash, or k itself of one, counts as yes, and
 * so does k of a user class with its own __hash__, which is not asked). */
static __attribute__((noinline)) int fin_refuse_dict_slow(Obj *d, Obj *k)
{
    if (!mpj_inert(k)) return 1;
    Obj *old;
    int r = mp_dict_get_plain(d, k, &old);
    return r < 0 || (r > 0 && !mpj_inert(old));
}

static inline int fin_refuse_dict(int room, Obj *d, Obj *k)
{
    return room == 2 && fin_refuse_dict_slow(d, k);
}

/* d[k] = v for an exact dict, the value it replaces parked (park_room()
 * was checked): one lookup. */
static int dict_store(Obj *d, Obj *k, Obj *v)
{
    Obj *old;
    int r = mp_dict_set_keep(d, k, v, &old);
    if (old) mpj_park(old);
    return r;
}

/* ---------------------------------------------------------------- dict stores
 * (jit_lower.c, "Dict stores").  d is an exact dict and k an exact str or
 * int (the trace guarded both), so finding k runs no Python code
 * (mp_dict_index_plain; -2, a stored key of another class with k's hash:
 * the helper fails before any effect and the interpreter does it).
 *
 * The value an entry held is dropped at the store when its release runs
 * no code and frees nothing else (an int, float or str: mpj_drop_now), as
 * the interpreter drops it; the trace cannot be borrowing it from the
 * entry, since every object a trace holds is owned by a frame, its
 * constants or the parking lot until it exits.  Anything else is parked.
 *
 * The hint: the entry h_dict_get_int found last, for the store into the
 * same dict and key that follows it (`d[k] = d.get(k, 0) + 1`): valid
 * while d's key layout (version) is the one it was found in and k the
 * very object.  A trace's objects live until it exits, and nothing is
 * freed in between but at restores (set_pc, mpj_park_drop_range) and
 * exits (mpj_release_parked), which clear it (mpj_dict_hint_clear), so k
 * cannot have been freed and its address reused by another key. */
int64_t mpj_dict_ival;
uint64_t mpj_dict_hint_hits;
static struct { Obj *d, *k; uint64_t version; int64_t ix; } dhint;

void mpj_dict_hint_clear(void) { dhint.d = NULL; }

static inline int mpj_drop_now(const Obj *o)
{
    return o->type == &mp_int_type || o->type == &mp_float_type || o->type == &mp_str_type;
}

static inline int64_t dict_index(Obj *d, Obj *k)
{
    if (dhint.d == d && dhint.k == k && ((Dict *)d)->version == dhint.version) {
        mpj_dict_hint_hits++;
        return dhint.ix;
    }
    return mp_dict_index_plain(d, k);
}

/* d.get(k, dflt) for an exact dict, an exact str or int key and a raw int
 * default, when the value is an int that is not big: its value in
 * mpj_dict_ival (the trace loads it), nothing parked.  Fails (0, no
 * exception) for any other value, and the interpreter makes the call. */
static _Bool h_dict_get_int(Obj *d, Obj *k, int64_t dflt)
{
    int64_t ix = mp_dict_index_plain(d, k);
    if (ix == -2) return 0;
    if (ix == -1) { mpj_dict_ival = dflt; return 1; }
    Obj *v = ((Dict *)d)->ent[ix].val;
    if (v->type != &mp_int_type || ((Int *)v)->big) return 0;
    mpj_dict_ival = IV(v);
    dhint.d = d; dhint.k = k; dhint.version = ((Dict *)d)->version; dhint.ix = ix;
    return 1;
}

/* Entry ix of d gets the new reference v. */
static inline void entry_set(Dict *d, int64_t ix, Obj *v)
{
    DEntry *e = &d->ent[ix];
    Obj *old = e->val;
    e->val = v;
    if (d->jit_watched) mp_jit_dict_store(d, e->hash);
    if (mpj_drop_now(old)) decref(old);
    else mpj_park(old);
}

/* May a store replace old?  Yes when old is dropped at once; else when
 * there is room to park it, and old is inert or finalizers are not
 * possible (fin_refuse: then the interpreter stores and drops it). */
static inline int room_for_old(const Obj *old)
{
    if (mpj_drop_now(old)) return 1;
    int room = park_room();
    return room && !fin_refuse(room, old);
}

/* d[k] = v (v a new reference, consumed): 0 before any effect when the
 * key needs the general path or there is no room to park. */
static _Bool dict_store_new(Obj *d, Obj *k, Obj *v, int64_t ix)
{
    if (ix >= 0) {
        if (!room_for_old(((Dict *)d)->ent[ix].val)) { decref(v); return 0; }
        entry_set((Dict *)d, ix, v);
        return 1;
    }
    Obj *old;
    int r = mp_dict_set_keep(d, k, v, &old);     /* absent: an insert, no lookup that runs code */
    decref(v);
    return r == 0;
}

static _Bool h_dict_store_int(Obj *d, Obj *k, int64_t v)
{
    int64_t ix = dict_index(d, k);
    if (ix == -2) return 0;
    if (ix >= 0) {
        /* An int only the entry refers to, not one of the immortal small
         * ones, and v not one either: v goes into it (nothing can tell it
         * from a new int, as for list_store_float). */
        Obj *old = ((Dict *)d)->ent[ix].val;
        if (old->type == &mp_int_type && old->rc == 1 && !((Int *)old)->big && (v < -5 || v > 256)) {
            ((Int *)old)->v = v;
            return 1;
        }
    }
    Obj *o = mp_int(v);
    if (!o) return 0;
    return dict_store_new(d, k, o, ix);
}

static _Bool h_dict_store_obj(Obj *d, Obj *k, Obj *v)
{
    int64_t ix = dict_index(d, k);
    if (ix == -2) return 0;
    return dict_store_new(d, k, incref(v), ix);
}

/* STORE_GLOBAL of a global that exists, at its entry ix (the trace guards
 * the dict's version, so ix holds it). */
static _Bool h_store_global_at(Obj *d, int64_t ix, Obj *v)
{
    if (!room_for_old(((Dict *)d)->ent[ix].val)) return 0;
    entry_set((Dict *)d, ix, incref(v));
    return 1;
}

/* The same for a raw int: into the old int when only the entry refers to
 * it and neither is one of the immortal small ints (the lowering forgets
 * what it knew of that global), else a new int. */
static _Bool h_store_global_at_int(Obj *d, int64_t ix, int64_t v)
{
    DEntry *e = &((Dict *)d)->ent[ix];
    Obj *old = e->val;
    if (old->type == &mp_int_type && old->rc == 1 && !((Int *)old)->big && (v < -5 || v > 256)) {
        ((Int *)old)->v = v;
        if (((Dict *)d)->jit_watched) mp_jit_dict_store(d, e->hash);
        return 1;
    }
    if (!room_for_old(old)) return 0;
    Obj *o = mp_int(v);
    if (!o) return 0;
    entry_set((Dict *)d, ix, o);
    return 1;
}

/* The store helpers' paths for park_room() == 2 are functions of their
 * own, so that their common path keeps its arguments in the registers
 * they came in (callgrind, bench/dict_words.py: 12 instructions a store
 * saved). */
static __attribute__((noinline)) _Bool store_global_fin(Obj *d, Obj *name, Obj *v)
{
    if (fin_refuse_dict_slow(d, name)) return 0;
    return dict_store(d, name, v) == 0;
}

static _Bool h_store_global(Obj *d, Obj *name, Obj *v)
{
    int room = park_room();
    if (__builtin_expect(room != 1, 0)) return room && store_global_fin(d, name, v);
    return dict_store(d, name, v) == 0;
}

static _Bool h_store_cell(Obj *c, Obj *v)
{
    int room = park_room();
    if (!room) return 0;
    Cell *cell = (Cell *)c;
    Obj *old = cell->ref;
    if (fin_refuse(room, old)) return 0;
    cell->ref = incref(v);
    if (old) mpj_park(old);
    return 1;
}

/* Entry idx of dict d (index and key checked by the trace) gets v. */
static _Bool h_store_entry(Obj *d, int64_t idx, Obj *v)
{
    int room = park_room();
    if (!room) return 0;
    DEntry *e = &((Dict *)d)->ent[idx];
    Obj *old = e->val;
    if (fin_refuse(room, old)) return 0;
    e->val = incref(v);
    mpj_park(old);
    if (((Dict *)d)->jit_watched) mp_jit_dict_store(d, e->hash);
    return 1;
}

/* The generic instructions, through the interpreter's own functions.  They
 * may run Python code and raise; an exception is left in mp.exc, and the
 * host then raises it at the instruction without re-executing it. */
static Obj *h_getattr(Obj *o, Obj *name)
{
    if (!park_room()) return NULL;
    return parked_result(mp_getattr(o, name));
}

static _Bool h_setattr(Obj *o, Obj *name, Obj *v)
{
    int room = park_room();
    if (!room) return 0;
    if (room == 2) {
        /* Only a store into an instance's or a module's dict whose old
         * value is inert stays here; a class's __setattr__ drops what it
         * drops itself, but where it is one is not asked here. */
        Obj *d = (TYPE(o)->flags & T_USER) && !(TYPE(o)->flags & T_SETATTR) ? ((Inst *)o)->dict
               : IS(o, module) ? ((Module *)o)->dict : NULL;
        if (!d || fin_refuse_dict_slow(d, name)) return 0;
    }
    if ((TYPE(o)->flags & T_USER) && ((Inst *)o)->dict) keep_dict_value(((Inst *)o)->dict, name);
    else if (IS(o, module)) keep_dict_value(((Module *)o)->dict, name);
    return mp_setattr(o, name, v) == 0;
}

static Obj *h_binop(int64_t op, Obj *a, Obj *b)
{
    if (!park_room()) return NULL;
    return parked_result(op & 0x100 ? mp_inplace((int)(op & 0xff), a, b) : mp_binop((int)op, a, b));
}

static Obj *h_compare(int64_t op, Obj *a, Obj *b)
{
    if (!park_room()) return NULL;
    return parked_result(mp_richcmp(a, b, (int)op));
}

/* 1 false, 2 true, 0 raised. */
static int64_t h_truth(Obj *o)
{
    int t = mp_truthy(o);
    return t < 0 ? 0 : t + 1;
}

static Obj *h_getitem(Obj *o, Obj *k)
{
    if (!park_room()) return NULL;
    return parked_result(mp_getitem(o, k));
}

/* o[k] = v or del o[k] on a dict or a list would drop an object that is
 * not inert, while that matters: the interpreter does it.  Other
 * containers drop what they replace at once, as the interpreter does. */
static __attribute__((noinline)) int fin_refuse_item_slow(Obj *o, Obj *k)
{
    if (IS(o, dict)) return fin_refuse_dict_slow(o, k);
    if (!IS(o, list)) return 0;
    if (!SMALL(k)) return 1;
    int64_t i = IV(k) < 0 ? IV(k) + LN(o) : IV(k);
    return i >= 0 && i < LN(o) && !mpj_inert(LITEMS(o)[i]);
}

static inline int fin_refuse_item(int room, Obj *o, Obj *k)
{
    return room == 2 && fin_refuse_item_slow(o, k);
}

static inline _Bool setitem(Obj *o, Obj *k, Obj *v)
{
    if (IS(o, dict)) return dict_store(o, k, v) == 0;
    if (IS(o, list) && SMALL(k)) {
        int64_t i = IV(k) < 0 ? IV(k) + LN(o) : IV(k);
        if (i >= 0 && i < LN(o)) mpj_park(incref(LITEMS(o)[i]));
    }
    return mp_setitem(o, k, v) == 0;
}

static __attribute__((noinline)) _Bool setitem_fin(Obj *o, Obj *k, Obj *v)
{
    if (fin_refuse_item_slow(o, k)) return 0;
    return setitem(o, k, v);
}

static _Bool h_setitem(Obj *o, Obj *k, Obj *v)
{
    int room = park_room();
    if (__builtin_expect(room != 1, 0)) return room && setitem_fin(o, k, v);
    return setitem(o, k, v);
}

/* CALL with n positional arguments: callee A (a method, B its self) or B
 * (A NULL), as the interpreter's CALL.  ip is what f->ip holds while the
 * instruction runs. */
static Obj *h_call(Frame *f, uint32_t *ip, int64_t n, Obj *A, Obj *B,
                   Obj *a0, Obj *a1, Obj *a2, Obj *a3)
{
    if (!park_room()) return NULL;
    Obj *v[2 + MPJ_MAX_CALL_ARGS] = { A, B, a0, a1, a2, a3 };
    f->ip = ip;
    Obj *r = A ? mp_call(A, v + 1, (int)n + 1, NULL) : mp_call(B, v + 2, (int)n, NULL);
    return parked_result(r);
}

Obj mpj_stop = OBJ_HEAD(&mp_none_type);

/* next(it) for a built-in iterator or a generator: the item, mpj_stop when
 * exhausted (the trace exits to FOR_ITER, whose second call to an exhausted
 * built-in iterator has no effect), NULL when it raised. */
static Obj *h_next(Obj *it)
{
    if (!park_room()) return NULL;
    Obj *v = mp_next(it);
    if (!v) return mp.exc ? NULL : &mpj_stop;
    mpj_park(v);
    return v;
}

/* FOR_ITER's next(it) for any iterator but a range, list or tuple one
 * (those are lowered inline).  Built-in iterators and generators as
 * h_next.  A class with __next__: its StopIteration ends the loop, but the
 * trace's exit to FOR_ITER must not have the interpreter call __next__ a
 * second time (Python code, observable): the helper fails with the
 * StopIteration still set and names the iterator in mpj_for_stopped, and
 * the host (mpj_finish_for_stop, after the trace returns) clears it and
 * finishes FOR_ITER's exhausted path (pop the iterator, jump past the
 * loop).  Side traces never start with an exception pending, so nothing
 * runs in between. */
Obj *mpj_for_stopped;

static Obj *h_for_next(Obj *it)
{
    if (!park_room()) return NULL;
    if (!(TYPE(it)->flags & T_USER)) {
        Obj *v = mp_next(it);
        if (!v) return mp.exc ? NULL : &mpj_stop;
        mpj_park(v);
        return v;
    }
    Obj *m = mp_special(it, mp.s___next__);
    if (!m) return mp_next(it);             /* raises the interpreter's TypeError */
    Obj *r = mp_call1(m, it);
    if (!r) {
        if (mp_err_matches(&mp_exc_StopIteration)) mpj_for_stopped = it;
        return NULL;
    }
    mpj_park(r);
    return r;
}

/* A tuple's item i (0 <= i < n is guarded): borrowed, tuples never change. */

static Obj *h_iter(Obj *o)
{
    if (!park_room()) return NULL;
    return parked_result(mp_iter(o));
}

static _Bool h_list_append(Obj *l, Obj *v)
{
    return mp_list_append(l, v) == 0;
}

/* BUILD_LIST / BUILD_TUPLE of up to 4 items (n of them; the rest NULL). */
static Obj *build(int tuple, int64_t n, Obj *a0, Obj *a1, Obj *a2, Obj *a3)
{
    if (!park_room()) return NULL;
    Obj *v[4] = { a0, a1, a2, a3 };
    Obj *r = tuple ? mp_tuple_new(n) : mp_list_new(n);
    if (!r) return NULL;
    Obj **items = tuple ? TITEMS(r) : LITEMS(r);
    for (int64_t i = 0; i < n; i++) items[i] = incref(v[i]);
    return parked_result(r);
}

static Obj *h_build_list(int64_t n, Obj *a0, Obj *a1, Obj *a2, Obj *a3) { return build(0, n, a0, a1, a2, a3); }
static Obj *h_build_tuple(int64_t n, Obj *a0, Obj *a1, Obj *a2, Obj *a3) { return build(1, n, a0, a1, a2, a3); }

/* `v in c`: 1 no, 2 yes, 0 raised. */
static int64_t h_contains(Obj *c, Obj *v)
{
    int r = mp_contains(c, v);
    return r < 0 ? 0 : r + 1;
}

/* try blocks: the trace keeps the frame's block stack in memory, exactly
 * as the interpreter would have it at every instruction, so an exception
 * the interpreter raises after an exit finds its handler. */
static _Bool h_setup_finally(Frame *f, int64_t handler, int64_t level)
{
    if (f->nblocks >= 24) return 0;    /* the interpreter raises SystemError */
    Block *b = &f->blocks[f->nblocks++];
    b->type = B_SETUP; b->handler = (int)handler; b->level = (int)level; b->saved = NULL;
    return 1;
}

static _Bool h_pop_block(Frame *f)
{
    f->nblocks--;
    return 1;
}

static _Bool h_map_add(Obj *d, Obj *k, Obj *v)
{
    int room = park_room();
    if (!room || fin_refuse_dict(room, d, k)) return 0;
    return dict_store(d, k, v) == 0;
}

static _Bool h_set_add(Obj *s, Obj *v)
{
    return mp_set_add(s, v) == 0;
}

/* ---------------------------------------------------------------- generic
 * The instructions jit_lower_generic.c lowers as calls.  Any number of
 * items reaches a helper as a list: BUILD_LIST's helper makes it from the
 * first four, LIST_PUSH appends up to four more per call (the list is
 * parked, so it is garbage once the trace exits). */

static _Bool h_list_push(Obj *l, int64_t n, Obj *a0, Obj *a1, Obj *a2, Obj *a3)
{
    Obj *v[4] = { a0, a1, a2, a3 };
    for (int64_t i = 0; i < n; i++) mp_list_append(l, v[i]);
    return 1;
}

static Obj *h_list_to_tuple(Obj *l)
{
    if (!park_room()) return NULL;
    Obj *t = mp_tuple_new(LN(l));
    if (!t) return NULL;
    for (int64_t i = 0; i < LN(l); i++) TITEMS(t)[i] = incref(LITEMS(l)[i]);
    return parked_result(t);
}

/* BUILD_SET of the list's items (hashing may run Python code and raise). */
static Obj *h_build_set(Obj *l)
{
    if (!park_room()) return NULL;
    Obj *s = mp_set_new(0);
    if (!s) return NULL;
    mpj_park(s);
    for (int64_t i = 0; i < LN(l); i++)
        if (mp_set_add(s, LITEMS(l)[i]) < 0) return NULL;
    return s;
}

/* BUILD_MAP of the list's key, value pairs. */
static Obj *h_build_map(Obj *l)
{
    if (!park_room()) return NULL;
    Obj *d = mp_dict_new();
    if (!d) return NULL;
    mpj_park(d);
    for (int64_t i = 0; i + 1 < LN(l); i += 2)
        if (mp_dict_set(d, LITEMS(l)[i], LITEMS(l)[i + 1]) < 0) return NULL;
    return d;
}

/* BUILD_STRING: the items are strings (FORMAT_VALUE's results, constants). */
static Obj *h_build_string(Obj *l)
{
    if (!park_room()) return NULL;
    SB b = {0};
    for (int64_t i = 0; i < LN(l); i++) sb_addo(&b, LITEMS(l)[i]);
    return parked_result(sb_finish(&b));
}

static Obj *h_build_slice(Obj *a, Obj *b, Obj *c)
{
    if (!park_room()) return NULL;
    return parked_result(mp_slice_new(a, b, c));
}

/* CALL with any number of arguments and CALL_KW: the list holds B (self or
 * the callee) and the arguments, kw is NULL or the keyword names (the last
 * len(kw) arguments are their values), as the interpreter's calls. */
static Obj *h_call_list(Frame *f, uint32_t *ip, Obj *A, Obj *l, Obj *kw)
{
    if (!park_room()) return NULL;
    f->ip = ip;
    Obj **v = LITEMS(l);
    int n = (int)LN(l) - 1;
    Obj *r = A ? mp_call(A, v, n + 1, kw) : mp_call(v[0], v + 1, n, kw);
    return parked_result(r);
}

/* MAKE_FUNCTION: a function of code in f's globals, with what the
 * instruction's flags pop (NULL when absent). */
static Obj *h_make_function(Frame *f, Obj *code, Obj *closure, Obj *kwdefaults, Obj *defaults)
{
    if (!park_room()) return NULL;
    Func *fn = (Func *)mp_func_new((Code *)code, f->globals);
    if (!fn) return NULL;
    fn->closure = xincref(closure);
    fn->kwdefaults = xincref(kwdefaults);
    fn->defaults = xincref(defaults);
    return parked_result((Obj *)fn);
}

static Obj *h_format_value(Obj *v, int64_t conv, Obj *spec)
{
    if (!park_room()) return NULL;
    return parked_result(mp_eval_format_value(v, (int)conv, spec));
}

/* LIST_EXTEND (with the interpreter's message for a non-iterable),
 * SET_UPDATE, DICT_UPDATE / DICT_MERGE: into the container being built. */
static _Bool h_list_extend(Obj *l, Obj *it)
{
    int r = mp_list_extend(l, it);
    if (r < 0 && mp_err_matches(&mp_exc_TypeError) && !mp_special(it, mp.s___iter__)) {
        mp_err_clear();
        mp_err(&mp_exc_TypeError, "Value after * must be an iterable, not %s", mp_type_name(it));
    }
    return r == 0;
}

static _Bool h_set_update(Obj *s, Obj *it) { return mp_set_update(s, it) == 0; }

static _Bool h_dict_update(Obj *d, Obj *m)
{
    if (!park_room()) return 0;
    return mp_dict_update(d, m) == 0;
}

/* UNPACK_EX: the before + 1 + after values in the order the instruction
 * pushes them, as a (parked) list. */
static Obj *h_unpack_ex(Obj *s, int64_t arg)
{
    if (!park_room()) return NULL;
    int before = (int)(arg & 0xff), after = (int)(arg >> 8), n = before + after + 1;
    Obj *l = mp_list_new(n);
    if (!l) return NULL;
    if (!mp_eval_unpack_ex(s, before, after, LITEMS(l))) {
        LN(l) = 0;
        decref(l);
        return NULL;
    }
    return parked_result(l);
}

/* DELETE_SUBSCR; the value deleted from a dict or list stays alive (the
 * trace may borrow it) as for SETITEM. */
static _Bool h_delitem(Obj *o, Obj *k)
{
    int room = park_room();
    if (!room || fin_refuse_item(room, o, k)) return 0;
    if (IS(o, dict)) keep_dict_value(o, k);
    else if (IS(o, list) && SMALL(k)) {
        int64_t i = IV(k) < 0 ? IV(k) + LN(o) : IV(k);
        if (i >= 0 && i < LN(o)) mpj_park(incref(LITEMS(o)[i]));
    } else if (IS(o, list)) return 0;   /* a slice: the interpreter drops the items */
    return mp_setitem(o, k, NULL) == 0;
}

/* -x, +x, ~x of an object (op: 0 neg, 1 pos, 2 invert). */
static Obj *h_unary(int64_t op, Obj *a)
{
    if (!park_room()) return NULL;
    return parked_result(op == 0 ? mp_neg(a) : op == 1 ? mp_pos(a) : mp_invert(a));
}

/* Whether releasing o runs no code (jit_lower.c, "Finalizers"). */
static _Bool h_is_inert(Obj *o) { return mpj_inert(o); }

/* Native self-calls (jit_lower.c, "Self-calls"). */
uint64_t mpj_self_calls, mpj_raw_self_calls;
int mpj_raw_args_on = 1;
uintptr_t mpj_stack_floor;

/* The callee's frame, as the interpreter's call makes it (its arguments
 * stored by the caller below), mp.depth counted and mp.frame set to it;
 * NULL with RecursionError past the limit, NULL and no exception when the
 * C stack is too low for another native call (the interpreter calls). */
static inline __attribute__((always_inline)) Frame *self_frame(Func *fn)
{
    char here;
    if ((uintptr_t)&here < mpj_stack_floor) return NULL;
    Code *cc = fn->code;
    Frame *nf = mp_frame_new_call(cc, fn);
    if (!nf) { mp_nomem(); return NULL; }
    if (++mp.depth > mp.limit) {
        mp.depth--;
        mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded");
        mp_frame_free(nf);
        return NULL;
    }
    for (int i = 0; i < cc->nfree; i++)
        nf->lp[cc->nlocals + cc->ncells + i] = incref(TITEMS(fn->closure)[i]);
    nf->jit_tag = nf->jit_link = 0;
    nf->jit_done = NULL;
    nf->back = mp.frame;
    mp.frame = nf;
    mpj_self_calls++;
    return nf;
}

static Frame *h_self_frame1(Func *fn, int64_t a0)
{
    Obj *v = mp_int(a0);
    if (!v) return NULL;
    Frame *nf = self_frame(fn);
    if (!nf) { decref(v); return NULL; }
    nf->lp[0] = v;
    return nf;
}

static Frame *h_self_frame(Func *fn, int64_t n, Obj *a0, Obj *a1, Obj *a2, Obj *a3)
{
    Frame *nf = self_frame(fn);
    if (!nf) return NULL;
    Obj *a[MPJ_MAX_CALL_ARGS] = { a0, a1, a2, a3 };
    for (int64_t i = 0; i < n; i++) nf->lp[i] = incref(a[i]);
    return nf;
}

/* Stands for the native call in the helper table (its flags tell the
 * optimizer what the callee may do); the trace never calls it. */
static void *h_self_call(void *frame) { (void)frame; return NULL; }

/* After a native return: the callee's frame goes (its locals dropped),
 * and with it its count in mp.depth. */
static void h_self_drop(Frame *nf)
{
    mp.frame = nf->back;
    mp.depth--;
    mp_frame_drop_call(nf);
}

/* The inline self-call (jit_lower.c, self_frame_inline): a new frame for
 * an empty spare list (NULL, no exception, when out of memory: the trace
 * exits and the interpreter calls), and one spare frame freed when the
 * list is full. */
static Frame *h_self_refill(Code *co) { return mp_frame_refill(co); }
static void h_self_trim(Code *co) { mp_frame_trim(co); }
static void h_hop_judge(MpJitCode *jc, int64_t pc) { mpj_hop_judge(jc, (uint32_t)pc); }

/* What the helpers below write, for jc_host.helper_writes: the alias
 * classes (jit_internal.h) a call may change.  Parking and reference
 * counts are MPJ_ALIAS_RC, which no trace loads; a new object changes
 * nothing a trace has loaded.  Helpers not listed may write anything
 * (they run Python code, or change what an invalidation looks at). */
#define AL(a) ((uint64_t)1 << (MPJ_ALIAS_##a))
const uint64_t mpj_helper_writes[MPJ_H_COUNT] = {
    [MPJ_H_KEEP] = AL(RC),
    [MPJ_H_BOX_INT] = AL(RC),
    [MPJ_H_BOX_FLOAT] = AL(RC),
    [MPJ_H_BUILD_LIST] = AL(RC),
    [MPJ_H_BUILD_TUPLE] = AL(RC),
    [MPJ_H_RANGE] = AL(RC),
    [MPJ_H_DICT_GET] = AL(RC),
    [MPJ_H_ITER_RANGE] = AL(RC),
    /* Dict stores (an in-place int, an entry's value, an insert, the
     * invalidation a watched dict's store may make); d.get's int. */
    [MPJ_H_DICT_GET_INT] = AL(HOUT),
    [MPJ_H_DICT_STORE_INT] = AL(DICT) | AL(DICTVAL) | AL(INT) | AL(RC) | AL(STATE),
    [MPJ_H_DICT_STORE_OBJ] = AL(DICT) | AL(DICTVAL) | AL(RC) | AL(STATE),
    [MPJ_H_STORE_GLOBAL_AT] = AL(DICTVAL) | AL(RC) | AL(STATE),
    [MPJ_H_STORE_GLOBAL_AT_INT] = AL(DICTVAL) | AL(INT) | AL(RC) | AL(STATE),
    /* l[i] = v: the item (parking the old one); list_store_float may
     * instead write the old float's value in place. */
    [MPJ_H_LIST_STORE_I64] = AL(LISTITEM) | AL(RC),
    [MPJ_H_LIST_STORE_F64] = AL(LISTITEM) | AL(FLOAT) | AL(RC),
    [MPJ_H_LIST_STORE_PTR] = AL(LISTITEM) | AL(RC),
    /* Growing may move the items array: List.n and List.items change. */
    [MPJ_H_LIST_APPEND] = AL(LIST) | AL(LISTITEM) | AL(RC),
    [MPJ_H_SELF_REFILL] = AL(CALLFRAME),
    [MPJ_H_SELF_TRIM] = AL(CALLFRAME),
};
#undef AL

#define RD JC_HELPER_READS_MEMORY
#define WR JC_HELPER_WRITES_MEMORY
#define RAISE JC_HELPER_MAY_RAISE
#define ALLOC JC_HELPER_ALLOCATES

/* Runs arbitrary code: the interpreter's own generic path for the
 * instruction (a call, a generic operator, getattr, next() ...), so the
 * trace saves nothing on its work; GENERIC tells libjitcore's payback
 * rule so (README, "Payback"). */
#define ANY (RD | WR | RAISE | ALLOC | JC_HELPER_GENERIC)

const jc_helper mpj_helpers[] = {
    [MPJ_H_KEEP] = { "keep", (void *)h_keep, "ptr(ptr)", RAISE },
    [MPJ_H_BOX_INT] = { "box_int", (void *)h_box_int, "ptr(i64)", RAISE | ALLOC },
    [MPJ_H_BOX_FLOAT] = { "box_float", (void *)h_box_float, "ptr(f64)", RAISE | ALLOC },
    [MPJ_H_STORE_GLOBAL] = { "store_global", (void *)h_store_global, "bool(ptr,ptr,ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_STORE_CELL] = { "store_cell", (void *)h_store_cell, "bool(ptr,ptr)", WR | RAISE },
    [MPJ_H_STORE_ENTRY] = { "store_entry", (void *)h_store_entry, "bool(ptr,i64,ptr)", RD | WR | RAISE },
    [MPJ_H_GETATTR] = { "getattr", (void *)h_getattr, "ptr(ptr,ptr)", ANY },
    [MPJ_H_SETATTR] = { "setattr", (void *)h_setattr, "bool(ptr,ptr,ptr)", ANY },
    [MPJ_H_BINOP] = { "binop", (void *)h_binop, "ptr(i64,ptr,ptr)", ANY },
    [MPJ_H_COMPARE] = { "compare", (void *)h_compare, "ptr(i64,ptr,ptr)", ANY },
    [MPJ_H_TRUTH] = { "truth", (void *)h_truth, "i64(ptr)", ANY },
    [MPJ_H_GETITEM] = { "getitem", (void *)h_getitem, "ptr(ptr,ptr)", ANY },
    [MPJ_H_SETITEM] = { "setitem", (void *)h_setitem, "bool(ptr,ptr,ptr)", ANY },
    [MPJ_H_NEXT] = { "next", (void *)h_next, "ptr(ptr)", ANY },
    [MPJ_H_FOR_NEXT] = { "for_next", (void *)h_for_next, "ptr(ptr)", ANY },
    [MPJ_H_ITER] = { "iter", (void *)h_iter, "ptr(ptr)", ANY },
    [MPJ_H_LIST_APPEND] = { "list_append", (void *)h_list_append, "bool(ptr,ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_BUILD_LIST] = { "build_list", (void *)h_build_list, "ptr(i64,ptr,ptr,ptr,ptr)", RAISE | ALLOC },
    [MPJ_H_BUILD_TUPLE] = { "build_tuple", (void *)h_build_tuple, "ptr(i64,ptr,ptr,ptr,ptr)", RAISE | ALLOC },
    [MPJ_H_CONTAINS] = { "contains", (void *)h_contains, "i64(ptr,ptr)", ANY },
    [MPJ_H_SETUP_FINALLY] = { "setup_finally", (void *)h_setup_finally, "bool(ptr,i64,i64)", WR | RAISE },
    [MPJ_H_POP_BLOCK] = { "pop_block", (void *)h_pop_block, "bool(ptr)", WR },
    [MPJ_H_MAP_ADD] = { "map_add", (void *)h_map_add, "bool(ptr,ptr,ptr)", ANY },
    [MPJ_H_SET_ADD] = { "set_add", (void *)h_set_add, "bool(ptr,ptr)", ANY },
    [MPJ_H_CALL] = { "call", (void *)h_call, "ptr(ptr,ptr,i64,ptr,ptr,ptr,ptr,ptr,ptr)", ANY },
    [MPJ_H_FFLOORDIV] = { "float_floordiv", (void *)h_ffloordiv, "f64(f64,f64)", JC_HELPER_PURE },
    [MPJ_H_FMOD] = { "float_mod", (void *)h_fmod, "f64(f64,f64)", JC_HELPER_PURE },
    [MPJ_H_FPOW] = { "float_pow", (void *)h_fpow, "f64(f64,f64)", JC_HELPER_PURE },
    [MPJ_H_LIST_STORE_I64] = { "list_store_int", (void *)h_list_store_i64, "bool(ptr,i64,i64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_LIST_STORE_F64] = { "list_store_float", (void *)h_list_store_f64, "bool(ptr,i64,f64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_LIST_STORE_PTR] = { "list_store_obj", (void *)h_list_store_ptr, "bool(ptr,i64,ptr)", RD | WR | RAISE },
    [MPJ_H_LIST_PUSH] = { "list_push", (void *)h_list_push, "bool(ptr,i64,ptr,ptr,ptr,ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_LIST_TO_TUPLE] = { "list_to_tuple", (void *)h_list_to_tuple, "ptr(ptr)", RD | RAISE | ALLOC },
    [MPJ_H_BUILD_SET] = { "build_set", (void *)h_build_set, "ptr(ptr)", ANY },
    [MPJ_H_BUILD_MAP] = { "build_map", (void *)h_build_map, "ptr(ptr)", ANY },
    [MPJ_H_BUILD_STRING] = { "build_string", (void *)h_build_string, "ptr(ptr)", RD | RAISE | ALLOC },
    [MPJ_H_BUILD_SLICE] = { "build_slice", (void *)h_build_slice, "ptr(ptr,ptr,ptr)", RAISE | ALLOC },
    [MPJ_H_CALL_LIST] = { "call_list", (void *)h_call_list, "ptr(ptr,ptr,ptr,ptr,ptr)", ANY },
    [MPJ_H_MAKE_FUNCTION] = { "make_function", (void *)h_make_function, "ptr(ptr,ptr,ptr,ptr,ptr)", RD | RAISE | ALLOC },
    [MPJ_H_FORMAT_VALUE] = { "format_value", (void *)h_format_value, "ptr(ptr,i64,ptr)", ANY },
    [MPJ_H_LIST_EXTEND] = { "list_extend", (void *)h_list_extend, "bool(ptr,ptr)", ANY },
    [MPJ_H_SET_UPDATE] = { "set_update", (void *)h_set_update, "bool(ptr,ptr)", ANY },
    [MPJ_H_DICT_UPDATE] = { "dict_update", (void *)h_dict_update, "bool(ptr,ptr)", ANY },
    [MPJ_H_UNPACK_EX] = { "unpack_ex", (void *)h_unpack_ex, "ptr(ptr,i64)", ANY },
    [MPJ_H_DELITEM] = { "delitem", (void *)h_delitem, "bool(ptr,ptr)", ANY },
    [MPJ_H_UNARY] = { "unary", (void *)h_unary, "ptr(i64,ptr)", ANY },
    [MPJ_H_SELF_FRAME1] = { "self_frame_int", (void *)h_self_frame1, "ptr(ptr,i64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_SELF_FRAME] = { "self_frame", (void *)h_self_frame, "ptr(ptr,i64,ptr,ptr,ptr,ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_SELF_CALL] = { "self_call", (void *)h_self_call, "ptr(ptr)", RD | WR | ALLOC },
    [MPJ_H_SELF_SLOW] = { "self_slow", (void *)mpj_self_slow, "i64(ptr,ptr,i64)", RD | WR | ALLOC },
    [MPJ_H_SELF_DROP] = { "self_drop", (void *)h_self_drop, "void(ptr)", RD | WR | ALLOC },
    [MPJ_H_SELF_REFILL] = { "self_refill", (void *)h_self_refill, "ptr(ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_SELF_TRIM] = { "self_trim", (void *)h_self_trim, "void(ptr)", RD | WR },
    [MPJ_H_RANGE] = { "range", (void *)h_range, "ptr(i64,i64,i64)", RAISE | ALLOC },
    [MPJ_H_DICT_GET] = { "dict_get", (void *)h_dict_get, "ptr(ptr,ptr,ptr)", RD | RAISE },
    /* May invalidate traces (the caller checks mpj_invalidated). */
    [MPJ_H_HOP_JUDGE] = { "hop_judge", (void *)h_hop_judge, "void(ptr,i64)", RD | WR },
    /* iter() of an object the trace knows is a range: a new iterator,
     * nothing else (mp_iter). */
    [MPJ_H_ITER_RANGE] = { "iter_range", (void *)h_iter, "ptr(ptr)", RAISE | ALLOC },
    [MPJ_H_DICT_GET_INT] = { "dict_get_int", (void *)h_dict_get_int, "bool(ptr,ptr,i64)", RD | WR | RAISE },
    [MPJ_H_DICT_STORE_INT] = { "dict_store_int", (void *)h_dict_store_int, "bool(ptr,ptr,i64)", RD | WR | RAISE | ALLOC },
    [MPJ_H_DICT_STORE_OBJ] = { "dict_store_obj", (void *)h_dict_store_obj, "bool(ptr,ptr,ptr)", RD | WR | RAISE | ALLOC },
    [MPJ_H_STORE_GLOBAL_AT] = { "store_global_at", (void *)h_store_global_at, "bool(ptr,i64,ptr)", RD | WR | RAISE },
    /* an object's class never changes between inert and not */
    [MPJ_H_IS_INERT] = { "is_inert", (void *)h_is_inert, "bool(ptr)", JC_HELPER_PURE },
    [MPJ_H_STORE_GLOBAL_AT_INT] = { "store_global_at_int", (void *)h_store_global_at_int, "bool(ptr,i64,i64)", RD | WR | RAISE | ALLOC },
};
