/* func.c -- the static built-in type objects and singletons, functions,
 * bound methods, cells, modules, built-in function objects and argument
 * helpers; exceptions (creation, matching) and traceback printing. */
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "opcodes.h"

#define DEF_TYPE(id, nm) Type mp_##id##_type = { .hd = OBJ_HEAD(&mp_type_type), .name = nm };
MP_TYPES(DEF_TYPE)
#undef DEF_TYPE

#define mp_exc_object mp_object_type
#define DEF_EXC(id, nm, b) Type mp_exc_##id = { .hd = OBJ_HEAD(&mp_type_type), .name = #nm, \
    .base = &mp_exc_##b, .flags = T_EXC | T_BASE | T_GC };
MP_EXCEPTIONS(DEF_EXC)
#undef DEF_EXC

Obj mp_none = OBJ_HEAD(&mp_none_type);
Obj mp_notimpl = OBJ_HEAD(&mp_notimpl_type);
Obj mp_ellipsis = OBJ_HEAD(&mp_ellipsis_type);
Int mp_true = { OBJ_HEAD(&mp_bool_type), 0, 1, {{0}}, {0} };
Int mp_false = { OBJ_HEAD(&mp_bool_type), 0, 0, {{0}}, {0} };

Obj *mp_nomem(void)
{
    fprintf(stderr, "minipy: out of memory\n");
    exit(1);
}

Obj *mp_builtin_new(const char *name, CFunc fn, Obj *self)
{
    Builtin *b = mp_alloc(&mp_builtin_type, sizeof(Builtin));
    b->name = name; b->fn = fn; b->self = xincref(self);
    return (Obj *)b;
}

Obj *mp_method_new(Obj *func, Obj *self)
{
    Method *m = mp_alloc(&mp_method_type, sizeof(Method));
    m->func = incref(func); m->self = incref(self);
    return (Obj *)m;
}

Obj *mp_cell_new(Obj *v)
{
    Cell *c = mp_alloc(&mp_cell_type, sizeof(Cell));
    c->ref = xincref(v);
    return (Obj *)c;
}

void mp_add_methods(Type *t, const struct MethodDef *defs)
{
    if (!t->dict) t->dict = mp_dict_new();
    for (; defs->name; defs++) {
        Obj *b = mp_builtin_new(defs->name, defs->fn, NULL);
        mp_dict_sets(t->dict, defs->name, b);
        decref(b);
    }
    mp_type_cache_clear();   /* t's version is not bumped: it may be a base of a cached class */
}

Obj *mp_module_new(const char *name)
{
    Module *m = mp_alloc(&mp_module_type, sizeof(Module));
    m->name = mp_str_c(name);
    m->dict = mp_dict_new();
    mp_dict_set(m->dict, mp.s___name__, m->name);
    return (Obj *)m;
}

Obj *mp_func_new(Code *co, Obj *globals)
{
    Func *f = mp_alloc(&mp_function_type, sizeof(Func));
    f->code = (Code *)incref((Obj *)co);
    f->globals = globals;
    f->name = incref(co->name);
    f->qualname = incref(co->qualname);
    f->version = ++mp.next_type_version;
    return (Obj *)f;
}

int mp_check_args(const char *fname, int n, int min, int max)
{
    if (n >= min && n <= max) return 0;
    if (min == max)
        mp_err(&mp_exc_TypeError, "%s() takes exactly %s (%d given)", fname,
               min == 0 ? "no arguments" : min == 1 ? "one argument" : "2 arguments", n);
    else if (n < min) mp_err(&mp_exc_TypeError, "%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", n);
    else mp_err(&mp_exc_TypeError, "%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", n);
    return -1;
}

int mp_no_kw(const char *fname, Obj *kw)
{
    if (!kw || TN(kw) == 0) return 0;
    mp_err(&mp_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

Obj *mp_kwarg(Obj **args, int n, Obj *kw, const char *name)
{
    if (!kw) return NULL;
    int nk = (int)TN(kw);
    for (int i = 0; i < nk; i++)
        if (mp_str_eqc(TITEMS(kw)[i], name)) return args[n - nk + i];
    return NULL;
}

/* ---- exceptions ---- */

Obj *mp_exc_new(Type *t, Obj *args)
{
    Exc *e = (Exc *)mp_instance_new(t);
    e->args = args ? incref(args) : mp_tuple_new(0);
    return (Obj *)e;
}

static void set_exc(Obj *e)
{
    xdecref(mp.exc);
    mp.exc = e;
}

Obj *mp_err(Type *t, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Obj *msg = mp_str_c(buf);
    Obj *args = mp_tuple_pack(1, msg);
    decref(msg);
    set_exc(mp_exc_new(t, args));
    decref(args);
    return NULL;
}

Obj *mp_err_obj(Type *t, Obj *arg)
{
    Obj *args = mp_tuple_pack(1, arg);
    set_exc(mp_exc_new(t, args));
    decref(args);
    return NULL;
}

int mp_err_matches(Type *t) { return mp.exc && mp_isinstance(mp.exc, t); }

void mp_err_clear(void) { set_exc(NULL); }

void mp_tb_add(Obj *exc, Code *code, int line)
{
    if (!mp_isinstance(exc, &mp_exc_BaseException)) return;
    Exc *e = (Exc *)exc;
    if (!e->tb) e->tb = mp_list_new(0);
    Obj *ln = mp_int(line);
    Obj *t = mp_tuple_pack(3, code->filename, ln, code->name);
    decref(ln);
    mp_list_append(e->tb, t);
    decref(t);
}

static void print_source_line(const char *file, int line)
{
    if (!mp.source_cache) return;
    Obj *lines = mp_dict_gets(mp.source_cache, file);
    if (!lines || line < 1 || line > LN(lines)) return;
    const char *s = SS(LITEMS(lines)[line - 1]);
    while (*s == ' ' || *s == '\t') s++;
    int n = (int)strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ')) n--;
    if (n) fprintf(stderr, "    %.*s\n", n, s);
}

static void print_one(Obj *exc)
{
    Exc *e = (Exc *)exc;
    if (e->tb && LN(e->tb)) {
        fprintf(stderr, "Traceback (most recent call last):\n");
        for (int64_t i = LN(e->tb) - 1; i >= 0; i--) {
            Obj *t = LITEMS(e->tb)[i];
            const char *file = SS(TITEMS(t)[0]);
            int line = (int)IV(TITEMS(t)[1]);
            fprintf(stderr, "  File \"%s\", line %d, in %s\n", file, line, SS(TITEMS(t)[2]));
            print_source_line(file, line);
        }
    }
    Type *t = TYPE(exc);
    if (mp_is_subtype(t, &mp_exc_SyntaxError) && e->dict) {
        Obj *fn = mp_dict_gets(e->dict, "filename"), *ln = mp_dict_gets(e->dict, "lineno");
        Obj *off = mp_dict_gets(e->dict, "offset");
        if (fn && ln) {
            fprintf(stderr, "  File \"%s\", line %lld\n", SS(fn), (long long)IV(ln));
            Obj *lines = mp.source_cache ? mp_dict_get(mp.source_cache, fn) : NULL;
            if (lines && IV(ln) >= 1 && IV(ln) <= LN(lines)) {
                const char *s = SS(LITEMS(lines)[IV(ln) - 1]);
                int ind = 0;
                while (s[ind] == ' ' || s[ind] == '\t') ind++;
                int n = (int)strlen(s + ind);
                while (n > 0 && (s[ind + n - 1] == '\n' || s[ind + n - 1] == '\r')) n--;
                fprintf(stderr, "    %.*s\n", n, s + ind);
                int col = off ? (int)IV(off) - 1 - ind : 0;
                if (col < 0) col = 0;
                fprintf(stderr, "    %*s^\n", col, "");
            }
        }
    }
    Obj *s = mp_str(exc);
    if (!s) { mp_err_clear(); s = mp_str_c("<exception str() failed>"); }
    const char *mod = t->module && IS_STR(t->module) ? SS(t->module) : NULL;
    if (mod && strcmp(mod, "__main__") && strcmp(mod, "builtins")) fprintf(stderr, "%s.", mod);
    if (SLEN(s)) fprintf(stderr, "%s: %s\n", t->name, SS(s));
    else fprintf(stderr, "%s\n", t->name);
    decref(s);
}

void mp_print_exception(Obj *exc)
{
    Exc *e = (Exc *)exc;
    fflush(stdout);
    if (e->cause) {
        mp_print_exception(e->cause);
        fprintf(stderr, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e->context && !e->suppress && e->context != exc) {
        mp_print_exception(e->context);
        fprintf(stderr, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(exc);
}

/* ---- built-in methods of object and BaseException ---- */

static Obj *object_init(Obj **args, int n, Obj *kw) { return incref(NONE); }

static Obj *exc_init(Obj **args, int n, Obj *kw)
{
    Exc *e = (Exc *)args[0];
    Obj *t = mp_tuple_new(n - 1);
    for (int i = 1; i < n; i++) TITEMS(t)[i - 1] = incref(args[i]);
    xdecref(e->args);
    e->args = t;
    return incref(NONE);
}

static Obj *exc_with_traceback(Obj **args, int n, Obj *kw) { return incref(args[0]); }

static Obj *object_repr_m(Obj **args, int n, Obj *kw) { return mp_object_repr(args[0]); }
static Obj *object_str_m(Obj **args, int n, Obj *kw) { return mp_str(args[0]); }
static Obj *object_eq_m(Obj **args, int n, Obj *kw) { return incref(args[0] == args[1] ? TRUE_ : &mp_notimpl); }
static Obj *object_hash_m(Obj **args, int n, Obj *kw) { return mp_int((int64_t)((uintptr_t)args[0] >> 4)); }

CFunc mp_object_init_fn = object_init;

static const struct MethodDef object_methods[] = {
    { "__init__", object_init }, { "__repr__", object_repr_m }, { "__str__", object_str_m },
    { "__eq__", object_eq_m }, { "__hash__", object_hash_m }, { NULL, NULL }
};
static const struct MethodDef exc_methods[] = {
    { "__init__", exc_init }, { "with_traceback", exc_with_traceback }, { NULL, NULL }
};

void mp_func_init(void)
{
#define N(n) mp.s_##n = mp_str_intern(#n);
    MP_NAMES(N)
#undef N
    static const char *bn[][3] = {
#define E(id, s, f, r, i) { f, r, i },
        MP_BINOPS(E)
#undef E
    };
    for (int i = 0; i < BIN_COUNT; i++)
        for (int j = 0; j < 3; j++) mp.binop_names[i][j] = mp_str_intern(bn[i][j]);
    uint32_t v = 1;
#define INIT_TYPE(id, nm) mp_##id##_type.version = v++; if (&mp_##id##_type != &mp_object_type) mp_##id##_type.base = &mp_object_type; \
    if (!mp_##id##_type.dict) mp_##id##_type.dict = mp_dict_new();
    MP_TYPES(INIT_TYPE)
#undef INIT_TYPE
#define INIT_EXC(id, nm, base) mp_exc_##id.version = v++; mp_exc_##id.dict = mp_dict_new(); \
    mp_exc_##id.nameobj = mp_str_intern(#nm);
    MP_EXCEPTIONS(INIT_EXC)
#undef INIT_EXC
    mp.next_type_version = v + 1000;
    mp_bool_type.base = &mp_int_type;
    mp_object_type.flags |= T_BASE;
    mp_add_methods(&mp_object_type, object_methods);
    mp_add_methods(&mp_exc_BaseException, exc_methods);
    mp.all_types = mp_list_new(0);
}
