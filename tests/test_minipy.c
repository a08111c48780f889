/* test_minipy.c -- minipy's object model from C: ints and floats (small-int
 * sharing, big ints, CPython's hashes), strings (interning, equality and
 * hash), dict insertion order and key versions, set iteration order as
 * CPython's, reference-count balance of common operations, the cycle
 * collector, and finalizers (__del__: once, resurrection, in cycles).  Links minipy's objects (everything but main.c). */
#include <string.h>
#include "cunit_main.h"
#include "../examples/minipy/object.h"
#include "../examples/minipy/opcodes.h"

/* main.c's two entry points the other files call; these tests run no
 * Python source. */
char *mp_read_file(const char *path, long *len) { (void)path; (void)len; return NULL; }
Obj *mp_exec_source(const char *filename, const char *src, Obj *globals)
{
    (void)filename; (void)src; (void)globals;
    return mp_err(&mp_exc_RuntimeError, "no source execution in test_minipy");
}

static int setup(void)
{
    mp.limit = 1000;
    mp_gc_init();
    mp_int_init(); mp_func_init(); mp_str_init(); mp_list_init();
    mp_dict_init(); mp_set_init(); mp_modules_init();
    mp_builtins_init(); mp_builtins_init2();
    return 0;
}

static void test_small_ints_shared(void)
{
    Obj *a = mp_int(5), *b = mp_int(5), *c = mp_int(100000), *d = mp_int(100000);
    CU_ASSERT_PTR_EQUAL(a, b);
    CU_ASSERT_PTR_NOT_EQUAL(c, d);
    CU_ASSERT_EQUAL(mp_eq(c, d), 1);
    decref(a); decref(b); decref(c); decref(d);
}

static void test_hashes_as_cpython(void)
{
    Obj *i51 = mp_int(51), *f51 = mp_float(51.0), *m1 = mp_int(-1);
    CU_ASSERT_EQUAL(mp_hash(i51), mp_hash(f51));
    CU_ASSERT_EQUAL(mp_hash(i51), 51);
    CU_ASSERT_EQUAL(mp_hash(m1), -2);                 /* -1 is reserved */
    CU_ASSERT_EQUAL(mp_float_hash(1.5), 1152921504606846977LL);
    CU_ASSERT_EQUAL(mp_float_hash(-0.5), -1152921504606846976LL);
    mpz_t z;
    mpz_init(z);
    mpz_ui_pow_ui(z, 2, 61);                          /* 2**61 hashes to 1 */
    Obj *big = mp_int_from_mpz(z);
    CU_ASSERT_EQUAL(mp_hash(big), 1);
    mpz_clear(z);
    CU_ASSERT_EQUAL(mp_eq(i51, f51), 1);
    decref(i51); decref(f51); decref(m1); decref(big);
}

static void test_big_int_arithmetic(void)
{
    Obj *a = mp_int(INT64_MAX), *one = mp_int(1);
    Obj *s = mp_binop(BIN_ADD, a, one);               /* overflows into a big int */
    CU_ASSERT_TRUE(((Int *)s)->big);
    Obj *r = mp_repr(s);
    CU_ASSERT_STRING_EQUAL(SS(r), "9223372036854775808");
    Obj *back = mp_binop(BIN_SUB, s, one);           /* and back to a small one */
    CU_ASSERT_FALSE(((Int *)back)->big);
    CU_ASSERT_EQUAL(IV(back), INT64_MAX);
    decref(a); decref(one); decref(s); decref(r); decref(back);
}

static void test_strings(void)
{
    Obj *a = mp_str_intern("hello_world"), *b = mp_str_intern("hello_world");
    CU_ASSERT_PTR_EQUAL(a, b);
    Obj *c = mp_str_c("hello_"), *d = mp_str_c("world");
    Obj *e = mp_str_concat(c, d);
    CU_ASSERT_PTR_NOT_EQUAL(e, a);
    CU_ASSERT_TRUE(mp_str_eq(e, a));
    CU_ASSERT_EQUAL(mp_hash(e), mp_hash(a));
    Obj *u = mp_str_c("h\xc3\xa9llo");                /* UTF-8: 5 code points */
    CU_ASSERT_EQUAL(mp_len(u), 5);
    decref(c); decref(d); decref(e); decref(u);
}

static void test_dict_order_and_versions(void)
{
    Obj *d = mp_dict_new();
    const char *keys[] = { "z", "a", "m", "b" };
    for (int i = 0; i < 4; i++) { Obj *v = mp_int(i); mp_dict_sets(d, keys[i], v); decref(v); }
    uint64_t v0 = ((Dict *)d)->version;
    Obj *nine = mp_int(9);
    mp_dict_sets(d, "a", nine);                       /* value replaced: same key layout */
    CU_ASSERT_EQUAL(((Dict *)d)->version, v0);
    Obj *ka = mp_str_c("a");
    CU_ASSERT_EQUAL(mp_dict_del(d, ka), 0);
    CU_ASSERT_NOT_EQUAL(((Dict *)d)->version, v0);
    mp_dict_set(d, ka, nine);                          /* re-inserted: goes last */
    const char *want[] = { "z", "m", "b", "a" };
    int64_t pos = 0, i = 0;
    Obj *k, *v;
    while (mp_dict_next(d, &pos, &k, &v) && i < 4) CU_ASSERT_STRING_EQUAL(SS(k), want[i++]);
    CU_ASSERT_EQUAL(i, 4);
    CU_ASSERT_EQUAL(((Dict *)d)->used, 4);
    decref(ka); decref(nine); decref(d);
}

static void check_set_order(const int64_t *in, int n, const int64_t *want)
{
    Obj *s = mp_set_new(0);
    for (int i = 0; i < n; i++) { Obj *x = mp_int(in[i]); mp_set_add(s, x); decref(x); }
    Obj *it = mp_iter(s), *x;
    int i = 0;
    while ((x = mp_next(it))) { if (i < n) CU_ASSERT_EQUAL(IV(x), want[i]); i++; decref(x); }
    CU_ASSERT_EQUAL(i, n);
    decref(it); decref(s);
}

static void test_set_order_as_cpython(void)
{
    /* list({16, 8, 1}) and list({5, 1, 3, 100, -7}) in CPython 3.11 */
    const int64_t a[] = { 16, 8, 1 }, wa[] = { 16, 8, 1 };
    const int64_t b[] = { 5, 1, 3, 100, -7 }, wb[] = { 1, 3, 100, 5, -7 };
    check_set_order(a, 3, wa);
    check_set_order(b, 5, wb);
}

/* The branch history counts each way up to 0xffff and stays there, the
 * other half untouched. */
static void test_branch_history(void)
{
    static const uint32_t halves[] = { 0, 1, 2, 0x7fff, 0xfffd, 0xfffe, 0xffff };
    for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++)
        for (size_t j = 0; j < sizeof halves / sizeof halves[0]; j++) {
            uint32_t t = halves[i], nt = halves[j], c = t | (nt << 16);
            mp_branch_hist(&c, 1);
            CU_ASSERT_EQUAL(c, (t < 0xffff ? t + 1 : t) | (nt << 16));
            c = t | (nt << 16);
            mp_branch_hist(&c, 0);
            CU_ASSERT_EQUAL(c, t | ((nt < 0xffff ? nt + 1 : nt) << 16));
        }
    uint32_t c = 0;
    for (int k = 0; k < 140000; k++) mp_branch_hist(&c, k & 1);
    CU_ASSERT_EQUAL(c, 0xffffffffu);
    c = 0;
    for (int k = 0; k < 3; k++) mp_branch_hist(&c, 1);
    for (int k = 0; k < 5; k++) mp_branch_hist(&c, 0);
    CU_ASSERT_EQUAL(c, 3u | (5u << 16));
}

static void test_refcount_balance(void)
{
    Obj *l = mp_list_new(0), *x = mp_int(123456), *k = mp_str_c("key");
    intptr_t rx = x->rc, rl = l->rc;
    for (int i = 0; i < 10; i++) mp_list_append(l, x);
    CU_ASSERT_EQUAL(x->rc, rx + 10);
    Obj *r = mp_repr(l);
    CU_ASSERT_EQUAL(x->rc, rx + 10);
    Obj *idx = mp_int(3), *got = mp_getitem(l, idx);
    CU_ASSERT_PTR_EQUAL(got, x);
    CU_ASSERT_EQUAL(x->rc, rx + 11);
    decref(got);
    Obj *d = mp_dict_new();
    mp_dict_set(d, k, l);
    CU_ASSERT_EQUAL(l->rc, rl + 1);
    mp_dict_set(d, k, x);                             /* replacing releases the list */
    CU_ASSERT_EQUAL(l->rc, rl);
    CU_ASSERT_EQUAL(mp_dict_del(d, k), 0);
    Obj *sum = mp_binop(BIN_ADD, l, l);               /* a new list of 20 references */
    CU_ASSERT_EQUAL(x->rc, rx + 30);
    decref(sum);
    CU_ASSERT_EQUAL(x->rc, rx + 10);
    decref(l);
    CU_ASSERT_EQUAL(x->rc, rx);
    decref(r); decref(idx); decref(d); decref(x); decref(k);
}

static void test_cycle_collector(void)
{
    mp_gc_collect();
    Obj *a = mp_list_new(0), *b = mp_list_new(0), *live = mp_list_new(0);
    mp_list_append(a, b); mp_list_append(b, a);       /* a <-> b */
    mp_list_append(live, live);                       /* a cycle still referenced */
    CU_ASSERT_TRUE(mp_gc_is_tracked(a));
    decref(a); decref(b);
    CU_ASSERT_EQUAL(mp_gc_collect(), 2);
    CU_ASSERT_EQUAL(live->rc, 2);
    CU_ASSERT_EQUAL(mp_gc_collect(), 0);
    decref(live);
    CU_ASSERT_EQUAL(mp_gc_collect(), 1);
    Obj *t = mp_tuple_pack(1, NONE);                  /* untracked once it survives */
    mp_gc_collect();
    CU_ASSERT_FALSE(mp_gc_is_tracked(t));
    decref(t);
}

/* A __del__ written in C: counts its calls and, when del_keep is set,
 * resurrects self by appending it there. */
static int del_calls, del_nargs;
static Obj *del_keep;
static Obj *count_del(Obj **args, int n, Obj *kw)
{
    (void)kw;
    del_calls++;
    del_nargs = n;
    if (del_keep && n == 1) mp_list_append(del_keep, args[0]);
    return incref(NONE);
}

static void test_finalizers(void)
{
    mp_gc_collect();
    Obj *name = mp_str_c("Fin"), *bases = mp_tuple_new(0), *dict = mp_dict_new();
    Obj *fn = mp_builtin_new("__del__", count_del, NULL);
    mp_dict_set(dict, mp.s___del__, fn);
    Obj *cls = mp_type_new(name, bases, dict);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cls);
    CU_ASSERT_TRUE(((Type *)cls)->flags & T_HASDEL);
    decref(fn); decref(dict); decref(bases); decref(name);

    /* the last reference goes: called once, with self */
    del_calls = 0;
    Obj *o = mp_call0(cls);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    decref(o);
    CU_ASSERT_EQUAL(del_calls, 1);
    CU_ASSERT_EQUAL(del_nargs, 1);

    /* resurrected: kept alive, and not finalized again when it dies */
    del_keep = mp_list_new(0);
    o = mp_call0(cls);
    decref(o);
    CU_ASSERT_EQUAL(del_calls, 2);
    CU_ASSERT_EQUAL(LN(del_keep), 1);
    CU_ASSERT_EQUAL(LITEMS(del_keep)[0]->type, (Type *)cls);
    Obj *k = del_keep;
    del_keep = NULL;
    decref(k);
    CU_ASSERT_EQUAL(del_calls, 2);

    /* in a cycle (o -> its dict -> list -> o): finalized by the collector,
     * then freed: instance, its dict and the list */
    o = mp_call0(cls);
    Obj *l = mp_list_new(0), *attr = mp_str_c("l");
    mp_list_append(l, o);
    CU_ASSERT_EQUAL(mp_setattr(o, attr, l), 0);
    decref(l); decref(o);
    CU_ASSERT_EQUAL(del_calls, 2);
    CU_ASSERT_EQUAL(mp_gc_collect(), 3);
    CU_ASSERT_EQUAL(del_calls, 3);

    /* a cycle whose finalizer resurrects it survives the collection */
    del_keep = mp_list_new(0);
    o = mp_call0(cls);
    l = mp_list_new(0);
    mp_list_append(l, o);
    mp_setattr(o, attr, l);
    decref(l); decref(o);
    CU_ASSERT_EQUAL(mp_gc_collect(), 0);
    CU_ASSERT_EQUAL(del_calls, 4);
    CU_ASSERT_EQUAL(LN(del_keep), 1);
    k = del_keep;
    del_keep = NULL;
    decref(k);
    CU_ASSERT_EQUAL(mp_gc_collect(), 3);    /* freed, without a second call */
    CU_ASSERT_EQUAL(del_calls, 4);
    decref(attr);
    CU_ASSERT_PTR_NULL(mp.exc);
}

int jc_test_register(void)
{
    static const jc_test_case tests[] = {
        { "small_ints_shared", test_small_ints_shared },
        { "hashes_as_cpython", test_hashes_as_cpython },
        { "big_int_arithmetic", test_big_int_arithmetic },
        { "strings", test_strings },
        { "dict_order_and_versions", test_dict_order_and_versions },
        { "set_order_as_cpython", test_set_order_as_cpython },
        { "branch_history", test_branch_history },
        { "refcount_balance", test_refcount_balance },
        { "cycle_collector", test_cycle_collector },
        { "finalizers", test_finalizers },
        { NULL, NULL }
    };
    return JC_SUITE("minipy_objects", setup, NULL, tests);
}
