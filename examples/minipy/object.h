/* object.h -- minipy's object model: the object header, every built-in object
 * layout, reference counting, the interpreter-state struct and the internal
 * cross-file API (mp_<module>_<verb>).  Convention as in CPython: functions
 * return new references, arguments are borrowed, NULL means "exception set". */
#ifndef MINIPY_OBJECT_H
#define MINIPY_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <gmp.h>

typedef struct Obj Obj;
typedef struct Type Type;

struct Obj {
    intptr_t rc;
    Type *type;
};

#define MP_IMMORTAL ((intptr_t)1 << 60)
#define OBJ_HEAD(t) { MP_IMMORTAL, (t) }

void mp_dealloc(Obj *o);
static inline Obj *incref(Obj *o) { o->rc++; return o; }
static inline void decref(Obj *o) { if (--o->rc == 0) mp_dealloc(o); }
static inline void xdecref(Obj *o) { if (o) decref(o); }
static inline Obj *xincref(Obj *o) { if (o) o->rc++; return o; }

/* Type flags. */
enum { T_USER = 1, T_EXC = 2, T_BASE = 4, T_SHADOW = 8 /* an instance attribute shadows a method */,
       T_GC = 16 /* instances are containers tracked by the cycle collector (gc.c) */,
       T_HASDEL = 32 /* user classes: __del__ is defined (on the class or a base) */,
       T_SETATTR = 64 /* user classes: __setattr__ or __delattr__ is defined by a user class
                         in the MRO (object's own does not count) */ };

typedef Obj *(*CFunc)(Obj **args, int n, Obj *kwnames);

struct Type {
    Obj hd;
    const char *name;
    Type *base;
    Obj *dict;          /* Dict of methods and class attributes */
    uint32_t version;   /* bumped whenever dict (or a base's) changes */
    int flags;
    int nslots;         /* user classes: number of __slots__ (informational) */
    Obj *nameobj;       /* Str, user classes */
    Obj *qualname;
    Obj *module;
    CFunc tp_new;       /* built-in types: the constructor called by T(...) */
    size_t instsize;    /* user classes: size of an instance */
    Obj *bases;         /* Tuple of the direct bases (NULL: (base,) or ()) */
    Obj *mro;           /* Tuple: the C3 linearization, t first (NULL: the base chain) */
    Type *valbase;      /* user classes deriving from list, dict, int...: that type; the
                           instance (Inst) carries a value of it in `value` */
};

/* An int: v in the machine word, or (big) the GMP integer z.  An int that
 * is not big is allocated without z (MP_INT_SMALL_SIZE bytes: 48 with
 * mp_alloc's header, not 80), so z exists only when big is set.  A big int
 * of at most two limbs keeps them in limb, z a read-only view of them
 * (mpz_roinit_n: no GMP allocation; ints are immutable, so z is only ever
 * read); mp_int_big_owns says whether z has limbs of its own to clear. */
typedef struct { Obj hd; int big; int64_t v; mpz_t z; mp_limb_t limb[2]; } Int;
static inline int mp_int_big_owns(Int *i) { return i->z->_mp_d != i->limb; }
#define MP_INT_SMALL_SIZE offsetof(Int, z)
typedef struct { Obj hd; double v; } Float;
typedef struct { Obj hd; double re, im; } Complex;
typedef struct { Obj hd; int64_t len, clen, hash; int ascii; char s[]; } Str;
typedef struct { Obj hd; int64_t len, hash; unsigned char s[]; } Bytes;
typedef struct { Obj hd; int64_t n, cap; unsigned char *s; } ByteArray;
typedef struct { Obj hd; int64_t n, cap; Obj **items; } List;
typedef struct { Obj hd; int64_t n; Obj *items[]; } Tuple;
typedef struct { int64_t hash; Obj *key, *val; } DEntry;
typedef struct {
    Obj hd;
    int64_t used, nent, cap, isize;
    DEntry *ent;
    int64_t *index;
    uint64_t version;
    int jit_watched;    /* a JIT trace embeds a value of this dict (jit/) */
} Dict;
typedef struct { Obj *key; int64_t hash; } SEntry;
typedef struct { Obj hd; int64_t fill, used, mask; SEntry *table; int64_t hash; } Set;
typedef struct { Obj hd; int64_t start, stop, step; } Range;
typedef struct { Obj hd; Obj *start, *stop, *step; } Slice;
typedef struct { Obj hd; Obj *seq; int64_t i; int kind; int64_t n0; } SeqIter;
typedef struct { Obj hd; int64_t i, stop, step; } RangeIter;
typedef struct { Obj hd; Obj *dict; Obj *value; } Inst;   /* value: see Type.valbase */
typedef struct {
    Obj hd; Obj *dict; Obj *args; Obj *tb; Obj *cause; Obj *context; int suppress;
} Exc;
typedef struct { Obj hd; Obj *ref; } Cell;
typedef struct Code Code;
typedef struct {
    Obj hd; Code *code; Obj *globals; Obj *defaults; Obj *kwdefaults; Obj *closure;
    Obj *name; Obj *qualname; Obj *dict; Type *klass; uint32_t version;
} Func;
typedef struct { Obj hd; Obj *self; Obj *func; } Method;
typedef struct { Obj hd; const char *name; CFunc fn; Obj *self; } Builtin;
typedef struct { Obj hd; Obj *f; } Wrapper;          /* staticmethod/classmethod */
typedef struct { Obj hd; Obj *get, *set, *del; } Property;
typedef struct { Obj hd; Obj *name; Obj *dict; } Module;
typedef struct { Obj hd; Type *type; Obj *obj; } Super;
typedef struct Frame Frame;
/* exc_state: while suspended inside an except block, the exception that
 * block handles (the frame's lowest handler block then saves NULL in place
 * of the caller's; ceval.c's gen_resume swaps them). */
typedef struct { Obj hd; Frame *f; int running, done, started; Obj *name; Obj *retval; Obj *exc_state; } Gen;
typedef struct { Obj hd; Obj *buf; } StringIO;
typedef struct { Obj hd; char tc; int64_t n, cap; Obj **items; } Array;

#define TITEMS_(o) (((Tuple *)(o))->items)

/* Built-in types. */
#define MP_TYPES(X) \
    X(type, "type") X(object, "object") X(int, "int") X(bool, "bool") \
    X(float, "float") X(complex, "complex") X(str, "str") X(bytes, "bytes") \
    X(bytearray, "bytearray") X(list, "list") X(tuple, "tuple") X(dict, "dict") \
    X(set, "set") X(frozenset, "frozenset") X(range, "range") X(slice, "slice") \
    X(none, "NoneType") X(notimpl, "NotImplementedType") X(ellipsis, "ellipsis") \
    X(function, "function") X(method, "method") X(builtin, "builtin_function_or_method") \
    X(staticmethod, "staticmethod") X(classmethod, "classmethod") X(property, "property") \
    X(module, "module") X(cell, "cell") X(super, "super") X(generator, "generator") \
    X(code, "code") X(stringio, "StringIO") X(array, "array") \
    X(list_iterator, "list_iterator") X(tuple_iterator, "tuple_iterator") \
    X(str_iterator, "str_ascii_iterator") X(range_iterator, "range_iterator") \
    X(dict_keyiterator, "dict_keyiterator") X(dict_valueiterator, "dict_valueiterator") \
    X(dict_itemiterator, "dict_itemiterator") X(set_iterator, "set_iterator") \
    X(dict_keys, "dict_keys") X(dict_values, "dict_values") X(dict_items, "dict_items") \
    X(bytes_iterator, "bytes_iterator") X(callable_iterator, "callable_iterator")

#define DECL_TYPE(id, nm) extern Type mp_##id##_type;
MP_TYPES(DECL_TYPE)
#undef DECL_TYPE

/* Built-in exception hierarchy: id, name, base id. */
#define MP_EXCEPTIONS(X) \
    X(BaseException, BaseException, object) \
    X(SystemExit, SystemExit, BaseException) \
    X(KeyboardInterrupt, KeyboardInterrupt, BaseException) \
    X(GeneratorExit, GeneratorExit, BaseException) \
    X(Exception, Exception, BaseException) \
    X(StopIteration, StopIteration, Exception) \
    X(ArithmeticError, ArithmeticError, Exception) \
    X(FloatingPointError, FloatingPointError, ArithmeticError) \
    X(OverflowError, OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ZeroDivisionError, ArithmeticError) \
    X(AssertionError, AssertionError, Exception) \
    X(AttributeError, AttributeError, Exception) \
    X(BufferError, BufferError, Exception) \
    X(EOFError, EOFError, Exception) \
    X(ImportError, ImportError, Exception) \
    X(ModuleNotFoundError, ModuleNotFoundError, ImportError) \
    X(LookupError, LookupError, Exception) \
    X(IndexError, IndexError, LookupError) \
    X(KeyError, KeyError, LookupError) \
    X(MemoryError, MemoryError, Exception) \
    X(NameError, NameError, Exception) \
    X(UnboundLocalError, UnboundLocalError, NameError) \
    X(OSError, OSError, Exception) \
    X(FileNotFoundError, FileNotFoundError, OSError) \
    X(ReferenceError, ReferenceError, Exception) \
    X(RuntimeError, RuntimeError, Exception) \
    X(NotImplementedError, NotImplementedError, RuntimeError) \
    X(RecursionError, RecursionError, RuntimeError) \
    X(SyntaxError, SyntaxError, Exception) \
    X(IndentationError, IndentationError, SyntaxError) \
    X(SystemError, SystemError, Exception) \
    X(TypeError, TypeError, Exception) \
    X(ValueError, ValueError, Exception) \
    X(UnicodeError, UnicodeError, ValueError) \
    X(Warning, Warning, Exception) \
    X(UserWarning, UserWarning, Warning) \
    X(DeprecationWarning, DeprecationWarning, Warning)

#define DECL_EXC(id, nm, base) extern Type mp_exc_##id;
MP_EXCEPTIONS(DECL_EXC)
#undef DECL_EXC

extern Obj mp_none, mp_notimpl, mp_ellipsis;
extern Int mp_true, mp_false;
#define NONE (&mp_none)
#define TRUE_ ((Obj *)&mp_true)
#define FALSE_ ((Obj *)&mp_false)
static inline Obj *mp_bool(int b) { return incref(b ? TRUE_ : FALSE_); }

#define TYPE(o) (((Obj *)(o))->type)
#define IS(o, t) (TYPE(o) == &mp_##t##_type)
#define IS_INT(o) (IS(o, int) || IS(o, bool))
#define IS_STR(o) IS(o, str)

/* Interned names used by the runtime. */
#define MP_NAMES(X) \
    X(__init__) X(__repr__) X(__str__) X(__eq__) X(__ne__) X(__lt__) X(__le__) \
    X(__gt__) X(__ge__) X(__hash__) X(__len__) X(__iter__) X(__next__) \
    X(__getitem__) X(__setitem__) X(__delitem__) X(__contains__) X(__call__) \
    X(__bool__) X(__neg__) X(__pos__) X(__abs__) X(__invert__) X(__name__) \
    X(__main__) X(__class__) X(__dict__) X(__module__) X(__qualname__) \
    X(__slots__) X(__doc__) X(__getattr__) X(__setattr__) X(__new__) \
    X(__enter__) X(__exit__) X(__index__) X(__int__) X(__float__) X(__format__) \
    X(__builtins__) X(__file__) X(__delattr__) X(__get__) X(__set__) \
    X(args) X(self) X(__init_subclass__) X(__set_name__) X(__round__) \
    X(__reversed__) X(__getattribute__) X(__missing__) X(__del__)

#define MP_BINOPS(X) \
    X(ADD, "+", "__add__", "__radd__", "__iadd__") \
    X(SUB, "-", "__sub__", "__rsub__", "__isub__") \
    X(MUL, "*", "__mul__", "__rmul__", "__imul__") \
    X(TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__") \
    X(FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__") \
    X(MOD, "%", "__mod__", "__rmod__", "__imod__") \
    X(POW, "**", "__pow__", "__rpow__", "__ipow__") \
    X(LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__") \
    X(RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__") \
    X(AND, "&", "__and__", "__rand__", "__iand__") \
    X(OR, "|", "__or__", "__ror__", "__ior__") \
    X(XOR, "^", "__xor__", "__rxor__", "__ixor__") \
    X(MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")

enum {
#define E(id, s, f, r, i) BIN_##id,
    MP_BINOPS(E)
#undef E
    BIN_COUNT
};

/* Comparison operators (rich comparison). */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* The cycle collector's header, in front of every tracked object (gc.c). */
typedef struct GCHead GCHead;
struct GCHead { GCHead *next, *prev; intptr_t refs, flags; };

#define MP_TCACHE_SIZE 512
#define MP_ITEMS_CACHED_CAP 64   /* item arrays of up to this many slots are recycled */
#define MP_ITEMS_CACHE_BYTES (16 << 20)   /* ... up to this many bytes of them in all */

/* The interpreter state: everything mutable lives here. */
typedef struct {
    Obj *exc;               /* the exception being raised, or NULL */
    Obj *handled;           /* the exception being handled (sys.exc_info) */
    int depth, limit;       /* Python call depth and sys.getrecursionlimit() */
    char *stack_floor;      /* a call that would run nested C (mp_eval from
                               mp_func_call or a generator's resume) with
                               the C stack below this raises RecursionError
                               whatever the limit (main.c sets it 8 MiB above
                               the interpreter thread's stack end; NULL:
                               unchecked) */
    Obj *builtins;          /* Dict */
    Obj *modules;           /* Dict: name -> Module */
    Obj *argv;              /* List */
    Obj *small_ints[262];   /* -5 .. 256 */
    Obj *chars[128];        /* one-char ASCII strings */
    Obj *empty_str, *empty_tuple;
    Frame *frame;           /* innermost executing frame */
    const char *script_dir;
    Obj *stdout_obj;        /* sys.stdout replacement (a StringIO) or NULL */
    uint32_t next_type_version;
    uint64_t next_dict_version;
    int dis_after;
    Obj *main_module;
    Obj *source_cache;      /* Dict: filename -> list of lines */
    uint32_t mt[624]; int mti; /* random's Mersenne Twister */
    int gen_counter;
    Obj *all_types;         /* List of user classes (for version invalidation) */
    Obj *int_free, *float_free; /* free lists (linked through ob type field) */
    int nint_free, nfloat_free;
    Obj *repr_stack;        /* containers whose repr is in progress ([...]) */
    Obj *big_range;         /* builtins.py's _BigRange class */
    Obj *prelude_globals;   /* builtins.py's namespace */
    int tearing_down;       /* mp_teardown: modules are freed at refcount 0 */
    int no_finalizers;      /* late in mp_teardown: __del__ and generator close no longer run */
    void *freel[18];        /* mp_alloc's free lists, by 16-byte size class */
    GCHead gc_young, gc_middle, gc_old; /* the collector's three generations (gc.c) */
    Obj **codes;            /* every code object (never freed before teardown) */
    int64_t ncodes, capcodes;
    struct FEBlk *fe_head;  /* front-end allocations, newest first (lexer.c) */
    uint64_t fe_seq;
    int64_t gc_count;       /* tracked objects allocated minus freed since the last collection */
    int64_t gc_threshold, gc_threshold1, gc_threshold2, gc_old_pending, gc_old_total;
    int gc_enabled, gc_collecting, gc_young_runs, gc_middle_runs;
    struct { int64_t collections, collected; } gc_stats[3];  /* young, middle, full */
#define DECL_NAME(n) Obj *s_##n;
    MP_NAMES(DECL_NAME)
#undef DECL_NAME
    Obj *binop_names[BIN_COUNT][3];
    /* The type attribute cache of mp_type_lookup/mp_special on user classes
     * (object.c): (class, version tag, interned name, which lookup) -> the
     * value found (borrowed) or NULL.  A class's version tag changes on any
     * change to it or a base, so a stale entry never matches. */
    struct TCacheEnt { Type *t; Obj *name; Obj *val; uint32_t version, kind; } tcache[MP_TCACHE_SIZE];
    /* Free item arrays of lists by capacity (list.c's mp_items_*), linked
     * through their first slot: list-heavy code (slices, concatenations,
     * appends) otherwise spends a quarter of its time in malloc/free.
     * One byte budget for all (not a count per capacity): a program that
     * drops thousands of lists at once (a list of permutations) gets them
     * back for the next thousands. */
    Obj **items_free[MP_ITEMS_CACHED_CAP + 1];
    int nitems_free[MP_ITEMS_CACHED_CAP + 1];
    int64_t items_free_bytes;
    void *arenas;           /* mp_alloc's arenas of small blocks, linked through their first word */
} Interp;

extern Interp mp;

/* ---- errors (error.c) ---- */
Obj *mp_err(Type *t, const char *fmt, ...);
Obj *mp_err_obj(Type *t, Obj *arg);
int mp_err_matches(Type *t);
void mp_err_clear(void);
Obj *mp_exc_new(Type *t, Obj *args);
int mp_is_subtype(Type *a, Type *b);
void mp_print_exception(Obj *exc);
int mp_isinstance(Obj *o, Type *t);
Obj *mp_nomem(void);

/* ---- generic operations (object.c) ---- */
void *mp_alloc(Type *t, size_t size);
void mp_free(Obj *o);
Obj *mp_repr(Obj *o);
Obj *mp_str(Obj *o);
int64_t mp_hash(Obj *o);            /* -1 = error */
int mp_eq(Obj *a, Obj *b);          /* -1 = error */
Obj *mp_richcmp(Obj *a, Obj *b, int op);
int mp_cmp_bool(Obj *a, Obj *b, int op); /* -1 = error */
int mp_truthy(Obj *o);              /* -1 = error */
Obj *mp_binop(int op, Obj *a, Obj *b);
Obj *mp_inplace(int op, Obj *a, Obj *b);
Obj *mp_neg(Obj *o);
Obj *mp_pos(Obj *o);
Obj *mp_invert(Obj *o);
Obj *mp_getattr(Obj *o, Obj *name);
Obj *mp_getattr_s(Obj *o, const char *name);
int mp_setattr(Obj *o, Obj *name, Obj *v);
int mp_object_setattr(Obj *o, Obj *name, Obj *v);   /* object.__setattr__/__delattr__ (v NULL) */   /* v NULL = delete */
Obj *mp_getitem(Obj *o, Obj *k);
int mp_setitem(Obj *o, Obj *k, Obj *v);      /* v NULL = delete */
int64_t mp_len(Obj *o);             /* -1 = error */
Obj *mp_iter(Obj *o);
Obj *mp_next(Obj *it);              /* NULL without error = exhausted */
int mp_contains(Obj *c, Obj *v);    /* -1 = error */
Obj *mp_call(Obj *f, Obj **args, int n, Obj *kwnames);
/* FORMAT_VALUE's and UNPACK_EX's work (ceval.c): a new reference or NULL;
 * unpack_ex writes before + after + 1 new references to out[], in the
 * order the instruction pushes them. */
Obj *mp_eval_format_value(Obj *v, int conv, Obj *spec);
Obj *mp_eval_unpack_ex(Obj *seq, int before, int after, Obj **out);
Obj *mp_call0(Obj *f);
Obj *mp_call1(Obj *f, Obj *a);
Obj *mp_call2(Obj *f, Obj *a, Obj *b);
Obj *mp_call_method(Obj *o, Obj *name, Obj **args, int n);
Obj *mp_type_lookup(Type *t, Obj *name);     /* borrowed, no error */
Obj *mp_special(Obj *o, Obj *name);          /* borrowed: user-class special method */
void mp_type_cache_clear(void);              /* forget mp.tcache (a class dict changed behind its version) */
const char *mp_type_name(Obj *o);
Obj *mp_format(Obj *o, Obj *spec);
Obj *mp_list_of(Obj *iterable);
Obj *mp_tuple_of(Obj *iterable);
int64_t mp_index(Obj *o, int *ok);           /* __index__ to C int64 */
Obj *mp_ascii(Obj *o);
Obj *mp_type_new(Obj *name, Obj *bases, Obj *dict);
Obj *mp_type_mro(Type *t);                   /* new reference: t's MRO as a tuple */
Obj *mp_new_instance(Type *t, Obj **args, int n, Obj *kw);   /* object.__new__, int.__new__... */
Obj *mp_generic_new_fn(Obj **args, int n, Obj *kw);          /* the builtin behind them */
/* The built-in value inside an instance of a user subclass of list, dict,
 * int, ...; o itself otherwise.  Borrowed. */
static inline Obj *mp_unwrap(Obj *o)
{
    Type *t = o->type;
    if ((t->flags & T_USER) && t->valbase && ((Inst *)o)->value) return ((Inst *)o)->value;
    return o;
}
static inline int mp_mro_len(Type *t)
{
    if (t->mro) return (int)((Tuple *)t->mro)->n;
    int n = 0;
    for (; t; t = t->base) n++;
    return n;
}
static inline Type *mp_mro_at(Type *t, int i)  /* i-th class of t's MRO; i < its length */
{
    if (t->mro) return (Type *)TITEMS_(t->mro)[i];
    while (i--) t = t->base;
    return t;
}
Obj *mp_instance_new(Type *t);
Obj *mp_object_repr(Obj *o);
int mp_repr_enter(Obj *o);  /* 1 = already in progress */
void mp_repr_leave(Obj *o);
int mp_obj_init(void);

/* ---- int.c ---- */
Obj *mp_int(int64_t v);
Obj *mp_int_from_mpz(mpz_t z);      /* consumes nothing; copies */
Obj *mp_int_from_str(const char *s, int len, int base);  /* NULL+ValueError */
void mp_int_to_mpz(Obj *o, mpz_t out); /* out must be initialised */
Obj *mp_int_repr(Obj *o);
int64_t mp_int_hash(Obj *o);
Obj *mp_int_binop(int op, Obj *a, Obj *b);
int mp_int_cmp(Obj *a, Obj *b);
double mp_int_to_double(Obj *o, int *overflow);
int mp_int_fits(Obj *o);            /* fits in int64 */
int mp_int_sign(Obj *o);
Obj *mp_int_neg(Obj *o);
Obj *mp_int_invert(Obj *o);
Obj *mp_int_from_double(double d);
Obj *mp_int_format(Obj *o, int base, int upper, int alt);
int64_t mp_int_bit_length(Obj *o);
static inline int64_t IV(Obj *o) { return ((Int *)o)->v; }
/* An int or bool in the machine word (bools are never big). */
static inline int SMALL(Obj *o)
{
    Type *t = TYPE(o);
    if (__builtin_expect(t == &mp_int_type, 1)) return !((Int *)o)->big;
    return t == &mp_bool_type;
}
void mp_int_init(void);

/* ---- float.c ---- */
Obj *mp_float(double v);
Obj *mp_float_repr(Obj *o);
void mp_double_repr(double v, char *buf);
int64_t mp_float_hash(double v);
Obj *mp_float_binop(int op, double a, double b);
Obj *mp_float_from_str(Obj *s);
double mp_to_double(Obj *o, int *ok);   /* int/float/bool */
Obj *mp_complex(double re, double im);
Obj *mp_complex_repr(Obj *o);
Obj *mp_complex_binop(int op, Obj *a, Obj *b);
#define FV(o) (((Float *)(o))->v)

/* Hot-path allocation and release of ints and floats through their free
 * lists (linked through the type field), inlined into the interpreter's
 * specialized instructions; mp_int / mp_float / mp_dealloc do the same out
 * of line.  mp_float_fast never fails when the free list is non-empty. */
static inline Obj *mp_float_fast(double v)
{
    Float *f = (Float *)mp.float_free;
    if (!f) return mp_float(v);
    mp.float_free = (Obj *)f->hd.type;
    mp.nfloat_free--;
    f->hd.rc = 1; f->hd.type = &mp_float_type;
    f->v = v;
    return (Obj *)f;
}
/* Drops a reference to o, known to be a float. */
static inline void mp_float_decref(Obj *o)
{
    if (--o->rc == 0) {
        if (mp.nfloat_free < 10000) { o->type = (Type *)mp.float_free; mp.float_free = o; mp.nfloat_free++; }
        else mp_dealloc(o);
    }
}
static inline Obj *mp_int_fast(int64_t v)
{
    if (v >= -5 && v <= 256) { Obj *o = mp.small_ints[v + 5]; o->rc++; return o; }
    Int *i = (Int *)mp.int_free;
    if (!i) return mp_int(v);
    mp.int_free = (Obj *)i->hd.type;
    mp.nint_free--;
    i->hd.rc = 1; i->hd.type = &mp_int_type; i->big = 0;
    i->v = v;
    return (Obj *)i;
}
/* Drops a reference to o, known to be an int (or bool) that is not big. */
static inline void mp_smallint_decref(Obj *o)
{
    if (--o->rc == 0) {
        if (mp.nint_free < 10000 && o->type == &mp_int_type) {
            o->type = (Type *)mp.int_free; mp.int_free = o; mp.nint_free++;
        } else mp_dealloc(o);
    }
}

/* ---- str.c ---- */
Obj *mp_str_new(const char *s, int64_t len);
Obj *mp_str_c(const char *s);
Obj *mp_str_fmt(const char *fmt, ...);
Obj *mp_str_intern(const char *s);
Obj *mp_str_concat(Obj *a, Obj *b);
Obj *mp_str_append(Obj *a, Obj *b);   /* a + b, a's only reference stolen: in place when a has room */
size_t mp_alloc_room(Obj *o);         /* bytes of o's block from o on (object.c) */
Obj *mp_str_join_n(Obj **parts, int n);
Obj *mp_str_repr(Obj *o);
int64_t mp_str_hash(Obj *o);
int mp_str_eq(Obj *a, Obj *b);
int mp_str_eqc(Obj *a, const char *s);
Obj *mp_str_getitem(Obj *s, Obj *k);
Obj *mp_str_mod(Obj *fmt, Obj *args);
Obj *mp_str_iter_next(SeqIter *it);
Obj *mp_str_format_spec(Obj *s, Obj *spec);
Obj *mp_str_join(Obj *sep, Obj *iterable);
int mp_str_contains(Obj *s, Obj *sub);
int mp_str_cmp(Obj *a, Obj *b);
Obj *mp_str_mul(Obj *s, int64_t n);
Obj *mp_bytes_new(const unsigned char *s, int64_t n);
Obj *mp_bytes_repr(Obj *o);
void mp_str_init(void);
#define SS(o) (((Str *)(o))->s)
#define SLEN(o) (((Str *)(o))->len)

/* string builder */
typedef struct { char *s; int64_t n, cap; } SB;
void sb_add(SB *b, const char *s, int64_t n);
void sb_adds(SB *b, const char *s);
void sb_addc(SB *b, char c);
void sb_addo(SB *b, Obj *str);
Obj *sb_finish(SB *b);
void sb_free(SB *b);

/* format-spec (format.c) */
Obj *mp_format_int(Obj *v, Obj *spec);
Obj *mp_format_float(double v, Obj *spec);
Obj *mp_format_builtin(Obj *v, Obj *spec, const char *tname);

/* ---- list.c / tuple.c ---- */
Obj *mp_list_new(int64_t n);
Obj *mp_list_new_raw(int64_t n);
Obj *mp_seq_slice1(Obj *o, int64_t lo, int64_t hi);   /* list/tuple o[lo:hi], ends in range */   /* items not cleared: the caller stores all n at once */
/* A list's item array of capacity cap (a list's cap field says which), from
 * mp.items_free for caps up to MP_ITEMS_CACHED_CAP; every array a List owns
 * is made, resized and released by these, with the list's cap. */
Obj **mp_items_alloc(int64_t cap);
Obj **mp_items_realloc(Obj **items, int64_t oldcap, int64_t newcap);
void mp_items_free(Obj **items, int64_t cap);
void mp_items_teardown(void);
int mp_list_append(Obj *l, Obj *v);          /* borrows v */
Obj *mp_list_m_append(Obj **args, int n, Obj *kw);  /* list.append (CALL_LIST_APPEND's guard) */
Obj *mp_list_repr(Obj *o);
Obj *mp_list_getitem(Obj *l, Obj *k);
int mp_list_setitem(Obj *l, Obj *k, Obj *v);
int mp_list_sort(Obj *l, Obj *key, int reverse);
Obj *mp_list_binop(int op, Obj *a, Obj *b);
int mp_list_extend(Obj *l, Obj *it);
Obj *mp_tuple_new(int64_t n);
Obj *mp_tuple_pack(int n, ...);
Obj *mp_tuple_repr(Obj *o);
Obj *mp_tuple_getitem(Obj *t, Obj *k);
int64_t mp_tuple_hash(Obj *o);
Obj *mp_seq_cmp(Obj **a, int64_t na, Obj **b, int64_t nb, int op);
int mp_slice_indices(Obj *slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
Obj *mp_slice_new(Obj *a, Obj *b, Obj *c);
Obj *mp_range_new(int64_t a, int64_t b, int64_t c);
void mp_list_init(void);
#define LITEMS(o) (((List *)(o))->items)
#define LN(o) (((List *)(o))->n)
#define TITEMS(o) (((Tuple *)(o))->items)
#define TN(o) (((Tuple *)(o))->n)

/* ---- dict.c ---- */
Obj *mp_dict_new(void);
Obj *mp_dict_get(Obj *d, Obj *k);            /* borrowed; NULL = missing (check mp.exc) */
int mp_dict_get_plain(Obj *d, Obj *k, Obj **v);  /* exact str/int k: 1 found, 0 absent, -1 would run code */
int64_t mp_dict_index_plain(Obj *d, Obj *k);     /* exact str/int k: entry index, -1 absent, -2 would run code */
Obj *mp_dict_gets(Obj *d, const char *k);
int mp_dict_set(Obj *d, Obj *k, Obj *v);     /* borrows both */
/* mp_dict_set that hands the reference the entry held to the caller in
 * *old (NULL for a new key or an error) instead of dropping it: one
 * lookup where keeping the old value alive used to take a second one. */
int mp_dict_set_keep(Obj *d, Obj *k, Obj *v, Obj **old);
int mp_dict_sets(Obj *d, const char *k, Obj *v);
int mp_dict_del(Obj *d, Obj *k);             /* 0 ok, -1 error, 1 missing */
Obj *mp_dict_repr(Obj *o);
int mp_dict_next(Obj *d, int64_t *pos, Obj **k, Obj **v);
Obj *mp_dict_copy(Obj *d);
int mp_dict_update(Obj *d, Obj *other);
Obj *mp_dict_iter(Obj *d, int kind);
Obj *mp_dict_iter_next(SeqIter *it);
Obj *mp_dict_view(Obj *d, int kind);
void mp_dict_init(void);

/* ---- set.c ---- */
Obj *mp_set_new(int frozen);
int mp_set_add(Obj *s, Obj *k);
int mp_set_contains(Obj *s, Obj *k);
int mp_set_discard(Obj *s, Obj *k);          /* 1 found, 0 not, -1 error */
Obj *mp_set_repr(Obj *o);
Obj *mp_set_binop(int op, Obj *a, Obj *b);
Obj *mp_set_cmp(Obj *a, Obj *b, int op);
int mp_set_update(Obj *s, Obj *it);
int mp_set_inplace(int op, Obj *a, Obj *b);
Obj *mp_set_iter_next(SeqIter *it);
int64_t mp_set_hash(Obj *s);
Obj *mp_set_copy(Obj *s, int frozen);
void mp_set_init(void);

/* ---- func.c ---- */
Obj *mp_builtin_new(const char *name, CFunc fn, Obj *self);
Obj *mp_method_new(Obj *func, Obj *self);
Obj *mp_cell_new(Obj *v);
struct MethodDef { const char *name; CFunc fn; };
void mp_add_methods(Type *t, const struct MethodDef *defs);
Obj *mp_module_new(const char *name);
int mp_check_args(const char *fname, int n, int min, int max);
int mp_no_kw(const char *fname, Obj *kwnames);
Obj *mp_kwarg(Obj **args, int n, Obj *kwnames, const char *name);
void mp_func_init(void);

/* ---- builtins.c / modules.c ---- */
void mp_builtins_init(void);
void mp_builtins_init2(void);
Obj *mp_import(Obj *name);
Obj *mp_print_to(Obj *file, Obj *s);
int mp_write_stdout(const char *s, int64_t n);
void mp_modules_init(void);
Obj *mp_sorted(Obj *it, Obj *key, int reverse);
Obj *mp_run_prelude(void);

/* ---- gc.c: the cycle collector ---- */
void mp_gc_init(void);
/* Finalizers (object.c): __del__ of instances, close() of suspended
 * generators.  Called at most once per object (a bit of mp_alloc's hidden
 * header).  mp_needs_finalize: o has a finalizer not yet run.  mp_finalize
 * runs it with the pending and handled exceptions saved; what it raises is
 * reported by mp_write_unraisable and dropped.  o must be referenced by the
 * caller. */
int mp_needs_finalize(Obj *o);
void mp_finalize(Obj *o);
void mp_write_unraisable(Obj *where);   /* "Exception ignored in: repr(where)", mp.exc's traceback; clears it */
void mp_type_update_flags(Type *t);     /* recompute T_HASDEL and T_SETATTR of t and its subclasses */
/* Non-zero once releasing an object may run Python code: some class has had
 * __del__ (T_HASDEL), or a generator was suspended inside a try, except,
 * finally or with block (its close() would run code there).  It never goes
 * back to 0.  Until it is set no release runs code, so the JIT may release
 * what a trace drops when the trace exits; from then on its traces leave
 * every release that may run code to the interpreter, at the instruction
 * where CPython does it (examples/minipy/README.md, "Finalizers and
 * traces").  mp_note_finalizers sets it (and drops the traces compiled
 * without that care). */
extern int mp_finalizers_possible;
void mp_note_finalizers(void);
void mp_gc_finalize_all(void);         /* at exit: finalize every live object that has a finalizer */
void mp_gc_link(Obj *o);            /* mp_alloc: start tracking a new container */
void mp_gc_unlink(Obj *o);          /* mp_free */
void mp_gc_untrack(Obj *o);         /* for containers holding borrowed references */
int mp_gc_is_tracked(Obj *o);
void mp_gc_maybe_collect(void);
int64_t mp_gc_collect(void);        /* full collection: number of unreachable objects */
Obj *mp_mod_gc(void);
void mp_teardown(void);             /* at exit: free everything */
void mp_str_teardown(void);
void mp_dict_clear(Obj *d);
void mp_set_clear(Obj *s);

/* ---- exceptions with tracebacks ---- */
void mp_tb_add(Obj *exc, Code *code, int line);

#endif
