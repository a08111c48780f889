/* protocol.c -- attribute access (descriptors, bound methods, properties),
 * item access, len, iteration and calling, for built-in and user objects;
 * plus class creation (type(name, bases, dict)) with version tags. */
#include <stdlib.h>
#include <string.h>
#include "object.h"

/* The length of r, computed in 128 bits: ends near the int64 limits
 * overflow the 64-bit difference (range(-2**63, 2**63 - 1, 2**62)). */
static __int128 range_len128(Range *r)
{
    __int128 lo = r->start, hi = r->stop, st = r->step;
    __int128 n = st > 0 ? (hi - lo + st - 1) / st : (lo - hi - st - 1) / -st;
    return n < 0 ? 0 : n;
}

/* Clamped to INT64_MAX (range(-2**63, 2**63 - 1) has 2**64 - 1 items). */
static int64_t range_len(Range *r)
{
    __int128 n = range_len128(r);
    return n > INT64_MAX ? INT64_MAX : (int64_t)n;
}
#include "jit/jit.h"
#include "opcodes.h"

static int fits_i64(__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

/* r[a:b:c] for slice indices a, b, c of r's length, as CPython computes it
 * (start + a*step, start + b*step, step*c), in 128 bits.  Near the int64
 * limits those may not fit a Range although its items do
 * (range(-2**63, 2**63 - 1, 2**62)[::2] stops at 2**63): then the stop is
 * the last item plus one step, or plus one, and the step of a slice of at
 * most one item is clamped; what still does not fit is an OverflowError
 * (CPython's ranges hold big ints, minipy's 64-bit ones). */
static Obj *range_slice(Range *r, int64_t a, int64_t b, int64_t c)
{
    __int128 lo = r->start + (__int128)a * r->step, hi = r->start + (__int128)b * r->step;
    __int128 st = (__int128)r->step * c;
    if (fits_i64(lo) && fits_i64(hi) && fits_i64(st)) return mp_range_new((int64_t)lo, (int64_t)hi, (int64_t)st);
    int64_t m = c > 0 ? (b > a ? (b - a - 1) / c + 1 : 0) : (a > b ? (a - b - 1) / -c + 1 : 0);
    if (m == 0) return mp_range_new(0, 0, 1);
    if (!fits_i64(st)) {
        if (m > 1) return mp_err(&mp_exc_OverflowError, "range slice step does not fit in 64 bits");
        st = st > 0 ? INT64_MAX : INT64_MIN;
    }
    __int128 last = lo + (__int128)(m - 1) * st;
    hi = last + st;
    if (!fits_i64(hi)) hi = last + (st > 0 ? 1 : -1);
    if (!fits_i64(hi)) return mp_err(&mp_exc_OverflowError, "range slice stop does not fit in 64 bits");
    return mp_range_new((int64_t)lo, (int64_t)hi, (int64_t)st);
}

static Obj *attr_error(Obj *o, Obj *name)
{
    if (IS(o, type)) return mp_err(&mp_exc_AttributeError, "type object '%s' has no attribute '%s'",
                                   ((Type *)o)->name, SS(name));
    if (IS(o, module)) return mp_err(&mp_exc_AttributeError, "module '%s' has no attribute '%s'",
                                     SS(((Module *)o)->name), SS(name));
    return mp_err(&mp_exc_AttributeError, "'%s' object has no attribute '%s'", mp_type_name(o), SS(name));
}

/* Bind a class attribute found on type for instance o (o NULL = class access). */
static Obj *bind(Obj *d, Obj *o, Type *t)
{
    if (IS(d, function)) return o ? mp_method_new(d, o) : incref(d);
    if (IS(d, classmethod)) return mp_method_new(((Wrapper *)d)->f, (Obj *)t);
    if (IS(d, staticmethod)) return incref(((Wrapper *)d)->f);
    if (IS(d, property)) {
        if (!o) return incref(d);
        Property *p = (Property *)d;
        if (!p->get) return mp_err(&mp_exc_AttributeError, "property object has no getter");
        return mp_call1(p->get, o);
    }
    if (IS(d, builtin) && o && !((Builtin *)d)->self)
        return mp_builtin_new(((Builtin *)d)->name, ((Builtin *)d)->fn, mp_unwrap(o));
    return incref(d);
}

static Obj *type_getattr(Type *t, Obj *name)
{
    const char *s = SS(name);
    if (s[0] == '_' && s[1] == '_') {
        if (!strcmp(s, "__name__")) return t->nameobj ? incref(t->nameobj) : mp_str_c(t->name);
        if (!strcmp(s, "__qualname__")) return t->qualname ? incref(t->qualname) : mp_str_c(t->name);
        if (!strcmp(s, "__module__")) return t->module ? incref(t->module) : mp_str_c("builtins");
        if (!strcmp(s, "__bases__"))
            return t->bases ? incref(t->bases) : t->base ? mp_tuple_pack(1, (Obj *)t->base) : mp_tuple_new(0);
        if (!strcmp(s, "__base__")) return incref(t->base ? (Obj *)t->base : NONE);
        if (!strcmp(s, "__dict__")) return mp_dict_copy(t->dict);
        if (!strcmp(s, "__mro__")) return mp_type_mro(t);
        if (!strcmp(s, "__class__")) return incref((Obj *)&mp_type_type);
        if (!strcmp(s, "__doc__") && !mp_type_lookup(t, name)) return incref(NONE);
    }
    Obj *d = mp_type_lookup(t, name);
    if (d) return bind(d, NULL, t);
    return attr_error((Obj *)t, name);
}

static Obj *special_attr(Obj *o, Obj *name)
{
    const char *s = SS(name);
    Type *t = TYPE(o);
    if (!strcmp(s, "__class__")) return incref((Obj *)t);
    if (t == &mp_function_type) {
        Func *f = (Func *)o;
        if (!strcmp(s, "__name__")) return incref(f->name);
        if (!strcmp(s, "__qualname__")) return incref(f->qualname);
        if (!strcmp(s, "__defaults__")) return incref(f->defaults ? f->defaults : NONE);
        if (!strcmp(s, "__kwdefaults__")) return incref(f->kwdefaults ? f->kwdefaults : NONE);
        if (!strcmp(s, "__code__")) return incref((Obj *)f->code);
        if (!strcmp(s, "__globals__")) return incref(f->globals);
        if (!strcmp(s, "__closure__")) return incref(f->closure && TN(f->closure) ? f->closure : NONE);
        if (!strcmp(s, "__module__")) { Obj *m = mp_dict_get(f->globals, mp.s___name__); return incref(m ? m : NONE); }
        if (!strcmp(s, "__doc__")) return incref(NONE);
        if (!strcmp(s, "__dict__")) { if (!f->dict) f->dict = mp_dict_new(); return incref(f->dict); }
        if (f->dict) { Obj *v = mp_dict_get(f->dict, name); if (v) return incref(v); }
    } else if (t == &mp_cell_type) {
        if (!strcmp(s, "cell_contents")) {
            Obj *v = ((Cell *)o)->ref;
            if (!v) { mp_err(&mp_exc_ValueError, "Cell is empty"); return NULL; }
            return incref(v);
        }
    } else if (t == &mp_code_type) {
        Code *co = (Code *)o;
        if (!strcmp(s, "co_name")) return incref(co->name);
        if (!strcmp(s, "co_qualname")) return incref(co->qualname);
        if (!strcmp(s, "co_filename")) return incref(co->filename);
        if (!strcmp(s, "co_firstlineno")) return mp_int(co->firstline);
        if (!strcmp(s, "co_argcount")) return mp_int(co->argcount);
        if (!strcmp(s, "co_kwonlyargcount")) return mp_int(co->kwonlycount);
        if (!strcmp(s, "co_freevars")) return incref(co->freevars);
        if (!strcmp(s, "co_cellvars")) return incref(co->cellvars);
    } else if (t == &mp_method_type) {
        Method *m = (Method *)o;
        if (!strcmp(s, "__self__")) return incref(m->self);
        if (!strcmp(s, "__func__")) return incref(m->func);
        return mp_getattr(m->func, name);
    } else if (t == &mp_builtin_type) {
        if (!strcmp(s, "__name__")) return mp_str_c(((Builtin *)o)->name);
        if (!strcmp(s, "__self__")) return incref(((Builtin *)o)->self ? ((Builtin *)o)->self : NONE);
    } else if (t == &mp_int_type || t == &mp_bool_type) {
        if (!strcmp(s, "real") || !strcmp(s, "numerator")) return mp_pos(o);
        if (!strcmp(s, "imag")) return mp_int(0);
        if (!strcmp(s, "denominator")) return mp_int(1);
    } else if (t == &mp_float_type) {
        if (!strcmp(s, "real")) return incref(o);
        if (!strcmp(s, "imag")) return mp_float(0);
    } else if (t == &mp_complex_type) {
        if (!strcmp(s, "real")) return mp_float(((Complex *)o)->re);
        if (!strcmp(s, "imag")) return mp_float(((Complex *)o)->im);
    } else if (t == &mp_slice_type) {
        Slice *sl = (Slice *)o;
        if (!strcmp(s, "start")) return incref(sl->start);
        if (!strcmp(s, "stop")) return incref(sl->stop);
        if (!strcmp(s, "step")) return incref(sl->step);
    } else if (t == &mp_range_type) {
        Range *r = (Range *)o;
        if (!strcmp(s, "start")) return mp_int(r->start);
        if (!strcmp(s, "stop")) return mp_int(r->stop);
        if (!strcmp(s, "step")) return mp_int(r->step);
    } else if (t == &mp_generator_type) {
        if (!strcmp(s, "__name__")) return incref(((Gen *)o)->name);
    } else if (t == &mp_property_type) {
        Property *p = (Property *)o;
        if (!strcmp(s, "fget")) return incref(p->get ? p->get : NONE);
    }
    return NULL;
}

static Obj *exc_attr(Obj *o, Obj *name)
{
    Exc *e = (Exc *)o;
    const char *s = SS(name);
    if (!strcmp(s, "args")) return incref(e->args ? e->args : mp.empty_tuple);
    if (!strcmp(s, "__cause__")) return incref(e->cause ? e->cause : NONE);
    if (!strcmp(s, "__context__")) return incref(e->context ? e->context : NONE);
    if (!strcmp(s, "__traceback__")) return incref(NONE);
    if (!strcmp(s, "__suppress_context__")) return mp_bool(e->suppress);
    if (mp_isinstance(o, &mp_exc_StopIteration) && !strcmp(s, "value"))
        return incref(e->args && TN(e->args) ? TITEMS(e->args)[0] : NONE);
    if (mp_isinstance(o, &mp_exc_SystemExit) && !strcmp(s, "code"))
        return incref(e->args && TN(e->args) ? TITEMS(e->args)[0] : NONE);
    return NULL;
}

/* super(T, obj).name: the MRO of obj's class (of obj, if it is a class
 * and a subclass of T) searched after T. */
static Obj *super_lookup(Super *s, Obj *name)
{
    Type *start = IS(s->obj, type) && mp_is_subtype((Type *)s->obj, s->type) ? (Type *)s->obj : TYPE(s->obj);
    Obj *mro = mp_type_mro(start);
    int64_t i = 0;
    while (i < TN(mro) && TITEMS(mro)[i] != (Obj *)s->type) i++;
    Obj *v = NULL;
    for (i++; i < TN(mro) && !v; i++) {
        Type *u = (Type *)TITEMS(mro)[i];
        if (u->dict) v = mp_dict_get(u->dict, name);
    }
    decref(mro);
    return v;
}

static void mark_shadow(Type *t);
static void invalidate(Type *t);

Obj *mp_getattr(Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (t == &mp_type_type) return type_getattr((Type *)o, name);
    if (t == &mp_module_type) {
        Obj *v = mp_dict_get(((Module *)o)->dict, name);
        if (v) return incref(v);
        if (!strcmp(SS(name), "__dict__")) return incref(((Module *)o)->dict);
        return attr_error(o, name);
    }
    if (t->flags & (T_USER | T_EXC)) {
        Obj *d = mp_type_lookup(t, name);
        if (d && IS(d, property)) return bind(d, o, t);
        Obj *dict = ((Inst *)o)->dict;
        if (dict) {
            Obj *v = mp_dict_get(dict, name);
            if (v) return incref(v);
        }
        if (d) return bind(d, o, t);
        if (mp_is_subtype(t, &mp_exc_BaseException)) {
            Obj *v = exc_attr(o, name);
            if (v) return v;
        }
        if (!strcmp(SS(name), "__class__")) return incref((Obj *)t);
        if (!strcmp(SS(name), "__dict__")) {
            /* the dict can now change behind mp_setattr: instance
             * attributes may shadow methods (see mark_shadow) */
            mark_shadow(t);
            if (!dict) dict = ((Inst *)o)->dict = mp_dict_new();
            return incref(dict);
        }
        if (t->valbase && ((Inst *)o)->value) {     /* the built-in value's data attributes: z.real... */
            Obj *v = special_attr(((Inst *)o)->value, name);
            if (v || mp.exc) return v;
        }
        Obj *ga = mp_special(o, mp.s___getattr__);
        if (ga) return mp_call2(ga, o, name);
        return attr_error(o, name);
    }
    if (t == &mp_super_type) {
        Super *s = (Super *)o;
        Obj *v = super_lookup(s, name);
        if (v) {
            if (IS(v, function)) return mp_method_new(v, s->obj);
            if (IS(v, classmethod)) return mp_method_new(((Wrapper *)v)->f, IS(s->obj, type) ? s->obj : (Obj *)TYPE(s->obj));
            if (IS(v, property)) return mp_call1(((Property *)v)->get, s->obj);
            return bind(v, s->obj, TYPE(s->obj));
        }
        return mp_err(&mp_exc_AttributeError, "'super' object has no attribute '%s'", SS(name));
    }
    Obj *d = mp_type_lookup(t, name);
    if (d) return bind(d, o, t);
    Obj *v = special_attr(o, name);
    if (v || mp.exc) return v;
    return attr_error(o, name);
}

Obj *mp_getattr_s(Obj *o, const char *name)
{
    Obj *n = mp_str_intern(name);
    return mp_getattr(o, n);
}

/* T_SHADOW: an instance of t may hold an attribute that shadows a method
 * of its class, so a method lookup must look at the instance dict first
 * (without the flag it need not: LOAD_METHOD_FUNC and load_method in
 * ceval.c).  Set on a store of such an attribute, when a method is added to
 * the class, and whenever an instance's __dict__ is handed out; the version
 * change drops what was specialized or compiled without the check. */
static void mark_shadow(Type *t)
{
    if (t->flags & T_SHADOW) return;
    t->flags |= T_SHADOW;
    invalidate(t);
}

static void invalidate(Type *t)
{
    t->version = ++mp.next_type_version;
    mp_jit_type_changed(t);
    for (int64_t i = 0; i < LN(mp.all_types); i++) {
        Type *u = (Type *)LITEMS(mp.all_types)[i];
        if (u != t && mp_is_subtype(u, t)) { u->version = ++mp.next_type_version; mp_jit_type_changed(u); }
    }
}

static int user_setattr(Obj *o, Obj *name, Obj *v);
static int builtin_setattr(Obj *o, Obj *name, Obj *v);

int mp_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    if (t->flags & T_SETATTR) {
        /* a user class's __setattr__ / __delattr__ (object's own is the
         * default below) */
        Obj *m = mp_special(o, v ? mp.s___setattr__ : mp.s___delattr__);
        if (m) {
            Obj *args[3] = { o, name, v };
            Obj *r = mp_call(m, args, v ? 3 : 2, NULL);
            if (!r) return -1;
            decref(r);
            return 0;
        }
    }
    return mp_object_setattr(o, name, v);
}

/* object.__setattr__(o, name, v) (v NULL: __delattr__): the default,
 * without the class's own __setattr__. */
int mp_object_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    if (t->flags & (T_USER | T_EXC)) return user_setattr(o, name, v);
    return builtin_setattr(o, name, v);
}

static int user_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    Obj *d = mp_type_lookup(t, name);
    if (d && IS(d, property)) {
        Property *p = (Property *)d;
        Obj *fn = v ? p->set : p->del;
        if (!fn) { mp_err(&mp_exc_AttributeError, v ? "can't set attribute" : "can't delete attribute"); return -1; }
        Obj *r = v ? mp_call2(fn, o, v) : mp_call1(fn, o);
        if (!r) return -1;
        decref(r);
        return 0;
    }
    if (mp_is_subtype(t, &mp_exc_BaseException) && !strcmp(SS(name), "args") && v) {
        Exc *e = (Exc *)o;
        Obj *tu = mp_tuple_of(v);
        if (!tu) return -1;
        xdecref(e->args); e->args = tu;
        return 0;
    }
    if (mp_is_subtype(t, &mp_exc_BaseException) && !strcmp(SS(name), "__cause__")) {
        Exc *e = (Exc *)o;
        xdecref(e->cause); e->cause = v && v != NONE ? incref(v) : NULL; e->suppress = 1;
        return 0;
    }
    Inst *in = (Inst *)o;
    if (!in->dict) in->dict = mp_dict_new();
    if (d && (IS(d, function) || IS(d, builtin) || IS(d, classmethod) || IS(d, staticmethod)))
        mark_shadow(t);
    if (v) return mp_dict_set(in->dict, name, v);
    int r = mp_dict_del(in->dict, name);
    if (r > 0) { attr_error(o, name); return -1; }
    return r;
}

static int builtin_setattr(Obj *o, Obj *name, Obj *v)
{
    Type *t = TYPE(o);
    if (t == &mp_type_type) {
        Type *ty = (Type *)o;
        if (!(ty->flags & T_USER)) {
            mp_err(&mp_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", SS(name), ty->name);
            return -1;
        }
        invalidate(ty);
        if (v && (IS(v, function) || IS(v, builtin) || IS(v, classmethod) || IS(v, staticmethod))) {
            /* instances may already hold an attribute of that name: be conservative */
            for (int64_t i = 0; i < LN(mp.all_types); i++) {
                Type *u = (Type *)LITEMS(mp.all_types)[i];
                if (mp_is_subtype(u, ty)) u->flags |= T_SHADOW;
            }
        }
        if (name == mp.s___del__ || mp_str_eq(name, mp.s___del__)
            || mp_str_eq(name, mp.s___setattr__) || mp_str_eq(name, mp.s___delattr__)) {
            int r = v ? mp_dict_set(ty->dict, name, v) : mp_dict_del(ty->dict, name);
            mp_type_update_flags(ty);
            if (r > 0) { attr_error(o, name); return -1; }
            return r;
        }
        if (v && IS_STR(v) && !strcmp(SS(name), "__name__")) { ty->name = strdup(SS(v)); ty->nameobj = incref(v); return 0; }
        if (v && IS_STR(v) && !strcmp(SS(name), "__qualname__")) { ty->qualname = incref(v); return 0; }
        if (v) return mp_dict_set(ty->dict, name, v);
        int r = mp_dict_del(ty->dict, name);
        if (r > 0) { attr_error(o, name); return -1; }
        return r;
    }
    if (t == &mp_module_type) {
        if (v) return mp_dict_set(((Module *)o)->dict, name, v);
        return mp_dict_del(((Module *)o)->dict, name) ? -1 : 0;
    }
    if (t == &mp_function_type) {
        Func *f = (Func *)o;
        if (!strcmp(SS(name), "__defaults__") || !strcmp(SS(name), "__kwdefaults__")) {
            Obj **slot = SS(name)[2] == 'd' ? &f->defaults : &f->kwdefaults;
            int dfl = slot == &f->defaults;
            if (v && v != NONE && !(dfl ? IS(v, tuple) : IS(v, dict))) {
                mp_err(&mp_exc_TypeError, "%s must be set to a %s object", SS(name), dfl ? "tuple" : "dict");
                return -1;
            }
            xdecref(*slot);
            *slot = v && v != NONE ? incref(v) : NULL;
            f->version = ++mp.next_type_version;
            return 0;
        }
        if (!strcmp(SS(name), "__code__")) {
            /* The function's next calls run the new code (a running frame
             * keeps its own); the free variables must agree, as the
             * closure cannot change. */
            if (!v || !IS(v, code)) {
                mp_err(&mp_exc_TypeError, "__code__ must be set to a code object");
                return -1;
            }
            Code *nc = (Code *)v;
            int have = f->closure ? (int)TN(f->closure) : 0;
            if (nc->nfree != have) {
                mp_err(&mp_exc_ValueError, "%s() requires a code object with %d free vars, not %d",
                       SS(f->name), have, nc->nfree);
                return -1;
            }
            Obj *old = (Obj *)f->code;
            f->code = (Code *)incref(v);
            decref(old);
            f->version = ++mp.next_type_version;
            mp_jit_func_changed(f);
            return 0;
        }
        if (!strcmp(SS(name), "__name__") && v && IS_STR(v)) { decref(f->name); f->name = incref(v); return 0; }
        if (!strcmp(SS(name), "__qualname__") && v && IS_STR(v)) { decref(f->qualname); f->qualname = incref(v); return 0; }
        if (!f->dict) f->dict = mp_dict_new();
        if (v) return mp_dict_set(f->dict, name, v);
        return mp_dict_del(f->dict, name) ? -1 : 0;
    }
    if (t == &mp_cell_type && !strcmp(SS(name), "cell_contents")) {
        /* assigned, or emptied by del (a later read raises NameError) */
        Cell *c = (Cell *)o;
        Obj *old = c->ref;
        c->ref = v ? incref(v) : NULL;
        xdecref(old);
        return 0;
    }
    if (mp_type_lookup(t, name))
        mp_err(&mp_exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, SS(name));
    else attr_error(o, name);
    return -1;
}

Obj *mp_getitem(Obj *o, Obj *k)
{
    Type *t = TYPE(o);
    if (t == &mp_list_type) return mp_list_getitem(o, k);
    if (t == &mp_dict_type) {
        Obj *v = mp_dict_get(o, k);
        if (v) return incref(v);
        if (mp.exc) return NULL;
        return mp_err_obj(&mp_exc_KeyError, k);
    }
    if (t == &mp_tuple_type) return mp_tuple_getitem(o, k);
    if (t == &mp_str_type) return mp_str_getitem(o, k);
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___getitem__);
        if (m) return mp_call2(m, o, k);
        Obj *u = mp_unwrap(o);
        if (u != o && IS(u, dict)) {   /* dict subclass: __missing__ */
            Obj *v = mp_dict_get(u, k);
            if (v) return incref(v);
            if (mp.exc) return NULL;
            Obj *miss = mp_special(o, mp.s___missing__);
            if (miss) return mp_call2(miss, o, k);
            return mp_err_obj(&mp_exc_KeyError, k);
        }
        if (u != o) return mp_getitem(u, k);
    }
    if (t == &mp_range_type) {
        Range *r = (Range *)o;
        int64_t n = range_len(r);
        if (n < 0) n = 0;
        if (IS(k, slice)) {
            int64_t a, b, c;
            if (mp_slice_indices(k, n, &a, &b, &c) < 0) return NULL;
            return range_slice(r, a, b, c);
        }
        int ok;
        int64_t i = mp_index(k, &ok);
        if (!ok) return NULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return mp_err(&mp_exc_IndexError, "range object index out of range");
        return mp_int(r->start + i * r->step);
    }
    if (t == &mp_bytes_type || t == &mp_bytearray_type) {
        unsigned char *s = t == &mp_bytes_type ? ((Bytes *)o)->s : ((ByteArray *)o)->s;
        int64_t n = t == &mp_bytes_type ? ((Bytes *)o)->len : ((ByteArray *)o)->n;
        if (IS(k, slice)) {
            int64_t a, b, c;
            if (mp_slice_indices(k, n, &a, &b, &c) < 0) return NULL;
            SB sb = {0};
            for (int64_t i = a; c > 0 ? i < b : i > b; i += c) sb_addc(&sb, (char)s[i]);
            Obj *r = mp_bytes_new((unsigned char *)sb.s, sb.n);
            sb_free(&sb);
            return r;
        }
        int ok;
        int64_t i = mp_index(k, &ok);
        if (!ok) return NULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return mp_err(&mp_exc_IndexError, "index out of range");
        return mp_int(s[i]);
    }
    if (t == &mp_array_type) {
        Array *a = (Array *)o;
        Obj *l = mp_list_new(0);
        mp_items_free(((List *)l)->items, ((List *)l)->cap);
        ((List *)l)->items = a->items; ((List *)l)->n = a->n;
        Obj *r = mp_list_getitem(l, k);
        ((List *)l)->items = NULL; ((List *)l)->n = 0;
        decref(l);
        return r;
    }
    if (t == &mp_type_type) return incref(o);   /* list[int] etc. in annotations */
    return mp_err(&mp_exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int mp_setitem(Obj *o, Obj *k, Obj *v)
{
    Type *t = TYPE(o);
    if (t == &mp_list_type) return mp_list_setitem(o, k, v);
    if (t == &mp_dict_type) {
        if (v) return mp_dict_set(o, k, v);
        int r = mp_dict_del(o, k);
        if (r > 0) { mp_err_obj(&mp_exc_KeyError, k); return -1; }
        return r;
    }
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, v ? mp.s___setitem__ : mp.s___delitem__);
        if (m) {
            Obj *r = v ? mp_call(m, (Obj *[]){ o, k, v }, 3, NULL) : mp_call2(m, o, k);
            if (!r) return -1;
            decref(r);
            return 0;
        }
        if (mp_unwrap(o) != o) return mp_setitem(mp_unwrap(o), k, v);
    }
    if (t == &mp_bytearray_type && v) {
        ByteArray *b = (ByteArray *)o;
        int ok;
        int64_t i = mp_index(k, &ok);
        if (!ok) return -1;
        if (i < 0) i += b->n;
        if (i < 0 || i >= b->n) { mp_err(&mp_exc_IndexError, "bytearray index out of range"); return -1; }
        int64_t x = mp_index(v, &ok);
        if (!ok) return -1;
        if (x < 0 || x > 255) { mp_err(&mp_exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        b->s[i] = (unsigned char)x;
        return 0;
    }
    if (t == &mp_array_type && v) {
        Array *a = (Array *)o;
        int ok;
        int64_t i = mp_index(k, &ok);
        if (!ok) return -1;
        if (i < 0) i += a->n;
        if (i < 0 || i >= a->n) { mp_err(&mp_exc_IndexError, "array assignment index out of range"); return -1; }
        Obj *old = a->items[i];
        a->items[i] = incref(v);
        decref(old);
        return 0;
    }
    if (v) mp_err(&mp_exc_TypeError, "'%s' object does not support item assignment", t->name);
    else mp_err(&mp_exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int64_t mp_len(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_str_type) return ((Str *)o)->clen;
    if (t == &mp_list_type) return LN(o);
    if (t == &mp_tuple_type) return TN(o);
    if (t == &mp_dict_type) return ((Dict *)o)->used;
    if (t == &mp_set_type || t == &mp_frozenset_type) return ((Set *)o)->used;
    if (t == &mp_bytes_type) return ((Bytes *)o)->len;
    if (t == &mp_bytearray_type) return ((ByteArray *)o)->n;
    if (t == &mp_array_type) return ((Array *)o)->n;
    if (t == &mp_dict_keys_type || t == &mp_dict_values_type || t == &mp_dict_items_type)
        return ((Dict *)((SeqIter *)o)->seq)->used;
    if (t == &mp_range_type) {
        __int128 n = range_len128((Range *)o);
        if (n > INT64_MAX) { mp_err(&mp_exc_OverflowError, "Python int too large to convert to C ssize_t"); return -1; }
        return (int64_t)n;
    }
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___len__);
        if (m) {
            Obj *r = mp_call1(m, o);
            if (!r) return -1;
            if (!IS_INT(r)) { mp_err(&mp_exc_TypeError, "'%s' object cannot be interpreted as an integer", mp_type_name(r)); decref(r); return -1; }
            int64_t n = IV(r);
            decref(r);
            if (n < 0) { mp_err(&mp_exc_ValueError, "__len__() should return >= 0"); return -1; }
            return n;
        }
        if (mp_unwrap(o) != o) return mp_len(mp_unwrap(o));
    }
    mp_err(&mp_exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

static Obj *seq_iter(Type *t, Obj *seq, int kind)
{
    SeqIter *it = mp_alloc(t, sizeof(SeqIter));
    it->seq = incref(seq); it->i = 0; it->kind = kind;
    return (Obj *)it;
}

Obj *mp_iter(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_list_type) return seq_iter(&mp_list_iterator_type, o, 0);
    if (t == &mp_tuple_type) return seq_iter(&mp_tuple_iterator_type, o, 0);
    if (t == &mp_range_type) {
        Range *r = (Range *)o;
        RangeIter *it = mp_alloc(&mp_range_iterator_type, sizeof(RangeIter));
        it->i = r->start; it->stop = r->stop; it->step = r->step;
        return (Obj *)it;
    }
    if (t == &mp_str_type) return seq_iter(&mp_str_iterator_type, o, 0);
    if (t == &mp_dict_type) return mp_dict_iter(o, 0);
    if (t == &mp_dict_keys_type) return mp_dict_iter(((SeqIter *)o)->seq, 0);
    if (t == &mp_dict_values_type) return mp_dict_iter(((SeqIter *)o)->seq, 1);
    if (t == &mp_dict_items_type) return mp_dict_iter(((SeqIter *)o)->seq, 2);
    if (t == &mp_set_type || t == &mp_frozenset_type) {
        SeqIter *it = (SeqIter *)seq_iter(&mp_set_iterator_type, o, 0);
        it->n0 = ((Set *)o)->used;
        return (Obj *)it;
    }
    if (t == &mp_bytes_type || t == &mp_bytearray_type) return seq_iter(&mp_bytes_iterator_type, o, 0);
    if (t == &mp_array_type) return seq_iter(&mp_tuple_iterator_type, o, 1);
    if (t == &mp_generator_type || t == &mp_list_iterator_type || t == &mp_tuple_iterator_type ||
        t == &mp_range_iterator_type || t == &mp_str_iterator_type || t == &mp_dict_keyiterator_type ||
        t == &mp_dict_valueiterator_type || t == &mp_dict_itemiterator_type || t == &mp_set_iterator_type ||
        t == &mp_bytes_iterator_type || t == &mp_callable_iterator_type)
        return incref(o);
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___iter__);
        if (m) {
            Obj *r = mp_call1(m, o);
            if (r && !(TYPE(r)->flags & T_USER ? mp_special(r, mp.s___next__) != NULL : 1)) {
                mp_err(&mp_exc_TypeError, "iter() returned non-iterator of type '%s'", mp_type_name(r));
                decref(r);
                return NULL;
            }
            return r;
        }
        if (mp_special(o, mp.s___getitem__)) return seq_iter(&mp_callable_iterator_type, o, 1);
        if (mp_unwrap(o) != o) return mp_iter(mp_unwrap(o));
    }
    return mp_err(&mp_exc_TypeError, "'%s' object is not iterable", t->name);
}

Obj *mp_next(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &mp_list_iterator_type) {
        SeqIter *it = (SeqIter *)o;
        if (it->seq && it->i < LN(it->seq)) return incref(LITEMS(it->seq)[it->i++]);
        return NULL;
    }
    if (t == &mp_range_iterator_type) {
        RangeIter *r = (RangeIter *)o;
        if (r->step > 0 ? r->i >= r->stop : r->i <= r->stop) return NULL;
        Obj *v = mp_int(r->i);
        if (__builtin_add_overflow(r->i, r->step, &r->i)) r->i = r->stop;   /* exhausted */
        return v;
    }
    if (t == &mp_tuple_iterator_type) {
        SeqIter *it = (SeqIter *)o;
        if (it->kind == 1) {
            Array *a = (Array *)it->seq;
            if (it->i < a->n) return incref(a->items[it->i++]);
            return NULL;
        }
        if (it->i < TN(it->seq)) return incref(TITEMS(it->seq)[it->i++]);
        return NULL;
    }
    if (t == &mp_generator_type) return mp_gen_send((Gen *)o, NONE);
    if (t == &mp_str_iterator_type) return mp_str_iter_next((SeqIter *)o);
    if (t == &mp_dict_keyiterator_type || t == &mp_dict_valueiterator_type || t == &mp_dict_itemiterator_type)
        return mp_dict_iter_next((SeqIter *)o);
    if (t == &mp_set_iterator_type) return mp_set_iter_next((SeqIter *)o);
    if (t == &mp_bytes_iterator_type) {
        SeqIter *it = (SeqIter *)o;
        Obj *s = it->seq;
        int64_t n = IS(s, bytes) ? ((Bytes *)s)->len : ((ByteArray *)s)->n;
        unsigned char *p = IS(s, bytes) ? ((Bytes *)s)->s : ((ByteArray *)s)->s;
        if (it->i < n) return mp_int(p[it->i++]);
        return NULL;
    }
    if (t == &mp_callable_iterator_type) {
        SeqIter *it = (SeqIter *)o;
        Obj *k = mp_int(it->i++);
        Obj *v = mp_getitem(it->seq, k);
        decref(k);
        if (!v && (mp_err_matches(&mp_exc_IndexError) || mp_err_matches(&mp_exc_StopIteration))) mp_err_clear();
        return v;
    }
    if (t->flags & T_USER) {
        Obj *m = mp_special(o, mp.s___next__);
        if (m) {
            Obj *r = mp_call1(m, o);
            if (!r && mp_err_matches(&mp_exc_StopIteration)) mp_err_clear();
            return r;
        }
    }
    return mp_err(&mp_exc_TypeError, "'%s' object is not an iterator", t->name);
}

int mp_contains(Obj *c, Obj *v)
{
    Type *t = TYPE(c);
    if (t == &mp_dict_type || t == &mp_dict_keys_type) {
        Obj *d = t == &mp_dict_type ? c : ((SeqIter *)c)->seq;
        Obj *r = mp_dict_get(d, v);
        if (!r && mp.exc) return -1;
        return r != NULL;
    }
    if (t == &mp_set_type || t == &mp_frozenset_type) return mp_set_contains(c, v);
    if (t == &mp_str_type) {
        if (!IS_STR(v)) { mp_err(&mp_exc_TypeError, "'in <string>' requires string as left operand, not %s", mp_type_name(v)); return -1; }
        return mp_str_contains(c, v);
    }
    if (t == &mp_list_type || t == &mp_tuple_type) {
        int64_t n = t == &mp_list_type ? LN(c) : TN(c);
        for (int64_t i = 0; i < n; i++) {
            Obj *x = t == &mp_list_type ? LITEMS(c)[i] : TITEMS(c)[i];
            int e = mp_eq(x, v);
            if (e) return e;
            n = t == &mp_list_type ? LN(c) : TN(c);
        }
        return 0;
    }
    if (t == &mp_bytes_type || t == &mp_bytearray_type) {
        const unsigned char *p = t == &mp_bytes_type ? ((Bytes *)c)->s : ((ByteArray *)c)->s;
        int64_t n = t == &mp_bytes_type ? ((Bytes *)c)->len : ((ByteArray *)c)->n;
        if (IS_INT(v)) { for (int64_t i = 0; i < n; i++) if (p[i] == IV(v)) return 1; return 0; }
        if (IS(v, bytes)) {
            Bytes *b = (Bytes *)v;
            if (b->len == 0) return 1;
            for (int64_t i = 0; i + b->len <= n; i++) if (!memcmp(p + i, b->s, b->len)) return 1;
            return 0;
        }
    }
    if (t == &mp_range_type && IS_INT(v) && SMALL(v)) {
        Range *r = (Range *)c;
        int64_t x = IV(v);
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
        return (x - r->start) % r->step == 0;
    }
    if (t->flags & T_USER) {
        Obj *m = mp_special(c, mp.s___contains__);
        if (m) {
            Obj *r = mp_call2(m, c, v);
            if (!r) return -1;
            int b = mp_truthy(r);
            decref(r);
            return b;
        }
        if (mp_unwrap(c) != c) return mp_contains(mp_unwrap(c), v);
    }
    Obj *it = mp_iter(c);
    if (!it) {
        if (mp_err_matches(&mp_exc_TypeError)) {
            mp_err_clear();
            mp_err(&mp_exc_TypeError, "argument of type '%s' is not iterable", t->name);
        }
        return -1;
    }
    Obj *x;
    int found = 0;
    while ((x = mp_next(it))) {
        int e = mp_eq(x, v);
        decref(x);
        if (e) { found = e; break; }
    }
    decref(it);
    if (!found && mp.exc) return -1;
    return found;
}

Obj *mp_instance_new(Type *t)
{
    size_t sz = mp_is_subtype(t, &mp_exc_BaseException) ? sizeof(Exc) : sizeof(Inst);
    Inst *o = mp_alloc(t, sz);
    incref((Obj *)t);
    if (!t->nslots) o->dict = mp_dict_new();
    return (Obj *)o;
}

/* object.__new__(t, ...) and the __new__ of the built-in classes user
 * classes may derive from: a user class's instance, carrying a value of its
 * built-in base (empty for list, dict and set, whose __init__ fills it;
 * built from the arguments for the immutable ones). */
Obj *mp_new_instance(Type *t, Obj **args, int n, Obj *kw)
{
    if (!(t->flags & T_USER)) {
        if (t->tp_new) return t->tp_new(args, n, kw);
        if (t->flags & T_EXC) return mp_instance_new(t);
        return mp_err(&mp_exc_TypeError, "cannot create '%s' instances", t->name);
    }
    Obj *o = mp_instance_new(t);
    Type *vb = t->valbase;
    if (vb) {
        int mutable = vb == &mp_list_type || vb == &mp_dict_type || vb == &mp_set_type;
        Obj *v = mutable ? vb->tp_new(NULL, 0, NULL) : vb->tp_new(args, n, kw);
        if (!v) { decref(o); return NULL; }
        ((Inst *)o)->value = v;
    }
    return o;
}

Obj *mp_generic_new_fn(Obj **args, int n, Obj *kw)
{
    if (n < 1) return mp_err(&mp_exc_TypeError, "__new__(): not enough arguments");
    if (!IS(args[0], type)) return mp_err(&mp_exc_TypeError, "__new__(X): X is not a type object (%s)", mp_type_name(args[0]));
    return mp_new_instance((Type *)args[0], args + 1, n - 1, kw);
}

static Obj *type_call(Type *t, Obj **args, int n, Obj *kw)
{
    if (t == &mp_type_type) {
        if (n == 1 && !kw) return incref((Obj *)TYPE(args[0]));
        if (n == 3) return mp_type_new(args[0], args[1], args[2]);
        return mp_err(&mp_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!(t->flags & T_USER) && t->tp_new && t != &mp_object_type) return t->tp_new(args, n, kw);
    Obj *o;
    Obj *newf = (t->flags & T_USER) ? mp_type_lookup(t, mp.s___new__) : NULL;
    if (newf && IS(newf, staticmethod) && IS(((Wrapper *)newf)->f, builtin) &&
        ((Builtin *)((Wrapper *)newf)->f)->fn == mp_generic_new_fn)
        newf = NULL;    /* object.__new__, int.__new__...: done here */
    if (newf && IS(newf, staticmethod)) {
        Obj *v[16];
        if (n > 15) return mp_err(&mp_exc_TypeError, "too many arguments");
        v[0] = (Obj *)t;
        memcpy(v + 1, args, sizeof(Obj *) * n);
        o = mp_call(((Wrapper *)newf)->f, v, n + 1, kw);
        if (!o || !mp_isinstance(o, t)) return o;
    } else if (!(o = mp_new_instance(t, args, n, kw))) return NULL;
    if (mp_is_subtype(t, &mp_exc_BaseException)) {
        Exc *e = (Exc *)o;
        int np = n - (kw ? (int)TN(kw) : 0);
        if (!e->args) {
            e->args = mp_tuple_new(np);
            for (int i = 0; i < np; i++) TITEMS(e->args)[i] = incref(args[i]);
        }
    }
    Obj *init = mp_type_lookup(t, mp.s___init__);
    if (init && (IS(init, function) || IS(init, builtin))) {
        Obj *v[16], **vp = v;
        if (n + 1 > 16) vp = malloc(sizeof(Obj *) * (n + 1));
        vp[0] = o;
        memcpy(vp + 1, args, sizeof(Obj *) * n);
        Obj *r = mp_call(init, vp, n + 1, kw);
        if (vp != v) free(vp);
        if (!r) { decref(o); return NULL; }
        if (r != NONE) {
            mp_err(&mp_exc_TypeError, "__init__() should return None, not '%s'", mp_type_name(r));
            decref(r); decref(o);
            return NULL;
        }
        decref(r);
    } else if (n && !mp_is_subtype(t, &mp_exc_BaseException) && !newf && !t->valbase) {
        decref(o);
        return mp_err(&mp_exc_TypeError, "%s() takes no arguments", t->name);
    }
    return o;
}

Obj *mp_call(Obj *f, Obj **args, int n, Obj *kw)
{
    Type *t = TYPE(f);
    if (t == &mp_function_type) return mp_func_call((Func *)f, args, n, kw);
    if (t == &mp_builtin_type) {
        Builtin *b = (Builtin *)f;
        if (!b->self) return b->fn(args, n, kw);
        Obj *v[16], **vp = v;
        if (n + 1 > 16) vp = malloc(sizeof(Obj *) * (n + 1));
        vp[0] = b->self;
        memcpy(vp + 1, args, sizeof(Obj *) * n);
        Obj *r = b->fn(vp, n + 1, kw);
        if (vp != v) free(vp);
        return r;
    }
    if (t == &mp_method_type) {
        Method *m = (Method *)f;
        Obj *v[16], **vp = v;
        if (n + 1 > 16) vp = malloc(sizeof(Obj *) * (n + 1));
        vp[0] = m->self;
        memcpy(vp + 1, args, sizeof(Obj *) * n);
        Obj *r = mp_call(m->func, vp, n + 1, kw);
        if (vp != v) free(vp);
        return r;
    }
    if (t == &mp_type_type) return type_call((Type *)f, args, n, kw);
    if (t == &mp_staticmethod_type) return mp_call(((Wrapper *)f)->f, args, n, kw);
    if (t->flags & T_USER) {
        Obj *m = mp_special(f, mp.s___call__);
        if (m) {
            Obj *v[16], **vp = v;
            if (n + 1 > 16) vp = malloc(sizeof(Obj *) * (n + 1));
            vp[0] = f;
            memcpy(vp + 1, args, sizeof(Obj *) * n);
            Obj *r = mp_call(m, vp, n + 1, kw);
            if (vp != v) free(vp);
            return r;
        }
    }
    return mp_err(&mp_exc_TypeError, "'%s' object is not callable", t->name);
}

/* The C3 linearization of a class with bases `bases`: the class itself,
 * then the merge of the bases' MROs and the list of bases.  NULL (TypeError,
 * CPython's message) when no consistent order exists. */
static Obj *c3_mro(Type *t, Obj *bases)
{
    int64_t nb = TN(bases), nl = nb + 1;
    Obj **seqs = malloc(sizeof(Obj *) * nl);
    int64_t *pos = calloc(nl, sizeof(int64_t));
    for (int64_t i = 0; i < nb; i++) seqs[i] = mp_type_mro((Type *)TITEMS(bases)[i]);
    seqs[nb] = incref(bases);
    Obj *out = mp_list_new(0);
    mp_list_append(out, (Obj *)t);
    for (;;) {
        Obj *cand = NULL;
        int any = 0;
        for (int64_t i = 0; i < nl && !cand; i++) {
            if (pos[i] >= TN(seqs[i])) continue;
            any = 1;
            Obj *c = TITEMS(seqs[i])[pos[i]];
            int in_tail = 0;
            for (int64_t j = 0; j < nl && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < TN(seqs[j]); k++)
                    if (TITEMS(seqs[j])[k] == c) { in_tail = 1; break; }
            if (!in_tail) cand = c;
        }
        if (!any) break;
        if (!cand) {
            SB b = {0};
            for (int64_t i = 0; i < nb; i++) {
                if (i) sb_adds(&b, ", ");
                sb_adds(&b, ((Type *)TITEMS(bases)[i])->name);
            }
            Obj *names = sb_finish(&b);
            mp_err(&mp_exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                   SS(names));
            decref(names);
            decref(out); out = NULL;
            break;
        }
        mp_list_append(out, cand);
        for (int64_t i = 0; i < nl; i++)
            if (pos[i] < TN(seqs[i]) && TITEMS(seqs[i])[pos[i]] == cand) pos[i]++;
    }
    for (int64_t i = 0; i < nl; i++) decref(seqs[i]);
    free(seqs); free(pos);
    if (!out) return NULL;
    Obj *r = mp_tuple_of(out);
    decref(out);
    return r;
}

/* The built-in class whose instance layout a class inherits (object,
 * BaseException...): the first non-user class of its MRO that is not a
 * user class. */
static Type *solid_base(Type *t)
{
    while (t && (t->flags & T_USER)) t = t->base;
    if (t && (t->flags & T_EXC)) return &mp_exc_BaseException;
    return t ? t : &mp_object_type;
}

Obj *mp_type_new(Obj *name, Obj *bases, Obj *dict)
{
    if (!IS_STR(name) || !IS(bases, tuple) || !IS(dict, dict))
        return mp_err(&mp_exc_TypeError, "type() argument types");
    Type *base = &mp_object_type;
    for (int64_t i = 0; i < TN(bases); i++) {
        Obj *b = TITEMS(bases)[i];
        if (!IS(b, type)) return mp_err(&mp_exc_TypeError, "bases must be types");
        Type *bt = (Type *)b;
        if (!(bt->flags & (T_USER | T_EXC | T_BASE)))
            return mp_err(&mp_exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
        for (int64_t j = 0; j < i; j++)
            if (TITEMS(bases)[j] == b) return mp_err(&mp_exc_TypeError, "duplicate base class %s", bt->name);
    }
    /* the best base: the one with the most derived layout */
    for (int64_t i = 0; i < TN(bases); i++) {
        Type *bt = (Type *)TITEMS(bases)[i], *sb = solid_base(bt), *cur = solid_base(base);
        if (i == 0 || (cur == &mp_object_type && sb != &mp_object_type)) base = bt;
        else if (sb != &mp_object_type && sb != cur && !mp_is_subtype(cur, sb))
            return mp_err(&mp_exc_TypeError, "multiple bases have instance lay-out conflict");
    }
    Type *t = mp_alloc(&mp_type_type, sizeof(Type));
    t->hd.rc = MP_IMMORTAL;
    t->name = strdup(SS(name));
    t->nameobj = incref(name);
    t->base = base;
    t->dict = mp_dict_copy(dict);
    Type *sb = solid_base(base);
    t->valbase = sb->tp_new && (sb->flags & T_BASE) && sb != &mp_object_type && !(sb->flags & T_EXC) ? sb : NULL;
    Obj *nf = mp_dict_get(t->dict, mp.s___new__);
    if (nf && IS(nf, function)) {   /* __new__ is a static method implicitly */
        Wrapper *w = mp_alloc(&mp_staticmethod_type, sizeof(Wrapper));
        w->f = incref(nf);
        mp_dict_set(t->dict, mp.s___new__, (Obj *)w);
        decref((Obj *)w);
    }
    t->flags = T_USER | T_GC | (base->flags & T_EXC);
    t->bases = TN(bases) ? incref(bases) : mp_tuple_pack(1, (Obj *)&mp_object_type);
    t->mro = c3_mro(t, t->bases);
    if (!t->mro) {
        /* no consistent MRO: no class; free what was built */
        decref(t->bases); decref(t->dict); decref(t->nameobj); free((char *)t->name);
        xdecref(t->qualname); xdecref(t->module);
        mp_free((Obj *)t);
        return NULL;
    }
    t->version = ++mp.next_type_version;
    Obj *q = mp_dict_get(dict, mp.s___qualname__);
    t->qualname = incref(q ? q : name);
    Obj *m = mp_dict_get(dict, mp.s___module__);
    t->module = m ? incref(m) : NULL;
    if (mp_dict_get(dict, mp.s___slots__)) t->nslots = 0;   /* __slots__ accepted; instances keep a dict */
    int64_t pos = 0;
    Obj *k, *v;
    while (mp_dict_next(t->dict, &pos, &k, &v)) {
        Obj *fn = v;
        if (IS(v, staticmethod) || IS(v, classmethod)) fn = ((Wrapper *)v)->f;
        if (IS(v, property)) fn = ((Property *)v)->get;
        if (fn && IS(fn, function) && !((Func *)fn)->klass) ((Func *)fn)->klass = t;
        if (IS(v, property) && ((Property *)v)->set && IS(((Property *)v)->set, function))
            ((Func *)((Property *)v)->set)->klass = t;
    }
    mp_list_append(mp.all_types, (Obj *)t);
    mp_type_update_flags(t);
    return (Obj *)t;
}
