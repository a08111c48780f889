/* jit/jit_lower.c -- lowering of minipy's bytecode to libjitcore's trace IR.
 *
 * One call per instruction on the trace (mpj_lower), in trace order.  The
 * operand stack is part of the frame's slots (Frame.lp[]: locals, cells,
 * frees, then the stack), so an instruction reads its operands with
 * jc_lower_slot_get and leaves its results with jc_lower_slot_set; the
 * stack depth before each instruction is tracked here (mpj_sel.depth) and
 * recorded in the code's side table, where set_pc finds it at exits.
 *
 * Types.  A slot first read in the trace is loaded by mpj_load_slot, which
 * looks at the value the live frame holds (selection runs when the loop
 * head fires, so its frame is the trace's starting state) and guards that
 * type: a small int becomes a raw i64, a float a raw f64, a bool a raw
 * bool, anything else a ptr whose class is guarded and remembered
 * (mpj_sel.ptype).  Every later instruction knows its operands' types from
 * their IR types, so generic instructions are lowered by type just as the
 * specialized forms are, and the specializer's state does not matter.
 *
 * Every assumption is a guard taken before the instruction changes any
 * slot, so a failing guard exits to the instruction itself and the
 * interpreter re-executes it: overflow takes its big-int path, a range
 * iterator's end its loop exit, a bad index its IndexError. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "jit_internal.h"

MpjSel mpj_sel;

_Static_assert(offsetof(Type, flags) == offsetof(Type, version) + 4,
               "guard_version loads a class's version and flags as one word");

/* Objects seen for ptr refs at selection: the live value of a loaded slot
 * or a constant (NULL: not known).  Used to choose element type guards. */
static Obj **pobj;
/* The box already made for a number ref (+ 1; 0: none yet): a value boxed
 * twice would be two objects where the interpreter has one (`is`, a NaN
 * in a container).  A trace is one path and its boxes stay parked until
 * the exit, so the first box serves every later use. */
static jc_ref *boxof;

static void inl_pop(void);
/* A raw side trace's objects from its parent's exit buffer, until its
 * first instruction notes them (mpj_seed_ptr). */
#define MPJ_MAX_SEEDS 64
static struct { jc_ref r; Obj *o; } seeds[MPJ_MAX_SEEDS];
static int nseeds;

/* Unrolling tables (see "Unrolling" above mpj_lower). */
typedef struct { jc_ref r, start, stop, step; } URange;
/* head: the FOR_ITER's pc; level: how many unrolled loops were open
 * around it, itself included (1: directly in the root loop's body). */
typedef struct { jc_ref it, seq; int list; int64_t pos, stop, step, done; uint32_t head; int level; } UIter;
static URange uranges[MPJ_MAX_UNROLLED];
static UIter uiters[MPJ_MAX_UNROLLED];
int mpj_unroll_max = MPJ_UNROLL_DEFAULT;
int mpj_branch_judge = 1;
int mpj_branch_sides = 1;
int mpj_branch_chains = 1;
uint64_t mpj_chains;
int mpj_bigint_judge = 1;
int mpj_item_facts = 1;
int mpj_pure_range = 1;
int mpj_short_roots = 1;
int mpj_inner_exit_on = 1;
uint64_t mpj_short_root_heads;
int mpj_full_lot_refuse = 1;
int mpj_dict_get = 1;
uint64_t mpj_dict_get_calls;
int mpj_dict_store = 1, mpj_global_store = 1;
uint64_t mpj_dict_store_calls, mpj_global_store_calls;

/* Float items the trace knows (MINIPY_JIT_ITEM_FACTS=0 turns this off).
 * The optimizer's alias classes are coarse: a list_store_float into any
 * list (its call_if writes List.items[] and Float.v) makes every later
 * item load load again, with its class guard, value and NaN guard (nbody:
 * p[0], p[1], p[2] and p[6] again after each q[3] += ...).  But a float
 * store at index k changes only the item at k of one list: the item it
 * replaces is either a float only that list holds (changed in place) or
 * left alone (parked).  So the lowering remembers, for a list ref and a
 * constant index k >= 0, the f64 value its item has -- from a load that
 * guarded it a non-NaN float, or from a float store -- and a later load
 * of the same ref and index uses it: no loads, no class guard, no bounds
 * guard (a list only shrinks through a helper, which forgets all), only a
 * NaN guard for a stored value (a NaN item stays an object: unbox_like).
 * Forgotten: all of it at a helper that may write list items or floats
 * (mpj_call: those run Python code or store items; keep and boxes do
 * not), at a native self-call, at a store with an index that is not a
 * constant; at a store of index k into another ref (it may be the same
 * list), the facts of index k. */
typedef struct { jc_ref l, v; int64_t k; } ItemFact;
#define MPJ_MAX_ITEM_FACTS 64
static ItemFact ifacts[MPJ_MAX_ITEM_FACTS];
static int nifacts;
/* Before a store into item k of a list: the facts of index k go (another
 * ref may be the same list). */
static void facts_forget_index(int64_t k)
{
    int n = 0;
    for (int i = 0; i < nifacts; i++)
        if (ifacts[i].k != k) ifacts[n++] = ifacts[i];
    nifacts = n;
}

/* The known value of item k of list l, or JC_REF_NONE. */
static jc_ref fact_get(jc_ref l, int64_t k)
{
    for (int i = nifacts - 1; i >= 0; i--)
        if (ifacts[i].l == l && ifacts[i].k == k) return ifacts[i].v;
    return JC_REF_NONE;
}

static void fact_set(jc_ref l, int64_t k, jc_ref v)
{
    if (!mpj_item_facts || k < 0) return;
    int n = 0;
    for (int i = 0; i < nifacts; i++)
        if (!(ifacts[i].l == l && ifacts[i].k == k)) ifacts[n++] = ifacts[i];
    nifacts = n;
    if (nifacts == MPJ_MAX_ITEM_FACTS) {        /* the oldest goes */
        memmove(ifacts, ifacts + 1, sizeof ifacts[0] * (MPJ_MAX_ITEM_FACTS - 1));
        nifacts--;
    }
    ifacts[nifacts++] = (ItemFact){ l, v, k };
}

/* May helper h change a list's items or a float's value?  The library's
 * reading of the flags and mpj_helper_writes (jc_host.helper_writes). */
static int clobbers_items(uint32_t h)
{
    uint32_t f = mpj_helpers[h].flags;
    if (f & JC_HELPER_PURE) return 0;
    uint64_t w = mpj_helper_writes[h];
    if (w) return (w & ((uint64_t)1 << MPJ_ALIAS_LISTITEM | (uint64_t)1 << MPJ_ALIAS_FLOAT)) != 0;
    return (f & (JC_HELPER_WRITES_MEMORY | JC_HELPER_ALLOCATES)) || !(f & JC_HELPER_READS_MEMORY);
}

/* Every helper call of the lowering goes through these (the item facts
 * above). */
static void fin_result(jc_lower *b, uint32_t h, jc_ref r);

jc_ref mpj_call(jc_lower *b, uint32_t h, const jc_ref *a, uint32_t n)
{
    if (clobbers_items(h)) nifacts = 0;
    jc_ref r = jc_lower_call(b, h, a, n);
    if (mpj_sel.strict) fin_result(b, h, r);
    return r;
}

jc_ref mpj_call_if(jc_lower *b, jc_ref cond, uint32_t h, const jc_ref *a, uint32_t n)
{
    if (clobbers_items(h)) nifacts = 0;
    return jc_lower_call_if(b, cond, h, a, n);
}

static jc_ref mpj_call_self(jc_lower *b, uint32_t h, jc_ref frame)
{
    nifacts = 0;
    return jc_lower_call_self(b, h, frame);
}

void mpj_sel_reset(Frame *f)
{
    nseeds = 0;
    mpj_sel.nranges = mpj_sel.niters = 0;
    mpj_sel.uopen = 0;
    nifacts = 0;
    mpj_sel.iters = NULL;
    while (mpj_sel.ninl > 0) inl_pop();
    mpj_sel.ret_marker = UINT32_MAX;
    mpj_sel.frame = f;
    mpj_sel.code = f->code;
    mpj_sel.depth = (int)(f->sp - f->stack);
    mpj_sel.head = (uint32_t)(f->ip - f->code->code);
    mpj_sel.check_pending = 0;
    mpj_sel.strict = mpj_sel.fin_started = 0;
    mpj_sel.nfin_pending = 0;
    memset(mpj_sel.root_stored, 0, sizeof mpj_sel.root_stored);
    mpj_sel.entry_depth = mpj_sel.depth;
    mpj_sel.fentry = 0;
    mpj_sel.fn_insns = 0;
    mpj_sel.next_pc = UINT32_MAX;
    mpj_sel.nself = 0;
    mpj_sel.raw = 0;
    mpj_sel.fbranch = 0;
    mpj_sel.stay = 1.0;
    mpj_sel.leaves = 0;
    mpj_sel.back = 0;
    mpj_sel.branchy = 0;
    mpj_sel.side_sel = mpj_sel.copy = 0;
    mpj_sel.ngknown = 0;
    mpj_sel.why = NULL;
    if (mpj_sel.cap) {
        memset(mpj_sel.ptype, 0, sizeof(Type *) * (size_t)mpj_sel.cap);
        memset(pobj, 0, sizeof(Obj *) * (size_t)mpj_sel.cap);
        memset(boxof, 0, sizeof(jc_ref) * (size_t)mpj_sel.cap);
    }
}

static void note(jc_ref r, Type *t, Obj *o)
{
    if (r < 0) return;
    if (r >= mpj_sel.cap) {
        int n = mpj_sel.cap ? mpj_sel.cap : 256;
        while (n <= r) n *= 2;
        Type **pt = realloc(mpj_sel.ptype, sizeof(Type *) * (size_t)n);
        if (pt) mpj_sel.ptype = pt;
        Obj **po = realloc(pobj, sizeof(Obj *) * (size_t)n);
        if (po) pobj = po;
        jc_ref *bo = realloc(boxof, sizeof(jc_ref) * (size_t)n);
        if (bo) boxof = bo;
        if (!pt || !po || !bo) return;
        memset(pt + mpj_sel.cap, 0, sizeof(Type *) * (size_t)(n - mpj_sel.cap));
        memset(po + mpj_sel.cap, 0, sizeof(Obj *) * (size_t)(n - mpj_sel.cap));
        memset(bo + mpj_sel.cap, 0, sizeof(jc_ref) * (size_t)(n - mpj_sel.cap));
        mpj_sel.cap = n;
    }
    mpj_sel.ptype[r] = t;
    pobj[r] = o;
}

static Type *ptype(jc_ref r) { return r >= 0 && r < mpj_sel.cap ? mpj_sel.ptype[r] : NULL; }
static Obj *seen(jc_ref r) { return r >= 0 && r < mpj_sel.cap ? pobj[r] : NULL; }

static jc_ref kptr(jc_lower *b, const void *p) { return jc_lower_const_ptr(b, p); }

/* A guard that the object at p has class t. */
static void guard_class(jc_lower *b, jc_ref p, Type *t)
{
    jc_ref ty = jc_lower_load(b, JC_TYPE_PTR, p, offsetof(Obj, type), MPJ_ALIAS_HEADER);
    jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, ty, kptr(b, t)), 1);
}

/* The class of ptr value p, guarded once per trace: the class it is known
 * to have, or else the class of the object seen for it at selection (a
 * guard, remembered for later uses).  NULL: nothing known. */
static Type *need_class(jc_lower *b, jc_ref p)
{
    if (jc_lower_type(b, p) != JC_TYPE_PTR) return NULL;
    Type *t = ptype(p);
    if (t) return t;
    Obj *o = seen(p);
    if (!o) return NULL;
    guard_class(b, p, TYPE(o));
    note(p, TYPE(o), o);
    return TYPE(o);
}

/* Unbox the object at p (class already unknown) as what `like` is: a small
 * int -> i64, a float -> f64, a bool -> bool; other classes stay ptrs with
 * a class guard.  like == NULL: no guard possible (JC_REF_NONE). */
static jc_ref unbox_like(jc_lower *b, jc_ref p, Obj *like)
{
    if (!like) return JC_REF_NONE;
    guard_class(b, p, TYPE(like));
    if (IS(like, int)) {
        if (((Int *)like)->big) { note(p, &mp_int_type, NULL); return p; }
        jc_ref big = jc_lower_load(b, JC_TYPE_BOOL, p, offsetof(Int, big), MPJ_ALIAS_INT);
        jc_lower_guard(b, big, 0);
        return jc_lower_load(b, JC_TYPE_I64, p, offsetof(Int, v), MPJ_ALIAS_INT);
    }
    if (IS(like, float)) {
        /* A NaN stays an object: dicts, sets and `in` find a NaN key by
         * identity, which a raw double boxed again would lose. */
        jc_ref f = jc_lower_load(b, JC_TYPE_F64, p, offsetof(Float, v), MPJ_ALIAS_FLOAT);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, f, f), 1);
        return f;
    }
    if (IS(like, bool)) {
        jc_ref v = jc_lower_load(b, JC_TYPE_I64, p, offsetof(Int, v), MPJ_ALIAS_INT);
        return jc_lower_cmp(b, JC_NE, v, jc_lower_const_i64(b, 0));
    }
    note(p, TYPE(like), NULL);
    return p;
}

/* A value loaded from a container (list, instance or module dict, cell):
 * numbers unboxed with guards, anything else kept alive (see h_keep) with
 * its class left to need_class. */
static jc_ref from_container(jc_lower *b, jc_ref p, Obj *live)
{
    if (live && (IS(live, float) || IS(live, bool) || (IS(live, int) && !((Int *)live)->big)))
        return unbox_like(b, p, live);
    jc_ref r = mpj_call(b, MPJ_H_KEEP, &p, 1);
    note(r, NULL, live);
    return r;
}

static jc_ref constant(jc_lower *b, Obj *c);

/* A slot of an inlined frame read before the callee set it.  Its frame is
 * fresh (push_frame makes it so at an exit): the arguments are the
 * caller's slots, so only what the call itself puts there is left: a
 * default (the CALL guarded fn->defaults) or a closure cell (fixed per
 * function object).  Anything else is an unbound local: no inlining. */
static int inl_load_slot(jc_lower *b, const void *code, uint32_t depth, uint32_t slot)
{
    if (depth > (uint32_t)mpj_sel.ninl || mpj_sel.inl[depth - 1].code != code)
        return jc_lower_fail(b, "slot of an unknown inlined frame");
    MpjInl *in = &mpj_sel.inl[depth - 1];
    Code *cc = in->code;
    Func *fn = in->fn;
    int ac = cc->argcount, nd = fn->defaults ? (int)TN(fn->defaults) : 0;
    if (slot >= in->nargs && (int)slot < ac && (int)slot >= ac - nd) {
        if (in->bycode) return jc_lower_slot_bind(b, slot, in->dflt[slot - in->nargs], 0);
        return jc_lower_slot_bind(b, slot, constant(b, TITEMS(fn->defaults)[(int)slot - (ac - nd)]), 0);
    }
    uint32_t fr = (uint32_t)(cc->nlocals + cc->ncells);
    if (slot >= fr && slot < mpj_nfixed(cc) && fn->closure) {
        if (in->bycode) {
            /* The function's cell, read from its closure (a tuple of
             * cells that never changes once the function is made). */
            jc_ref clo = jc_lower_load(b, JC_TYPE_PTR, in->fref, offsetof(Func, closure), MPJ_ALIAS_HEADER);
            jc_ref cell = jc_lower_load(b, JC_TYPE_PTR, clo,
                                        (int64_t)offsetof(Tuple, items) + 8 * (int64_t)(slot - fr), MPJ_ALIAS_HEADER);
            note(cell, &mp_cell_type, TITEMS(fn->closure)[slot - fr]);
            return jc_lower_slot_bind(b, slot, cell, 0);
        }
        return jc_lower_slot_bind(b, slot, constant(b, TITEMS(fn->closure)[slot - fr]), 0);
    }
    return jc_lower_fail(b, "unbound local read in an inlined call");
}

int mpj_load_slot(void *ud, jc_lower *b, const void *code, uint32_t depth, uint32_t slot)
{
    (void)ud;
    Frame *f = mpj_sel.frame;
    if (depth != 0) return inl_load_slot(b, code, depth, slot);
    if (slot < MPJ_MAX_CALL_ARGS && (mpj_sel.raw >> slot & 1)) {
        /* A raw argument (jit_lower.c, "Raw arguments"). */
        jc_ref v = jc_lower_load(b, JC_TYPE_I64, jc_lower_frame(b),
                                 (int64_t)offsetof(Frame, jit_arg) + 8 * (int64_t)slot, MPJ_ALIAS_SELF);
        return jc_lower_slot_bind_entry(b, slot, v, JC_BIND_TYPE_ONLY);
    }
    if (!f || code != f->code) return jc_lower_fail(b, "slot of another frame");
    if (slot >= mpj_nfixed(f->code) + (uint32_t)(f->sp - f->stack))
        return jc_lower_fail(b, "read of a stack slot above the head's depth");
    Obj *v = f->lp[slot];
    if (!v && slot < mpj_nfixed(f->code)) return jc_lower_fail(b, "slot unbound at the loop head");
    jc_ref p = jc_lower_load(b, JC_TYPE_PTR, jc_lower_frame(b),
                             (int64_t)offsetof(Frame, lp) + 8 * (int64_t)slot, MPJ_ALIAS_FRAME);
    if (!v) {
        /* A stack entry that is NULL (PUSH_NULL's, below a CALL's callee):
         * guarded to stay NULL, so CALL knows it is no method call. */
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, p, kptr(b, NULL)), 1);
        return jc_lower_slot_bind(b, slot, kptr(b, NULL), 0);
    }
    jc_lower_guard(b, jc_lower_cmp(b, JC_NE, p, kptr(b, NULL)), 1);
    if (!IS(v, float) && !IS(v, bool) && !(IS(v, int) && !((Int *)v)->big)) {
        /* Any object: its class is guarded where an instruction needs it
         * (need_class), so the slot may carry other objects around the
         * loop. */
        note(p, NULL, v);
        return jc_lower_slot_bind(b, slot, p, JC_BIND_TYPE_ONLY);
    }
    return jc_lower_slot_bind(b, slot, unbox_like(b, p, v), JC_BIND_TYPE_ONLY);
}

/* Objects a raw side trace takes from its parent's exit buffer
 * (libjitcore's seed_ptr, called before the side trace's first
 * instruction), noted once that instruction has reset the selection
 * state (mpj_lower).  The frame holds what the parent's exit restored
 * (the selection runs on it), so the live object guides the lowering as
 * in mpj_load_slot; its class is guarded where an instruction needs it.
 * Numbers (load_slot unboxes them) and NULL (load_slot guards it) stay
 * with load_slot.  At run time the object stays alive without the frame
 * slot's reference: the parent trace holds it as it did up to its exit
 * (a frame slot the trace only read, a parked reference, a constant of
 * the tree), until the side trace's exit writes it back. */

int mpj_seed_ptr(void *ud, jc_lower *b, const void *code, uint32_t slot, int32_t value)
{
    (void)ud; (void)b;
    Frame *f = mpj_restoring_frame();
    if (!f || f->code != code || nseeds == MPJ_MAX_SEEDS) return 1;
    if (slot >= mpj_nfixed(f->code) + (uint32_t)(f->sp - f->stack)) return 1;
    Obj *v = f->lp[slot];
    if (!v || IS(v, float) || IS(v, bool) || IS(v, int)) return 1;
    seeds[nseeds].r = value;
    seeds[nseeds++].o = v;
    return 0;
}

/* A constant: small ints, floats and bools raw, anything else a ptr in the
 * trace's constant table (retained while the trace lives). */
static jc_ref constant(jc_lower *b, Obj *c)
{
    if (IS(c, int) && !((Int *)c)->big) return jc_lower_const_i64(b, IV(c));
    if (IS(c, float)) return jc_lower_const_f64(b, FV(c));
    if (IS(c, bool)) return jc_lower_const_bool(b, c == TRUE_);
    jc_ref r = jc_lower_const_obj(b, c);
    note(r, TYPE(c), c);
    return r;
}

static int abort_step(jc_step *st, uint32_t reason, const char *msg)
{
    /* Inside an inlined body: the next attempt keeps this call a helper
     * call rather than abort the whole trace here again. */
    if (mpj_sel.ninl > 0) {
        MpJitCode *cj = mpj_code(mpj_sel.inl[mpj_sel.ninl - 1].code);
        if (cj) cj->inl = MPJ_INL_NO;
    }
    st->kind = JC_STEP_ABORT;
    st->reason = reason;
    st->message = msg;
    return 0;
}

static jc_type ty(jc_lower *b, jc_ref r) { return jc_lower_type(b, r); }
static int isnum(jc_lower *b, jc_ref r) { jc_type t = ty(b, r); return t == JC_TYPE_I64 || t == JC_TYPE_F64; }

static jc_ref to_f64(jc_lower *b, jc_ref x)
{
    return ty(b, x) == JC_TYPE_F64 ? x : jc_lower_unop(b, JC_I2F, x);
}

/* Guard |x| < 2**53, so converting x to a float is exact. */
static void guard_exact_f64(jc_lower *b, jc_ref x)
{
    jc_lower_guard(b, jc_lower_cmp(b, JC_LT, x, jc_lower_const_i64(b, (int64_t)1 << 53)), 1);
    jc_lower_guard(b, jc_lower_cmp(b, JC_GT, x, jc_lower_const_i64(b, -((int64_t)1 << 53))), 1);
}

static jc_ref call2(jc_lower *b, int h, jc_ref x, jc_ref y)
{
    jc_ref a[2] = { x, y };
    return mpj_call(b, (uint32_t)h, a, 2);
}

/* x OP y on raw numbers; JC_REF_NONE when the operation has no lowering. */
static jc_ref arith(jc_lower *b, int op, jc_ref x, jc_ref y)
{
    if (ty(b, x) == JC_TYPE_I64 && ty(b, y) == JC_TYPE_I64) {
        int64_t kx, ky, kr;
        if (jc_lower_is_const_i64(b, x, &kx) && jc_lower_is_const_i64(b, y, &ky)
            && ((op == BIN_ADD && !__builtin_add_overflow(kx, ky, &kr))
                || (op == BIN_SUB && !__builtin_sub_overflow(kx, ky, &kr))
                || (op == BIN_MUL && !__builtin_mul_overflow(kx, ky, &kr))))
            /* Both known (an unrolled loop's variable and a literal): the
             * result is known too, so a range it bounds can be unrolled. */
            return jc_lower_const_i64(b, kr);
        jc_ref zero = jc_lower_const_i64(b, 0);
        switch (op) {
        case BIN_ADD: return jc_lower_binop_ov(b, JC_ADD, x, y);
        case BIN_SUB: return jc_lower_binop_ov(b, JC_SUB, x, y);
        case BIN_MUL: return jc_lower_binop_ov(b, JC_MUL, x, y);
        case BIN_AND: return jc_lower_binop(b, JC_AND, x, y);
        case BIN_OR: return jc_lower_binop(b, JC_OR, x, y);
        case BIN_XOR: return jc_lower_binop(b, JC_XOR, x, y);
        case BIN_RSHIFT: case BIN_LSHIFT: {
            jc_lower_guard(b, jc_lower_cmp(b, JC_GE, y, zero), 1);
            jc_lower_guard(b, jc_lower_cmp(b, JC_LE, y, jc_lower_const_i64(b, 63)), 1);
            if (op == BIN_RSHIFT) return jc_lower_binop(b, JC_SHR, x, y);
            jc_ref r = jc_lower_binop(b, JC_SHL, x, y);
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, jc_lower_binop(b, JC_SHR, r, y), x), 1);
            return r;
        }
        case BIN_FLOORDIV: return jc_lower_binop_ov(b, JC_FLOORDIV, x, y);
        case BIN_MOD: return jc_lower_binop_ov(b, JC_FLOORMOD, x, y);
        case BIN_TRUEDIV:
            guard_exact_f64(b, x);
            guard_exact_f64(b, y);
            jc_lower_guard(b, jc_lower_cmp(b, JC_NE, y, zero), 1);
            return jc_lower_binop(b, JC_DIV, to_f64(b, x), to_f64(b, y));
        default: return JC_REF_NONE;
        }
    }
    if (!isnum(b, x) || !isnum(b, y)) return JC_REF_NONE;
    /* A float and a float or small int: Python converts the int with
     * correct rounding, as the i64 -> f64 conversion does. */
    x = to_f64(b, x);
    y = to_f64(b, y);
    jc_ref fz = jc_lower_const_f64(b, 0.0);
    switch (op) {
    case BIN_ADD: return jc_lower_binop(b, JC_ADD, x, y);
    case BIN_SUB: return jc_lower_binop(b, JC_SUB, x, y);
    case BIN_MUL: return jc_lower_binop(b, JC_MUL, x, y);
    case BIN_TRUEDIV:
        jc_lower_guard(b, jc_lower_cmp(b, JC_NE, y, fz), 1);
        return jc_lower_binop(b, JC_DIV, x, y);
    case BIN_FLOORDIV: case BIN_MOD:
        jc_lower_guard(b, jc_lower_cmp(b, JC_NE, y, fz), 1);
        return call2(b, op == BIN_MOD ? MPJ_H_FMOD : MPJ_H_FFLOORDIV, x, y);
    case BIN_POW: {
        /* float_pow's plain case: a base > 0 (no ZeroDivisionError, no
         * complex result) and a finite result (no OverflowError; an
         * infinity or NaN is left to the interpreter, which computes it
         * again), through the C pow the interpreter calls. */
        jc_lower_guard(b, jc_lower_cmp(b, JC_GT, x, fz), 1);
        jc_ref r = call2(b, MPJ_H_FPOW, x, y);
        jc_lower_guard(b, jc_lower_cmp(b, JC_LT, r, jc_lower_const_f64(b, HUGE_VAL)), 1);
        return r;
    }
    default: return JC_REF_NONE;
    }
}

static const jc_cmp cmp_map[] = { JC_LT, JC_LE, JC_EQ, JC_NE, JC_GT, JC_GE };

static jc_ref compare(jc_lower *b, int op, jc_ref x, jc_ref y)
{
    if (op < 0 || op > CMP_GE) return JC_REF_NONE;
    jc_type tx = ty(b, x), tyy = ty(b, y);
    if (tx == JC_TYPE_BOOL && tyy == JC_TYPE_BOOL && (op == CMP_EQ || op == CMP_NE))
        return jc_lower_cmp(b, cmp_map[op], x, y);
    if (!isnum(b, x) || !isnum(b, y)) return JC_REF_NONE;
    if (tx != tyy) {
        if (tx == JC_TYPE_I64) guard_exact_f64(b, x); else guard_exact_f64(b, y);
        x = to_f64(b, x);
        y = to_f64(b, y);
    }
    return jc_lower_cmp(b, cmp_map[op], x, y);
}

/* Python truth of a value, as a bool; JC_REF_NONE if unknown. */
static jc_ref truth(jc_lower *b, jc_ref v)
{
    switch (ty(b, v)) {
    case JC_TYPE_BOOL: return v;
    case JC_TYPE_I64: return jc_lower_cmp(b, JC_NE, v, jc_lower_const_i64(b, 0));
    case JC_TYPE_F64: return jc_lower_cmp(b, JC_NE, v, jc_lower_const_f64(b, 0.0));
    case JC_TYPE_PTR: {
        Type *t = need_class(b, v);
        if (t == &mp_none_type) return jc_lower_const_bool(b, 0);
        if (t == &mp_list_type) {
            jc_ref n = jc_lower_load(b, JC_TYPE_I64, v, offsetof(List, n), MPJ_ALIAS_LIST);
            return jc_lower_cmp(b, JC_NE, n, jc_lower_const_i64(b, 0));
        }
        return JC_REF_NONE;
    }
    default: return JC_REF_NONE;
    }
}

/* The class the elements of list `l` are expected to have: that of the
 * element at index i of the list seen at selection (or of element 0). */
static Obj *elem_like(Obj *l, int64_t i)
{
    if (!l || !IS(l, list) || LN(l) == 0) return NULL;
    if (i < 0 || i >= LN(l)) i = 0;
    return LITEMS(l)[i];
}

/* The element index that Python's seq[k] reads, for a sequence of n
 * items and an i64 k: k, or k + n for a negative k, guarded to lie in
 * 0 .. n-1 (otherwise the exit's interpreter raises the IndexError).  With
 * a constant k the optimizer folds the select and the guard it proves. */
static jc_ref seq_index(jc_lower *b, jc_ref k, jc_ref n)
{
    jc_ref zero = jc_lower_const_i64(b, 0);
    jc_ref idx = jc_lower_select(b, jc_lower_cmp(b, JC_LT, k, zero), jc_lower_binop(b, JC_ADD, k, n), k);
    jc_lower_guard(b, jc_lower_cmp(b, JC_GE, idx, zero), 1);
    jc_lower_guard(b, jc_lower_cmp(b, JC_LT, idx, n), 1);
    return idx;
}

/* The item pointer (borrowed) of list l at a valid index idx, as one
 * indexed load; List.items may move when the list grows, so it is loaded
 * under the list's alias class (stores of items never change it). */
static jc_ref list_item_at(jc_lower *b, jc_ref l, jc_ref idx)
{
    jc_ref items = jc_lower_load(b, JC_TYPE_PTR, l, offsetof(List, items), MPJ_ALIAS_LIST);
    return jc_lower_load_index(b, JC_TYPE_PTR, items, idx, 8, 0, MPJ_ALIAS_LISTITEM);
}

/* The same for a tuple: its items are inline and never change. */
static jc_ref tuple_item_at(jc_lower *b, jc_ref t, jc_ref idx)
{
    return jc_lower_load_index(b, JC_TYPE_PTR, t, idx, 8, offsetof(Tuple, items), MPJ_ALIAS_HEADER);
}

/* Where a float store that must not happen goes (see list_store_float):
 * only its value is ever written, and nothing reads it. */
static Float store_sink = { OBJ_HEAD(&mp_float_type), 0.0 };

/* l[k] = v (f64) on a list.  The bounds guards, then: when the item it
 * replaces is a float only the list holds (count 1), v goes into that
 * float, in the trace (what h_list_store_f64 would do); otherwise the
 * helper makes the new float, on a cold path of the trace (call_if), so
 * a list whose floats are shared -- [0.0] * n -- is filled without
 * leaving the trace.  The in-place store is unconditional, to the item or,
 * when the helper runs instead, to store_sink. */
static void list_store_float(jc_lower *b, jc_ref l, jc_ref k, jc_ref v)
{
    /* What it changes: item k of l, afterwards a float holding v (the item
     * facts above mpj_call). */
    int64_t kk;
    int kconst = jc_lower_is_const_i64(b, k, &kk) && kk >= 0;
    if (kconst) facts_forget_index(kk);
    else nifacts = 0;
    jc_ref n = jc_lower_load(b, JC_TYPE_I64, l, offsetof(List, n), MPJ_ALIAS_LIST);
    jc_ref idx = seq_index(b, k, n);
    jc_ref old = list_item_at(b, l, idx);
    jc_ref cls = jc_lower_load(b, JC_TYPE_PTR, old, offsetof(Obj, type), MPJ_ALIAS_HEADER);
    jc_ref rc = jc_lower_load(b, JC_TYPE_I64, old, offsetof(Obj, rc), MPJ_ALIAS_RC);
    jc_ref mine = jc_lower_binop(b, JC_AND, jc_lower_cmp(b, JC_EQ, cls, kptr(b, &mp_float_type)),
                                 jc_lower_cmp(b, JC_EQ, rc, jc_lower_const_i64(b, 1)));
    jc_ref dst = jc_lower_select(b, mine, old, kptr(b, &store_sink));
    jc_lower_store(b, dst, offsetof(Float, v), v, MPJ_ALIAS_FLOAT);
    jc_ref a[3] = { l, idx, v };
    jc_lower_call_if(b, jc_lower_unop(b, JC_NOT, mine), MPJ_H_LIST_STORE_F64, a, 3);
    if (kconst) fact_set(l, kk, v);
}

/* Where the item store of list_store_obj goes when the helper stores
 * instead: written, never read. */
static Obj *store_sink_items[1];

/* l[k] = v (an object) on a list.  The bounds guards, then: when the item
 * it replaces keeps a reference after losing the list's (count above 1),
 * the store and both counts in the trace (v's first: v may be that item);
 * otherwise the helper, on a cold path, parks the old item (freed at the
 * exit, as nothing the trace holds may be freed under it).  The fast
 * path's effects are branch-free: the item into store_sink_items and the
 * counts changed by 0 when the helper runs instead. */
static void list_store_obj(jc_lower *b, jc_ref l, jc_ref k, jc_ref v)
{
    jc_ref n = jc_lower_load(b, JC_TYPE_I64, l, offsetof(List, n), MPJ_ALIAS_LIST);
    jc_ref idx = seq_index(b, k, n);
    if (mpj_sel.strict) {
        /* The helper leaves an old item that is not inert to the
         * interpreter (see "Finalizers"). */
        jc_ref a[3] = { l, idx, v };
        mpj_call(b, MPJ_H_LIST_STORE_PTR, a, 3);
        return;
    }
    jc_ref items = jc_lower_load(b, JC_TYPE_PTR, l, offsetof(List, items), MPJ_ALIAS_LIST);
    jc_ref old = jc_lower_load_index(b, JC_TYPE_PTR, items, idx, 8, 0, MPJ_ALIAS_LISTITEM);
    jc_ref orc = jc_lower_load(b, JC_TYPE_I64, old, offsetof(Obj, rc), MPJ_ALIAS_RC);
    jc_ref fast = jc_lower_cmp(b, JC_NE, orc, jc_lower_const_i64(b, 1));
    jc_ref one = jc_lower_unop(b, JC_B2I, fast);
    jc_lower_store_index(b, jc_lower_select(b, fast, items, kptr(b, store_sink_items)),
                         jc_lower_select(b, fast, idx, jc_lower_const_i64(b, 0)), 8, 0, v,
                         MPJ_ALIAS_LISTITEM);
    jc_ref vrc = jc_lower_load(b, JC_TYPE_I64, v, offsetof(Obj, rc), MPJ_ALIAS_RC);
    jc_lower_store(b, v, offsetof(Obj, rc), jc_lower_binop(b, JC_ADD, vrc, one), MPJ_ALIAS_RC);
    jc_ref orc2 = jc_lower_load(b, JC_TYPE_I64, old, offsetof(Obj, rc), MPJ_ALIAS_RC);
    jc_lower_store(b, old, offsetof(Obj, rc), jc_lower_binop(b, JC_SUB, orc2, one), MPJ_ALIAS_RC);
    jc_ref a[3] = { l, idx, v };
    mpj_call_if(b, jc_lower_unop(b, JC_NOT, fast), MPJ_H_LIST_STORE_PTR, a, 3);
}

static int global_is_code(Obj *v);
static jc_ref global_entry(jc_lower *b, Dict *d, Obj *name, Obj **val);

/* Globals the trace has loaded or stored before (dict d, name): a later
 * load of one compares the entry with the object it held then and, when
 * it is that object still (guarded), gives the ref the trace has for it:
 * no h_keep and nothing parked again (a trace's object refs stay alive
 * for its whole entry: kept, parked or owned by a frame), no type guard
 * or unboxing of a number again (bench/dict_words.py's module-level loop
 * `for w in ...: counts[w] = counts.get(w, 0) + 1` loads `counts` twice
 * and `w` twice after storing it).  A store records what it stored; the
 * table is per selection. */
static int global_known(Dict *d, Obj *name)
{
    for (int i = 0; i < mpj_sel.ngknown; i++)
        if (mpj_sel.gknown[i].dict == (Obj *)d && mpj_sel.gknown[i].name == name) return i;
    return -1;
}

static void global_note(Dict *d, Obj *name, jc_ref obj, jc_ref val)
{
    int i = global_known(d, name);
    if (i < 0) {
        if (mpj_sel.ngknown == MPJ_MAX_GKNOWN) return;
        i = mpj_sel.ngknown++;
    }
    mpj_sel.gknown[i].dict = (Obj *)d;
    mpj_sel.gknown[i].name = name;
    mpj_sel.gknown[i].obj = obj;
    mpj_sel.gknown[i].val = val;
}

/* Load of the global `name`: code (functions, classes ...) as a constant
 * the trace depends on, data through its dict entry (global_entry). */
static jc_ref global(jc_lower *b, Frame *f, Obj *name)
{
    Dict *g = (Dict *)f->globals, *bi = (Dict *)f->builtins;
    int64_t h = mp_str_hash(name);
    Obj *v = mp_dict_get((Obj *)g, name), *live = NULL;
    if (v && !global_is_code(v)) {
        jc_ref p = global_entry(b, g, name, &live);
        if (p == JC_REF_NONE) return p;
        int k = global_known(g, name);
        if (k >= 0) {
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, p, mpj_sel.gknown[k].obj), 1);
            return mpj_sel.gknown[k].val;
        }
        jc_ref r = from_container(b, p, live);
        if (r != JC_REF_NONE) global_note(g, name, ty(b, r) == JC_TYPE_PTR ? r : p, r);
        return r;
    }
    g->jit_watched = 1;
    mpj_depend(b, mpj_key_entry(g, h));
    mpj_depend(b, mpj_key_dict(g));
    if (!v) {
        if (!bi || !IS(bi, dict)) return JC_REF_NONE;
        v = mp_dict_get((Obj *)bi, name);
        bi->jit_watched = 1;
        mpj_depend(b, mpj_key_entry(bi, h));
        mpj_depend(b, mpj_key_dict(bi));
    }
    if (!v) return JC_REF_NONE;
    return constant(b, v);
}

static jc_ref range_next(jc_lower *b, jc_ref it, Obj *live, jc_ref *next_i)
{
    if (live && !IS(live, range_iterator)) return JC_REF_NONE;
    RangeIter *r = (RangeIter *)live;
    jc_ref i = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, i), MPJ_ALIAS_RANGEITER);
    jc_ref stop = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, stop), MPJ_ALIAS_HEADER);
    jc_ref step = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, step), MPJ_ALIAS_HEADER);
    jc_ref zero = jc_lower_const_i64(b, 0);
    int up = !r || r->step > 0;     /* not seen (made in the trace): counting up, guarded */
    jc_lower_guard(b, jc_lower_cmp(b, up ? JC_GT : JC_LT, step, zero), 1);
    jc_lower_guard(b, jc_lower_cmp(b, up ? JC_LT : JC_GT, i, stop), 1);
    /* i + step below must not wrap: with i < stop it cannot when stop +
     * step does not (stop <= INT64_MAX - step counting up, stop >=
     * INT64_MIN - step down; neither bound overflows for that sign of
     * step).  Loop-invariant, so the loop pass keeps it out of the loop;
     * an end near the limits exits, and the interpreter iterates it. */
    jc_lower_guard(b, jc_lower_cmp(b, up ? JC_LE : JC_GE, stop,
                                   jc_lower_binop(b, JC_SUB, jc_lower_const_i64(b, up ? INT64_MAX : INT64_MIN), step)), 1);
    /* A counter seen non-negative, counting up, is guarded so: libjitcore's
     * integer ranges then know it (i ^ x, i % c and i // c of non-negative
     * values need no floor fixup).  One compare per iteration; a loop
     * entered again at a negative start exits there. */
    if (r && up && r->i >= 0)
        jc_lower_guard(b, jc_lower_cmp(b, JC_GE, i, zero), 1);
    *next_i = jc_lower_binop(b, JC_ADD, i, step);
    return i;
}

/* ---------------------------------------------------------------- unrolling
 *
 * A trace cannot contain a loop, and an inner loop that runs a handful of
 * iterations per entry never pays for a trace of its own (nbody's `for j
 * in range(i + 1, n)` runs 4, 3, 2, 1 and 0 times).  Such a loop is
 * unrolled into the trace around it when its trip count is known while
 * the trace is selected:
 *   - `range(a[, b[, c]])` called in the trace (the builtin, a constant)
 *     with raw int arguments: the CALL remembers their refs (uranges);
 *     GET_ITER on its result knows the bounds when they are constants
 *     (literals, an unrolled outer loop's variable, sums of those: arith
 *     folds them) or, for the stop, when GET_ITER's length profile
 *     (opcodes.h, MP_ITER_PROF) says tier 1 always saw the same value V
 *     there: a guard stop == V (exit to GET_ITER, the range already made,
 *     so the interpreter goes on with the real one) and V is used;
 *   - a list (class guarded) whose length the profile always saw as V.
 * With at most mpj_unroll_max iterations, GET_ITER still makes the real
 * iterator (the helper; its class is then known) and records what it
 * will do (uiters).  Each FOR_ITER visit is then decided here, and the
 * library is told (jc_lower_unroll) that the walk coming back to this
 * FOR_ITER is the next iteration, not an inner loop:
 *   - a range: no guard at all; the item is a constant and the iterator's
 *     new position is stored into it, as the ordinary lowering stores it,
 *     so an exit anywhere in the iteration (a guard, an exception) hands
 *     the interpreter the real iterator at the very position the
 *     interpreter would have it in; at the end the walk follows the loop
 *     exit (the iterator dropped from the stack, as FOR_ITER does);
 *   - a list (it can change while the loop runs): the bounds check stays,
 *     as a guard that exits to this FOR_ITER (position pos stored), with
 *     the index a constant; at the end a guard that the list has not grown
 *     (len <= pos) before the loop exit.
 * The iterations unrolled count as the root trace's own for minipy's judge
 * of iterations per entry (count_unrolled).
 * Only in loop traces (and side traces): a function-entry trace keeps
 * aborting at its loop, as before (see plan_unroll).
 * If the library's budget (options.max_unroll) is spent, FOR_ITER is
 * lowered as before (guarded, through the iterator's memory) and the
 * selection aborts at the loop's return as it always did.  MINIPY_JIT_
 * UNROLL=0 switches this off (tests run programs both ways). */

static URange *find_range(jc_ref r)
{
    for (int i = mpj_sel.nranges - 1; i >= 0; i--) if (uranges[i].r == r) return &uranges[i];
    return NULL;
}

static UIter *find_iter(jc_ref it)
{
    for (int i = mpj_sel.niters - 1; i >= 0; i--) if (uiters[i].it == it) return &uiters[i];
    return NULL;
}

/* After the CALL at stack slot base (n arguments) made r: remember range
 * calls whose callee is the builtin range, a constant. */
static void note_range_call(jc_lower *b, uint32_t base, int n, jc_ref r)
{
    if (mpj_unroll_max <= 0 || n < 1 || n > 3 || mpj_sel.nranges >= MPJ_MAX_UNROLLED) return;
    const void *A, *B;
    if (!jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base), &A) || A
        || !jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base + 1), &B) || B != &mp_range_type)
        return;
    jc_ref a[3] = { JC_REF_NONE, JC_REF_NONE, JC_REF_NONE };
    for (int i = 0; i < n; i++) {
        a[i] = jc_lower_slot_get(b, base + 2 + (uint32_t)i);
        if (ty(b, a[i]) != JC_TYPE_I64) return;
    }
    URange *u = &uranges[mpj_sel.nranges++];
    u->r = r;
    u->start = n == 1 ? jc_lower_const_i64(b, 0) : a[0];
    u->stop = n == 1 ? a[0] : a[1];
    u->step = n == 3 ? a[2] : jc_lower_const_i64(b, 1);
}

static int64_t range_count(int64_t start, int64_t stop, int64_t step)
{
    __int128 d = step > 0 ? (__int128)stop - start : (__int128)start - stop;
    __int128 st = step > 0 ? step : -(__int128)step;
    return d <= 0 ? 0 : d > (__int128)1 << 40 ? (int64_t)1 << 40 : (int64_t)((d + st - 1) / st);
}

/* GET_ITER of src (its length profile prof): whether the loop it starts
 * is unrolled, with *u filled (its `it` left for the caller).  May emit
 * the guard of a speculated length, before the iterator is made. */
static int plan_unroll(jc_lower *b, jc_ref src, uint32_t prof, UIter *u, Code *co, uint32_t head)
{
    /* Not in function-entry traces: their loop usually is the function's
     * work, with branches that vary per iteration (nqueens' place()), and
     * an entry that leaves at one of them pays for nothing. */
    if (mpj_unroll_max <= 0 || mpj_sel.fentry || mpj_sel.niters >= MPJ_MAX_UNROLLED) return 0;
    /* A short root (mpj_sel_short_roots): its own trace, linked to. */
    MpJitCode *jc = mpj_code(co);
    if (!jc || (head < (uint32_t)co->ncode && jc->probe[head].short_root)) return 0;
    int have_v = prof != 0 && prof != MP_ITER_PROF_MANY;
    int64_t v = have_v ? (int64_t)prof - 1 : -1;
    URange *r = find_range(src);
    memset(u, 0, sizeof *u);
    if (r) {
        int64_t start, stop, step;
        if (!jc_lower_is_const_i64(b, r->start, &start) || !jc_lower_is_const_i64(b, r->step, &step) || !step)
            return 0;
        int kstop = jc_lower_is_const_i64(b, r->stop, &stop);
        if (!kstop) {
            if (!have_v) return 0;
            stop = v;
        }
        if (range_count(start, stop, step) > mpj_unroll_max) return 0;
        if (!kstop) jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, r->stop, jc_lower_const_i64(b, stop)), 1);
        u->pos = start;
        u->stop = stop;
        u->step = step;
        u->head = head;
        u->level = ++mpj_sel.uopen;
        return 1;
    }
    if (ty(b, src) != JC_TYPE_PTR || !have_v || v > mpj_unroll_max || need_class(b, src) != &mp_list_type)
        return 0;
    u->list = 1;
    u->seq = src;
    u->stop = v;
    u->step = 1;
    u->head = head;
    u->level = ++mpj_sel.uopen;
    return 1;
}

/* Short roots.  A loop nest whose unrolled trace is too long (nbody's
 * `for s in range(steps)`: its `for i` and `for j` unrolled into one
 * step, 20 loop bodies, more than max_trace_insns) got no trace at all:
 * the outer loop aborted at the length limit, and the short inner loops
 * were refused (unrolled_elsewhere, worth_tracing and the judge in
 * jit_host.c: 1-4 iterations per entry never pay for a trace).  Instead,
 * when a root loop selection aborts at the length limit (or the snapshot
 * limit) with loops unrolled in it, the innermost level of those loops
 * (the largest UIter.level seen, nbody's `for j`) is marked a *short
 * root* (MpjProbe.short_root): it is no longer unrolled (plan_unroll), so
 * it may get a root trace of its own, and its side traces -- from its loop
 * exit round the rest of the loops around it -- come back to its head and
 * link to it, so the tree runs the whole nest natively.  The host then
 * neither refuses the head for few iterations per entry before its trace
 * (worth_tracing) nor drops its trace for them while its side traces are
 * on their way (judge_later): it is judged by the tree's iterations per
 * entry from the interpreter, which the side traces take to many.  Loops
 * of a level further out stay unrolled (in the side traces); if the
 * outer selection is still too long it marks the next level when it
 * aborts again.  Returns how many heads were marked.  MINIPY_JIT_SHORT_
 * ROOTS=0 turns this off. */
int mpj_sel_short_roots(Code *co)
{
    int top = 0, n = 0;
    MpJitCode *jc = mpj_code(co);
    if (!mpj_short_roots || !jc || mpj_sel.fentry) return 0;
    for (int i = 0; i < mpj_sel.niters; i++) if (uiters[i].level > top) top = uiters[i].level;
    for (int i = 0; i < mpj_sel.niters; i++) {
        uint32_t h = uiters[i].head;
        if (uiters[i].level != top || h >= (uint32_t)co->ncode || jc->probe[h].short_root) continue;
        jc->probe[h].short_root = 1;
        mpj_revive_head(co, h);
        mpj_short_root_heads++;
        n++;
    }
    return n;
}

/* At an unrolled loop's end: its iterations count as the root trace's for
 * the judge of iterations per entry (mp_jit_loop_head), since each does
 * an iteration's work (nbody's outer trace does 20 a step).  Not in side
 * traces, which have no count of their own. */
static void count_unrolled(jc_lower *b, const UIter *u)
{
    if (!mpj_sel.iters || u->done <= 0) return;
    jc_ref k = kptr(b, mpj_sel.iters);
    jc_ref n = jc_lower_load(b, JC_TYPE_I64, k, 0, MPJ_ALIAS_COUNTER);
    jc_lower_store(b, k, 0, jc_lower_binop(b, JC_ADD, n, jc_lower_const_i64(b, u->done)), MPJ_ALIAS_COUNTER);
}

/* FOR_ITER over an iterator GET_ITER planned to unroll (see above): 1 with
 * the instruction lowered (*st, *d), 0 to lower it as usual (the budget
 * is spent). */
static int unroll_for(jc_lower *b, UIter *u, jc_ref it, uint32_t top, int arg, jc_step *st, int *d)
{
    if (u->list) {
        jc_ref n = jc_lower_load(b, JC_TYPE_I64, u->seq, offsetof(List, n), MPJ_ALIAS_LIST);
        jc_ref k = jc_lower_const_i64(b, u->pos);
        if (u->pos >= u->stop) {
            /* The end tier 1 saw: the loop exits unless the list grew. */
            jc_lower_guard(b, jc_lower_cmp(b, JC_LE, n, k), 1);
            count_unrolled(b, u);
            mpj_sel.uopen--;
            st->pc = (uint32_t)arg;
            *d = -1;
            return 1;
        }
        if (jc_lower_unroll(b) != 0) return 0;
        jc_lower_guard(b, jc_lower_cmp(b, JC_GT, n, k), 1);
        jc_ref item = list_item_at(b, u->seq, k);   /* a constant index: one load */
        jc_ref v = from_container(b, item, elem_like(seen(u->seq), u->pos));
        jc_lower_store(b, it, offsetof(SeqIter, i), jc_lower_const_i64(b, u->pos + 1), MPJ_ALIAS_RANGEITER);
        u->pos++;
        u->done++;
        jc_lower_slot_set(b, top, v);
        *d = 1;
        return 1;
    }
    if (u->step > 0 ? u->pos >= u->stop : u->pos <= u->stop) {
        count_unrolled(b, u);
        mpj_sel.uopen--;
        st->pc = (uint32_t)arg;
        *d = -1;
        return 1;
    }
    if (jc_lower_unroll(b) != 0) return 0;
    jc_lower_store(b, it, offsetof(RangeIter, i), jc_lower_const_i64(b, u->pos + u->step), MPJ_ALIAS_RANGEITER);
    jc_lower_slot_set(b, top, jc_lower_const_i64(b, u->pos));
    u->pos += u->step;
    u->done++;
    *d = 1;
    return 1;
}

/* An object of unknown class (a helper's result) met as an operand beside
 * a raw number, or stored to a local that held a number at the head:
 * speculate it is a number of that kind (guarded: a wrong guess exits to
 * the instruction), so arithmetic stays unboxed and loops close. */
static jc_ref speculate(jc_lower *b, jc_ref v, jc_type as)
{
    if (ty(b, v) != JC_TYPE_PTR || ptype(v) || seen(v)) return v;
    if (as == JC_TYPE_F64) {
        static Float like = { OBJ_HEAD(&mp_float_type), 0.0 };
        return unbox_like(b, v, (Obj *)&like);
    }
    if (as == JC_TYPE_I64) {
        static Int like = { OBJ_HEAD(&mp_int_type), 0, 0, {{0}}, {0} };
        return unbox_like(b, v, (Obj *)&like);
    }
    return v;
}

/* A class whose instances a raw int, float or bool never is (NULL:
 * unknown).  Subclasses of int/float are other classes, but an instance of
 * one is never unboxed to a raw number either. */
static int not_number_class(Type *t)
{
    return t && t != &mp_int_type && t != &mp_float_type && t != &mp_bool_type;
}

static jc_type live_kind(Obj *o)
{
    if (!o) return JC_TYPE_VOID;
    if (IS(o, float)) return JC_TYPE_F64;
    if (IS(o, int) && !((Int *)o)->big) return JC_TYPE_I64;
    return JC_TYPE_VOID;
}

/* A boxed object for v (borrowed: a new box is parked until the trace
 * exits, see jit_helpers.c). */
static int raw_boxed(jc_lower *b, jc_ref v);

static jc_ref box(jc_lower *b, jc_ref v)
{
    jc_ref r;
    jc_type t = ty(b, v);
    if ((t == JC_TYPE_I64 || t == JC_TYPE_F64) && v >= 0 && v < mpj_sel.cap && boxof[v] > 0)
        return boxof[v] - 1;
    switch (t) {
    case JC_TYPE_PTR: return v;
    case JC_TYPE_I64: {
        if (mpj_sel.raw && raw_boxed(b, v)) return JC_REF_NONE;
        /* A constant of the immortal small ints (-5..256, int.c) is that
         * object: no helper, nothing parked (`d.get(k, 0)`). */
        int64_t k;
        if (jc_lower_is_const_i64(b, v, &k) && k >= -5 && k <= 256) {
            Obj *o = mp.small_ints[k + 5];
            r = jc_lower_const_obj(b, o);
            note(r, &mp_int_type, o);
            break;
        }
        r = mpj_call(b, MPJ_H_BOX_INT, &v, 1);
        note(r, &mp_int_type, NULL);
        break;
    }
    case JC_TYPE_F64:
        /* A NaN the trace computed is left to the interpreter: its exits
         * and this box give one object per value (boxof, copy_slot), but a
         * NaN also in a slot the trace did not write would not be. */
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, v, v), 1);
        r = mpj_call(b, MPJ_H_BOX_FLOAT, &v, 1);
        note(r, &mp_float_type, NULL);
        break;
    case JC_TYPE_BOOL:
        r = jc_lower_select(b, v, jc_lower_const_obj(b, TRUE_), jc_lower_const_obj(b, FALSE_));
        note(r, &mp_bool_type, NULL);
        return r;
    default: return JC_REF_NONE;
    }
    if (r >= 0 && v >= 0 && v < mpj_sel.cap) boxof[v] = r + 1;
    return r;
}

/* After a helper that may run Python code or rebind globals, the next
 * instruction first checks that no trace was invalidated meanwhile (the
 * running one may have been): its snapshot is that instruction's, after
 * the helper's effects, so the exit resumes there. */
static void ran_code(void) { mpj_sel.check_pending = 1; }

/* ---------------------------------------------------------------- finalizers
 *
 * A trace releases nothing: what it drops stays alive (parked, or owned
 * by the frame, whose slots it writes only at exits) until it exits (see
 * "Boxing and reference counts" in the README).  CPython releases an
 * object where its last reference goes, and when that runs code -- a
 * __del__, a suspended generator's finally block -- the difference shows
 * (finalizers run late, and in another order).  No release can run code
 * before mp_finalizers_possible is set (object.c: some class has __del__,
 * or a generator was suspended inside a block), so:
 *
 *   - a trace selected while it is 0 depends on mpj_key_fin(), which
 *     mp_jit_finalizers_possible invalidates when it becomes 1 (from a
 *     helper running Python code: the running trace exits after it, at
 *     check_valid, and no side trace of it runs on);
 *   - a trace selected while it is 1 is strict: it never holds on past
 *     an instruction to an object whose release might run code, and never
 *     drops one itself; the interpreter does both, at the instruction
 *     where CPython does.  "Might run code" is any object but the inert
 *     ones (mpj_inert: numbers, strings, None, ranges ...), since a list
 *     or an instance may hold an object with __del__.  So in a strict
 *     trace
 *       . a helper result that is not inert (a call's, a kept load's,
 *         built lists ...) ends the trace at the next instruction (a
 *         guard there, fin_result / fin_check): the interpreter goes on
 *         with it in the frame, owned as CPython owns it;
 *       . a store helper (globals, cells, attributes, items) whose old
 *         value is not inert fails before storing (jit_helpers.c), so the
 *         interpreter stores and drops the old value itself; list item
 *         stores always go through the helper;
 *       . STORE_FAST guards that the local's old value is inert
 *         (fin_store_fast); a root loop trace is not selected where a
 *         local it stores to is unbound at the head (a loop-carried
 *         value would replace it from the second iteration on);
 *       . a side trace starts only with inert objects on its frame's
 *         stack (guarded), and a root trace that would pop below its
 *         entry depth (the loop's iterators) is not selected.
 *     With that, every object that is not inert is owned, at any point
 *     of the trace, by what owns it in CPython (a frame slot the trace
 *     has not rebound, a container), and an inlined call's locals hold
 *     only such objects when it returns.  A strict trace exits often in
 *     a loop that makes objects, but a loop of numbers runs as before.
 * (tests/minipy/deopt_del_*.py.) */

/* A strict trace's first instruction: note whether it is strict, else
 * depend on the key that ends it when finalizers become possible. */
static void fin_start(jc_lower *b)
{
    if (mpj_sel.fin_started) return;
    mpj_sel.fin_started = 1;
    mpj_sel.strict = mp_finalizers_possible != 0;
    if (!mpj_sel.strict) mpj_depend(b, mpj_key_fin());
}

/* A guard that v is NULL or an inert object (or a raw value). */
static void fin_guard_inert(jc_lower *b, jc_ref v)
{
    if (jc_lower_type(b, v) != JC_TYPE_PTR) return;
    Type *t = ptype(v);
    if (t && mpj_inert_type(t)) return;
    jc_lower_guard(b, mpj_call(b, MPJ_H_IS_INERT, &v, 1), 1);
}

/* The result of helper h, in a strict trace: guarded at the next
 * instruction unless it cannot be an object that is not inert. */
static void fin_result(jc_lower *b, uint32_t h, jc_ref r)
{
    if (r < 0 || jc_lower_type(b, r) != JC_TYPE_PTR) return;
    switch (h) {
    case MPJ_H_IS_INERT: case MPJ_H_BOX_INT: case MPJ_H_BOX_FLOAT: case MPJ_H_RANGE: case MPJ_H_ITER_RANGE:
    case MPJ_H_BUILD_STRING: case MPJ_H_FORMAT_VALUE:
    case MPJ_H_SELF_FRAME1: case MPJ_H_SELF_FRAME: case MPJ_H_SELF_CALL: case MPJ_H_SELF_REFILL:
        return;
    }
    if (mpj_sel.nfin_pending == MPJ_MAX_FIN_PENDING) {
        jc_lower_fail(b, "finalizers: too many objects made by one instruction");
        return;
    }
    mpj_sel.fin_pending[mpj_sel.nfin_pending++] = r;
}

/* At the start of an instruction: the guards fin_result asked for. */
static void fin_check(jc_lower *b)
{
    int n = mpj_sel.nfin_pending;
    mpj_sel.nfin_pending = 0;
    for (int i = 0; i < n; i++) fin_guard_inert(b, mpj_sel.fin_pending[i]);
}

/* STORE_FAST to local `slot` of the frame at depth fdepth (f its live or
 * shadow frame) in a strict trace: the old value guarded inert.  -1 with
 * a reason when the trace cannot tell what the local holds. */
static int fin_store_fast(jc_lower *b, uint32_t fdepth, int side, Frame *f, uint32_t slot, const char **why)
{
    uint64_t bit = (uint64_t)1 << (slot & 63);
    if (fdepth > 0) {
        MpjInl *in = &mpj_sel.inl[fdepth - 1];
        if (slot >= 64) { *why = "finalizers: a store to a local past the 64th in an inlined call"; return -1; }
        int bound = (int)slot < in->code->argcount || slot >= (uint32_t)(in->code->nlocals + in->code->ncells);
        int stored = (in->stored & bit) != 0;
        in->stored |= bit;
        if (!bound && !stored) return 0;       /* a fresh local: NULL */
    } else {
        if (slot >= 256) { *why = "finalizers: a store to a local past the 256th"; return -1; }
        int stored = (mpj_sel.root_stored[slot >> 6] & bit) != 0;
        mpj_sel.root_stored[slot >> 6] |= bit;
        if (!stored && !f->lp[slot]) {
            if (!side && !mpj_sel.fentry) { *why = "finalizers: a local the loop stores to is unbound at its head"; return -1; }
            return 0;
        }
    }
    fin_guard_inert(b, jc_lower_slot_get(b, slot));
    return 0;
}

static void check_valid(jc_lower *b)
{
    if (!mpj_sel.check_pending) return;
    mpj_sel.check_pending = 0;
    jc_ref flag = jc_lower_load(b, JC_TYPE_BOOL, kptr(b, &mpj_invalidated), 0, MPJ_ALIAS_STATE);
    jc_lower_guard(b, flag, 0);
}

static jc_ref kframe_pc(jc_lower *b, Code *co, uint32_t pc)
{
    /* the interpreter's ip while the instruction runs (for f->ip) */
    return jc_lower_const_ptr(b, co->code + pc + 1);
}

/* The attribute `name` of instance o as the specializer would cache it:
 * entry index in the instance dict, or -1. */
static int inst_index(Obj *o, Obj *name)
{
    if (!o) return -1;
    Type *t = TYPE(o);
    if (!(t->flags & T_USER) || !((Inst *)o)->dict || mp_type_lookup(t, name)) return -1;
    Dict *d = (Dict *)((Inst *)o)->dict;
    for (int64_t i = 0; i < d->nent; i++) if (d->ent[i].key == name) return (int)i;
    return -1;
}

/* Guard the class's version tag and flags (one 64-bit word: a method
 * becoming shadowed sets a flag without a new version). */
static void guard_version(jc_lower *b, jc_ref o, Type *t)
{
    uint64_t w;
    memcpy(&w, &t->version, sizeof w);
    jc_ref cls = jc_lower_load(b, JC_TYPE_PTR, o, offsetof(Obj, type), MPJ_ALIAS_HEADER);
    jc_ref v = jc_lower_load(b, JC_TYPE_I64, cls, offsetof(Type, version), MPJ_ALIAS_TYPE);
    jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, v, jc_lower_const_i64(b, (int64_t)w)), 1);
}

/* Address arithmetic is not in the IR: entry i of a dict is reached by a
 * load of ent and a constant offset. */
static jc_ref inst_entry_check(jc_lower *b, jc_ref o, Obj *name, int idx, jc_ref *ent)
{
    jc_ref d = jc_lower_load(b, JC_TYPE_PTR, o, offsetof(Inst, dict), MPJ_ALIAS_INSTDICT);
    jc_lower_guard(b, jc_lower_cmp(b, JC_NE, d, kptr(b, NULL)), 1);
    jc_ref n = jc_lower_load(b, JC_TYPE_I64, d, offsetof(Dict, nent), MPJ_ALIAS_DICT);
    jc_lower_guard(b, jc_lower_cmp(b, JC_GT, n, jc_lower_const_i64(b, idx)), 1);
    *ent = jc_lower_load(b, JC_TYPE_PTR, d, offsetof(Dict, ent), MPJ_ALIAS_DICT);
    jc_ref key = jc_lower_load(b, JC_TYPE_PTR, *ent, (int64_t)idx * (int64_t)sizeof(DEntry)
                               + (int64_t)offsetof(DEntry, key), MPJ_ALIAS_DICT);
    jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, key, jc_lower_const_obj(b, name)), 1);
    return d;
}

/* Values a global may hold that the trace embeds as constants: functions,
 * classes, builtins, modules (rebinding them is rare, and invalidates).
 * Data (numbers, lists ...) is loaded through the dict's entry, guarded by
 * its keys version, so a loop that updates a global keeps its trace. */
static int global_is_code(Obj *v)
{
    return IS(v, function) || IS(v, type) || IS(v, builtin) || IS(v, module)
           || (TYPE(v)->flags & T_EXC && IS(v, type));
}

static jc_ref global_entry(jc_lower *b, Dict *d, Obj *name, Obj **val)
{
    for (int64_t i = 0; i < d->nent; i++) {
        if (d->ent[i].key == name || (d->ent[i].key && IS_STR(d->ent[i].key) && mp_str_eq(d->ent[i].key, name))) {
            jc_ref kd = jc_lower_const_obj(b, (Obj *)d);
            jc_ref ver = jc_lower_load(b, JC_TYPE_I64, kd, offsetof(Dict, version), MPJ_ALIAS_DICT);
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, ver, jc_lower_const_i64(b, (int64_t)d->version)), 1);
            jc_ref ent = jc_lower_load(b, JC_TYPE_PTR, kd, offsetof(Dict, ent), MPJ_ALIAS_DICT);
            *val = d->ent[i].val;
            return jc_lower_load(b, JC_TYPE_PTR, ent, i * (int64_t)sizeof(DEntry)
                                 + (int64_t)offsetof(DEntry, val), MPJ_ALIAS_DICTVAL);
        }
    }
    return JC_REF_NONE;
}

/* A call helper: callee A or B, up to MPJ_MAX_CALL_ARGS positional
 * arguments, all boxed. */
/* range(a[, b[, c]]) -- the builtin, a constant -- of raw ints: the
 * helper that makes the range as CALL_RANGE does, which runs no Python
 * code, so the optimizer keeps what the trace loaded (and the item facts
 * stay) where the generic call helper forgets all memory (nbody's
 * range(i + 1, n) at every `for i`).  JC_REF_NONE: not such a call. */
static jc_ref pure_range(jc_lower *b, uint32_t base, int n)
{
    const void *A, *B;
    if (!mpj_pure_range || n < 1 || n > 3
        || !jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base), &A) || A
        || !jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base + 1), &B) || B != &mp_range_type)
        return JC_REF_NONE;
    jc_ref a[3] = { JC_REF_NONE, JC_REF_NONE, JC_REF_NONE };
    for (int i = 0; i < n; i++) {
        a[i] = jc_lower_slot_get(b, base + 2 + (uint32_t)i);
        if (ty(b, a[i]) != JC_TYPE_I64) return JC_REF_NONE;
    }
    jc_ref args[3] = { n == 1 ? jc_lower_const_i64(b, 0) : a[0], n == 1 ? a[0] : a[1],
                       n == 3 ? a[2] : jc_lower_const_i64(b, 1) };
    jc_ref r = mpj_call(b, MPJ_H_RANGE, args, 3);
    note(r, &mp_range_type, NULL);
    return r;
}

/* k as a key of the direct dict helpers: an exact str or int (its class
 * guarded), a raw int boxed.  JC_REF_NONE: any other key. */
static jc_ref plain_key(jc_lower *b, jc_ref k)
{
    if (ty(b, k) == JC_TYPE_PTR) {
        Type *kt = ptype(k);
        if (!kt && seen(k)) kt = TYPE(seen(k));
        if (kt != &mp_str_type && kt != &mp_int_type) return JC_REF_NONE;
        need_class(b, k);
        return k;
    }
    if (ty(b, k) != JC_TYPE_I64) return JC_REF_NONE;
    return box(b, k);
}

/* d.get(k[, dflt]) -- a method call whose callee is the builtin get of
 * dict (LOAD_METHOD_BUILTIN guarded the receiver's class and that class's
 * version), on an exact dict with an exact str or int key: h_dict_get,
 * which runs no Python code, so unlike the generic call helper it leaves
 * the optimizer what the trace loaded and needs no invalidation check
 * after it (bench/dict_words.py's `counts.get(w, 0)`).  A dict subclass,
 * another key class, or a key of a user class met in the dict: the
 * generic call (the last at run time, through the helper's exit).
 * With a raw int default, when the dict holds an int for k at selection
 * (or nothing), h_dict_get_int: the value raw, nothing parked (see "Dict
 * stores" below).
 * JC_REF_NONE: not such a call. */
static jc_ref dict_get_call(jc_lower *b, uint32_t base, int n)
{
    static Obj *dict_get_fn;
    const void *A;
    if (!mpj_dict_get || n < 1 || n > 2
        || !jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base), &A) || !A)
        return JC_REF_NONE;
    if (!dict_get_fn) {
        dict_get_fn = mp_dict_gets(mp_dict_type.dict, "get");
        if (!dict_get_fn) { mp_err_clear(); return JC_REF_NONE; }
    }
    if (A != dict_get_fn) return JC_REF_NONE;
    jc_ref d = jc_lower_slot_get(b, base + 1), k = jc_lower_slot_get(b, base + 2);
    if (ty(b, d) != JC_TYPE_PTR || need_class(b, d) != &mp_dict_type) return JC_REF_NONE;
    if (ty(b, k) == JC_TYPE_PTR) {
        Type *kt = ptype(k);
        if (!kt && seen(k)) kt = TYPE(seen(k));
        if (kt != &mp_str_type && kt != &mp_int_type) return JC_REF_NONE;
    } else if (ty(b, k) != JC_TYPE_I64) return JC_REF_NONE;
    jc_ref dflt = n == 2 ? jc_lower_slot_get(b, base + 3) : JC_REF_NONE;
    if (n == 2 && ty(b, dflt) != JC_TYPE_PTR && ty(b, dflt) != JC_TYPE_I64 && ty(b, dflt) != JC_TYPE_F64)
        return JC_REF_NONE;
    if (mpj_dict_store && n == 2 && ty(b, dflt) == JC_TYPE_I64 && seen(d) && (ty(b, k) == JC_TYPE_I64 || seen(k))) {
        Obj *sk = ty(b, k) == JC_TYPE_I64 ? NULL : seen(k), *v = NULL;
        int r = sk ? mp_dict_get_plain(seen(d), sk, &v) : 0;
        if (r == 0 || (r == 1 && IS(v, int) && !((Int *)v)->big)) {
            jc_ref a[3] = { d, plain_key(b, k), dflt };
            if (a[1] == JC_REF_NONE) return JC_REF_NONE;
            mpj_call(b, MPJ_H_DICT_GET_INT, a, 3);
            mpj_dict_get_calls++;
            return jc_lower_load(b, JC_TYPE_I64, kptr(b, &mpj_dict_ival), 0, MPJ_ALIAS_HOUT);
        }
    }
    jc_ref a[3] = { d, plain_key(b, k), n == 2 ? box(b, dflt) : jc_lower_const_obj(b, NONE) };
    if (a[1] == JC_REF_NONE || a[2] == JC_REF_NONE) return JC_REF_NONE;
    mpj_dict_get_calls++;
    return mpj_call(b, MPJ_H_DICT_GET, a, 3);
}

/* ---------------------------------------------------------------- dict stores
 *
 * d[k] = v on an exact dict with an exact str or int key (both guarded):
 * dict_store_int (v a raw int: no box, no park; into the old int itself
 * when only the entry holds it) or dict_store_obj, which find k without
 * running Python code (jit_helpers.c), where the generic SETITEM helper
 * may run anything, so the optimizer keeps what the trace loaded.  A
 * store right after h_dict_get_int of the same dict and key finds the
 * entry through its hint, one lookup for `d[k] = d.get(k, 0) + 1`.  The
 * value replaced is dropped at once when it is a number or a string.
 * MINIPY_JIT_DICT_STORE=0 turns these (and the int d.get) off.
 *
 * STORE_GLOBAL of a global the dict has at selection: store_global_at
 * its entry, the dict's version guarded (as a load's, global_entry), no
 * lookup; MINIPY_JIT_GLOBAL_STORE=0 turns it off. */
static int dict_store(jc_lower *b, jc_ref o, jc_ref k, jc_ref v)
{
    if (!mpj_dict_store || ty(b, o) != JC_TYPE_PTR || need_class(b, o) != &mp_dict_type) return 0;
    if (ty(b, k) == JC_TYPE_PTR) {
        Type *kt = ptype(k);
        if (!kt && seen(k)) kt = TYPE(seen(k));
        if (kt != &mp_str_type && kt != &mp_int_type) return 0;
    } else if (ty(b, k) != JC_TYPE_I64) return 0;
    jc_ref a[3] = { o, plain_key(b, k), ty(b, v) == JC_TYPE_I64 ? v : box(b, v) };
    if (a[1] == JC_REF_NONE || a[2] == JC_REF_NONE) return 0;
    mpj_call(b, ty(b, v) == JC_TYPE_I64 ? MPJ_H_DICT_STORE_INT : MPJ_H_DICT_STORE_OBJ, a, 3);
    ran_code();     /* a watched dict's store may invalidate */
    /* dict_store_int may write into the int an entry held, and d may be
     * a module's globals: gknown's objects may no longer hold its values */
    if (ty(b, v) == JC_TYPE_I64) mpj_sel.ngknown = 0;
    mpj_dict_store_calls++;
    return 1;
}

static int global_store_at(jc_lower *b, Dict *d, Obj *name, jc_ref v)
{
    if (!mpj_global_store) return 0;
    for (int64_t i = 0; i < d->nent; i++) {
        if (d->ent[i].key == name || (d->ent[i].key && IS_STR(d->ent[i].key) && mp_str_eq(d->ent[i].key, name))) {
            int raw = ty(b, v) == JC_TYPE_I64;
            jc_ref bv = raw ? v : box(b, v);
            if (bv == JC_REF_NONE) return 0;
            jc_ref kd = jc_lower_const_obj(b, (Obj *)d);
            jc_ref ver = jc_lower_load(b, JC_TYPE_I64, kd, offsetof(Dict, version), MPJ_ALIAS_DICT);
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, ver, jc_lower_const_i64(b, (int64_t)d->version)), 1);
            jc_ref a[3] = { kd, jc_lower_const_i64(b, i), bv };
            mpj_call(b, raw ? MPJ_H_STORE_GLOBAL_AT_INT : MPJ_H_STORE_GLOBAL_AT, a, 3);
            ran_code();
            mpj_global_store_calls++;
            return raw ? 2 : 1;
        }
    }
    return 0;
}

/* l.append(v) where LOAD_METHOD found list.append itself (a constant)
 * and l is an exact list (guarded): the list_append helper, as
 * LIST_APPEND, and None.  The generic call helper made a bound call
 * through mp_call, and libjitcore's payback rule counts that as work the
 * trace leaves to the interpreter (bench/matmul.py's make(): 1 of its 22
 * instructions, the row's append). */
static jc_ref list_append_call(jc_lower *b, uint32_t base, int n)
{
    if (n != 1) return JC_REF_NONE;
    const void *m = NULL;
    if (!jc_lower_is_const_ptr(b, jc_lower_slot_get(b, base), &m) || !m || !IS((Obj *)m, builtin)
        || ((Builtin *)m)->fn != mp_list_m_append || ((Builtin *)m)->self)
        return JC_REF_NONE;
    jc_ref l = jc_lower_slot_get(b, base + 1);
    if (need_class(b, l) != &mp_list_type) return JC_REF_NONE;
    jc_ref a[2] = { l, box(b, jc_lower_slot_get(b, base + 2)) };
    if (a[1] == JC_REF_NONE) return JC_REF_NONE;
    mpj_call(b, MPJ_H_LIST_APPEND, a, 2);
    return jc_lower_const_obj(b, NONE);
}

int mpj_list_append_on = 1;

static jc_ref call_helper(jc_lower *b, Code *co, uint32_t pc, uint32_t base, int n)
{
    jc_ref a[4 + MPJ_MAX_CALL_ARGS];
    a[0] = jc_lower_frame(b);
    a[1] = kframe_pc(b, co, pc);
    for (int i = 0; i < n + 2; i++) {
        jc_ref v = jc_lower_slot_get(b, base + (uint32_t)i);
        a[2 + i] = box(b, v);
    }
    for (int i = n; i < MPJ_MAX_CALL_ARGS; i++) a[4 + i] = kptr(b, NULL);
    jc_ref na = jc_lower_const_i64(b, n);
    jc_ref args[5 + MPJ_MAX_CALL_ARGS];
    args[0] = a[0]; args[1] = a[1]; args[2] = na;
    for (int i = 0; i < 2 + MPJ_MAX_CALL_ARGS; i++) args[3 + i] = a[2 + i];
    ran_code();
    return mpj_call(b, MPJ_H_CALL, args, 5 + MPJ_MAX_CALL_ARGS);
}

/* ---------------------------------------------------------------- inlining
 *
 * A CALL whose callee is a plain Python function (seen at selection: a
 * constant from LOAD_GLOBAL / LOAD_METHOD, or a slot's live value) with
 * exactly its positional parameters, some of them from its defaults, is
 * inlined: guards that the callee is that function object (and that its
 * defaults are those seen; its closure never changes, and an assignment
 * to its __code__ invalidates the trace) -- or, at a CALL tier 1 left
 * generic, that it is a function with that code and globals, its cells
 * and defaults then read from it (bycode, below) -- a guard
 * that the call is no deeper than the recursion limit, mp.depth counted up
 * as the interpreter's call does (down again at the return), then
 * JC_STEP_CALL.  The caller's return pc is the CALL's first cache unit,
 * never an instruction: an exit whose frames include this call restores
 * the caller there with the callable and the arguments still on its stack
 * (as the interpreter's CALL has them), push_frame (jit_host.c) moves the
 * arguments into the callee's new frame, and the host finishes the CALL
 * when the callee's frame returns.  The walk comes back to that pc after
 * the callee's RETURN_VALUE and goes on at the instruction after the CALL.
 *
 * Not inlined (a helper call as before): anything but a plain function,
 * *args / **kwargs / keyword-only parameters, generators, cells (a fresh
 * cell per call), code with a try block or a loop (handlers and loops
 * belong to a real frame), code naming the builtins that look at the
 * running frame (super, globals, locals, vars, dir, eval, exec), calls
 * deeper than the runtime's max_inline_depth, and code whose inlining
 * aborted a trace before (MPJ_INL_NO).  In an inlined frame only the
 * instructions listed in inl_family_ok are lowered: the rest assume the
 * root frame (its block stack, its live values). */

uint32_t mpj_max_inline = 4;

static void inl_pop(void)
{
    MpjInl *in = &mpj_sel.inl[--mpj_sel.ninl];
    free(in->shadow);
    in->shadow = NULL;
}

/* Whether cc names a built-in that reads its caller's frame (locals()
 * and the like look at the slots, which an inlined frame or a raw
 * argument does not fill). */
static int reads_frame(const Code *cc)
{
    static const char *frame_readers[] = { "super", "globals", "locals", "vars", "dir", "eval", "exec" };
    for (int64_t i = 0; i < TN(cc->names); i++)
        for (size_t k = 0; k < sizeof frame_readers / sizeof frame_readers[0]; k++)
            if (mp_str_eqc(TITEMS(cc->names)[i], frame_readers[k])) return 1;
    return 0;
}

/* Whether the CALL with stack base `base` may call a built-in that reads
 * the calling frame's slots (locals(), vars() and super() without
 * arguments): the trace keeps slots virtual, so such a call would see the
 * frame's stale memory, and the trace is refused there.  Code that names
 * none of them never does; otherwise a callee not known at selection
 * might be one. */
static int reads_frame_call(jc_lower *b, const Code *co, uint32_t base, int n)
{
    static const char *slot_readers[] = { "locals", "vars", "super" };
    int named = 0;
    for (int64_t i = 0; i < TN(co->names) && !named; i++)
        for (size_t k = 0; k < sizeof slot_readers / sizeof slot_readers[0]; k++)
            if (mp_str_eqc(TITEMS(co->names)[i], slot_readers[k])) named = 1;
    if (!named) return 0;
    jc_ref A = jc_lower_slot_get(b, base), B = jc_lower_slot_get(b, base + 1);
    Obj *x = ty(b, A) == JC_TYPE_PTR && seen(A) ? seen(A) : ty(b, B) == JC_TYPE_PTR ? seen(B) : NULL;
    if (!x) return 1;
    if (IS(x, builtin)) {
        const char *nm = ((Builtin *)x)->name;
        return nm && (strcmp(nm, "locals") == 0 || (n == 0 && strcmp(nm, "vars") == 0));
    }
    return n == 0 && x == (Obj *)&mp_super_type;
}

static int inl_scan(Code *cc)
{
    if ((cc->flags & (CO_VARARGS | CO_VARKW | CO_GENERATOR)) || cc->kwonlycount || cc->ncells)
        return MPJ_INL_NO;
    if (reads_frame(cc)) return MPJ_INL_NO;
    for (int pc = 0; pc < cc->ncode; pc += 1 + (int)OPNC(cc->code[pc])) {
        uint32_t u = cc->code[pc];
        int fam = mp_opfamily[OPC(u)];
        if (fam == OP_SETUP_FINALLY || fam == OP_POP_BLOCK || fam == OP_FOR_ITER) return MPJ_INL_NO;
        if (fam == OP_JUMP && (int)OPARG(u) <= pc) return MPJ_INL_NO;
    }
    return MPJ_INL_YES;
}

/* Instruction families lowered in an inlined frame (see above). */
static int inl_family_ok(int fam)
{
    switch (fam) {
    case OP_NOP: case OP_PUSH_NULL: case OP_STORE_GLOBAL: case OP_LOAD_DEREF: case OP_STORE_DEREF:
    case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_LOAD_METHOD: case OP_GET_ITER:
    case OP_LIST_APPEND: case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_CONTAINS_OP:
    case OP_UNPACK_SEQUENCE: case OP_MAP_ADD: case OP_SET_ADD: case OP_CALL:
    case OP_POP_TOP: case OP_DUP_TOP: case OP_DUP_TOP2: case OP_ROT_TWO: case OP_ROT_THREE:
    case OP_ROT_FOUR: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_STORE_FAST:
    case OP_LOAD_GLOBAL: case OP_BINARY_OP: case OP_UNARY_NEG: case OP_UNARY_POS:
    case OP_UNARY_INVERT: case OP_UNARY_NOT: case OP_COMPARE_OP: case OP_IS_OP:
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_JUMP:
    case OP_BINARY_SUBSCR: case OP_STORE_SUBSCR: case OP_RETURN_VALUE:
        return 1;
    default:
        return 0;
    }
}

_Static_assert(offsetof(Interp, limit) == offsetof(Interp, depth) + sizeof(int)
               && sizeof(int) == 4, "mp.depth and mp.limit are loaded as one word");

/* mp.depth and mp.limit as one i64 word (depth in the low half). */
static jc_ref depth_word(jc_lower *b)
{
    return jc_lower_load(b, JC_TYPE_I64, kptr(b, &mp.depth), 0, MPJ_ALIAS_DEPTH);
}

static void depth_add(jc_lower *b, jc_ref w, int64_t d)
{
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    d <<= 32;
#endif
    jc_lower_store(b, kptr(b, &mp.depth), 0, jc_lower_binop(b, JC_ADD, w, jc_lower_const_i64(b, d)),
                   MPJ_ALIAS_DEPTH);
}

/* Inline the CALL at pc (oparg n, its stack entries from caller slot base)
 * if it can be: 1 with *st filled, 0 to lower it as a helper call. */
static int try_inline(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, uint32_t base, int n,
                      int depth, jc_step *st)
{
    if (fdepth + 1 > mpj_max_inline || fdepth + 1 >= MPJ_MAX_INLINE) return 0;
    jc_ref A = jc_lower_slot_get(b, base), B = jc_lower_slot_get(b, base + 1);
    if (ty(b, A) != JC_TYPE_PTR || ty(b, B) != JC_TYPE_PTR) return 0;
    Obj *fa = seen(A), *fb = seen(B);
    int method;
    Func *fn;
    if (fa && IS(fa, function)) { fn = (Func *)fa; method = 1; }
    else if (!fa && fb && IS(fb, function)) { fn = (Func *)fb; method = 0; }
    else return 0;
    Code *cc = fn->code;
    if (mpj_sel.fentry && cc == mpj_sel.code) return 0;
    uint32_t nargs = (uint32_t)n + (uint32_t)method;
    int nd = fn->defaults ? (int)TN(fn->defaults) : 0;
    if ((int)nargs > cc->argcount || (int)nargs < cc->argcount - nd) return 0;
    if (cc->nfree && (!fn->closure || TN(fn->closure) != cc->nfree)) return 0;
    MpJitCode *cj = mpj_code(cc), *jc = mpj_code(co);
    if (!cj || !jc) return 0;
    if (cj->inl == MPJ_INL_UNKNOWN) cj->inl = (uint8_t)inl_scan(cc);
    if (cj->inl != MPJ_INL_YES) return 0;
    size_t nslots = mpj_nfixed(cc) + (size_t)cc->stacksize;
    Frame *shadow = calloc(1, sizeof(Frame) + sizeof(Obj *) * nslots);
    if (!shadow) return 0;
    shadow->code = cc;
    shadow->func = fn;
    shadow->globals = fn->globals;
    shadow->builtins = mp.builtins;
    shadow->stack = shadow->lp + mpj_nfixed(cc);
    shadow->sp = shadow->stack;
    /* Guards first (they exit to this CALL with nothing changed).  At a
     * CALL tier 1 specialised (CALL_PY_EXACT: one function object seen)
     * the guard is that the callee is that function; its code is the
     * trace's until __code__ is assigned (a dependency), its defaults are
     * guarded and its cells are constants.  At a CALL tier 1 left generic
     * (more than one callee seen there, typically the closures one def
     * makes) the guard is on the code instead: the callee is a function
     * whose code and globals are those seen, and the cells and defaults
     * are read from it at the call (bycode), so every closure of the def
     * runs the same trace path. */
    int bycode = OPC(co->code[pc]) == OP_CALL;
    int ndef = cc->argcount - (int)nargs;
    if (bycode && ndef > MPJ_INL_MAX_DEFAULTS) bycode = 0;
    jc_ref F = method ? A : B;
    if (!method) jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, A, kptr(b, NULL)), 1);
    jc_ref dref[MPJ_INL_MAX_DEFAULTS];
    if (bycode) {
        guard_class(b, F, &mp_function_type);
        jc_ref code = jc_lower_load(b, JC_TYPE_PTR, F, offsetof(Func, code), MPJ_ALIAS_FUNC);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, code, jc_lower_const_obj(b, (Obj *)cc)), 1);
        jc_ref glb = jc_lower_load(b, JC_TYPE_PTR, F, offsetof(Func, globals), MPJ_ALIAS_HEADER);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, glb, jc_lower_const_obj(b, fn->globals)), 1);
        if (ndef > 0) {
            /* As many defaults as seen (so the same ones are taken), each
             * read now: the call binds them, whatever is assigned to
             * __defaults__ later. */
            jc_ref dfl = jc_lower_load(b, JC_TYPE_PTR, F, offsetof(Func, defaults), MPJ_ALIAS_FUNC);
            jc_lower_guard(b, jc_lower_cmp(b, JC_NE, dfl, kptr(b, NULL)), 1);
            jc_ref dn = jc_lower_load(b, JC_TYPE_I64, dfl, offsetof(Tuple, n), MPJ_ALIAS_HEADER);
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, dn, jc_lower_const_i64(b, nd)), 1);
            for (int i = 0; i < ndef; i++) {
                int k = (int)nargs + i - (cc->argcount - nd);
                jc_ref v = jc_lower_load(b, JC_TYPE_PTR, dfl, (int64_t)offsetof(Tuple, items) + 8 * (int64_t)k,
                                         MPJ_ALIAS_HEADER);
                dref[i] = from_container(b, v, TITEMS(fn->defaults)[k]);
            }
        }
    } else {
        jc_ref kfn = jc_lower_const_obj(b, fn);
        mpj_depend(b, mpj_key_func(fn));
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, F, kfn), 1);
        if (ndef > 0) {
            jc_ref dfl = jc_lower_load(b, JC_TYPE_PTR, kfn, offsetof(Func, defaults), MPJ_ALIAS_FUNC);
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, dfl, jc_lower_const_obj(b, fn->defaults)), 1);
        }
    }
    /* The interpreter raises RecursionError when ++mp.depth > mp.limit;
     * this frame is fdepth calls above the root's. */
    jc_ref w = depth_word(b);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    jc_ref k32 = jc_lower_const_i64(b, 32);
    jc_ref dep = jc_lower_binop(b, JC_SHR, jc_lower_binop(b, JC_SHL, w, k32), k32);
    jc_ref lim = jc_lower_binop(b, JC_SHR, w, k32);
#else
    jc_ref k32 = jc_lower_const_i64(b, 32);
    jc_ref lim = jc_lower_binop(b, JC_SHR, jc_lower_binop(b, JC_SHL, w, k32), k32);
    jc_ref dep = jc_lower_binop(b, JC_SHR, w, k32);
#endif
    jc_lower_guard(b, jc_lower_cmp(b, JC_LE, jc_lower_binop(b, JC_ADD, dep, jc_lower_const_i64(b, 1)), lim), 1);
    depth_add(b, w, 1);
    if (!jc_lower_ok(b)) { free(shadow); return 0; }
    /* An exit inside the callee restores this frame at pc + 1 with the
     * whole CALL's stack (set_pc finds its depth there). */
    jc->depth[pc + 1] = (int16_t)depth;
    MpjInl *in = &mpj_sel.inl[mpj_sel.ninl++];
    in->stored = 0;
    in->code = cc;
    in->fn = fn;
    in->shadow = shadow;
    in->call_pc = pc;
    in->caller_depth = depth;
    in->base = base;
    in->nargs = nargs;
    in->bycode = bycode;
    in->fref = F;
    for (int i = 0; bycode && i < ndef; i++) in->dflt[i] = dref[i];
    st->kind = JC_STEP_CALL;
    st->code = cc;
    st->pc = 0;
    st->return_pc = pc + 1;
    st->arg_base = base + 2 - (uint32_t)method;
    st->nargs = nargs;
    st->nslots = (uint32_t)nslots;
    mpj_sel.depth = 0;
    return 1;
}

/* ---------------------------------------------------------------- self-calls
 *
 * A recursive call in a function-entry trace (its callee has the trace's
 * own code) is a native call of that same trace (jc_lower_call_self,
 * PyPy's call_assembler on itself): no helper into mp_eval, no
 * jc_trace_enter.  At a CALL of the root frame whose callee, seen at
 * selection, is a plain function with this code, called with exactly its
 * positional parameters (no defaults, varargs, keyword-only parameters or
 * cells):
 *   guards   the callee is a function with this code and these globals
 *            (any closure of the def: its free cells are read from it);
 *   frame    a real frame from the helper self_frame (its code's spare
 *            list; the arguments stored boxed, an i64 one boxed there),
 *            mp.depth counted as the interpreter's call counts it
 *            (RecursionError raised at this CALL past mp.limit), mp.frame
 *            set to it; NULL without an exception when the C stack is
 *            low (mpj_stack_floor): the trace exits and the interpreter
 *            makes the call;
 *   call     the trace's code on that frame; a run that reaches the
 *            function's return with an i64 result stores it in the frame
 *            (jit_ret, jit_tag = 1; see OP_RETURN_VALUE) before its final
 *            exit, which nobody restores: the caller takes the number and
 *            drops the frame (self_drop);
 *   exited   any other outcome (a guard failed, a helper raised, the
 *            result is no i64): the slow helper (mpj_self_slow, jit_host.c)
 *            has libjitcore go on from the callee's exit
 *            (jc_trace_self_exit): a side trace that finishes the function
 *            sets jit_tag natively; otherwise the exit is restored onto the
 *            frame, exactly as jc_trace_enter would, and the rest of the
 *            call runs in the interpreter right there.  An i64 result: the
 *            caller goes on.  Anything else (another type, an exception):
 *            the result waits in the caller's frame (jit_done) and this
 *            trace exits at the CALL (the guard below), where the host
 *            pushes it or raises (self_done), so the traceback is the
 *            interpreter's.
 * An exit at this CALL may have a result waiting: it never gets a side
 * trace (MPJ_MARK_SELF, refused in mpj_lower).  The result is an i64 (the
 * common case the return protocol keeps raw). */
/* Whether co loads a global of its own name and calls something: the
 * shape of a recursive function (for the branch flip at RETURN_VALUE). */
static int calls_itself(const Code *co)
{
    int named = 0, calls = 0;
    for (int64_t i = 0; i < TN(co->names); i++)
        if (mp_str_eq(TITEMS(co->names)[i], co->name) == 1) named = 1;
    for (int pc = 0; pc < co->ncode && named && !calls; pc += 1 + (int)OPNC(co->code[pc]))
        if (mp_opfamily[OPC(co->code[pc])] == OP_CALL) calls = 1;
    return named && calls;
}

/* Raw arguments.  A recursive function whose positional parameters are
 * all ints in the machine word at its first selection (and that has no
 * cells, free variables, defaults taken, varargs) passes them raw: its
 * function trace reads parameter i from Frame.jit_arg[i] (the interpreter's
 * entry, mp_jit_func_entry, stores it there from the slot, or does not
 * enter when the slot holds anything else), bound with
 * jc_lower_slot_bind_entry at the trace's first instruction, so every exit
 * writes the slot back boxed and raw side entries are seeded with it.  A
 * native self-call then stores the caller's i64 there and leaves the
 * callee's slot empty: no box, no type guard, no reference to drop.  The
 * slot is empty only while the callee's generated code runs (an exit
 * writes it before anything else reads the frame's slots).  A selection
 * that boxes such a parameter (it needs the object) gives raw arguments up
 * for the function (MpJitCode.rawargs 0) and is selected again.  Code that
 * names a built-in reading its frame's slots (locals(), vars(), eval ...:
 * reads_frame) keeps its arguments boxed. */
static uint8_t raw_candidates(const Code *co, const Frame *f)
{
    int n = co->argcount;
    if (!mpj_raw_args_on || !mpj_stack_floor || n < 1 || n > MPJ_MAX_CALL_ARGS || co->kwonlycount || co->ncells || co->nfree
        || (co->flags & (CO_VARARGS | CO_VARKW | CO_GENERATOR)) || !calls_itself(co) || reads_frame(co))
        return 0;
    for (int i = 0; i < n; i++) {
        Obj *v = f->lp[i];
        if (!v || !IS(v, int) || ((Int *)v)->big) return 0;
    }
    return (uint8_t)((1u << n) - 1);
}

/* At the function trace's first instruction, before anything else: the
 * raw parameters are read (mpj_load_slot binds them). */
static void raw_args_begin(jc_lower *b, Code *co, Frame *f, MpJitCode *jc)
{
    if (!jc->rawknown) {
        jc->rawknown = 1;
        jc->rawargs = raw_candidates(co, f);
    }
    mpj_sel.raw = jc->rawargs;
    for (uint32_t i = 0; i < MPJ_MAX_CALL_ARGS; i++)
        if (mpj_sel.raw >> i & 1) mpj_sel.rawref[i] = jc_lower_slot_get(b, i);
}

/* box() of a raw parameter's entry value: see "Raw arguments". */
static int raw_boxed(jc_lower *b, jc_ref v)
{
    for (int i = 0; i < MPJ_MAX_CALL_ARGS; i++)
        if ((mpj_sel.raw >> i & 1) && mpj_sel.rawref[i] == v) {
            MpJitCode *jc = mpj_code(mpj_sel.code);
            if (jc) jc->rawargs = 0;
            jc_lower_fail(b, "a raw argument is used boxed: the function is selected again with boxed arguments");
            return 1;
        }
    return 0;
}

_Static_assert(offsetof(Frame, inl) % 8 == 0 && offsetof(Frame, jit_tag) == offsetof(Frame, inl) + 8,
               "Frame.inl is stored as one word (with the padding after it)");
_Static_assert(sizeof(((Code *)0)->nspare) == 8, "Code.nspare is one word");

/* The callee's frame of a self-call with raw arguments, made in the
 * generated code as the interpreter's CALL makes it (push_inline_frame,
 * CALL_PY_INLINE): guards first, which exit to the CALL with nothing
 * changed (the interpreter then makes the call, raising RecursionError
 * past mp.limit exactly as it would; it also calls when the C stack is
 * below mpj_stack_floor); then a frame from the code's spares (a helper
 * refills an empty list), its fields, empty locals, the raw arguments,
 * mp.frame and mp.depth.  *backp: the caller's frame (mp.frame). */
static jc_ref self_frame_inline(jc_lower *b, Code *cc, Func *fn, jc_ref B, const jc_ref *args, int n,
                                jc_ref *backp)
{
    jc_ref here = jc_lower_stack_address(b);   /* where the C stack is: one lea */
    jc_ref floor = jc_lower_load(b, JC_TYPE_I64, kptr(b, &mpj_stack_floor), 0, MPJ_ALIAS_HEADER);
    jc_lower_guard(b, jc_lower_cmp(b, JC_GE, here, floor), 1);
    jc_ref w = depth_word(b);
    jc_ref k32 = jc_lower_const_i64(b, 32);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    jc_ref dep = jc_lower_binop(b, JC_SHR, jc_lower_binop(b, JC_SHL, w, k32), k32);
    jc_ref lim = jc_lower_binop(b, JC_SHR, w, k32);
#else
    jc_ref lim = jc_lower_binop(b, JC_SHR, jc_lower_binop(b, JC_SHL, w, k32), k32);
    jc_ref dep = jc_lower_binop(b, JC_SHR, w, k32);
#endif
    jc_lower_guard(b, jc_lower_cmp(b, JC_LT, dep, lim), 1);
    jc_ref kco = jc_lower_const_obj(b, (Obj *)cc);
    jc_ref f0 = jc_lower_load(b, JC_TYPE_PTR, kco, offsetof(Code, spare), MPJ_ALIAS_CALLFRAME);
    jc_ref empty = jc_lower_cmp(b, JC_EQ, f0, kptr(b, NULL));
    jc_ref f1 = mpj_call_if(b, empty, MPJ_H_SELF_REFILL, &kco, 1);
    jc_ref nf = jc_lower_select(b, empty, f1, f0);
    /* Everything below is stores: nothing exits any more. */
    jc_lower_store(b, kco, offsetof(Code, spare),
                   jc_lower_load(b, JC_TYPE_PTR, nf, offsetof(Frame, back), MPJ_ALIAS_CALLFRAME), MPJ_ALIAS_CALLFRAME);
    jc_ref ns = jc_lower_load(b, JC_TYPE_I64, kco, offsetof(Code, nspare), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, kco, offsetof(Code, nspare), jc_lower_binop(b, JC_SUB, ns, jc_lower_const_i64(b, 1)),
                   MPJ_ALIAS_CALLFRAME);
    jc_ref null = kptr(b, NULL), zero = jc_lower_const_i64(b, 0);
    jc_lower_store(b, nf, offsetof(Frame, func), B, MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, nf, offsetof(Frame, globals), jc_lower_const_obj(b, fn->globals), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, nf, offsetof(Frame, builtins),
                   jc_lower_load(b, JC_TYPE_PTR, kptr(b, &mp.builtins), 0, MPJ_ALIAS_CALLFRAME), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, nf, offsetof(Frame, ip), kptr(b, cc->code), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, nf, offsetof(Frame, inl), zero, MPJ_ALIAS_CALLFRAME);
    for (int i = 0; i < cc->nlocalsplus; i++)
        jc_lower_store(b, nf, (int64_t)offsetof(Frame, lp) + 8 * (int64_t)i, null, MPJ_ALIAS_CALLFRAME);
    for (int i = 0; i < n; i++)
        jc_lower_store(b, nf, (int64_t)offsetof(Frame, jit_arg) + 8 * (int64_t)i, args[i], MPJ_ALIAS_SELF);
    jc_lower_store(b, nf, offsetof(Frame, jit_tag), zero, MPJ_ALIAS_SELF);
    jc_lower_store(b, nf, offsetof(Frame, jit_link), zero, MPJ_ALIAS_SELF);
    jc_lower_store(b, nf, offsetof(Frame, jit_done), null, MPJ_ALIAS_SELF);
    jc_ref back = jc_lower_load(b, JC_TYPE_PTR, kptr(b, &mp.frame), 0, MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, nf, offsetof(Frame, back), back, MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, kptr(b, &mp.frame), 0, nf, MPJ_ALIAS_CALLFRAME);
    depth_add(b, w, 1);
    jc_ref kc = kptr(b, &mpj_raw_self_calls);
    jc_lower_store(b, kc, 0, jc_lower_binop(b, JC_ADD, jc_lower_load(b, JC_TYPE_I64, kc, 0, MPJ_ALIAS_COUNTER),
                                            jc_lower_const_i64(b, 1)), MPJ_ALIAS_COUNTER);
    *backp = back;
    return nf;
}

/* The native call of the callee's frame nf, made for the CALL at pc
 * (stack base base): an i64 result (jit_tag 1) is read from Frame.jit_ret;
 * any other outcome goes through mpj_self_slow, and the trace leaves when
 * that did not finish the call either. */
static jc_ref self_call_run(jc_lower *b, jc_ref nf, uint32_t pc, uint32_t base)
{
    jc_ref words = mpj_call_self(b, MPJ_H_SELF_CALL, nf);
    jc_ref tag = jc_lower_load(b, JC_TYPE_I64, nf, offsetof(Frame, jit_tag), MPJ_ALIAS_SELF);
    jc_ref ok = jc_lower_cmp(b, JC_EQ, tag, jc_lower_const_i64(b, 1));
    jc_ref sa[3] = { nf, words, jc_lower_const_i64(b, (int64_t)((uint64_t)pc << 32 | base)) };
    jc_ref done = mpj_call_if(b, jc_lower_unop(b, JC_NOT, ok), MPJ_H_SELF_SLOW, sa, 3);
    jc_lower_guard(b, jc_lower_binop(b, JC_OR, ok, jc_lower_cmp(b, JC_NE, done, jc_lower_const_i64(b, 0))), 1);
    jc_ref r = jc_lower_load(b, JC_TYPE_I64, nf, offsetof(Frame, jit_ret), MPJ_ALIAS_SELF);
    return r;
}

/* After the callee returned an i64 (its locals empty: a raw return never
 * filled them, mpj_self_slow cleans a frame it resumed): mp.frame and
 * mp.depth back, the frame to the code's spares (the first spare freed
 * when there are too many, as frame_spare frees this one). */
static void self_drop_inline(jc_lower *b, Code *cc, jc_ref nf, jc_ref back)
{
    jc_lower_store(b, kptr(b, &mp.frame), 0, back, MPJ_ALIAS_CALLFRAME);
    depth_add(b, depth_word(b), -1);
    jc_ref kco = jc_lower_const_obj(b, (Obj *)cc);
    jc_lower_store(b, nf, offsetof(Frame, back),
                   jc_lower_load(b, JC_TYPE_PTR, kco, offsetof(Code, spare), MPJ_ALIAS_CALLFRAME), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, kco, offsetof(Code, spare), nf, MPJ_ALIAS_CALLFRAME);
    jc_ref ns = jc_lower_load(b, JC_TYPE_I64, kco, offsetof(Code, nspare), MPJ_ALIAS_CALLFRAME);
    jc_lower_store(b, kco, offsetof(Code, nspare), jc_lower_binop(b, JC_ADD, ns, jc_lower_const_i64(b, 1)),
                   MPJ_ALIAS_CALLFRAME);
    mpj_call_if(b, jc_lower_cmp(b, JC_GE, ns, jc_lower_const_i64(b, 64)), MPJ_H_SELF_TRIM, &kco, 1);
}

/* A self-call with raw arguments (see above): every argument an i64 here,
 * the function has no free variables (raw_candidates). */
static jc_ref self_call_raw(jc_lower *b, MpJitCode *jc, uint32_t pc, uint32_t base, int n, jc_ref B, Func *fn)
{
    Code *cc = fn->code;
    jc_ref args[MPJ_MAX_CALL_ARGS];
    if (mpj_sel.raw != (1u << n) - 1 || cc->nfree) return JC_REF_NONE;
    for (int i = 0; i < n; i++) {
        args[i] = jc_lower_slot_get(b, base + 2 + (uint32_t)i);
        if (ty(b, args[i]) != JC_TYPE_I64) return JC_REF_NONE;
    }
    jc_ref back;
    jc_ref nf = self_frame_inline(b, cc, fn, B, args, n, &back);
    jc_ref r = self_call_run(b, nf, pc, base);
    self_drop_inline(b, cc, nf, back);
    if (!jc_lower_ok(b)) return JC_REF_NONE;
    jc->marker[pc] |= MPJ_MARK_SELF;
    mpj_sel.nself++;
    ran_code();
    return r;
}

static jc_ref try_self_call(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, uint32_t base, int n)
{
    if (!mpj_sel.fentry || fdepth != 0 || co != mpj_sel.code || n > MPJ_MAX_CALL_ARGS) return JC_REF_NONE;
    if (mpj_stack_floor == 0) return JC_REF_NONE;
    jc_ref A = jc_lower_slot_get(b, base), B = jc_lower_slot_get(b, base + 1);
    if (ty(b, A) != JC_TYPE_PTR || ty(b, B) != JC_TYPE_PTR || seen(A)) return JC_REF_NONE;
    Obj *fb = seen(B);
    if (!fb || !IS(fb, function)) return JC_REF_NONE;
    Func *fn = (Func *)fb;
    Code *cc = fn->code;
    if (cc != co || n != cc->argcount || (cc->flags & (CO_VARARGS | CO_VARKW | CO_GENERATOR))
        || cc->kwonlycount || cc->ncells)
        return JC_REF_NONE;
    if (cc->nfree && (!fn->closure || TN(fn->closure) != cc->nfree)) return JC_REF_NONE;
    MpJitCode *jc = mpj_code(co);
    if (!jc) return JC_REF_NONE;
    jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, A, kptr(b, NULL)), 1);
    const void *kb;
    if (jc_lower_is_const_ptr(b, B, &kb) && kb == fn) {
        /* The callee is this function object (a global or cell folded to
         * a constant): its class and globals never change, and its code
         * only by assigning __code__, which invalidates the trace. */
        mpj_depend(b, mpj_key_func(fn));
    } else {
        guard_class(b, B, &mp_function_type);
        jc_ref code = jc_lower_load(b, JC_TYPE_PTR, B, offsetof(Func, code), MPJ_ALIAS_FUNC);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, code, jc_lower_const_obj(b, (Obj *)cc)), 1);
        jc_ref glb = jc_lower_load(b, JC_TYPE_PTR, B, offsetof(Func, globals), MPJ_ALIAS_HEADER);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, glb, jc_lower_const_obj(b, fn->globals)), 1);
    }
    if (mpj_sel.raw) return self_call_raw(b, jc, pc, base, n, B, fn);
    jc_ref nf;
    jc_ref a0 = n > 0 ? jc_lower_slot_get(b, base + 2) : JC_REF_NONE;
    if (n == 1 && ty(b, a0) == JC_TYPE_I64) {
        jc_ref a[2] = { B, a0 };
        nf = mpj_call(b, MPJ_H_SELF_FRAME1, a, 2);
    } else {
        jc_ref a[2 + MPJ_MAX_CALL_ARGS];
        a[0] = B;
        a[1] = jc_lower_const_i64(b, n);
        for (int i = 0; i < MPJ_MAX_CALL_ARGS; i++)
            a[2 + i] = i < n ? box(b, jc_lower_slot_get(b, base + 2 + (uint32_t)i)) : kptr(b, NULL);
        nf = mpj_call(b, MPJ_H_SELF_FRAME, a, 2 + MPJ_MAX_CALL_ARGS);
    }
    jc_ref r = self_call_run(b, nf, pc, base);
    mpj_call(b, MPJ_H_SELF_DROP, &nf, 1);
    if (!jc_lower_ok(b)) return JC_REF_NONE;
    jc->marker[pc] |= MPJ_MARK_SELF;
    mpj_sel.nself++;
    ran_code();
    return r;
}

/* The return protocol of self-calls (above), at a RETURN_VALUE of the
 * root frame in the function trace and its side traces (jit_lower_generic.c):
 * an i64 result goes to the frame, for a native caller.  (A frame nobody
 * called natively just never has the fields read.) */
void mpj_self_return(jc_lower *b, Code *co, uint32_t top)
{
    MpJitCode *jc = mpj_code(co);
    if (!jc || jc->fn != MPJ_FN_YES) return;
    jc_ref v = jc_lower_slot_get(b, top - 1);
    if (ty(b, v) != JC_TYPE_I64) return;
    jc_ref fr = jc_lower_frame(b);
    jc_lower_store(b, fr, offsetof(Frame, jit_ret), v, MPJ_ALIAS_SELF);
    jc_lower_store(b, fr, offsetof(Frame, jit_tag), jc_lower_const_i64(b, 1), MPJ_ALIAS_SELF);
}

/* RETURN_VALUE in an inlined frame: the result goes to the caller's CALL
 * slot; the walk continues at the caller's marker pc (call_pc + 1). */
static void inl_return(jc_lower *b, uint32_t top, jc_step *st)
{
    MpjInl *in = &mpj_sel.inl[mpj_sel.ninl - 1];
    depth_add(b, depth_word(b), -1);
    st->kind = JC_STEP_RETURN;
    st->arg_base = top - 1;
    st->return_slot = in->base;
    mpj_sel.ret_marker = in->call_pc + 1;
    Code *caller = mpj_sel.ninl > 1 ? mpj_sel.inl[mpj_sel.ninl - 2].code : mpj_sel.code;
    mpj_sel.depth = (int)(in->base - mpj_nfixed(caller)) + 1;
    inl_pop();
}

/* Whether the root loop's iterations go on at pc after a branch: pc lies
 * between the loop's head and its last back edge (a JUMP to the head) and
 * is not a JUMP out of that range (a break). */
static int stays_in_loop(const Code *co, uint32_t head, uint32_t pc)
{
    if (mpj_sel.back == 0) {
        uint32_t last = head;
        for (uint32_t q = head; q < (uint32_t)co->ncode; q += 1 + OPNC(co->code[q]))
            if (mp_opfamily[OPC(co->code[q])] == OP_JUMP && OPARG(co->code[q]) == head) last = q;
        mpj_sel.back = last;
    }
    if (pc < head || pc > mpj_sel.back || pc >= (uint32_t)co->ncode) return 0;
    uint32_t u = co->code[pc];
    return mp_opfamily[OPC(u)] != OP_JUMP || (OPARG(u) >= head && OPARG(u) <= mpj_sel.back);
}

/* A root loop trace's branch at bpc in the loop's own frame, recorded
 * the way `jump` (to target, else on at next) with history hist (taken
 * in the low half, not taken in the high one): whether the selection may
 * go on.  A branch both of whose ways continue the loop's iteration (an
 * if/else in its body) leaves the trace on every iteration that goes the
 * way not recorded (until a side trace exists there), so the product of the
 * recorded ways' shares over such branches (mpj_sel.stay) is the share of
 * iterations that stay on the trace, and 1 / (1 - stay) the iterations
 * per entry it can reach.  Below MPJ_MIN_ITERS_PER_ENTRY the judge would
 * drop the trace after its first window, once its compile was paid
 * (bench/sort_algos.py: the merge loop's `if left[i] <= right[j]` goes
 * each way half the time): refuse it now (the host counts it as
 * worth_tracing's refusal).  Branches that end the loop (its condition, a
 * break) are not counted: how long executions run changes as a program
 * goes on (bench/mandelbrot.py's escape test: 4 iterations per point in
 * the first rows, hundreds later), which the judge's windows follow and
 * a cumulative history does not.  Histories with fewer than
 * MPJ_BRANCH_MIN_SEEN executions say too little (--jit-threshold=1);
 * side traces and function-entry traces are judged otherwise.
 * MINIPY_JIT_BRANCH_JUDGE=0 turns this off, for comparing.
 * Branch side traces (MINIPY_JIT_BRANCH_SIDES, on by default): a share
 * between those iterations per entry and MPJ_MIN_ITERS_PER_HOP is taken,
 * the selection marked branchy: the judge waits for the side traces of
 * the unrecorded ways, which link back to the trace at its head, and
 * each iteration going such a way then costs a hop instead of an entry
 * (hop_count, mpj_hop_judge in jit_host.c). */
static int branch_stays(const Code *co, uint32_t bpc, uint32_t target, uint32_t next, uint32_t hist,
                        int jump, int side, uint32_t fdepth, jc_step *st)
{
    uint32_t taken = hist & 0xffff, not_taken = hist >> 16, n = taken + not_taken;
    if (!mpj_branch_judge || side || fdepth != 0 || mpj_sel.fentry || !mpj_sel.iters || mpj_sel.copy
        || n < MPJ_BRANCH_MIN_SEEN)
        return 1;
    MpJitCode *jc = mpj_code((Code *)co);
    uint32_t head = (uint32_t)(mpj_sel.iters - jc->iters);
    if (bpc < head || !stays_in_loop(co, head, target) || !stays_in_loop(co, head, next)) return 1;
    mpj_sel.stay *= (double)(jump ? taken : not_taken) / n;
    if (mpj_sel.stay * MPJ_MIN_ITERS_PER_ENTRY >= MPJ_MIN_ITERS_PER_ENTRY - 1) return 1;
    if (mpj_branch_sides && mpj_sel.stay * MPJ_MIN_ITERS_PER_HOP >= MPJ_MIN_ITERS_PER_HOP - 1) {
        /* The histories count from the program's start, and a branch that
         * is moving towards its other way would make the trace hop on
         * more and more iterations (bench/dict_words.py's `if key in
         * pairs`: 15% true in its first 2000 iterations, 82% in the end).
         * The first time, the loop's histories start again from zero
         * (the host, MPJ_LEAVES_RECOUNT) and the next selection judges
         * the iterations since: sieve's primes get rarer (15% below 2000,
         * 12.8% from 2000 to 4000), dict_words' keys found more often. */
        if (!jc->probe[head].recounted) {
            jc->probe[head].recounted = 1;
            mpj_sel.leaves = MPJ_LEAVES_RECOUNT;
            return abort_step(st, JC_ABORT_HOST_REFUSED, "its branches may leave the loop too often (counting again)");
        }
        mpj_sel.branchy = 1;
        return 1;
    }
    mpj_sel.leaves = MPJ_LEAVES_BRANCHES;
    return abort_step(st, JC_ABORT_HOST_REFUSED, "its branches leave the loop too often (their histories)");
}

/* ---------------------------------------------------------------- branch chains
 *
 * `if not cols[c] and not d1[r + c] and not d2[r - c + n]:` (bench/
 * nqueens.py) compiles to three POP_JUMP_IF_TRUEs to one target, each after
 * a few loads that compute its condition.  Lowered one branch at a time, a
 * loop trace follows one of its four ways and leaves at the others on most
 * iterations (each leave a full restore, even with side traces linked
 * back).  A branch chain is lowered at its first branch as one guard
 * instead: the later conditions are computed there too, eagerly, and the
 * trace guards that the chain as a whole jumps (any of its conditions
 * says so) or falls through (none does), the way the histories make
 * likelier.  That is exact when the segments between the branches are
 * pure and cannot fail where the interpreter would not have run them:
 * only local, cell and constant loads, int arithmetic, comparisons of
 * numbers, `not` and list indexing by an int, never a helper (no Python
 * code runs, nothing is stored).  Each of their guards (a bounds check
 * the short circuit would have skipped, an overflow, a class) is taken
 * at the first branch's pc with the stack as it is there, so a failed
 * one has the interpreter run the whole chain, lazily, as written.  At
 * most MPJ_CHAIN_MAX branches, each segment at most MPJ_CHAIN_SEG
 * instructions; a branch no execution reached ends the chain before it.
 * Only in the root frame of loop and side traces (function-entry traces
 * keep their branch flip, see fflip).  MINIPY_JIT_BRANCH_CHAINS=0 turns it
 * off (tests/minipy/stmt_branch_chain.py runs both ways). */
#define MPJ_CHAIN_MAX 6
#define MPJ_CHAIN_SEG 12

/* The stack effect of an instruction a chain's segment may hold, or
 * INT32_MIN. */
static int chain_effect(uint32_t u)
{
    switch (mp_opfamily[OPC(u)]) {
    case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CONST: return 1;
    case OP_BINARY_OP: case OP_BINARY_SUBSCR: case OP_COMPARE_OP: return -1;
    case OP_UNARY_NOT: return 0;
    default: return INT32_MIN;
    }
}

/* The chain starting at the branch at pc: the pcs of its later branches
 * (in bpc[], same kind, same target, each reached by falling through a
 * segment that leaves exactly its condition on the stack); 0 when there
 * is none.  Only the opcodes are looked at. */
static int chain_scan(const Code *co, uint32_t pc, uint32_t *bpc)
{
    uint32_t u = co->code[pc], target = OPARG(u);
    int fam = mp_opfamily[OPC(u)], n = 0;
    uint32_t q = pc + 1 + OPNC(u);
    while (n < MPJ_CHAIN_MAX - 1) {
        int h = 0, k = 0;
        while (q < (uint32_t)co->ncode) {
            uint32_t v = co->code[q];
            if (h == 1 && k > 0 && mp_opfamily[OPC(v)] == fam && OPARG(v) == target) break;
            int e = chain_effect(v);
            if (e == INT32_MIN || ++k > MPJ_CHAIN_SEG) return n;
            if (e < 0 && h < 1 - e) return n;       /* it would pop what the segment did not push */
            h += e;
            q += 1 + OPNC(v);
        }
        if (q >= (uint32_t)co->ncode) return n;
        uint32_t hist = co->code[q + 1];
        if (hist == 0) return n;                    /* never reached: the chain ends before it */
        bpc[n++] = q;
        q += 1 + OPNC(co->code[q]);
    }
    return n;
}

/* The value segment [from, to) of a chain computes, as the trace's IR
 * (JC_REF_NONE when a value is not of a kind it computes without a
 * helper).  Nothing is stored. */
static jc_ref chain_value(jc_lower *b, Code *co, uint32_t from, uint32_t to)
{
    jc_ref stk[MPJ_CHAIN_SEG];
    int h = 0;
    for (uint32_t q = from; q < to; q += 1 + OPNC(co->code[q])) {
        uint32_t u = co->code[q];
        int arg = (int)OPARG(u);
        jc_ref r = JC_REF_NONE;
        switch (mp_opfamily[OPC(u)]) {
        case OP_LOAD_FAST:
            r = jc_lower_slot_get(b, (uint32_t)arg);
            if (ty(b, r) == JC_TYPE_VOID) return JC_REF_NONE;
            break;
        case OP_LOAD_CONST: {
            Obj *c = TITEMS(co->consts)[arg];
            if (!IS(c, bool) && !(IS(c, int) && !((Int *)c)->big)) return JC_REF_NONE;
            r = constant(b, c);
            break;
        }
        case OP_LOAD_DEREF: {
            jc_ref cell = jc_lower_slot_get(b, (uint32_t)(co->nlocals + arg));
            Obj *c = seen(cell);
            if (!c || !IS(c, cell) || !((Cell *)c)->ref) return JC_REF_NONE;
            Obj *live = ((Cell *)c)->ref;
            jc_ref v = jc_lower_load(b, JC_TYPE_PTR, cell, offsetof(Cell, ref), MPJ_ALIAS_CELL);
            jc_lower_guard(b, jc_lower_cmp(b, JC_NE, v, kptr(b, NULL)), 1);
            if (IS(live, bool) || IS(live, float) || (IS(live, int) && !((Int *)live)->big)) r = unbox_like(b, v, live);
            else {
                /* Borrowed, without the keep helper: no code runs before
                 * the chain is done with it, and it is in no slot. */
                r = v;
                note(r, NULL, live);
            }
            break;
        }
        case OP_BINARY_OP: {
            int op = arg & 0xff;
            if (op != BIN_ADD && op != BIN_SUB && op != BIN_MUL && op != BIN_AND && op != BIN_OR && op != BIN_XOR)
                return JC_REF_NONE;
            jc_ref x = stk[h - 2], y = stk[h - 1];
            if (ty(b, x) != JC_TYPE_I64 || ty(b, y) != JC_TYPE_I64) return JC_REF_NONE;
            r = arith(b, op, x, y);
            h -= 2;
            break;
        }
        case OP_COMPARE_OP: {
            jc_ref x = stk[h - 2], y = stk[h - 1];
            if (!(isnum(b, x) && isnum(b, y)) && !(ty(b, x) == JC_TYPE_BOOL && ty(b, y) == JC_TYPE_BOOL))
                return JC_REF_NONE;
            r = compare(b, arg, x, y);
            h -= 2;
            break;
        }
        case OP_BINARY_SUBSCR: {
            jc_ref o = stk[h - 2], k = stk[h - 1];
            if (ty(b, o) != JC_TYPE_PTR || ty(b, k) != JC_TYPE_I64 || need_class(b, o) != &mp_list_type)
                return JC_REF_NONE;
            Obj *like = elem_like(seen(o), 0);
            if (!like || !(IS(like, bool) || IS(like, float) || (IS(like, int) && !((Int *)like)->big)))
                return JC_REF_NONE;             /* numbers and bools only: no helper keeps an item */
            jc_ref n = jc_lower_load(b, JC_TYPE_I64, o, offsetof(List, n), MPJ_ALIAS_LIST);
            r = from_container(b, list_item_at(b, o, seq_index(b, k, n)), like);
            h -= 2;
            break;
        }
        case OP_UNARY_NOT: {
            jc_ref c = truth(b, stk[h - 1]);
            if (c == JC_REF_NONE || ty(b, stk[h - 1]) == JC_TYPE_PTR) return JC_REF_NONE;
            r = jc_lower_unop(b, JC_NOT, c);
            h -= 1;
            break;
        }
        default:
            return JC_REF_NONE;
        }
        if (r == JC_REF_NONE || !jc_lower_ok(b)) return JC_REF_NONE;
        stk[h++] = r;
    }
    return h == 1 ? stk[0] : JC_REF_NONE;
}

/* The branch at pc (kind if_true, condition c as a bool, already
 * computed) heads a chain: lower the whole chain, *jump set to the way
 * taken and *next to the pc after its last branch.  0: no chain here (or
 * a value the chain cannot compute; the IR it emitted is pure and its
 * guards held at selection), lower the branch alone; -1: the selection
 * is refused (branch_stays, *st filled).  lead: the chain's
 * first condition was computed by a segment lowered with it (see
 * lower_chain_from), not by the instructions before, so at a side entry
 * no live condition is on the stack. */
static int lower_chain(jc_lower *b, Code *co, uint32_t pc, int if_true, jc_ref c, int side, Frame *f,
                       uint32_t top, int lead, int *jump, uint32_t *next, jc_step *st)
{
    uint32_t bpc[MPJ_CHAIN_MAX];
    int n = chain_scan(co, pc, bpc);
    if (n == 0) return 0;
    /* The share of executions that fall through all of it, from the
     * histories (each branch's own, of the executions that reached it). */
    uint32_t h0 = co->code[pc + 1];
    double fall = (double)(h0 >> 16) / (double)((h0 & 0xffff) + (h0 >> 16));
    jc_ref any = if_true ? c : jc_lower_unop(b, JC_NOT, c);
    uint32_t from = pc + 1 + OPNC(co->code[pc]);
    for (int i = 0; i < n; i++) {
        jc_ref v = chain_value(b, co, from, bpc[i]);
        jc_ref ci = v == JC_REF_NONE ? JC_REF_NONE : truth(b, v);
        if (ci == JC_REF_NONE || ty(b, v) == JC_TYPE_PTR) return 0;
        any = jc_lower_binop(b, JC_OR, any, if_true ? ci : jc_lower_unop(b, JC_NOT, ci));
        uint32_t hi = co->code[bpc[i] + 1];
        fall *= (double)(hi >> 16) / (double)((hi & 0xffff) + (hi >> 16));
        from = bpc[i] + 1 + OPNC(co->code[bpc[i]]);
    }
    if (!jc_lower_ok(b)) return 0;
    int j = fall < 0.5;
    /* The branch judge (branch_stays) on the chain as one branch, with
     * the shares it has as a whole; a recursive function's loop waits for
     * its side traces instead (recursive_head in jit_host.c). */
    uint32_t seen0 = (h0 & 0xffff) + (h0 >> 16), n0 = seen0 > 0xffff ? 0xffff : seen0;
    uint32_t nfall = (uint32_t)(fall * n0 + 0.5), hist = (n0 - nfall) | nfall << 16;
    MpJitCode *jc = mpj_code(co);
    int rec = jc && mpj_sel.iters && jc->probe[mpj_sel.iters - jc->iters].rec;
    if (!rec && !branch_stays(co, pc, OPARG(co->code[pc]), from, hist, j, side, 0, st)) return -1;
    if (side && f) {
        /* The parent left here: its guard on the chain failed, so the
         * chain goes the other way than the histories favour -- unless
         * the first condition, live on the stack, already says jump. */
        int t0 = -1;
        if (!lead) {
            Obj *cv = f->lp[top - 1];
            t0 = cv == TRUE_ ? 1 : cv == FALSE_ ? 0 : -1;
            if (t0 < 0 && cv && IS(cv, int) && !((Int *)cv)->big) t0 = IV(cv) != 0;
        }
        j = t0 >= 0 && (if_true ? t0 : !t0) ? 1 : !j;
    }
    jc_lower_guard(b, any, j);
    *jump = j;
    *next = from;
    mpj_chains++;
    return 1;
}

/* The instruction at pc starts the segment that computes a chain's first
 * condition (`cols[c]` before `not d1[r + c]`): lower segment and chain
 * together, so that the first condition's loads are the chain's too
 * (guards at pc, nothing kept alive, see chain_value).  1 with *st
 * filled (the segment and the first branch leave the stack as it was),
 * 0 to lower the instruction alone, -1 refused (lower_chain). */
static int lower_chain_from(jc_lower *b, Code *co, uint32_t pc, int side, Frame *f, uint32_t top, jc_step *st)
{
    int h = 0, k = 0;
    uint32_t q = pc;
    for (;;) {
        if (q >= (uint32_t)co->ncode) return 0;
        uint32_t v = co->code[q];
        int fam = mp_opfamily[OPC(v)];
        if (h == 1 && k > 0 && (fam == OP_POP_JUMP_IF_TRUE || fam == OP_POP_JUMP_IF_FALSE)) break;
        int e = chain_effect(v);
        if (e == INT32_MIN || ++k > MPJ_CHAIN_SEG || (e < 0 && h < 1 - e)) return 0;
        h += e;
        q += 1 + OPNC(v);
    }
    uint32_t bpc[MPJ_CHAIN_MAX], hist = co->code[q + 1];
    if ((hist & 0xffff) + (hist >> 16) == 0 || chain_scan(co, q, bpc) == 0) return 0;
    jc_ref v = chain_value(b, co, pc, q);
    jc_ref c = v == JC_REF_NONE ? JC_REF_NONE : truth(b, v);
    if (c == JC_REF_NONE || ty(b, v) == JC_TYPE_PTR) return 0;
    int if_true = mp_opfamily[OPC(co->code[q])] == OP_POP_JUMP_IF_TRUE, jump;
    uint32_t next;
    int r = lower_chain(b, co, q, if_true, c, side, f, top, 1, &jump, &next, st);
    if (r <= 0) return r;
    st->kind = JC_STEP_NEXT;
    st->pc = jump ? OPARG(co->code[q]) : next;
    return 1;
}

/* A root loop trace's machine-int operation at pc, in the loop's own
 * frame: whether the selection may go on.  The interpreter's form
 * (BINARY_OP_*_INT) counts in its cache unit the executions that took the
 * generic operation (ceval.c, INT_SLOW: an operand or the result a big
 * int).  The trace guards machine ints there and leaves on every such
 * iteration (a side trace from that guard meets a big int at its next int
 * operation, and the one after it: bench/sort_algos.py's data(), where
 * `(x * 6364136223846793005 + ...) % 2**64` overflows on every iteration
 * and x is a big int half of the time, compiled a trace that was dropped
 * after its first window).  More than one such execution in
 * MPJ_MIN_ITERS_PER_ENTRY of the loop's iterations so far (the probe's
 * all_iters, at least MPJ_BRANCH_MIN_SEEN of them): refused, as
 * branch_stays refuses (the host counts it as worth_tracing's refusal).
 * MINIPY_JIT_BIGINT_JUDGE=0 turns this off, for comparing. */
static int int_goes_big(const Code *co, uint32_t pc, int side, uint32_t fdepth, jc_step *st)
{
    switch (OPC(co->code[pc])) {
    case OP_BINARY_OP_ADD_INT: case OP_BINARY_OP_SUB_INT: case OP_BINARY_OP_MUL_INT:
    case OP_BINARY_OP_FLOORDIV_INT: case OP_BINARY_OP_MOD_INT:
    case OP_BINARY_OP_AND_INT: case OP_BINARY_OP_OR_INT: case OP_BINARY_OP_XOR_INT:
        break;
    default:
        return 0;
    }
    if (!mpj_bigint_judge || side || fdepth != 0 || mpj_sel.fentry || !mpj_sel.iters) return 0;
    MpJitCode *jc = mpj_code((Code *)co);
    uint64_t all = jc->probe[mpj_sel.iters - jc->iters].all_iters, slow = co->code[pc + 1];
    if (all < MPJ_BRANCH_MIN_SEEN || slow * MPJ_MIN_ITERS_PER_ENTRY <= all) return 0;
    mpj_sel.leaves = MPJ_LEAVES_BIGINTS;
    abort_step(st, JC_ABORT_HOST_REFUSED, "its int operations go to big ints too often (the interpreter's counts)");
    return 1;
}

/* A loop copy (libjitcore's raw links, jc_lower_side_entry 2) takes each
 * branch of its root frame the way the last root selection through it
 * did: the histories since the root was installed count mostly the
 * iterations that left it there (they resume in the interpreter).  Also
 * at its first instruction, the root's head, whatever the live frame
 * says there: a copy is the root's loop (libjitcore refuses one whose
 * walk differs, JC_ABORT_COPY_DIVERGED). */
static void root_way(const Code *co, uint32_t bpc, uint32_t fdepth, int side, int *jump)
{
    MpJitCode *jc = mpj_code((Code *)co);
    if (!jc || fdepth != 0) return;
    if (!mpj_sel.side_sel) jc->probe[bpc].rootdir = (uint8_t)(1 + *jump);
    else if (mpj_sel.copy && side != 1 && jc->probe[bpc].rootdir) *jump = jc->probe[bpc].rootdir - 1;
}

/* The second half of a POP_JUMP_IF_* on an object's truth, at the
 * branch's cache unit pc (MpJitCode.marker): the condition and its truth
 * (bool) are on the stack; guard the truth in the direction the branch
 * history favours (at a side entry: the way the live truth goes), pop
 * both.  An exit here keeps both on the stack and the host finishes the
 * branch with that truth (finish_branch in jit_host.c). */
static int lower_decided_branch(jc_lower *b, Code *co, uint32_t pc, int side, uint32_t fdepth, int depth,
                                Frame *f, jc_step *st)
{
    uint32_t bpc = pc - 1, u = co->code[bpc], top = mpj_nfixed(co) + (uint32_t)depth;
    int fam = mp_opfamily[OPC(u)];
    if ((fam != OP_POP_JUMP_IF_FALSE && fam != OP_POP_JUMP_IF_TRUE) || depth < 2)
        return abort_step(st, JC_ABORT_HOST_REFUSED, "decided branch without its branch");
    jc_ref c = jc_lower_slot_get(b, top - 1);
    if (ty(b, c) != JC_TYPE_BOOL) return abort_step(st, JC_ABORT_HOST_REFUSED, "decided branch without its truth");
    uint32_t hist = co->code[pc], taken = hist & 0xffff, not_taken = hist >> 16;
    int if_true = fam == OP_POP_JUMP_IF_TRUE, jump = taken > not_taken;
    if (side && f) {
        Obj *cv = f->lp[top - 1];
        if (cv == TRUE_ || cv == FALSE_) jump = if_true ? cv == TRUE_ : cv == FALSE_;
    }
    root_way(co, bpc, fdepth, side, &jump);
    if (!branch_stays(co, bpc, OPARG(u), bpc + 1 + OPNC(u), hist, jump, side, fdepth, st)) return 0;
    jc_lower_guard(b, c, jump ? if_true : !if_true);
    if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
    st->kind = JC_STEP_NEXT;
    st->pc = jump ? OPARG(u) : bpc + 1 + OPNC(u);
    mpj_sel.depth = depth - 2;
    return 0;
}

/* Dead stack slots.  At the start of each instruction the operand stack
 * slots above its depth (set_pc's jc->depth[pc]) are dead: set_pc and
 * restore_frame never write them (they become or stay NULL), the
 * interpreter resuming there pushes before it reads them.  So libjitcore
 * leaves them out of this instruction's snapshots (jc_lower_slots_dead_
 * from): the exits store fewer words, side traces are seeded with fewer
 * values.  MINIPY_JIT_DEAD_SLOTS=0 turns it off; --jit-stats counts the
 * snapshot entries left out at selection (dead_slots=). */
int mpj_dead_slots_on = 1;
uint64_t mpj_dead_slots;

static void dead_stack(jc_lower *b, const Code *co, int depth)
{
    if (!mpj_dead_slots_on) return;
    int n = jc_lower_slots_dead_from(b, mpj_nfixed(co) + (uint32_t)depth);
    if (n > 0) mpj_dead_slots += (uint64_t)n;
}

/* A side trace starting at pc of co, in its root frame, of a root trace's
 * exit (the exit that is being taken, jc_runtime_last_exit, is at side
 * depth 0: a side trace of a side trace runs in the same iteration as its
 * parent, one hop): when the innermost loop around pc that has a trace is
 * a branchy trace's, count a hop in the head's probe and have every
 * MPJ_HOP_WINDOW-th judge it (mpj_hop_judge in jit_host.c), which may drop
 * it: then this trace is dead too and exits here, before any effect.
 * Only side traces that start inside the loop's body are hops: a branch's
 * exit resumes at the branch (lower_decided_branch), never at the head.
 * The side trace of the exit at the head itself (the loop ended, or its
 * head guard failed) goes on after the loop; inside loops around it, it
 * comes back to the head and links to the trace there (libjitcore's
 * side_link_home), once a run of the loop: an entry the interpreter would
 * otherwise make, which is not what branch_stays estimated per hop (a
 * short root would be dropped for its few iterations per run). */
static void hop_count(jc_lower *b, Code *co, uint32_t pc)
{
    MpJitCode *jc = mpj_code(co);
    uint32_t depth = 1;
    if (!jc || jc_runtime_last_exit(mpj_rt, NULL, &depth) < 0 || depth != 0) return;
    uint32_t h = UINT32_MAX;
    for (uint32_t q = pc; q < (uint32_t)co->ncode; q += 1 + OPNC(co->code[q])) {
        uint32_t u = co->code[q], t = OPARG(u);
        if (mp_opfamily[OPC(u)] == OP_JUMP && t <= pc && jc->traces[t] && (h == UINT32_MAX || t > h))
            h = t;
    }
    if (h == UINT32_MAX || h == pc || !jc->probe[h].branchy) return;
    jc_ref k = kptr(b, &jc->probe[h].hops);
    jc_ref n = jc_lower_binop(b, JC_ADD, jc_lower_load(b, JC_TYPE_I64, k, 0, MPJ_ALIAS_COUNTER),
                             jc_lower_const_i64(b, 1));
    jc_lower_store(b, k, 0, n, MPJ_ALIAS_COUNTER);
    jc_ref a[2] = { kptr(b, jc), jc_lower_const_i64(b, h) };
    mpj_call_if(b, jc_lower_cmp(b, JC_GE, n, jc_lower_const_i64(b, MPJ_HOP_WINDOW)), MPJ_H_HOP_JUDGE, a, 2);
    mpj_sel.check_pending = 1;
    check_valid(b);
}

int mpj_lower(void *ud, jc_lower *b, const void *code, uint32_t pc, uint32_t fdepth,
              const void *ic, jc_step *st)
{
    (void)ud; (void)ic;
    Code *co = (Code *)code;
    int side = jc_lower_side_entry(b);
    if (side) {
        /* A side trace starts here, inside jc_trace_enter: the frame is as
         * the parent's exit restored it. */
        Frame *rf = mpj_restoring_frame();
        if (!rf || rf->code != co) return abort_step(st, JC_ABORT_HOST_REFUSED, "side entry in another frame");
        /* An exit that left an exception (a helper raised) is for the
         * interpreter to raise: never select here then, and let every side
         * trace start by checking that none is pending (a side trace made
         * for another exit at this pc could otherwise run with it). */
        if (mp.exc) return abort_step(st, JC_ABORT_HOST_REFUSED, "exception pending at a side exit");
        /* An exit taken because a helper found the parking lot full (or
         * the collector due; jit_helpers.c) says nothing about the
         * program: the exit releases the lot and the parent runs on.  A
         * side trace for it (bench/dict_words.py: the store helper at
         * every ~340th iteration, 3 references parked an iteration, made
         * its exit hot) would be a compile for nothing, so none is made
         * while the lot is still full here (the exit's frame is restored,
         * the lot is released only when jc_trace_enter returns).  Another
         * exit that happens to be taken with the lot full is refused
         * once; libjitcore backs off and tries it again later. */
        if (mpj_full_lot_refuse && mpj_park_full())
            return abort_step(st, JC_ABORT_HOST_REFUSED, "side exit taken with the parking lot full");
        int ns = nseeds;
        nseeds = 0;
        mpj_sel_reset(rf);
        for (int i = 0; i < ns; i++) note(seeds[i].r, NULL, seeds[i].o);
        mpj_sel.head = UINT32_MAX;
        mpj_sel.side_sel = 1;
        mpj_sel.copy = side == 2;
        dead_stack(b, co, mpj_sel.depth);
        jc_ref e = jc_lower_load(b, JC_TYPE_PTR, kptr(b, &mp.exc), 0, MPJ_ALIAS_STATE);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, e, kptr(b, NULL)), 1);
        fin_start(b);
        if (mpj_sel.strict && fdepth == 0) {
            /* What the stack holds now, the side trace may drop: only
             * inert objects (the iterator of a loop over a list is not). */
            uint32_t nfix = mpj_nfixed(co), top0 = nfix + (uint32_t)(rf->sp - rf->stack);
            for (uint32_t s = nfix; s < top0; s++)
                if (!mpj_inert(rf->lp[s]))
                    return abort_step(st, JC_ABORT_HOST_REFUSED, "finalizers: an object on the stack at a side entry");
            for (uint32_t s = nfix; s < top0; s++) fin_guard_inert(b, jc_lower_slot_get(b, s));
        }
        if (mpj_branch_sides && fdepth == 0) hop_count(b, co, pc);
    }
    fin_start(b);
    if (fdepth != (uint32_t)mpj_sel.ninl)
        return abort_step(st, JC_ABORT_HOST_REFUSED, "inlined frames out of step");
    Frame *f = fdepth ? mpj_sel.inl[fdepth - 1].shadow : mpj_sel.frame;
    if (!f || co != f->code)
        return abort_step(st, JC_ABORT_HOST_REFUSED, "lowering another frame's code");
    if (mpj_sel.ret_marker != UINT32_MAX) {
        /* Back from an inlined call: continue after the CALL. */
        if (pc != mpj_sel.ret_marker) return abort_step(st, JC_ABORT_HOST_REFUSED, "return to an unknown pc");
        mpj_sel.ret_marker = UINT32_MAX;
        st->kind = JC_STEP_NEXT;
        st->pc = pc - 1 + 1 + OPNC(co->code[pc - 1]);
        return 0;
    }
    MpJitCode *jc = mpj_code(co);
    if (!jc) return abort_step(st, JC_ABORT_HOST_REFUSED, "out of memory");
    int depth = mpj_sel.depth;
    if (jc->depth[pc] >= 0 && jc->depth[pc] != depth)
        return abort_step(st, JC_ABORT_HOST_REFUSED, "inconsistent stack depth");
    jc->depth[pc] = (int16_t)depth;
    if (!side) dead_stack(b, co, depth);
    /* A loop copy (jc_lower_side_entry 2: a side trace that closes a loop
     * at its root's head) counts its iterations there too. */
    if ((!side && pc == mpj_sel.head) || (side == 2 && fdepth == 0)) {
        /* The root trace's head: count an iteration (mp_jit_loop_head
         * judges the trace by iterations per entry), and let the head drop
         * its trace through its own key. */
        mpj_sel.head = UINT32_MAX;
        mpj_sel.iters = &jc->iters[pc];
        jc_ref k = kptr(b, &jc->iters[pc]);
        jc_ref n = jc_lower_load(b, JC_TYPE_I64, k, 0, MPJ_ALIAS_COUNTER);
        jc_lower_store(b, k, 0, jc_lower_binop(b, JC_ADD, n, jc_lower_const_i64(b, 1)), MPJ_ALIAS_COUNTER);
        mpj_depend(b, mpj_key_head(jc, pc));
        if (mpj_sel.fentry && fdepth == 0 && pc == 0) raw_args_begin(b, co, f, jc);
    }
    if (side && fdepth == 0 && (jc->marker[pc] & MPJ_MARK_SELF))
        return abort_step(st, JC_ABORT_HOST_REFUSED, "a self-call's CALL (its exit may have frames waiting)");
    if (jc->marker[pc] & 1) {
        check_valid(b);
        fin_check(b);
        return lower_decided_branch(b, co, pc, side, fdepth, depth, f, st);
    }
    uint32_t u = co->code[pc];
    int op = OPC(u), arg = (int)OPARG(u), fam = mp_opfamily[op];
    uint32_t top = mpj_nfixed(co) + (uint32_t)depth;      /* first free slot */
    mpj_sel.fn_insns++;
    st->kind = JC_STEP_NEXT;
    st->pc = pc + 1 + OPNC(u);
    int d = 0;
    if (fdepth > 0 && !inl_family_ok(fam) && !mpj_inl_generic_ok(fam))
        return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "instruction not lowered in an inlined call");
    check_valid(b);
    fin_check(b);
    /* Generic instructions, returns and yields: jit_lower_generic.c. */
    if (mpj_branch_chains && fdepth == 0 && !mpj_sel.fentry && chain_effect(u) == 1) {
        int ch = lower_chain_from(b, co, pc, side, f, top, st);
        if (ch < 0) return 0;
        if (ch > 0) {
            if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
            return 0;               /* the stack depth is as before */
        }
    }
    int g = mpj_lower_generic(b, co, pc, fdepth, side, depth, st, &d);
    if (g < 0) return 0;
    if (!g) switch (fam) {
    case OP_NOP:
        break;
    case OP_PUSH_NULL:
        jc_lower_slot_set(b, top, kptr(b, NULL));
        d = 1;
        break;
    case OP_STORE_GLOBAL: {
        if (!IS(f->globals, dict)) return abort_step(st, JC_ABORT_HOST_REFUSED, "globals not a dict");
        jc_ref v = jc_lower_slot_get(b, top - 1);
        Obj *gname = TITEMS(co->names)[arg];
        jc_ref a[3] = { jc_lower_const_obj(b, f->globals), jc_lower_const_obj(b, gname), JC_REF_NONE };
        int at = global_store_at(b, (Dict *)f->globals, gname, v);
        if (at == 2) {
            /* a raw int, maybe written into the int the entry held: what
             * the lowering knew of this global (its object) is stale */
            int gk = global_known((Dict *)f->globals, gname);
            if (gk >= 0) mpj_sel.gknown[gk] = mpj_sel.gknown[--mpj_sel.ngknown];
            d = -1;
            break;
        }
        if (at) a[2] = box(b, v);
        else {
            a[2] = box(b, v);
            mpj_call(b, MPJ_H_STORE_GLOBAL, a, 3);
            ran_code();
        }
        if (a[2] != JC_REF_NONE && ty(b, v) != JC_TYPE_BOOL)
            global_note((Dict *)f->globals, gname, a[2], v);
        d = -1;
        break;
    }
    case OP_LOAD_DEREF: {
        jc_ref cell = jc_lower_slot_get(b, (uint32_t)(co->nlocals + arg));
        Obj *c = seen(cell);
        if (!c || !IS(c, cell) || !((Cell *)c)->ref)
            return abort_step(st, JC_ABORT_NO_TYPE_INFO, "cell not seen");
        jc_ref v = jc_lower_load(b, JC_TYPE_PTR, cell, offsetof(Cell, ref), MPJ_ALIAS_CELL);
        jc_lower_guard(b, jc_lower_cmp(b, JC_NE, v, kptr(b, NULL)), 1);
        jc_lower_slot_set(b, top, from_container(b, v, ((Cell *)c)->ref));
        d = 1;
        break;
    }
    case OP_STORE_DEREF: {
        jc_ref a[2] = { jc_lower_slot_get(b, (uint32_t)(co->nlocals + arg)), box(b, jc_lower_slot_get(b, top - 1)) };
        mpj_call(b, MPJ_H_STORE_CELL, a, 2);
        d = -1;
        break;
    }
    case OP_LOAD_ATTR: {
        Obj *name = TITEMS(co->names)[arg];
        jc_ref o = jc_lower_slot_get(b, top - 1);
        Type *t = need_class(b, o);
        int idx = inst_index(seen(o), name);
        if (!t || idx < 0) {
            jc_ref a[2] = { box(b, o), jc_lower_const_obj(b, name) };
            jc_ref r = mpj_call(b, MPJ_H_GETATTR, a, 2);
            ran_code();
            jc_lower_slot_set(b, top - 1, r);
            break;
        }
        guard_version(b, o, t);
        jc_ref ent;
        inst_entry_check(b, o, name, idx, &ent);
        jc_ref v = jc_lower_load(b, JC_TYPE_PTR, ent, (int64_t)idx * (int64_t)sizeof(DEntry)
                                 + (int64_t)offsetof(DEntry, val), MPJ_ALIAS_DICTVAL);
        jc_lower_slot_set(b, top - 1, from_container(b, v, ((Dict *)((Inst *)seen(o))->dict)->ent[idx].val));
        break;
    }
    case OP_STORE_ATTR: {
        Obj *name = TITEMS(co->names)[arg];
        jc_ref o = jc_lower_slot_get(b, top - 1), v = jc_lower_slot_get(b, top - 2);
        Type *t = need_class(b, o);
        /* a class with its own __setattr__: always through it */
        int idx = t && (t->flags & T_SETATTR) ? -1 : inst_index(seen(o), name);
        if (!t || idx < 0) {
            jc_ref a[3] = { box(b, o), jc_lower_const_obj(b, name), box(b, v) };
            mpj_call(b, MPJ_H_SETATTR, a, 3);
            ran_code();
            d = -2;
            break;
        }
        guard_version(b, o, t);
        jc_ref ent;
        jc_ref dict = inst_entry_check(b, o, name, idx, &ent);
        jc_ref a[3] = { dict, jc_lower_const_i64(b, idx), box(b, v) };
        mpj_call(b, MPJ_H_STORE_ENTRY, a, 3);
        d = -2;
        break;
    }
    case OP_LOAD_METHOD: {
        /* A method found in the class: the function is a constant (the
         * class's version guards it, and the trace depends on the class). */
        Obj *name = TITEMS(co->names)[arg];
        jc_ref o = jc_lower_slot_get(b, top - 1);
        Type *t = need_class(b, o);
        Obj *so = seen(o);
        Obj *m = t && so ? mp_type_lookup(t, name) : NULL;
        if (!t || !so || (t->flags & T_SHADOW) || t == &mp_type_type || t == &mp_module_type
            || t == &mp_super_type || !m || !(IS(m, function) || (IS(m, builtin) && !((Builtin *)m)->self))
            || ((t->flags & T_USER) && ((Inst *)so)->dict && mp_dict_get(((Inst *)so)->dict, name))) {
            /* Anything else: the attribute itself (a bound method ...) and
             * NULL, the interpreter's own fallback. */
            jc_ref a[2] = { box(b, o), jc_lower_const_obj(b, name) };
            jc_ref r = mpj_call(b, MPJ_H_GETATTR, a, 2);
            ran_code();
            jc_lower_slot_set(b, top - 1, kptr(b, NULL));
            jc_lower_slot_set(b, top, r);
            d = 1;
            break;
        }
        guard_version(b, o, t);
        mpj_depend(b, mpj_key_type(t));
        jc_ref fn = constant(b, m);
        jc_lower_slot_set(b, top - 1, fn);
        jc_lower_slot_set(b, top, o);
        d = 1;
        break;
    }
    case OP_GET_ITER: {
        jc_ref src = jc_lower_slot_get(b, top - 1);
        UIter u;
        int unroll = fdepth == 0 && plan_unroll(b, src, co->code[pc + 1], &u, co, pc + 2);
        jc_ref o = box(b, src);
        jc_ref r;
        if (mpj_pure_range && ty(b, src) == JC_TYPE_PTR && ptype(src) == &mp_range_type) {
            r = mpj_call(b, MPJ_H_ITER_RANGE, &o, 1);     /* runs no code */
            note(r, &mp_range_iterator_type, NULL);
        } else {
            r = mpj_call(b, MPJ_H_ITER, &o, 1);
            ran_code();
        }
        if (unroll && r >= 0) {
            u.it = r;
            uiters[mpj_sel.niters++] = u;
            note(r, u.list ? &mp_list_iterator_type : &mp_range_iterator_type, NULL);
        }
        jc_lower_slot_set(b, top - 1, r);
        break;
    }
    case OP_LIST_APPEND: {
        jc_ref l = jc_lower_slot_get(b, top - 1 - (uint32_t)arg), v = box(b, jc_lower_slot_get(b, top - 1));
        if (need_class(b, l) != &mp_list_type) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "LIST_APPEND");
        jc_ref a[2] = { l, v };
        mpj_call(b, MPJ_H_LIST_APPEND, a, 2);
        d = -1;
        break;
    }
    case OP_BUILD_LIST: case OP_BUILD_TUPLE: {
        if (arg > 4) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "BUILD of many items");
        jc_ref a[5];
        a[0] = jc_lower_const_i64(b, arg);
        for (int i = 0; i < 4; i++)
            a[1 + i] = i < arg ? box(b, jc_lower_slot_get(b, top - (uint32_t)arg + (uint32_t)i)) : kptr(b, NULL);
        jc_ref r = mpj_call(b, fam == OP_BUILD_LIST ? MPJ_H_BUILD_LIST : MPJ_H_BUILD_TUPLE, a, 5);
        note(r, fam == OP_BUILD_LIST ? &mp_list_type : &mp_tuple_type, NULL);
        jc_lower_slot_set(b, top - (uint32_t)arg, r);
        d = 1 - arg;
        break;
    }
    case OP_CONTAINS_OP: {
        jc_ref a[2] = { box(b, jc_lower_slot_get(b, top - 1)), box(b, jc_lower_slot_get(b, top - 2)) };
        jc_ref r = mpj_call(b, MPJ_H_CONTAINS, a, 2);
        ran_code();
        jc_lower_slot_set(b, top - 2, jc_lower_cmp(b, arg ? JC_NE : JC_EQ, r, jc_lower_const_i64(b, 2)));
        d = -1;
        break;
    }
    case OP_UNPACK_SEQUENCE: {
        /* A tuple or list of exactly arg items: its items, kept.  A value
         * of unknown class (a generator's item: enumerate's and zip's
         * pairs, dict items) is speculated to be a tuple, guarded. */
        jc_ref o = jc_lower_slot_get(b, top - 1);
        Type *t = need_class(b, o);
        if (!t && ty(b, o) == JC_TYPE_PTR && !seen(o)) {
            guard_class(b, o, &mp_tuple_type);
            note(o, &mp_tuple_type, NULL);
            t = &mp_tuple_type;
        }
        if ((t != &mp_tuple_type && t != &mp_list_type) || arg > 8)
            return abort_step(st, JC_ABORT_NO_TYPE_INFO, "UNPACK_SEQUENCE of this type");
        int tup = t == &mp_tuple_type;
        jc_ref n = jc_lower_load(b, JC_TYPE_I64, o, tup ? offsetof(Tuple, n) : offsetof(List, n),
                                 tup ? MPJ_ALIAS_HEADER : MPJ_ALIAS_LIST);
        jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, n, jc_lower_const_i64(b, arg)), 1);
        jc_ref base = tup ? o : jc_lower_load(b, JC_TYPE_PTR, o, offsetof(List, items), MPJ_ALIAS_LIST);
        int64_t off0 = tup ? (int64_t)offsetof(Tuple, items) : 0;
        Obj *so = seen(o);
        jc_ref v[8];
        for (int i = 0; i < arg; i++) {
            jc_ref p = jc_lower_load(b, JC_TYPE_PTR, base, off0 + 8 * i, tup ? MPJ_ALIAS_HEADER : MPJ_ALIAS_LISTITEM);
            Obj *live = so && ((tup && TN(so) == arg) || (!tup && LN(so) == arg))
                        ? (tup ? TITEMS(so)[i] : LITEMS(so)[i]) : NULL;
            v[i] = from_container(b, p, live);
        }
        for (int i = 0; i < arg; i++)        /* the first item ends on top */
            jc_lower_slot_set(b, top - 1 + (uint32_t)(arg - 1 - i), v[i]);
        d = arg - 1;
        break;
    }
    case OP_SETUP_FINALLY: {
        jc_ref a[3] = { jc_lower_frame(b), jc_lower_const_i64(b, arg), jc_lower_const_i64(b, depth) };
        mpj_call(b, MPJ_H_SETUP_FINALLY, a, 3);
        break;
    }
    case OP_POP_BLOCK: {
        jc_ref fr = jc_lower_frame(b);
        mpj_call(b, MPJ_H_POP_BLOCK, &fr, 1);
        break;
    }
    case OP_MAP_ADD: {
        jc_ref dd = jc_lower_slot_get(b, top - 2 - (uint32_t)arg);
        jc_ref a[3] = { dd, box(b, jc_lower_slot_get(b, top - 2)), box(b, jc_lower_slot_get(b, top - 1)) };
        if (need_class(b, dd) != &mp_dict_type) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "MAP_ADD");
        mpj_call(b, MPJ_H_MAP_ADD, a, 3);
        ran_code();
        d = -2;
        break;
    }
    case OP_SET_ADD: {
        jc_ref ss = jc_lower_slot_get(b, top - 1 - (uint32_t)arg);
        jc_ref a[2] = { ss, box(b, jc_lower_slot_get(b, top - 1)) };
        if (need_class(b, ss) != &mp_set_type) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "SET_ADD");
        mpj_call(b, MPJ_H_SET_ADD, a, 2);
        ran_code();
        d = -1;
        break;
    }
    case OP_CALL: {
        if (arg > MPJ_MAX_CALL_ARGS) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "CALL with many arguments");
        uint32_t base = top - (uint32_t)arg - 2;
        if (reads_frame_call(b, co, base, arg))
            return abort_step(st, JC_ABORT_HOST_REFUSED, "a call that reads the frame's slots (locals(), vars(), super())");
        if (try_inline(b, co, pc, fdepth, base, arg, depth, st)) {
            if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
            return 0;
        }
        jc_ref r = try_self_call(b, co, pc, fdepth, base, arg);
        if (r != JC_REF_NONE) {
            jc_lower_slot_set(b, base, r);
            d = -arg - 1;
            break;
        }
        if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
        r = pure_range(b, base, arg);
        if (r == JC_REF_NONE) r = dict_get_call(b, base, arg);
        if (r == JC_REF_NONE && mpj_list_append_on) r = list_append_call(b, base, arg);
        if (r == JC_REF_NONE) r = call_helper(b, co, pc, base, arg);
        note_range_call(b, base, arg, r);
        jc_lower_slot_set(b, base, r);
        d = -arg - 1;
        break;
    }
    case OP_RETURN_VALUE:
        if (fdepth == 0 && mpj_sel.fentry && mpj_sel.fn_insns < MPJ_FN_MIN_INSNS && !mpj_sel.nself) {
            /* Too little work per entry to pay for entering the trace and
             * restoring the frame at its return (see README): this code
             * stays interpreted.  Unless it calls itself and the trace
             * took its base case: then the next selection goes the first
             * branch's other way, where the self-calls are. */
            if (jc->fflip == 0 && mpj_sel.fbranch && mpj_stack_floor && calls_itself(co)) {
                jc->fflip = 1;
                jc->fflip_pc = mpj_sel.fbranch - 1;
                return abort_step(st, JC_ABORT_HOST_REFUSED,
                                  "function trace took the base case: the next one goes the other way");
            }
            jc->fn = MPJ_FN_NO;
            return abort_step(st, JC_ABORT_HOST_REFUSED, "function body too short for a function-entry trace");
        }
        if (fdepth == 0) mpj_self_return(b, co, top);
        if (fdepth == 0) {
            /* The root frame returns: the library ends a function or side
             * trace there (an exit to this instruction) or aborts. */
            st->kind = JC_STEP_RETURN;
            st->arg_base = top - 1;
            break;
        }
        jc_lower_slot_get(b, top - 1);
        inl_return(b, top, st);
        if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
        return 0;
    case OP_POP_TOP:
        d = -1;
        break;
    case OP_DUP_TOP:
        jc_lower_slot_set(b, top, jc_lower_slot_get(b, top - 1));
        d = 1;
        break;
    case OP_DUP_TOP2: {
        jc_ref x = jc_lower_slot_get(b, top - 2), y = jc_lower_slot_get(b, top - 1);
        jc_lower_slot_set(b, top, x);
        jc_lower_slot_set(b, top + 1, y);
        d = 2;
        break;
    }
    case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: {
        int n = fam == OP_ROT_TWO ? 2 : fam == OP_ROT_THREE ? 3 : 4;
        jc_ref v[4];
        for (int i = 0; i < n; i++) v[i] = jc_lower_slot_get(b, top - (uint32_t)n + (uint32_t)i);
        /* top goes to the bottom, the rest move up one */
        jc_lower_slot_set(b, top - (uint32_t)n, v[n - 1]);
        for (int i = 0; i < n - 1; i++) jc_lower_slot_set(b, top - (uint32_t)n + 1 + (uint32_t)i, v[i]);
        break;
    }
    case OP_LOAD_CONST:
        jc_lower_slot_set(b, top, constant(b, TITEMS(co->consts)[arg]));
        d = 1;
        break;
    case OP_LOAD_FAST:
        jc_lower_slot_set(b, top, jc_lower_slot_get(b, (uint32_t)arg));
        d = 1;
        break;
    case OP_STORE_FAST: {
        const char *why = NULL;
        if (mpj_sel.strict && fin_store_fast(b, fdepth, side, f, (uint32_t)arg, &why) < 0)
            return abort_step(st, JC_ABORT_HOST_REFUSED, why);
        jc_lower_slot_set(b, (uint32_t)arg, speculate(b, jc_lower_slot_get(b, top - 1), live_kind(f->lp[arg])));
        d = -1;
        break;
    }
    case OP_LOAD_GLOBAL: {
        if (!IS(f->globals, dict)) return abort_step(st, JC_ABORT_HOST_REFUSED, "globals not a dict");
        jc_ref v = global(b, f, TITEMS(co->names)[arg]);
        if (v == JC_REF_NONE) return abort_step(st, JC_ABORT_HOST_REFUSED, "undefined global");
        jc_lower_slot_set(b, top, v);
        d = 1;
        break;
    }
    case OP_BINARY_OP: {
        if (int_goes_big(co, pc, side, fdepth, st)) return 0;
        jc_ref x = jc_lower_slot_get(b, top - 2), y = jc_lower_slot_get(b, top - 1);
        x = speculate(b, x, ty(b, y));
        y = speculate(b, y, ty(b, x));
        jc_ref r = arith(b, arg & 0xff, x, y);
        if (r == JC_REF_NONE) {
            jc_ref a[3] = { jc_lower_const_i64(b, arg), box(b, x), box(b, y) };
            r = mpj_call(b, MPJ_H_BINOP, a, 3);
            ran_code();
        }
        jc_lower_slot_set(b, top - 2, r);
        d = -1;
        break;
    }
    case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_INVERT: case OP_UNARY_NOT: {
        jc_ref x = jc_lower_slot_get(b, top - 1), r = JC_REF_NONE;
        jc_type t = ty(b, x);
        if (fam == OP_UNARY_NOT) {
            jc_ref c = truth(b, x);
            if (c != JC_REF_NONE) r = jc_lower_unop(b, JC_NOT, c);
        } else if (fam == OP_UNARY_POS) {
            if (t == JC_TYPE_I64 || t == JC_TYPE_F64) r = x;
        } else if (fam == OP_UNARY_INVERT) {
            if (t == JC_TYPE_I64) r = jc_lower_unop(b, JC_NOT, x);
        } else if (t == JC_TYPE_F64) r = jc_lower_unop(b, JC_NEG, x);
        else if (t == JC_TYPE_I64) r = jc_lower_binop_ov(b, JC_SUB, jc_lower_const_i64(b, 0), x);
        if (r == JC_REF_NONE) r = mpj_unary_generic(b, fam, x);
        jc_lower_slot_set(b, top - 1, r);
        break;
    }
    case OP_COMPARE_OP: {
        jc_ref x = jc_lower_slot_get(b, top - 2), y = jc_lower_slot_get(b, top - 1);
        x = speculate(b, x, ty(b, y));
        y = speculate(b, y, ty(b, x));
        jc_ref r = compare(b, arg, x, y);
        if (r == JC_REF_NONE) {
            jc_ref a[3] = { jc_lower_const_i64(b, arg), box(b, x), box(b, y) };
            r = mpj_call(b, MPJ_H_COMPARE, a, 3);
            ran_code();
        }
        jc_lower_slot_set(b, top - 2, r);
        d = -1;
        break;
    }
    case OP_IS_OP: {
        jc_ref x = jc_lower_slot_get(b, top - 2), y = jc_lower_slot_get(b, top - 1), r;
        if (ty(b, x) == JC_TYPE_PTR && ty(b, y) == JC_TYPE_PTR)
            r = jc_lower_cmp(b, arg ? JC_NE : JC_EQ, x, y);
        else if ((ty(b, x) == JC_TYPE_PTR && ptype(x) == &mp_none_type && isnum(b, y))
                 || (ty(b, y) == JC_TYPE_PTR && ptype(y) == &mp_none_type && isnum(b, x)))
            r = jc_lower_const_bool(b, arg != 0);      /* a number is never None */
        else if ((ty(b, x) == JC_TYPE_PTR && isnum(b, y) && not_number_class(need_class(b, x)))
                 || (ty(b, y) == JC_TYPE_PTR && isnum(b, x) && not_number_class(need_class(b, y))))
            r = jc_lower_const_bool(b, arg != 0);      /* nor any object of another class (zip's sentinel) */
        else return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "IS_OP on these types");
        jc_lower_slot_set(b, top - 2, r);
        d = -1;
        break;
    }
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: {
        uint32_t hist = co->code[pc + 1], taken = hist & 0xffff, not_taken = hist >> 16;
        if (taken + not_taken == 0) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "branch never executed");
        jc_ref v = jc_lower_slot_get(b, top - 1);
        jc_ref c = truth(b, v);
        if (c == JC_REF_NONE && ty(b, v) == JC_TYPE_PTR) {
            /* Python's truth of any object: 1 false, 2 true, 0 raised.
             * That may run __bool__ or __len__, which a failed guard here
             * would have the interpreter run again: push the truth and
             * decide the branch at the next pc (the cache unit), whose
             * exits keep it (lower_decided_branch). */
            jc_ref t = mpj_call(b, MPJ_H_TRUTH, &v, 1);
            ran_code();
            c = jc_lower_cmp(b, JC_EQ, t, jc_lower_const_i64(b, 2));
            jc->marker[pc + 1] = 1;
            jc_lower_slot_set(b, top, c);
            st->pc = pc + 1;
            d = 1;
            break;
        }
        if (c == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "truth of this type");
        int if_true = fam == OP_POP_JUMP_IF_TRUE;
        int jump = taken > not_taken;
        if (mpj_sel.fentry && fdepth == 0 && !side) {
            if (!mpj_sel.fbranch) {
                mpj_sel.fbranch = pc + 1;
                if (jc->fflip == 1 && jc->fflip_pc == pc) jump = !jump;
            }
        }
        if (side) {
            /* A side trace starts here because the parent's guard on this
             * branch failed: go the way the live condition goes now. */
            Obj *cv = f->lp[top - 1];
            int t = cv == TRUE_ ? 1 : cv == FALSE_ ? 0 : -1;
            if (t < 0 && cv && (IS(cv, int) || IS(cv, float))) t = mp_truthy(cv) > 0;
            if (t >= 0) jump = if_true ? t : !t;
        }
        root_way(co, pc, fdepth, side, &jump);
        uint32_t cnext;
        int ch = mpj_branch_chains && fdepth == 0 && !mpj_sel.fentry
                 ? lower_chain(b, co, pc, if_true, c, side, f, top, 0, &jump, &cnext, st) : 0;
        if (ch < 0) return 0;
        if (ch > 0) {
            st->pc = jump ? (uint32_t)arg : cnext;
            d = -1;
            break;
        }
        if (!branch_stays(co, pc, (uint32_t)arg, pc + 1 + OPNC(u), hist, jump, side, fdepth, st)) return 0;
        jc_lower_guard(b, c, jump ? if_true : !if_true);
        if (jump) st->pc = (uint32_t)arg;
        d = -1;
        break;
    }
    case OP_JUMP:
        st->pc = (uint32_t)arg;
        break;
    case OP_FOR_ITER: {
        jc_ref it = jc_lower_slot_get(b, top - 1), next = JC_REF_NONE, v;
        UIter *ui = find_iter(it);
        if (ui && unroll_for(b, ui, it, top, arg, st, &d)) break;
        Type *t = need_class(b, it);
        Obj *live = seen(it);
        if (side == 1 && t == &mp_range_iterator_type && live) {
            /* A side trace from the loop's end (its parent exits here when
             * the range runs out): follow the loop exit.  Not a loop copy
             * (side 2), which goes into the body as its root did, even
             * when seeded where the range is empty (bench/nbody.py's
             * `for j in range(i + 1, n)` at the last i). */
            RangeIter *r = (RangeIter *)live;
            if (r->step > 0 ? r->i >= r->stop : r->i <= r->stop) {
                jc_ref i = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, i), MPJ_ALIAS_RANGEITER);
                jc_ref stop = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, stop), MPJ_ALIAS_HEADER);
                jc_ref step = jc_lower_load(b, JC_TYPE_I64, it, offsetof(RangeIter, step), MPJ_ALIAS_HEADER);
                int up = r->step > 0;
                jc_lower_guard(b, jc_lower_cmp(b, up ? JC_GT : JC_LT, step, jc_lower_const_i64(b, 0)), 1);
                jc_lower_guard(b, jc_lower_cmp(b, up ? JC_GE : JC_LE, i, stop), 1);
                st->pc = (uint32_t)arg;
                d = -1;
                break;
            }
        }
        if (side == 1 && t == &mp_list_iterator_type && live
            && (!((SeqIter *)live)->seq || ((SeqIter *)live)->i >= LN(((SeqIter *)live)->seq))) {
            /* The same for a list: the side trace of the exhausted loop
             * follows the loop exit (as the interpreter, which pops the
             * iterator), instead of a copy of the loop body whose first
             * guard fails at every entry. */
            jc_ref seq = jc_lower_load(b, JC_TYPE_PTR, it, offsetof(SeqIter, seq), MPJ_ALIAS_SEQITER);
            if (!((SeqIter *)live)->seq) jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, seq, kptr(b, NULL)), 1);
            else {
                jc_lower_guard(b, jc_lower_cmp(b, JC_NE, seq, kptr(b, NULL)), 1);
                jc_ref i = jc_lower_load(b, JC_TYPE_I64, it, offsetof(SeqIter, i), MPJ_ALIAS_RANGEITER);
                jc_ref n = jc_lower_load(b, JC_TYPE_I64, seq, offsetof(List, n), MPJ_ALIAS_LIST);
                jc_lower_guard(b, jc_lower_cmp(b, JC_GE, i, n), 1);
            }
            st->pc = (uint32_t)arg;
            d = -1;
            break;
        }
        if (!t && ty(b, it) == JC_TYPE_PTR && (op == OP_FOR_ITER_RANGE || op == OP_FOR_ITER_LIST)) {
            /* An iterator the trace made itself (GET_ITER's helper, class
             * unknown at selection): the specialized form says what tier 1
             * iterated here, guarded. */
            t = op == OP_FOR_ITER_RANGE ? &mp_range_iterator_type : &mp_list_iterator_type;
            guard_class(b, it, t);
            note(it, t, NULL);
        }
        if (t == &mp_range_iterator_type) {
            v = range_next(b, it, live, &next);
            if (v == JC_REF_NONE) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "range iterator not seen");
            jc_lower_store(b, it, offsetof(RangeIter, i), next, MPJ_ALIAS_RANGEITER);
        } else if (t == &mp_list_iterator_type) {
            SeqIter *si = (SeqIter *)live;
            jc_ref seq = jc_lower_load(b, JC_TYPE_PTR, it, offsetof(SeqIter, seq), MPJ_ALIAS_SEQITER);
            jc_lower_guard(b, jc_lower_cmp(b, JC_NE, seq, kptr(b, NULL)), 1);
            jc_ref i = jc_lower_load(b, JC_TYPE_I64, it, offsetof(SeqIter, i), MPJ_ALIAS_RANGEITER);
            jc_ref n = jc_lower_load(b, JC_TYPE_I64, seq, offsetof(List, n), MPJ_ALIAS_LIST);
            jc_lower_guard(b, jc_lower_cmp(b, JC_LT, i, n), 1);
            jc_ref item = list_item_at(b, seq, i);      /* SeqIter.i >= 0 */
            v = from_container(b, item, si ? elem_like(si->seq, si->i) : NULL);
            jc_lower_store(b, it, offsetof(SeqIter, i),
                           jc_lower_binop(b, JC_ADD, i, jc_lower_const_i64(b, 1)), MPJ_ALIAS_RANGEITER);
        } else if (t == &mp_tuple_iterator_type && live && IS(((SeqIter *)live)->seq, tuple)) {
            /* A tuple: an index with a bounds guard, as for lists (tuples
             * never change, so the length is loaded as a header field).
             * An array's iterator has this class too: the guard on the
             * sequence's class tells them apart. */
            SeqIter *si = (SeqIter *)live;
            jc_ref seq = jc_lower_load(b, JC_TYPE_PTR, it, offsetof(SeqIter, seq), MPJ_ALIAS_SEQITER);
            guard_class(b, seq, &mp_tuple_type);
            jc_ref i = jc_lower_load(b, JC_TYPE_I64, it, offsetof(SeqIter, i), MPJ_ALIAS_RANGEITER);
            jc_ref n = jc_lower_load(b, JC_TYPE_I64, seq, offsetof(Tuple, n), MPJ_ALIAS_HEADER);
            jc_lower_guard(b, jc_lower_cmp(b, JC_LT, i, n), 1);
            jc_ref item = tuple_item_at(b, seq, i);
            int64_t k = si->i < TN(si->seq) ? si->i : 0;
            v = from_container(b, item, TN(si->seq) ? TITEMS(si->seq)[k] : NULL);
            jc_lower_store(b, it, offsetof(SeqIter, i),
                           jc_lower_binop(b, JC_ADD, i, jc_lower_const_i64(b, 1)), MPJ_ALIAS_RANGEITER);
        } else if (ty(b, it) == JC_TYPE_PTR) {
            /* Anything else (other built-in iterators, generators, classes
             * with __next__, an iterator of unknown class) through next():
             * the item, or an exit to FOR_ITER when exhausted (see
             * h_for_next for how a user iterator's StopIteration ends the
             * loop without a second __next__ call). */
            v = mpj_call(b, MPJ_H_FOR_NEXT, &it, 1);
            jc_lower_guard(b, jc_lower_cmp(b, JC_NE, v, kptr(b, &mpj_stop)), 1);
            ran_code();
        } else return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "FOR_ITER over this iterator");
        jc_lower_slot_set(b, top, v);
        d = 1;
        break;
    }
    case OP_BINARY_SUBSCR: {
        jc_ref o = jc_lower_slot_get(b, top - 2), k = jc_lower_slot_get(b, top - 1);
        /* Not tuples yet: their items are often numbers that are also
         * elsewhere (t[0] is t[1]), which unboxed items lose at exits. */
        Type *ot = need_class(b, o);
        if (ot != &mp_list_type || ty(b, k) != JC_TYPE_I64) {
            jc_ref a[2] = { box(b, o), box(b, k) };
            jc_ref r = mpj_call(b, MPJ_H_GETITEM, a, 2);
            ran_code();
            jc_lower_slot_set(b, top - 2, r);
            d = -1;
            break;
        }
        /* A float item the trace knows (the item facts above mpj_call). */
        int64_t kk;
        int kconst = jc_lower_is_const_i64(b, k, &kk) && kk >= 0;
        jc_ref known = kconst ? fact_get(o, kk) : JC_REF_NONE;
        if (known != JC_REF_NONE) {
            jc_lower_guard(b, jc_lower_cmp(b, JC_EQ, known, known), 1);
            jc_lower_slot_set(b, top - 2, known);
            d = -1;
            break;
        }
        /* A list or tuple with a small int index: bounds guard and one
         * indexed load of the item (its class guarded, a number unboxed). */
        jc_ref n = jc_lower_load(b, JC_TYPE_I64, o, offsetof(List, n), MPJ_ALIAS_LIST);
        jc_ref item = list_item_at(b, o, seq_index(b, k, n));
        /* The item's class: that of the list's first item seen at
         * selection, or, at a side trace's first instruction (the parent's
         * guard on it failed), of the very item the frame indexes now. */
        Obj *like = elem_like(seen(o), 0);
        if (side && fdepth == 0 && depth >= 2) {
            Obj *lo = f->lp[top - 2], *lk = f->lp[top - 1];
            if (lo && lk && IS(lo, list) && IS(lk, int) && !((Int *)lk)->big) {
                int64_t i = IV(lk) < 0 ? IV(lk) + LN(lo) : IV(lk);
                if (i >= 0 && i < LN(lo)) like = LITEMS(lo)[i];
            }
        }
        jc_ref v = from_container(b, item, like);
        if (kconst && ty(b, v) == JC_TYPE_F64) fact_set(o, kk, v);
        jc_lower_slot_set(b, top - 2, v);
        d = -1;
        break;
    }
    case OP_STORE_SUBSCR: {
        jc_ref o = jc_lower_slot_get(b, top - 2), k = jc_lower_slot_get(b, top - 1);
        jc_ref v = jc_lower_slot_get(b, top - 3);
        int h = ty(b, v) == JC_TYPE_I64 ? MPJ_H_LIST_STORE_I64 : ty(b, v) == JC_TYPE_F64 ? MPJ_H_LIST_STORE_F64
              : MPJ_H_LIST_STORE_PTR;
        if (dict_store(b, o, k, v)) {
            d = -3;
            break;
        }
        if (need_class(b, o) != &mp_list_type || ty(b, k) != JC_TYPE_I64) {
            jc_ref a[3] = { box(b, o), box(b, k), box(b, v) };
            mpj_call(b, MPJ_H_SETITEM, a, 3);
            ran_code();
            d = -3;
            break;
        }
        if (h == MPJ_H_LIST_STORE_F64) {
            list_store_float(b, o, k, v);
            d = -3;
            break;
        }
        if (h == MPJ_H_LIST_STORE_PTR) {
            list_store_obj(b, o, k, box(b, v));
            d = -3;
            break;
        }
        jc_ref a[3] = { o, k, v };
        mpj_call(b, (uint32_t)h, a, 3);
        d = -3;
        break;
    }
    default:
        return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, mp_opnames[op]);
    }
    if (!jc_lower_ok(b)) return abort_step(st, JC_ABORT_IR_ERROR, jc_lower_error(b));
    if (mpj_sel.strict && !side && fdepth == 0 && depth + d < mpj_sel.entry_depth)
        return abort_step(st, JC_ABORT_HOST_REFUSED, "finalizers: the trace pops its loop's iterator");
    mpj_sel.depth = depth + d;
    return 0;
}

/* What jit_lower_generic.c shares of this file's lowering. */
jc_ref mpj_box(jc_lower *b, jc_ref v) { return box(b, v); }
jc_ref mpj_truth(jc_lower *b, jc_ref v) { return truth(b, v); }
void mpj_note(jc_ref r, Type *t, Obj *o) { note(r, t, o); }
void mpj_ran_code(void) { ran_code(); }
Type *mpj_need_class(jc_lower *b, jc_ref v) { return need_class(b, v); }
