/* object.c -- the generic object protocol: allocation and deallocation,
 * repr/str/hash, rich comparison, truth, arithmetic dispatch (built-in fast
 * paths, then the special methods of user classes), attributes, items,
 * iteration and calls. */
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "object.h"
#include "opcodes.h"
#include "jit/jit.h"

Interp mp;

/* Objects carry a 16-byte hidden header holding their size class and
 * whether a GCHead precedes it (containers tracked by the cycle collector,
 * gc.c), so that freed blocks of up to 272 bytes go to per-class free lists. */
#define NCLASS 18

/* An empty free list of a small size class is refilled with the blocks of
 * one malloc'd arena (about 16 KB; linked on mp.arenas, freed by
 * mp_teardown): one malloc per many objects instead of one each.  Small
 * blocks never went back to malloc anyway (mp_free keeps them on their
 * free list). */
static __attribute__((noinline)) int refill(size_t cls)
{
    size_t sz = cls << 4, n = 16384 / sz;
    if (n < 8) n = 8;
    char *a = malloc(16 + n * sz);      /* 16: the arena link, keeping blocks 16-aligned */
    if (!a) return 0;
    *(void **)a = mp.arenas;
    mp.arenas = a;
    char *b = a + 16;
    for (size_t i = n; i-- > 0;) {
        *(void **)(b + i * sz) = mp.freel[cls];
        mp.freel[cls] = b + i * sz;
    }
    return 1;
}

void *mp_alloc(Type *t, size_t size)
{
    int gc = (t->flags & T_GC) != 0;
    size_t hdr = gc ? 16 + sizeof(GCHead) : 16;
    if (gc && ++mp.gc_count > mp.gc_threshold) mp_gc_maybe_collect();
    size_t cls = (size + hdr + 15) >> 4;
    char *p;
    if (cls < NCLASS && (mp.freel[cls] || refill(cls))) {
        p = mp.freel[cls];
        mp.freel[cls] = *(void **)p;
    } else {
        p = malloc(cls < NCLASS ? cls << 4 : size + hdr);
        if (!p) { mp_nomem(); return NULL; }
    }
    size_t *hidden = (size_t *)(p + hdr - 16);
    hidden[0] = cls;
    hidden[1] = gc;
    Obj *o = (Obj *)(p + hdr);
    memset(o, 0, size);
    o->rc = 1;
    o->type = t;
    if (gc) mp_gc_link(o);
    return o;
}

/* The bytes of o's block from o on that o may use (at least the size it
 * was allocated with): a small block's size class, a malloc'd one's size
 * rounded down to 16 less 15 (mp_alloc rounds it up to find the class). */
size_t mp_alloc_room(Obj *o)
{
    size_t *hidden = (size_t *)((char *)o - 16);
    size_t cls = hidden[0], gc = hidden[1] & 1 ? sizeof(GCHead) : 0;
    return cls < NCLASS ? (cls << 4) - 16 - gc : (cls << 4) - 15 - 16 - gc;
}

void mp_free(Obj *o)
{
    size_t *hidden = (size_t *)((char *)o - 16);
    size_t cls = hidden[0];
    char *p = (char *)hidden;
    if (hidden[1] & 1) { mp_gc_unlink(o); p -= sizeof(GCHead); }
    if (cls < NCLASS) { *(void **)p = mp.freel[cls]; mp.freel[cls] = p; }
    else free(p);
}

static void dealloc_inst(Obj *o)
{
    Inst *in = (Inst *)o;
    xdecref(in->dict);
    if (TYPE(o)->valbase) xdecref(in->value);
    if (mp_is_subtype(TYPE(o), &mp_exc_BaseException)) {
        Exc *e = (Exc *)o;
        xdecref(e->args); xdecref(e->tb); xdecref(e->cause); xdecref(e->context);
    }
}

/* ---- finalizers ----
 * As CPython (PEP 442): an instance whose class defines __del__, and a
 * suspended generator (closed, so its finally blocks run), are finalized
 * once, when their last reference goes (mp_dealloc) or when the cycle
 * collector finds them unreachable (gc.c), whichever comes first.  The bit
 * FINALIZED of mp_alloc's hidden header records that it ran.  A finalizer
 * may resurrect its object (store a new reference somewhere); it is then
 * not freed, and not finalized again.  What a finalizer raises is reported
 * on stderr as CPython's unraisable hook does and dropped; the exception
 * being raised or handled around it is kept. */
#define FINALIZED 2
static inline size_t *hidden_of(Obj *o) { return (size_t *)((char *)o - 16); }

int mp_needs_finalize(Obj *o)
{
    Type *t = TYPE(o);
    if (mp.no_finalizers) return 0;
    if (t == &mp_generator_type) {
        Gen *g = (Gen *)o;
        if (!g->started || g->done || g->running || !g->f) return 0;
    } else if (!(t->flags & T_HASDEL)) return 0;
    return !(hidden_of(o)[1] & FINALIZED);
}

void mp_write_unraisable(Obj *where)
{
    Obj *e = mp.exc;
    mp.exc = NULL;
    if (!e) return;
    Obj *s = mp_repr(where);
    if (mp.exc) { decref(mp.exc); mp.exc = NULL; }
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", s ? SS(s) : "<object>");
    xdecref(s);
    /* reported alone (no chained exceptions), as CPython's hook does */
    Exc *x = (Exc *)e;
    Obj *ctx = x->context, *cause = x->cause;
    x->context = x->cause = NULL;
    mp_print_exception(e);
    x->context = ctx; x->cause = cause;
    decref(e);
}

void mp_finalize(Obj *o)
{
    hidden_of(o)[1] |= FINALIZED;
    Obj *exc = mp.exc, *handled = mp.handled;
    mp.exc = NULL;
    if (handled) incref(handled);
    if (TYPE(o) == &mp_generator_type) {
        Obj *r = mp_gen_close((Gen *)o);
        if (r) decref(r);
        else mp_write_unraisable(o);
    } else {
        Obj *fn = mp_special(o, mp.s___del__);
        if (fn) {
            incref(fn);
            Obj *r = IS(fn, function) ? mp_call1(fn, o) : NULL;
            if (!IS(fn, function)) {   /* a staticmethod, a callable object...: bind it as getattr would */
                Obj *m = mp_getattr(o, mp.s___del__);
                if (m) { r = mp_call0(m); decref(m); }
            }
            if (r) decref(r);
            else mp_write_unraisable(fn);
            decref(fn);
        }
    }
    if (mp.exc) { decref(mp.exc); mp.exc = NULL; }
    xdecref(mp.handled);
    mp.handled = handled;
    mp.exc = exc;
}

int mp_finalizers_possible;

void mp_note_finalizers(void)
{
    if (mp_finalizers_possible) return;
    mp_finalizers_possible = 1;
    mp_jit_finalizers_possible();
}

/* Recomputes T_HASDEL for t and every class deriving from it (after a
 * class is created, or __del__ is set or deleted on one). */
void mp_type_update_flags(Type *t)
{
    /* object's own __setattr__/__delattr__ (builtins.c) do not count */
    Obj *osa = mp_dict_get(mp_object_type.dict, mp.s___setattr__);
    Obj *oda = mp_dict_get(mp_object_type.dict, mp.s___delattr__);
    for (int64_t i = -1; mp.all_types && i < LN(mp.all_types); i++) {
        Type *u = i < 0 ? t : (Type *)LITEMS(mp.all_types)[i];
        if (i >= 0 && (u == t || !mp_is_subtype(u, t))) continue;
        if (!(u->flags & T_USER)) continue;
        if (mp_type_lookup(u, mp.s___del__)) { u->flags |= T_HASDEL; mp_note_finalizers(); }
        else u->flags &= ~T_HASDEL;
        Obj *sa = mp_type_lookup(u, mp.s___setattr__), *da = mp_type_lookup(u, mp.s___delattr__);
        if ((sa && sa != osa) || (da && da != oda)) u->flags |= T_SETATTR;
        else u->flags &= ~T_SETATTR;
    }
}

void mp_dealloc(Obj *o)
{
    Type *t = TYPE(o);
    /* the commonest garbage first: ints and floats go to their free lists */
    if (t == &mp_float_type) {
        if (mp.nfloat_free < 10000) { o->type = (Type *)mp.float_free; mp.float_free = o; mp.nfloat_free++; return; }
        mp_free(o);
        return;
    }
    if (t == &mp_int_type) {
        if (((Int *)o)->big) { if (mp_int_big_owns((Int *)o)) mpz_clear(((Int *)o)->z); }
        else if (mp.nint_free < 10000) { o->type = (Type *)mp.int_free; mp.int_free = o; mp.nint_free++; return; }
        mp_free(o);
        return;
    }
    if (((t->flags & T_HASDEL) || t == &mp_generator_type) && mp_needs_finalize(o)) {
        o->rc = 1;
        mp_finalize(o);
        if (--o->rc != 0) return;   /* resurrected */
    }
    if (t == &mp_str_type || t == &mp_bytes_type || t == &mp_range_type || t == &mp_range_iterator_type ||
        t == &mp_complex_type) { mp_free(o); return; }
    if (t->flags & (T_USER | T_EXC)) { dealloc_inst(o); decref((Obj *)t); mp_free(o); return; }
    if (t == &mp_list_type) {
        /* last item first, as CPython (the order finalizers run in) */
        List *l = (List *)o;
        for (int64_t i = l->n; i-- > 0;) decref(l->items[i]);
        mp_items_free(l->items, l->cap);
    } else if (t == &mp_tuple_type) {
        for (int64_t i = TN(o); i-- > 0;) xdecref(TITEMS(o)[i]);
    } else if (t == &mp_dict_type) {
        Dict *d = (Dict *)o;
        for (int64_t i = 0; i < d->nent; i++) if (d->ent[i].key) { decref(d->ent[i].key); decref(d->ent[i].val); }
        free(d->ent); free(d->index);
    } else if (t == &mp_set_type || t == &mp_frozenset_type) {
        Set *s = (Set *)o;
        for (int64_t i = 0; i <= s->mask; i++) if (s->table[i].key && s->table[i].hash != -1) decref(s->table[i].key);
        free(s->table);
    } else if (t == &mp_list_iterator_type || t == &mp_tuple_iterator_type || t == &mp_str_iterator_type ||
               t == &mp_dict_keyiterator_type || t == &mp_dict_valueiterator_type ||
               t == &mp_dict_itemiterator_type || t == &mp_set_iterator_type ||
               t == &mp_dict_keys_type || t == &mp_dict_values_type || t == &mp_dict_items_type ||
               t == &mp_bytes_iterator_type || t == &mp_callable_iterator_type) {
        xdecref(((SeqIter *)o)->seq);
    } else if (t == &mp_method_type) {
        xdecref(((Method *)o)->self); xdecref(((Method *)o)->func);
    } else if (t == &mp_cell_type) {
        xdecref(((Cell *)o)->ref);
    } else if (t == &mp_builtin_type) {
        xdecref(((Builtin *)o)->self);
    } else if (t == &mp_function_type) {
        Func *f = (Func *)o;
        decref((Obj *)f->code); xdecref(f->defaults); xdecref(f->kwdefaults); xdecref(f->closure);
        xdecref(f->dict); xdecref(f->name); xdecref(f->qualname);
    } else if (t == &mp_slice_type) {
        Slice *s = (Slice *)o;
        decref(s->start); decref(s->stop); decref(s->step);
    } else if (t == &mp_generator_type) {
        Gen *g = (Gen *)o;
        if (!g->running) { Func *fn = g->f->func; mp_frame_free(g->f); decref((Obj *)fn); }
        xdecref(g->retval); xdecref(g->name); xdecref(g->exc_state);
    } else if (t == &mp_bytearray_type) {
        free(((ByteArray *)o)->s);
    } else if (t == &mp_super_type) {
        xdecref(((Super *)o)->obj);
    } else if (t == &mp_staticmethod_type || t == &mp_classmethod_type) {
        xdecref(((Wrapper *)o)->f);
    } else if (t == &mp_property_type) {
        Property *p = (Property *)o;
        xdecref(p->get); xdecref(p->set); xdecref(p->del);
    } else if (t == &mp_stringio_type) {
        xdecref(((StringIO *)o)->buf);
    } else if (t == &mp_array_type) {
        Array *a = (Array *)o;
        for (int64_t i = 0; i < a->n; i++) xdecref(a->items[i]);
        free(a->items);
    } else if (t == &mp_module_type && mp.tearing_down) {
        xdecref(((Module *)o)->dict); xdecref(((Module *)o)->name);
    } else if (t == &mp_code_type || t == &mp_type_type || t == &mp_module_type) {
        /* kept alive: functions borrow their module's dict, caches and
         * traces point at code objects and classes; mp_teardown frees them */
        return;
    }
    mp_free(o);
}

const char *mp_type_name(Obj *o) { return TYPE(o)->name; }

int mp_repr_enter(Obj *o)
{
    if (!mp.repr_stack) {
        mp.repr_stack = mp_list_new(0);
        mp_gc_untrack(mp.repr_stack);   /* holds borrowed references */
    }
    for (int64_t i = 0; i < LN(mp.repr_stack); i++) if (LITEMS(mp.repr_stack)[i] == o) return 1;
    List *l = (List *)mp.repr_stack;
    if (l->n == l->cap) { l->items = mp_items_realloc(l->items, l->cap, l->cap * 2 + 4); l->cap = l->cap * 2 + 4; }
    l->items[l->n++] = o;   /* borrowed */
    return 0;
}

void mp_repr_leave(Obj *o)
{
    List *l = (List *)mp.repr_stack;
    if (l && l->n && l->items[l->n - 1] == o) l->n--;
}

int mp_is_subtype(Type *a, Type *b)
{
    if (a == b) return 1;
    if (a->mro) {
        for (int64_t i = 1; i < TN(a->mro); i++) if (TITEMS(a->mro)[i] == (Obj *)b) return 1;
        return 0;
    }
    for (a = a->base; a; a = a->base) if (a == b) return 1;
    return 0;
}

int mp_isinstance(Obj *o, Type *t) { return mp_is_subtype(TYPE(o), t); }

static Obj *type_lookup(Type *t, Obj *name)
{
    if (t->mro) {
        for (int64_t i = 0; i < TN(t->mro); i++) {
            Type *u = (Type *)TITEMS(t->mro)[i];
            if (!u->dict) continue;
            Obj *v = mp_dict_get(u->dict, name);
            if (v) return v;
        }
        return NULL;
    }
    for (; t; t = t->base) {
        if (!t->dict) continue;
        Obj *v = mp_dict_get(t->dict, name);
        if (v) return v;
    }
    return NULL;
}

/* A special method defined by a user class in t's MRO (built-in classes'
 * methods are not special methods here: their slots are the C code). */
static Obj *special_lookup(Type *t, Obj *name)
{
    if (t->mro) {
        for (int64_t i = 0; i < TN(t->mro); i++) {
            Type *u = (Type *)TITEMS(t->mro)[i];
            if (!(u->flags & T_USER)) continue;
            Obj *v = mp_dict_get(u->dict, name);
            if (v) return v;
        }
        return NULL;
    }
    for (; t && (t->flags & T_USER); t = t->base) {
        Obj *v = mp_dict_get(t->dict, name);
        if (v) return v;
    }
    return NULL;
}

/* The type attribute cache (mp.tcache): lookups on user classes by an
 * interned (immortal) name remember their result under the class's version
 * tag, which changes whenever the class or a base is modified (protocol.c's
 * invalidate), so a polymorphic attribute or method site costs one probe
 * instead of a dictionary lookup per class of the MRO.  Built-in classes are
 * not cached (their dicts are filled at start-up without a version change),
 * nor anything during teardown, when class dicts are cleared. */
static inline struct TCacheEnt *tcache_slot(Type *t, Obj *name, uint32_t kind)
{
    uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)t->version * 0x9e3779b1u) ^ kind;
    return &mp.tcache[(h ^ (h >> 9)) & (MP_TCACHE_SIZE - 1)];
}

#define TCACHED(T, NM, KIND, SLOW) do { \
        if (NM->rc < MP_IMMORTAL / 2 || mp.tearing_down) return SLOW; \
        struct TCacheEnt *e_ = tcache_slot(T, NM, KIND); \
        if (e_->t == T && e_->name == NM && e_->version == T->version && e_->kind == KIND) return e_->val; \
        Obj *v_ = SLOW; \
        e_->t = T; e_->name = NM; e_->version = T->version; e_->kind = KIND; e_->val = v_; \
        return v_; \
    } while (0)

Obj *mp_type_lookup(Type *t, Obj *name)
{
    if (!(t->flags & T_USER)) return type_lookup(t, name);
    TCACHED(t, name, 0, type_lookup(t, name));
}

Obj *mp_special(Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (!(t->flags & T_USER)) return NULL;
    TCACHED(t, name, 1, special_lookup(t, name));
}

void mp_type_cache_clear(void) { memset(mp.tcache, 0, sizeof mp.tcache); }

Obj *mp_type_mro(Type *t)
{
    if (t->mro) return incref(t->mro);
    int n = 0;
    for (Type *u = t; u; u = u->base) n++;
    Obj *r = mp_tuple_new(n);
    n = 0;
    for (Type *u = t; u; u = u->base) TITEMS(r)[n++] = incref((Obj *)u);
    return r;
}

Obj *mp_call0(Obj *f) { return mp_call(f, NULL, 0, NULL); }
Obj *mp_call1(Obj *f, Obj *a) { return mp_call(f, &a, 1, NULL); }
Obj *mp_call2(Obj *f, Obj *a, Obj *b) { Obj *v[2] = { a, b }; return mp_call(f, v, 2, NULL); }

/* Call special method `name` found on o's class with o prepended. */
Obj *mp_call_method(Obj *o, Obj *name, Obj **args, int n)
{
    Obj *m = mp_special(o, name);
    if (!m) return NULL;
    Obj *v[8];
    v[0] = o;
    for (int i = 0; i < n && i < 7; i++) v[i + 1] = args[i];
    if (IS(m, function) || IS(m, builtin)) return mp_call(m, v, n + 1, NULL);
    if (IS(m, staticmethod)) return mp_call(((Wrapper *)m)->f, args, n, NULL);
    return mp_call(m, args, n, NULL);
}

static Obj *addr_repr(const char *what, Obj *o)
{
    return mp_str_fmt("<%s object at %p>", what, (void *)o);
}

Obj *mp_object_repr(Obj *o)
{
    Type *t = TYPE(o);
    Obj *mod = t->module;
    if (mod && IS_STR(mod) && strcmp(SS(mod), "builtins"))
        return mp_str_fmt("<%s.%s object at %p>", SS(mod), t->qualname ? SS(t->qualname) : t->name, (void *)o);
    return addr_repr(t->name, o);
}

static Obj *check_str(Obj *r, const char *what)
{
    if (r && !IS_STR(r)) {
        mp_err(&mp_exc_TypeError, "%s returned non-string (type %s)", what, mp_type_name(r));
        decref(r);
        return NULL;
    }
    return r;
}

static Obj *exc_repr(Obj *o)
{
    Exc *e = (Exc *)o;
    Type *t = TYPE(o);
    const char *nm = t->name;
    if (!e->args || TN(e->args) == 0) return mp_str_fmt("%s()", nm);
    if (TN(e->args) == 1) {
        Obj *r = mp_repr(TITEMS(e->args)[0]);
        if (!r) return NULL;
        Obj *s = mp_str_fmt("%s(%s)", nm, SS(r));
        decref(r);
        return s;
    }
    Obj *r = mp_repr(e->args);
    if (!r) return NULL;
    Obj *s = mp_str_fmt("%s%s", nm, SS(r));
    decref(r);
    return s;
}

Obj *mp_repr(Obj *o)
{
    Type *t = TYPE(o);
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___repr__);
        if (m) return check_str(mp_call1(m, o), "__repr__");
        Obj *u = mp_unwrap(o);
        if (u != o && (IS(u, set) || IS(u, frozenset))) {
            /* as CPython: the subclass's name around the set display */
            if (((Set *)u)->used == 0) return mp_str_fmt("%s()", t->name);
            Obj *r = mp_repr(u);
            if (!r || IS(u, set)) { Obj *x = r ? mp_str_fmt("%s(%s)", t->name, SS(r)) : NULL; xdecref(r); return x; }
            Obj *x = mp_str_fmt("%s(%s", t->name, SS(r) + strlen("frozenset("));
            decref(r);
            return x;
        }
        if (u != o) return mp_repr(u);
    }
    if (t == &mp_str_type) return mp_str_repr(o);
    if (t == &mp_int_type) return mp_int_repr(o);
    if (t == &mp_bool_type) return mp_str_c(o == TRUE_ ? "True" : "False");
    if (t == &mp_float_type) return mp_float_repr(o);
    if (t == &mp_none_type) return mp_str_c("None");
    if (t == &mp_list_type) return mp_list_repr(o);
    if (t == &mp_tuple_type) return mp_tuple_repr(o);
    if (t == &mp_dict_type) return mp_dict_repr(o);
    if (t == &mp_set_type || t == &mp_frozenset_type) return mp_set_repr(o);
    if (t == &mp_complex_type) return mp_complex_repr(o);
    if (t == &mp_bytes_type || t == &mp_bytearray_type) return mp_bytes_repr(o);
    if (t == &mp_ellipsis_type) return mp_str_c("Ellipsis");
    if (t == &mp_notimpl_type) return mp_str_c("NotImplemented");
    if (t == &mp_range_type) {
        Range *r = (Range *)o;
        if (r->step == 1) return mp_str_fmt("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        return mp_str_fmt("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
    }
    if (t == &mp_slice_type) {
        Slice *s = (Slice *)o;
        Obj *a = mp_repr(s->start), *b = mp_repr(s->stop), *c = mp_repr(s->step);
        Obj *r = mp_str_fmt("slice(%s, %s, %s)", SS(a), SS(b), SS(c));
        decref(a); decref(b); decref(c);
        return r;
    }
    if (t == &mp_type_type) {
        Type *ty = (Type *)o;
        if (ty->flags & T_USER && ty->module && strcmp(SS(ty->module), "builtins"))
            return mp_str_fmt("<class '%s.%s'>", SS(ty->module), ty->qualname ? SS(ty->qualname) : ty->name);
        return mp_str_fmt("<class '%s'>", ty->name);
    }
    if (t == &mp_function_type) return mp_str_fmt("<function %s at %p>", SS(((Func *)o)->qualname), (void *)o);
    if (t == &mp_builtin_type) {
        Builtin *b = (Builtin *)o;
        if (b->self && !IS(b->self, module))
            return mp_str_fmt("<built-in method %s of %s object at %p>", b->name, mp_type_name(b->self), (void *)b->self);
        return mp_str_fmt("<built-in function %s>", b->name);
    }
    if (t == &mp_method_type) {
        Method *m = (Method *)o;
        Obj *sr = mp_repr(m->self);
        if (!sr) return NULL;
        Obj *qn = IS(m->func, function) ? ((Func *)m->func)->qualname : NULL;
        Obj *r = mp_str_fmt("<bound method %s of %s>", qn ? SS(qn) : "?", SS(sr));
        decref(sr);
        return r;
    }
    if (t == &mp_module_type) return mp_str_fmt("<module '%s'>", SS(((Module *)o)->name));
    if (t == &mp_generator_type) return mp_str_fmt("<generator object %s at %p>", SS(((Gen *)o)->name), (void *)o);
    if (t == &mp_cell_type) return mp_str_fmt("<cell at %p>", (void *)o);
    if (t->flags & T_EXC || mp_is_subtype(t, &mp_exc_BaseException)) return exc_repr(o);
    if (t == &mp_dict_keys_type || t == &mp_dict_values_type || t == &mp_dict_items_type) {
        Obj *l = mp_list_of(o);
        if (!l) return NULL;
        Obj *lr = mp_repr(l);
        decref(l);
        Obj *r = mp_str_fmt("%s(%s)", t->name, SS(lr));
        decref(lr);
        return r;
    }
    if (t == &mp_stringio_type) return addr_repr("_io.StringIO", o);
    return mp_object_repr(o);
}

Obj *mp_str(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_str_type) return incref(o);
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___str__);
        if (m) return check_str(mp_call1(m, o), "__str__");
        if (mp_special(o, mp.s___repr__)) return mp_repr(o);
        /* only str has a __str__ of its own; the others' is repr */
        if (mp_unwrap(o) != o) return IS(mp_unwrap(o), str) ? mp_str(mp_unwrap(o)) : mp_repr(o);
    }
    if (mp_is_subtype(t, &mp_exc_BaseException)) {
        Exc *e = (Exc *)o;
        if (!e->args || TN(e->args) == 0) return mp_str_c("");
        if (TN(e->args) == 1) {
            if (mp_is_subtype(t, &mp_exc_KeyError)) return mp_repr(TITEMS(e->args)[0]);
            return mp_str(TITEMS(e->args)[0]);
        }
        return mp_repr(e->args);
    }
    return mp_repr(o);
}

Obj *mp_ascii(Obj *o)
{
    Obj *r = mp_repr(o);
    if (!r) return NULL;
    SB b = {0};
    const unsigned char *s = (unsigned char *)SS(r);
    for (int64_t i = 0; i < SLEN(r);) {
        unsigned c = s[i];
        if (c < 0x80) { sb_addc(&b, (char)c); i++; continue; }
        uint32_t cp; int n;
        if (c >= 0xF0) { cp = c & 7; n = 4; } else if (c >= 0xE0) { cp = c & 15; n = 3; } else { cp = c & 31; n = 2; }
        for (int k = 1; k < n; k++) cp = (cp << 6) | (s[i + k] & 63);
        i += n;
        char buf[16];
        if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
        else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
        else snprintf(buf, sizeof buf, "\\U%08x", cp);
        sb_adds(&b, buf);
    }
    decref(r);
    return sb_finish(&b);
}

static int64_t ptr_hash(Obj *o)
{
    uint64_t y = (uint64_t)(uintptr_t)o;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

int64_t mp_hash(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_str_type) return mp_str_hash(o);
    if (t == &mp_int_type || t == &mp_bool_type) return mp_int_hash(o);
    if (t == &mp_float_type) return mp_float_hash(FV(o));
    if (t == &mp_tuple_type) return mp_tuple_hash(o);
    if (t == &mp_frozenset_type) return mp_set_hash(o);
    if (t == &mp_complex_type) {
        Complex *c = (Complex *)o;
        int64_t h = mp_float_hash(c->re) + 1000003 * mp_float_hash(c->im);
        return h == -1 ? -2 : h;
    }
    if (t == &mp_bytes_type) {
        Bytes *b = (Bytes *)o;
        uint64_t h = 1469598103934665603ULL;
        for (int64_t i = 0; i < b->len; i++) h = (h ^ b->s[i]) * 1099511628211ULL;
        return (int64_t)(h >> 1);
    }
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___hash__);
        if (m == NONE) { mp_err(&mp_exc_TypeError, "unhashable type: '%s'", t->name); return -1; }
        if (m) {
            Obj *r = mp_call1(m, o);
            if (!r) return -1;
            if (!IS_INT(r)) { decref(r); mp_err(&mp_exc_TypeError, "__hash__ method should return an integer"); return -1; }
            int64_t h = mp_int_hash(r);
            decref(r);
            return h;
        }
        if (mp_special(o, mp.s___eq__)) { mp_err(&mp_exc_TypeError, "unhashable type: '%s'", t->name); return -1; }
        if (mp_unwrap(o) != o) {
            if (IS(mp_unwrap(o), list) || IS(mp_unwrap(o), dict) || IS(mp_unwrap(o), set)) {
                mp_err(&mp_exc_TypeError, "unhashable type: '%s'", t->name);
                return -1;
            }
            return mp_hash(mp_unwrap(o));
        }
        return ptr_hash(o);
    }
    if (t == &mp_list_type || t == &mp_dict_type || t == &mp_set_type || t == &mp_bytearray_type ||
        t == &mp_slice_type) {
        mp_err(&mp_exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return ptr_hash(o);
}

int mp_eq(Obj *a, Obj *b)
{
    if (a == b) return 1;
    if (IS_STR(a) && IS_STR(b)) return mp_str_eq(a, b);
    if (SMALL(a) && SMALL(b)) return IV(a) == IV(b);
    return mp_cmp_bool(a, b, CMP_EQ);
}

int mp_cmp_bool(Obj *a, Obj *b, int op)
{
    Obj *r = mp_richcmp(a, b, op);
    if (!r) return -1;
    int t = r == TRUE_ ? 1 : r == FALSE_ ? 0 : mp_truthy(r);
    decref(r);
    return t;
}

static int cmp_result(int c, int op)
{
    switch (op) {
    case CMP_LT: return c < 0; case CMP_LE: return c <= 0; case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0; case CMP_GT: return c > 0; default: return c >= 0;
    }
}

/* Compare an int with a float exactly. Returns -1/0/1, or 2 for NaN. */
static int int_float_cmp(Obj *i, double d)
{
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (SMALL(i) && IV(i) > -(1LL << 53) && IV(i) < (1LL << 53)) {
        double x = (double)IV(i);
        return x < d ? -1 : x > d ? 1 : 0;
    }
    mpz_t a, b;
    mpz_init(a); mpz_init(b);
    mp_int_to_mpz(i, a);
    double fl = floor(d);
    mpz_set_d(b, fl);
    int c = mpz_cmp(a, b);
    if (c == 0 && fl != d) c = -1;
    mpz_clear(a); mpz_clear(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

static const char *cmp_sym[] = { "<", "<=", "==", "!=", ">", ">=" };
static const int cmp_swap[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };
static const char *cmp_names[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };

static Obj *user_cmp(Obj *a, Obj *b, int op, int *handled)
{
    *handled = 0;
    Obj *na = mp_str_intern(cmp_names[op]), *nb = mp_str_intern(cmp_names[cmp_swap[op]]);
    int b_first = TYPE(b) != TYPE(a) && mp_is_subtype(TYPE(b), TYPE(a)) && mp_special(b, nb);
    for (int pass = 0; pass < 2; pass++) {
        int use_b = b_first ? pass == 0 : pass == 1;
        Obj *x = use_b ? b : a, *y = use_b ? a : b;
        Obj *m = mp_special(x, use_b ? nb : na);
        if (!m) continue;
        Obj *r = mp_call2(m, x, y);
        if (!r) { *handled = 1; return NULL; }
        if (r != &mp_notimpl) { *handled = 1; return r; }
        decref(r);
    }
    if (op == CMP_NE && (mp_special(a, mp.s___eq__) || mp_special(b, mp.s___eq__))) {
        Obj *r = user_cmp(a, b, CMP_EQ, handled);
        if (!*handled || !r) return r;
        int t = mp_truthy(r);
        decref(r);
        if (t < 0) return NULL;
        return mp_bool(!t);
    }
    return NULL;
}

Obj *mp_richcmp(Obj *a, Obj *b, int op)
{
    Type *ta = TYPE(a), *tb = TYPE(b);
    if (IS_INT(a) && IS_INT(b)) return mp_bool(cmp_result(mp_int_cmp(a, b), op));
    if (ta == &mp_float_type && tb == &mp_float_type) {
        double x = FV(a), y = FV(b);
        int r;
        switch (op) {
        case CMP_LT: r = x < y; break; case CMP_LE: r = x <= y; break; case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break; case CMP_GT: r = x > y; break; default: r = x >= y; break;
        }
        return mp_bool(r);
    }
    if ((IS_INT(a) && tb == &mp_float_type) || (ta == &mp_float_type && IS_INT(b))) {
        int c = IS_INT(a) ? int_float_cmp(a, FV(b)) : -int_float_cmp(b, FV(a));
        if (c == 2 || c == -2) return mp_bool(op == CMP_NE);
        return mp_bool(cmp_result(c, op));
    }
    if (ta == &mp_str_type && tb == &mp_str_type) return mp_bool(cmp_result(mp_str_cmp(a, b), op));
    if ((ta->flags | tb->flags) & T_USER) {
        int handled;
        Obj *r = user_cmp(a, b, op, &handled);
        if (handled || r) return r;
        if (mp_unwrap(a) != a || mp_unwrap(b) != b) return mp_richcmp(mp_unwrap(a), mp_unwrap(b), op);
    }
    if ((ta == &mp_list_type && tb == &mp_list_type))
        return mp_seq_cmp(LITEMS(a), LN(a), LITEMS(b), LN(b), op);
    if ((ta == &mp_tuple_type && tb == &mp_tuple_type))
        return mp_seq_cmp(TITEMS(a), TN(a), TITEMS(b), TN(b), op);
    if ((ta == &mp_set_type || ta == &mp_frozenset_type) && (tb == &mp_set_type || tb == &mp_frozenset_type))
        return mp_set_cmp(a, b, op);
    if (ta == &mp_complex_type || tb == &mp_complex_type) {
        if (op == CMP_EQ || op == CMP_NE) {
            int ok1, ok2;
            double ar = ta == &mp_complex_type ? ((Complex *)a)->re : mp_to_double(a, &ok1);
            double ai = ta == &mp_complex_type ? ((Complex *)a)->im : 0;
            double br = tb == &mp_complex_type ? ((Complex *)b)->re : mp_to_double(b, &ok2);
            double bi = tb == &mp_complex_type ? ((Complex *)b)->im : 0;
            if (mp.exc) { mp_err_clear(); return mp_bool(op == CMP_NE); }
            return mp_bool((ar == br && ai == bi) == (op == CMP_EQ));
        }
    }
    if ((ta == &mp_bytes_type || ta == &mp_bytearray_type) && (tb == &mp_bytes_type || tb == &mp_bytearray_type)) {
        const unsigned char *x = ta == &mp_bytes_type ? ((Bytes *)a)->s : ((ByteArray *)a)->s;
        const unsigned char *y = tb == &mp_bytes_type ? ((Bytes *)b)->s : ((ByteArray *)b)->s;
        int64_t nx = ta == &mp_bytes_type ? ((Bytes *)a)->len : ((ByteArray *)a)->n;
        int64_t ny = tb == &mp_bytes_type ? ((Bytes *)b)->len : ((ByteArray *)b)->n;
        int c = memcmp(x, y, nx < ny ? nx : ny);
        if (c == 0) c = nx < ny ? -1 : nx > ny;
        return mp_bool(cmp_result(c, op));
    }
    if (op == CMP_EQ || op == CMP_NE) {
        int eq;
        if (ta == &mp_dict_type && tb == &mp_dict_type) {
            Dict *x = (Dict *)a;
            eq = x->used == ((Dict *)b)->used;
            int64_t pos = 0; Obj *k, *v;
            while (eq && mp_dict_next(a, &pos, &k, &v)) {
                Obj *w = mp_dict_get(b, k);
                if (!w) { if (mp.exc) return NULL; eq = 0; break; }
                int e = mp_eq(v, w);
                if (e < 0) return NULL;
                eq = e;
            }
        } else if (ta == &mp_range_type && tb == &mp_range_type) {
            Range *x = (Range *)a, *y = (Range *)b;
            eq = x->start == y->start && x->stop == y->stop && x->step == y->step;
        } else if (ta == &mp_method_type && tb == &mp_method_type) {
            eq = ((Method *)a)->self == ((Method *)b)->self && ((Method *)a)->func == ((Method *)b)->func;
        } else eq = a == b;
        return mp_bool(eq == (op == CMP_EQ));
    }
    return mp_err(&mp_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                  cmp_sym[op], ta->name, tb->name);
}

int mp_truthy(Obj *o)
{
    Type *t = TYPE(o);
    if (o == TRUE_) return 1;
    if (o == FALSE_ || o == NONE) return 0;
    if (t == &mp_int_type) return mp_int_sign(o) != 0;
    if (t == &mp_float_type) return FV(o) != 0.0;
    if (t == &mp_str_type) return SLEN(o) != 0;
    if (t == &mp_list_type) return LN(o) != 0;
    if (t == &mp_tuple_type) return TN(o) != 0;
    if (t == &mp_dict_type) return ((Dict *)o)->used != 0;
    if (t == &mp_set_type || t == &mp_frozenset_type) return ((Set *)o)->used != 0;
    if (t == &mp_complex_type) return ((Complex *)o)->re != 0 || ((Complex *)o)->im != 0;
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___bool__);
        if (m) {
            Obj *r = mp_call1(m, o);
            if (!r) return -1;
            if (!IS(r, bool)) {
                mp_err(&mp_exc_TypeError, "__bool__ should return bool, returned %s", mp_type_name(r));
                decref(r);
                return -1;
            }
            int v = r == TRUE_;
            decref(r);
            return v;
        }
        if (mp_special(o, mp.s___len__)) {
            int64_t n = mp_len(o);
            return n < 0 ? -1 : n > 0;
        }
        if (mp_unwrap(o) != o) return mp_truthy(mp_unwrap(o));
        return 1;
    }
    if (t == &mp_range_type || t == &mp_bytes_type || t == &mp_bytearray_type || t == &mp_array_type ||
        t == &mp_dict_keys_type || t == &mp_dict_values_type || t == &mp_dict_items_type) {
        int64_t n = mp_len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static const char *binop_sym[] = {
#define E(id, s, f, r, i) s,
    MP_BINOPS(E)
#undef E
};

static Obj *user_binop(int op, Obj *a, Obj *b, int *handled)
{
    *handled = 0;
    Obj *fwd = mp.binop_names[op][0], *rev = mp.binop_names[op][1];
    int b_first = TYPE(b) != TYPE(a) && mp_is_subtype(TYPE(b), TYPE(a)) && mp_special(b, rev);
    for (int pass = 0; pass < 2; pass++) {
        int use_b = b_first ? pass == 0 : pass == 1;
        if (use_b && TYPE(a) == TYPE(b) && pass == 1) break;
        Obj *x = use_b ? b : a, *y = use_b ? a : b;
        Obj *m = mp_special(x, use_b ? rev : fwd);
        if (!m) continue;
        Obj *r = mp_call2(m, x, y);
        if (!r) { *handled = 1; return NULL; }
        if (r != &mp_notimpl) { *handled = 1; return r; }
        decref(r);
    }
    return NULL;
}

static int is_num(Obj *o) { return IS_INT(o) || IS(o, float); }

static Obj *seq_repeat(Obj *seq, Obj *n)
{
    int ok;
    int64_t k = mp_index(n, &ok);
    if (!ok) return NULL;
    if (k < 0) k = 0;
    if (IS_STR(seq)) return mp_str_mul(seq, k);
    if (IS(seq, list) || IS(seq, tuple)) {
        int64_t len = IS(seq, list) ? LN(seq) : TN(seq);
        Obj **items = IS(seq, list) ? LITEMS(seq) : TITEMS(seq);
        if (len && k > (int64_t)(1LL << 40) / len) return mp_err(&mp_exc_MemoryError, "");
        Obj *r = IS(seq, list) ? mp_list_new(len * k) : mp_tuple_new(len * k);
        Obj **dst = IS(seq, list) ? LITEMS(r) : TITEMS(r);
        for (int64_t i = 0; i < k; i++)
            for (int64_t j = 0; j < len; j++) dst[i * len + j] = incref(items[j]);
        return r;
    }
    if (IS(seq, bytes)) {
        Bytes *b = (Bytes *)seq;
        Obj *r = mp_bytes_new(NULL, b->len * k);
        for (int64_t i = 0; i < k; i++) memcpy(((Bytes *)r)->s + i * b->len, b->s, b->len);
        return r;
    }
    return NULL;
}

static int is_seq(Obj *o) { return IS_STR(o) || IS(o, list) || IS(o, tuple) || IS(o, bytes); }

/* a OP b; for a failed `a OP= b` (inplace) the error names the augmented
 * operator, as CPython's does. */
static Obj *binop(int op, Obj *a, Obj *b, int inplace)
{
    Type *ta = TYPE(a), *tb = TYPE(b);
    if (IS_INT(a) && IS_INT(b) && op != BIN_MATMUL) return mp_int_binop(op, a, b);
    if (is_num(a) && is_num(b) && op != BIN_LSHIFT && op != BIN_RSHIFT && op != BIN_AND && op != BIN_OR &&
        op != BIN_XOR && op != BIN_MATMUL) {
        int ok;
        double x = mp_to_double(a, &ok);
        if (!ok) return NULL;
        double y = mp_to_double(b, &ok);
        if (!ok) return NULL;
        return mp_float_binop(op, x, y);
    }
    if ((ta->flags | tb->flags) & T_USER) {
        int handled;
        Obj *r = user_binop(op, a, b, &handled);
        if (handled) return r;
        if (mp_unwrap(a) != a || mp_unwrap(b) != b) return binop(op, mp_unwrap(a), mp_unwrap(b), inplace);
    }
    if ((ta == &mp_complex_type && (is_num(b) || tb == &mp_complex_type)) ||
        (tb == &mp_complex_type && is_num(a)))
        return mp_complex_binop(op, a, b);
    if (op == BIN_ADD) {
        if (ta == &mp_str_type && tb == &mp_str_type) return mp_str_concat(a, b);
        if (ta == &mp_list_type && tb == &mp_list_type) return mp_list_binop(op, a, b);
        if (ta == &mp_tuple_type && tb == &mp_tuple_type) {
            Obj *r = mp_tuple_new(TN(a) + TN(b));
            for (int64_t i = 0; i < TN(a); i++) TITEMS(r)[i] = incref(TITEMS(a)[i]);
            for (int64_t i = 0; i < TN(b); i++) TITEMS(r)[TN(a) + i] = incref(TITEMS(b)[i]);
            return r;
        }
        if (ta == &mp_bytes_type && tb == &mp_bytes_type) {
            Bytes *x = (Bytes *)a, *y = (Bytes *)b;
            Obj *r = mp_bytes_new(NULL, x->len + y->len);
            memcpy(((Bytes *)r)->s, x->s, x->len);
            memcpy(((Bytes *)r)->s + x->len, y->s, y->len);
            return r;
        }
        if (ta == &mp_str_type) return mp_err(&mp_exc_TypeError, "can only concatenate str (not \"%s\") to str", tb->name);
        if (ta == &mp_list_type) return mp_err(&mp_exc_TypeError, "can only concatenate list (not \"%s\") to list", tb->name);
        if (ta == &mp_tuple_type) return mp_err(&mp_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple", tb->name);
    }
    if (op == BIN_MUL) {
        if (is_seq(a) && IS_INT(b)) return seq_repeat(a, b);
        if (is_seq(b) && IS_INT(a)) return seq_repeat(b, a);
        if (is_seq(a) || is_seq(b))
            return mp_err(&mp_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          is_seq(a) ? tb->name : ta->name);
    }
    if (op == BIN_MOD && (ta == &mp_str_type)) return mp_str_mod(a, b);
    if ((ta == &mp_set_type || ta == &mp_frozenset_type) && (tb == &mp_set_type || tb == &mp_frozenset_type) &&
        (op == BIN_AND || op == BIN_OR || op == BIN_XOR || op == BIN_SUB))
        return mp_set_binop(op, a, b);
    if (op == BIN_OR && ta == &mp_dict_type && tb == &mp_dict_type) {
        Obj *r = mp_dict_copy(a);
        if (mp_dict_update(r, b) < 0) { decref(r); return NULL; }
        return r;
    }
    return mp_err(&mp_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                  op == BIN_POW && !inplace ? "** or pow()" : binop_sym[op], inplace ? "=" : "",
                  ta->name, tb->name);
}

Obj *mp_binop(int op, Obj *a, Obj *b) { return binop(op, a, b, 0); }

Obj *mp_inplace(int op, Obj *a, Obj *b)
{
    Type *ta = TYPE(a);
    if (ta->flags & T_USER) {
        Obj *m = mp_special(a, mp.binop_names[op][2]);
        if (m) {
            Obj *r = mp_call2(m, a, b);
            if (r != &mp_notimpl) return r;
            decref(r);
        }
        /* list.__iadd__ on a list subclass extends its value and keeps the
         * instance; immutable values give a new (built-in) result */
        Obj *ua = mp_unwrap(a);
        if (ua != a && !mp_special(a, mp.binop_names[op][0])) {
            Obj *r = mp_inplace(op, ua, mp_unwrap(b));
            if (r == ua) { decref(r); return incref(a); }
            return r;
        }
    }
    if (ta == &mp_list_type && op == BIN_ADD) {
        if (mp_list_extend(a, b) < 0) return NULL;
        return incref(a);
    }
    if (ta == &mp_list_type && op == BIN_MUL && IS_INT(b)) {
        int ok;
        int64_t k = mp_index(b, &ok);
        int64_t n = LN(a);
        if (k <= 0) { for (int64_t i = 0; i < n; i++) decref(LITEMS(a)[i]); LN(a) = 0; return incref(a); }
        for (int64_t r = 1; r < k; r++) for (int64_t i = 0; i < n; i++) mp_list_append(a, LITEMS(a)[i]);
        return incref(a);
    }
    if (ta == &mp_set_type && (TYPE(b) == &mp_set_type || TYPE(b) == &mp_frozenset_type)) {
        if (op == BIN_OR || op == BIN_SUB || op == BIN_XOR) {
            if (mp_set_inplace(op, a, b) < 0) return NULL;
            return incref(a);
        }
        if (op == BIN_AND) {
            Obj *r = mp_set_binop(op, a, b);
            if (!r) return NULL;
            /* replace contents in place */
            Set *s = (Set *)a, *t = (Set *)r;
            SEntry *tab = s->table; int64_t mask = s->mask;
            s->table = t->table; s->mask = t->mask; s->fill = t->fill; s->used = t->used;
            t->table = tab; t->mask = mask; t->fill = 0; t->used = 0;
            for (int64_t i = 0; i <= mask; i++) if (tab[i].key && tab[i].hash != -1) decref(tab[i].key);
            memset(tab, 0, sizeof(SEntry) * (mask + 1));
            decref(r);
            return incref(a);
        }
    }
    if (ta == &mp_dict_type && op == BIN_OR && IS(b, dict)) {
        if (mp_dict_update(a, b) < 0) return NULL;
        return incref(a);
    }
    return binop(op, a, b, 1);
}

Obj *mp_neg(Obj *o)
{
    if (IS_INT(o)) return mp_int_neg(o);
    if (IS(o, float)) return mp_float(-FV(o));
    if (IS(o, complex)) return mp_complex(-((Complex *)o)->re, -((Complex *)o)->im);
    Obj *m = mp_special(o, mp.s___neg__);
    if (m) return mp_call1(m, o);
    if (mp_unwrap(o) != o) return mp_neg(mp_unwrap(o));
    return mp_err(&mp_exc_TypeError, "bad operand type for unary -: '%s'", mp_type_name(o));
}

Obj *mp_pos(Obj *o)
{
    if (IS(o, bool)) return mp_int(o == TRUE_);
    if (IS_INT(o) || IS(o, float) || IS(o, complex)) return incref(o);
    Obj *m = mp_special(o, mp.s___pos__);
    if (m) return mp_call1(m, o);
    if (mp_unwrap(o) != o) return mp_pos(mp_unwrap(o));
    return mp_err(&mp_exc_TypeError, "bad operand type for unary +: '%s'", mp_type_name(o));
}

Obj *mp_invert(Obj *o)
{
    if (IS_INT(o)) return mp_int_invert(o);
    Obj *m = mp_special(o, mp.s___invert__);
    if (m) return mp_call1(m, o);
    if (mp_unwrap(o) != o) return mp_invert(mp_unwrap(o));
    return mp_err(&mp_exc_TypeError, "bad operand type for unary ~: '%s'", mp_type_name(o));
}

int64_t mp_index(Obj *o, int *ok)
{
    *ok = 1;
    if (IS_INT(o)) {
        if (((Int *)o)->big) {
            *ok = 0;
            mp_err(&mp_exc_OverflowError, "Python int too large to convert to C ssize_t");
            return 0;
        }
        return IV(o);
    }
    Obj *m = mp_special(o, mp.s___index__);
    if (m) {
        Obj *r = mp_call1(m, o);
        if (r && IS_INT(r)) { int64_t v = mp_index(r, ok); decref(r); return v; }
        xdecref(r);
    }
    if (mp_unwrap(o) != o && IS_INT(mp_unwrap(o))) return mp_index(mp_unwrap(o), ok);
    *ok = 0;
    mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(o));
    return 0;
}

Obj *mp_format(Obj *o, Obj *spec)
{
    if (TYPE(o)->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___format__);
        if (m) {
            Obj *s = spec ? incref(spec) : mp_str_c("");
            Obj *r = mp_call2(m, o, s);
            decref(s);
            if (r && !IS_STR(r)) {
                mp_err(&mp_exc_TypeError, "__format__ must return a str, not %s", mp_type_name(r));
                decref(r);
                return NULL;
            }
            return r;
        }
        Obj *u = mp_unwrap(o);
        if (u != o && (!spec || SLEN(spec) == 0) && mp_special(o, mp.s___str__)) return mp_str(o);
        if (u != o && spec && SLEN(spec) && (IS_INT(u) || IS(u, float) || IS_STR(u)))
            return mp_format_builtin(u, spec, mp_type_name(o));
        if (u != o) return mp_format(u, spec);
    }
    if (!spec || SLEN(spec) == 0) return mp_str(o);
    if (IS_INT(o) || IS(o, float) || IS_STR(o)) return mp_format_builtin(o, spec, mp_type_name(o));
    return mp_err(&mp_exc_TypeError, "unsupported format string passed to %s.__format__", mp_type_name(o));
}

Obj *mp_list_of(Obj *it)
{
    if (IS(it, list) || IS(it, tuple)) {
        int64_t n = IS(it, list) ? LN(it) : TN(it);
        Obj **src = IS(it, list) ? LITEMS(it) : TITEMS(it);
        Obj *l = mp_list_new(n);
        for (int64_t i = 0; i < n; i++) LITEMS(l)[i] = incref(src[i]);
        return l;
    }
    Obj *l = mp_list_new(0);
    if (mp_list_extend(l, it) < 0) { decref(l); return NULL; }
    return l;
}

Obj *mp_tuple_of(Obj *it)
{
    if (IS(it, tuple)) return incref(it);
    Obj *l = mp_list_of(it);
    if (!l) return NULL;
    Obj *t = mp_tuple_new(LN(l));
    for (int64_t i = 0; i < LN(l); i++) TITEMS(t)[i] = incref(LITEMS(l)[i]);
    decref(l);
    return t;
}
