/* jit/jit_lower_generic.c -- the generic instructions lowered as calls into
 * the interpreter's own C code, and where a trace ends with an exit instead
 * of aborting.
 *
 * Generic instructions.  BUILD_* of any size, calls with any number of
 * positional arguments and with keywords, MAKE_FUNCTION, BUILD_SLICE,
 * FORMAT_VALUE, LIST_EXTEND / SET_UPDATE / DICT_UPDATE / DICT_MERGE,
 * LIST_TO_TUPLE, UNPACK_EX, DELETE_SUBSCR and unary operators on objects
 * are helper calls (jit_helpers.c, "generic") with their operands boxed and
 * their results parked, exactly as the interpreter runs them: a helper that
 * runs Python code and raises fails with the exception set, and the host
 * raises it at the instruction.  Helpers taking any number of items get
 * them as a list built by BUILD_LIST's helper (four at a time).
 * LOAD_CLOSURE is a slot copy; JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP
 * are guards on truth like POP_JUMP_IF_* (no branch history: a trace goes
 * on without jumping, a side trace the way its live value goes).
 *
 * Exits.  mpj_lower_step wraps mpj_lower: a RETURN_VALUE or YIELD_VALUE in
 * the root frame, and any instruction the lowering has no way to run
 * (abort reasons "instruction has no lowering" and "no type feedback"),
 * end the trace with an exit to that instruction (JC_STEP_EXIT) instead of
 * aborting it, when the trace is worth having up to there:
 *   - a side trace: when it lowered at least one instruction (it only
 *     continues where its parent's exit would have returned anyway; the
 *     common case is a loop's exit path reaching the function's return);
 *   - a root (loop) trace: when the path from the head is at least
 *     MPJ_MIN_EXIT_PATH instructions.  Such a trace never loops, so its
 *     iterations per entry (the count mp_jit_loop_head judges traces by)
 *     would be 1: reaching the exit adds MPJ_MIN_ITERS_PER_ENTRY to the
 *     head's iteration count, so a trace that runs to its exit is kept and
 *     one whose guards fail before it gets there is still dropped.
 * Shorter root paths abort as before (the reason counted); in an inlined
 * frame the lowering's own rules apply. */
#include <stddef.h>
#include "jit_internal.h"

/* Instructions a root trace must run before an exit ends it.  Entering a
 * trace and restoring the frame at its exit cost about as much as
 * interpreting 20-35 simple instructions (callgrind, a generator yielding
 * from its loop: a 13-instruction path was 546 instructions an iteration
 * slower with its exit-ended trace than without, a 40-instruction path
 * 137 faster). */
#define MPJ_MIN_EXIT_PATH 40u

static struct {
    int root;               /* the selection is a root (loop) trace */
    uint32_t path;          /* instructions lowered so far */
    MpJitCode *jc;          /* root: the head's side table and pc */
    uint32_t head;
} walk;

static jc_ref kptr(jc_lower *b, const void *p) { return jc_lower_const_ptr(b, p); }
static jc_ref ki64(jc_lower *b, int64_t v) { return jc_lower_const_i64(b, v); }

/* The interpreter's ip while the instruction runs (for f->ip). */
static jc_ref kframe_pc(jc_lower *b, Code *co, uint32_t pc)
{
    return jc_lower_const_ptr(b, co->code + pc + 1);
}

static int abort_step(jc_step *st, uint32_t reason, const char *msg)
{
    st->kind = JC_STEP_ABORT;
    st->reason = reason;
    st->message = msg;
    return -1;
}

/* Set when an operand boxed for an instruction was a raw float.  box()
 * leaves a NaN to the interpreter (an exit before boxing), and at that
 * exit a NaN the trace computed and holds in two slots (a local and its
 * copy on the stack) would become two objects where the interpreter has
 * one: for the instructions that hash their operands into a dict or set
 * (where a NaN key is found by identity) the trace aborts instead.  (Lists,
 * tuples and calls share that hazard with jit_lower.c's BUILD and CALL of
 * up to four items; see README, "Not yet".) */
static int raw_float;

static jc_ref boxed_slot(jc_lower *b, uint32_t slot)
{
    jc_ref v = jc_lower_slot_get(b, slot);
    if (jc_lower_type(b, v) == JC_TYPE_F64) raw_float = 1;
    return mpj_box(b, v);
}

/* A new list of the n boxed values v[] (parked). */
static jc_ref list_of(jc_lower *b, const jc_ref *v, int n)
{
    int k = n < 4 ? n : 4;
    jc_ref a[6];
    a[0] = ki64(b, k);
    for (int i = 0; i < 4; i++) a[1 + i] = i < k ? v[i] : kptr(b, NULL);
    jc_ref l = mpj_call(b, MPJ_H_BUILD_LIST, a, 5);
    for (int i = 4; i < n; i += 4) {
        int m = n - i < 4 ? n - i : 4;
        a[0] = l;
        a[1] = ki64(b, m);
        for (int j = 0; j < 4; j++) a[2 + j] = j < m ? v[i + j] : kptr(b, NULL);
        mpj_call(b, MPJ_H_LIST_PUSH, a, 6);
    }
    mpj_note(l, &mp_list_type, NULL);
    return l;
}

/* The list of the boxed values in slots first .. first+n-1. */
static jc_ref list_of_slots(jc_lower *b, uint32_t first, int n)
{
    jc_ref v[256];
    if (n > 256) return JC_REF_NONE;
    for (int i = 0; i < n; i++) v[i] = boxed_slot(b, first + (uint32_t)i);
    return list_of(b, v, n);
}

static jc_ref call1(jc_lower *b, int h, jc_ref x)
{
    jc_ref r = mpj_call(b, (uint32_t)h, &x, 1);
    return r;
}

static jc_ref call2(jc_lower *b, int h, jc_ref x, jc_ref y)
{
    jc_ref a[2] = { x, y };
    return mpj_call(b, (uint32_t)h, a, 2);
}

/* CALL / CALL_KW through the interpreter's mp_call: callee A (a method, B
 * its self) or B, n arguments above B, kw NULL or the names tuple. */
static jc_ref call_generic(jc_lower *b, Code *co, uint32_t pc, uint32_t base, int n, jc_ref kw)
{
    jc_ref l = list_of_slots(b, base + 1, n + 1);
    if (l == JC_REF_NONE) return l;
    jc_ref a[5] = { jc_lower_frame(b), kframe_pc(b, co, pc), boxed_slot(b, base), l, kw };
    mpj_ran_code();
    return mpj_call(b, MPJ_H_CALL_LIST, a, 5);
}

jc_ref mpj_unary_generic(jc_lower *b, int fam, jc_ref x)
{
    jc_ref o = mpj_box(b, x);
    if (o == JC_REF_NONE) return o;
    mpj_ran_code();
    if (fam == OP_UNARY_NOT) {
        /* TRUTH: 1 false, 2 true (0 raised, the call's guard) */
        jc_ref t = call1(b, MPJ_H_TRUTH, o);
        return jc_lower_cmp(b, JC_EQ, t, ki64(b, 1));
    }
    int op = fam == OP_UNARY_NEG ? 0 : fam == OP_UNARY_POS ? 1 : 2;
    return call2(b, MPJ_H_UNARY, ki64(b, op), o);
}

/* Python truth of the value in slot s, as a bool (a helper for objects). */
static jc_ref truth_of(jc_lower *b, jc_ref v)
{
    jc_ref c = mpj_truth(b, v);
    if (c != JC_REF_NONE || jc_lower_type(b, v) != JC_TYPE_PTR) return c;
    jc_ref t = call1(b, MPJ_H_TRUTH, v);
    mpj_ran_code();
    return jc_lower_cmp(b, JC_EQ, t, ki64(b, 2));
}

static int generic(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, int side,
                   uint32_t top, int fam, int arg, jc_step *st, int *d);

/* The generic lowerings that are also right in an inlined frame.  None of
 * them needs a frame of its own: their helpers take their operands, not
 * the frame (the calls set the root frame's ip, as jit_lower.c's CALL
 * helper does in an inlined frame, for nothing but the interpreter's own
 * bookkeeping while the callee runs); an exit or an exception at one of
 * them materialises the inlined frames like any other (push_frame), and
 * the innermost raises at the instruction.  MAKE_FUNCTION makes the
 * function in the root frame's globals, so in an inlined frame it is
 * lowered only when the callee's globals are those (make_function below). */
int mpj_inl_generic_ok(int fam)
{
    switch (fam) {
    case OP_LOAD_CLOSURE: case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_LIST_TO_TUPLE:
    case OP_BUILD_SET: case OP_BUILD_MAP: case OP_BUILD_STRING: case OP_BUILD_SLICE:
    case OP_CALL: case OP_CALL_KW: case OP_MAKE_FUNCTION: case OP_FORMAT_VALUE:
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE:
    case OP_UNPACK_EX: case OP_DELETE_SUBSCR:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_JUMP_IF_FALSE_OR_POP:
        return 1;
    default:
        return 0;
    }
}

int mpj_lower_generic(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, int side,
                      int depth, jc_step *st, int *d)
{
    uint32_t u = co->code[pc];
    int op = OPC(u), arg = (int)OPARG(u), fam = mp_opfamily[op];
    uint32_t top = mpj_nfixed(co) + (uint32_t)depth;      /* first free slot */
    (void)op;
    /* Inlined frames: only the families mpj_inl_generic_ok lists. */
    if (fdepth != 0 && !mpj_inl_generic_ok(fam)) return 0;
    raw_float = 0;
    int r = generic(b, co, pc, fdepth, side, top, fam, arg, st, d);
    if (r > 0 && raw_float && (fam == OP_BUILD_MAP || fam == OP_BUILD_SET || fam == OP_SET_UPDATE
                               || fam == OP_DICT_UPDATE || fam == OP_DICT_MERGE || fam == OP_DELETE_SUBSCR))
        return abort_step(st, JC_ABORT_HOST_REFUSED, "raw float operand of a generic instruction");
    return r;
}

static int generic(jc_lower *b, Code *co, uint32_t pc, uint32_t fdepth, int side,
                   uint32_t top, int fam, int arg, jc_step *st, int *d)
{
    switch (fam) {
    case OP_RETURN_VALUE: case OP_YIELD_VALUE:
        /* A function-entry trace's return is jit_lower.c's. */
        if (fdepth != 0 || (fam == OP_RETURN_VALUE && mpj_sel.fentry)) return 0;
        /* The interpreter returns (or suspends the generator) itself:
         * mpj_lower_step decides whether the trace may end here. */
        if (fam == OP_RETURN_VALUE) mpj_self_return(b, co, top);
        st->kind = JC_STEP_EXIT;
        st->pc = pc;
        *d = 0;
        return 1;
    case OP_LOAD_CLOSURE:
        jc_lower_slot_set(b, top, jc_lower_slot_get(b, (uint32_t)(co->nlocals + arg)));
        *d = 1;
        return 1;
    case OP_BUILD_LIST: case OP_BUILD_TUPLE: {
        if (arg <= 4) return 0;         /* jit_lower.c's one call */
        jc_ref l = list_of_slots(b, top - (uint32_t)arg, arg);
        if (l == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "BUILD of more than 256 items");
        if (fam == OP_BUILD_TUPLE) {
            l = call1(b, MPJ_H_LIST_TO_TUPLE, l);
            mpj_note(l, &mp_tuple_type, NULL);
        }
        jc_lower_slot_set(b, top - (uint32_t)arg, l);
        *d = 1 - arg;
        return 1;
    }
    case OP_LIST_TO_TUPLE: {
        jc_ref t = call1(b, MPJ_H_LIST_TO_TUPLE, jc_lower_slot_get(b, top - 1));
        mpj_note(t, &mp_tuple_type, NULL);
        jc_lower_slot_set(b, top - 1, t);
        *d = 0;
        return 1;
    }
    case OP_BUILD_SET: case OP_BUILD_MAP: case OP_BUILD_STRING: {
        int n = fam == OP_BUILD_MAP ? 2 * arg : arg;
        jc_ref l = list_of_slots(b, top - (uint32_t)n, n);
        if (l == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "BUILD of more than 256 items");
        int h = fam == OP_BUILD_SET ? MPJ_H_BUILD_SET : fam == OP_BUILD_MAP ? MPJ_H_BUILD_MAP : MPJ_H_BUILD_STRING;
        jc_ref r = call1(b, h, l);
        if (fam != OP_BUILD_STRING) mpj_ran_code();   /* hashing may run __hash__ / __eq__ */
        mpj_note(r, fam == OP_BUILD_SET ? &mp_set_type : fam == OP_BUILD_MAP ? &mp_dict_type : &mp_str_type, NULL);
        jc_lower_slot_set(b, top - (uint32_t)n, r);
        *d = 1 - n;
        return 1;
    }
    case OP_BUILD_SLICE: {
        int n = arg == 3 ? 3 : 2;
        jc_ref a[3];
        for (int i = 0; i < n; i++) a[i] = boxed_slot(b, top - (uint32_t)n + (uint32_t)i);
        if (n == 2) a[2] = jc_lower_const_obj(b, NONE);
        jc_ref r = mpj_call(b, MPJ_H_BUILD_SLICE, a, 3);
        mpj_note(r, &mp_slice_type, NULL);
        jc_lower_slot_set(b, top - (uint32_t)n, r);
        *d = 1 - n;
        return 1;
    }
    case OP_CALL: {
        if (arg <= MPJ_MAX_CALL_ARGS) return 0;   /* jit_lower.c's calls */
        uint32_t base = top - (uint32_t)arg - 2;
        jc_ref r = call_generic(b, co, pc, base, arg, kptr(b, NULL));
        if (r == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "CALL with more than 255 arguments");
        jc_lower_slot_set(b, base, r);
        *d = -arg - 1;
        return 1;
    }
    case OP_CALL_KW: {
        /* A, B, the arguments (positional, then the keywords' values) and
         * the tuple of keyword names on top. */
        uint32_t base = top - (uint32_t)arg - 3;
        jc_ref kw = jc_lower_slot_get(b, top - 1);
        if (jc_lower_type(b, kw) != JC_TYPE_PTR) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "CALL_KW names");
        jc_ref r = call_generic(b, co, pc, base, arg, kw);
        if (r == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "CALL_KW with more than 255 arguments");
        jc_lower_slot_set(b, base, r);
        *d = -arg - 2;
        return 1;
    }
    case OP_MAKE_FUNCTION: {
        if (fdepth != 0 && (!mpj_sel.inl[fdepth - 1].shadow || !mpj_sel.frame
                            || mpj_sel.inl[fdepth - 1].shadow->globals != mpj_sel.frame->globals))
            return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "MAKE_FUNCTION in an inlined call of another module");
        /* code on top; below it, as flagged: closure, kwdefaults, defaults */
        uint32_t s = top - 1;
        jc_ref code = jc_lower_slot_get(b, s), clo = kptr(b, NULL), kwd = kptr(b, NULL), def = kptr(b, NULL);
        if (arg & MF_CLOSURE) clo = boxed_slot(b, --s);
        if (arg & MF_KWDEFAULTS) kwd = boxed_slot(b, --s);
        if (arg & MF_DEFAULTS) def = boxed_slot(b, --s);
        if (jc_lower_type(b, code) != JC_TYPE_PTR) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "MAKE_FUNCTION code");
        jc_ref a[5] = { jc_lower_frame(b), code, clo, kwd, def };
        jc_ref r = mpj_call(b, MPJ_H_MAKE_FUNCTION, a, 5);
        mpj_note(r, &mp_function_type, NULL);
        jc_lower_slot_set(b, s, r);
        *d = -(int)(top - 1 - s);
        return 1;
    }
    case OP_FORMAT_VALUE: {
        int has_spec = (arg & 256) != 0;
        uint32_t vs = top - 1 - (uint32_t)has_spec;
        jc_ref a[3] = { boxed_slot(b, vs), ki64(b, arg & 3), has_spec ? boxed_slot(b, top - 1) : kptr(b, NULL) };
        jc_ref r = mpj_call(b, MPJ_H_FORMAT_VALUE, a, 3);
        mpj_ran_code();
        jc_lower_slot_set(b, vs, r);
        *d = -has_spec;
        return 1;
    }
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE: {
        jc_ref c = jc_lower_slot_get(b, top - 1 - (uint32_t)arg), it = boxed_slot(b, top - 1);
        if (jc_lower_type(b, c) != JC_TYPE_PTR) return abort_step(st, JC_ABORT_NO_TYPE_INFO, "container being built");
        int h = fam == OP_LIST_EXTEND ? MPJ_H_LIST_EXTEND : fam == OP_SET_UPDATE ? MPJ_H_SET_UPDATE : MPJ_H_DICT_UPDATE;
        call2(b, h, c, it);
        mpj_ran_code();
        *d = -1;
        return 1;
    }
    case OP_UNPACK_EX: {
        int before = arg & 0xff, after = arg >> 8, n = before + after + 1;
        if (n > 256) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "UNPACK_EX of many targets");
        jc_ref l = call2(b, MPJ_H_UNPACK_EX, boxed_slot(b, top - 1), ki64(b, arg));
        mpj_ran_code();
        /* The list is the trace's own (parked, never seen by Python code):
         * its items stay alive while the trace runs. */
        jc_ref items = jc_lower_load(b, JC_TYPE_PTR, l, offsetof(List, items), MPJ_ALIAS_LIST);
        jc_ref v[256];
        for (int i = 0; i < n; i++) {
            v[i] = jc_lower_load(b, JC_TYPE_PTR, items, 8 * (int64_t)i, MPJ_ALIAS_LISTITEM);
            mpj_note(v[i], i == after ? &mp_list_type : NULL, NULL);
        }
        for (int i = 0; i < n; i++) jc_lower_slot_set(b, top - 1 + (uint32_t)i, v[i]);
        *d = n - 1;
        return 1;
    }
    case OP_DELETE_SUBSCR: {
        jc_ref a[2] = { boxed_slot(b, top - 2), boxed_slot(b, top - 1) };
        mpj_call(b, MPJ_H_DELITEM, a, 2);
        mpj_ran_code();
        *d = -2;
        return 1;
    }
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: {
        jc_ref v = jc_lower_slot_get(b, top - 1);
        if (jc_lower_type(b, v) == JC_TYPE_PTR) {
            /* The truth of an instance may run __bool__ or __len__, which
             * a failed guard would have the interpreter run again (and
             * the value stays on the stack when the branch jumps, so the
             * truth cannot replace it as in POP_JUMP_IF_*): leave those to
             * the interpreter. */
            Type *t = mpj_need_class(b, v);
            if (!t || (t->flags & T_USER))
                return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "JUMP_IF_*_OR_POP on an instance's truth");
        }
        jc_ref c = truth_of(b, v);
        if (c == JC_REF_NONE) return abort_step(st, JC_ABORT_UNSUPPORTED_INSN, "truth of this type");
        int if_true = fam == OP_JUMP_IF_TRUE_OR_POP;
        int jump = 0;
        if (side) {
            /* A side trace from the guard of this instruction: the way the
             * live value goes now. */
            Obj *cv = mpj_sel.frame ? mpj_sel.frame->lp[top - 1] : NULL;
            int t = cv == TRUE_ ? 1 : cv == FALSE_ ? 0 : -1;
            if (t < 0 && cv && (IS(cv, int) || IS(cv, float) || IS(cv, none))) t = mp_truthy(cv) > 0;
            if (t >= 0) jump = if_true ? t : !t;
        }
        jc_lower_guard(b, c, jump ? if_true : !if_true);
        if (jump) {
            st->pc = (uint32_t)arg;
            *d = 0;
        } else *d = -1;
        return 1;
    }
    default:
        return 0;
    }
}

/* Count the root trace's run to its final exit as a full entry's worth of
 * iterations (see the top of the file). */
static void credit_head(jc_lower *b)
{
    jc_ref k = kptr(b, &walk.jc->iters[walk.head]);
    jc_ref n = jc_lower_load(b, JC_TYPE_I64, k, 0, MPJ_ALIAS_COUNTER);
    jc_lower_store(b, k, 0, jc_lower_binop(b, JC_ADD, n, ki64(b, MPJ_MIN_ITERS_PER_ENTRY)), MPJ_ALIAS_COUNTER);
}

int mpj_lower_step(void *ud, jc_lower *b, const void *code, uint32_t pc, uint32_t fdepth,
                   const void *ic, jc_step *st)
{
    if (jc_lower_side_entry(b)) {
        walk.root = 0;
        walk.path = 0;
    } else if (fdepth == 0 && mpj_sel.frame && code == mpj_sel.code && pc == mpj_sel.head) {
        /* A function-entry trace ends at its return by jit_lower.c's rule;
         * other exits are judged as a side trace's (no loop to credit). */
        walk.root = !mpj_sel.fentry;
        walk.path = 0;
        walk.jc = mpj_code((Code *)code);
        walk.head = pc;
    }
    int rc = mpj_lower(ud, b, code, pc, fdepth, ic, st);
    if (rc != 0) return rc;
    /* Where the root frame goes next: where a walk that ends before
     * lowering it (a link, an inner head) left off (fend_pc). */
    if (fdepth == 0) mpj_sel.next_pc = st->kind == JC_STEP_NEXT ? st->pc : UINT32_MAX;
    int convertible = st->kind == JC_STEP_EXIT
        || (st->kind == JC_STEP_ABORT && fdepth == 0 && jc_lower_ok(b)
            && (st->reason == JC_ABORT_UNSUPPORTED_INSN || st->reason == JC_ABORT_NO_TYPE_INFO));
    if (!convertible) {
        walk.path++;
        return 0;
    }
    int ok = walk.root ? walk.path >= MPJ_MIN_EXIT_PATH && walk.jc : walk.path >= 1;
    if (!ok) {
        if (st->kind == JC_STEP_EXIT) {
            st->kind = JC_STEP_ABORT;
            st->reason = walk.root ? JC_ABORT_RETURN_FROM_ROOT : JC_ABORT_UNSUPPORTED_INSN;
            st->message = walk.root ? "return or yield too close to the loop head to end the trace there"
                                    : "return or yield at the side trace's start";
        }
        return 0;
    }
    if (st->kind == JC_STEP_ABORT) {
        st->kind = JC_STEP_EXIT;
        st->pc = pc;
        st->reason = 0;
        st->message = NULL;
    }
    if (walk.root && walk.jc) credit_head(b);
    return 0;
}
