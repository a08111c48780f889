/* ceval.c -- the bytecode interpreter: frames, argument binding, generators
 * and the dispatch loop.
 *
 * Design.  Code is an array of 32-bit units: an 8-bit opcode and a 24-bit
 * argument, followed by the instruction's inline-cache units (opcodes.h says
 * how many).  Dispatch is by computed goto over a label table generated from
 * the opcode X-macro, so the table can never drift from the enum.
 *
 * Tier 1 is a specializing adaptive interpreter in the manner of CPython
 * 3.11+: a generic instruction counts executions in its first cache unit; at
 * ADAPT_WARMUP it asks specialize.c to rewrite its opcode in place into a
 * specialized form (BINARY_OP_ADD_INT, LOAD_ATTR_INSTANCE, ...) that guards
 * its assumption (operand types, a type's version tag, a dictionary's keys
 * version, a function's version) and takes a short path.  When a guard fails
 * the instruction is rewritten back to its generic form with the counter set
 * to -ADAPT_BACKOFF, so a site that keeps changing its mind settles on the
 * generic path instead of thrashing.  Conditional jumps record a branch
 * history (taken / not-taken counts) in their cache unit; the JIT's trace
 * selection reads these later.
 *
 * Exceptions use a per-frame block stack: SETUP_FINALLY pushes a handler; on
 * an exception the loop pops blocks, restoring the "currently handled"
 * exception as it leaves except-handlers, until it finds a handler, then
 * pushes the exception and jumps there.  return/break/continue out of try
 * blocks are unwound by code the compiler emits.  A call of a plain
 * positional Python function (CALL_PY_EXACT, and the generic CALL on such a
 * callee) runs the callee's frame in the caller's dispatch loop, as CPython
 * 3.11 does: the frame is marked inl, its RETURN_VALUE pops it and pushes
 * the result on the caller's stack, an exception leaving it raises at the
 * caller's CALL.  Other calls (keywords, defaults, generators, built-ins
 * calling back) recurse in C; the interpreter thread has a large stack and
 * the recursion limit is checked on every call, so deep recursion is a
 * RecursionError. */
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "opcodes.h"
#include "jit/jit.h"

const char *const mp_opnames[] = {
#define E(name, nc, fam) #name,
    MP_OPCODES(E)
#undef E
};
const unsigned char mp_opcache[] = {
#define E(name, nc, fam) nc,
    MP_OPCODES(E)
#undef E
};
const unsigned char mp_opfamily[] = {
#define E(name, nc, fam) OP_##fam,
    MP_OPCODES(E)
#undef E
};

int mp_code_line(Code *co, uint32_t *ip)
{
    int64_t i = ip - co->code;
    if (i < 0) i = 0;
    if (i >= co->ncode) i = co->ncode - 1;
    return co->lines[i];
}

/* A frame for co whose first nargs locals are args (references stolen) and
 * the rest empty; from the code object's cache of spare frames when it has
 * one.  Inlined into CALL_PY_EXACT. */
static inline __attribute__((always_inline)) Frame *frame_new(Code *co, Func *fn, Obj *globals, Obj *locals, Obj **args, int nargs)
{
    int nl = co->nlocalsplus;
    Frame *f = co->spare;
    if (f) { co->spare = f->back; co->nspare--; }
    else {
        f = malloc(sizeof(Frame) + sizeof(Obj *) * (nl + co->stacksize));
        if (!f) return NULL;
    }
    f->back = NULL; f->code = co; f->func = fn;
    f->globals = globals; f->builtins = mp.builtins; f->locals = locals;
    f->ip = f->first = co->code; f->nblocks = 0; f->is_gen = 0; f->yielded = 0; f->throwing = 0; f->inl = 0;
    f->consts = TITEMS(co->consts); f->names = TITEMS(co->names);
    int i = 0;
    for (; i < nargs; i++) f->lp[i] = args[i];
    for (; i < nl; i++) f->lp[i] = NULL;
    f->stack = f->lp + nl;
    f->sp = f->stack;
    return f;
}

/* A frame on its code's spare list keeps code, stack, and has sp == stack,
 * no blocks, no locals dict and is_gen, yielded, throwing all 0: the
 * inline call path (push_inline_frame) sets only what differs per call. */
static inline __attribute__((always_inline)) void frame_spare(Code *co, Frame *f)
{
    if (co->nspare < 64) { f->back = co->spare; co->spare = f; co->nspare++; }
    else free(f);
}

static inline __attribute__((always_inline)) void frame_free(Frame *f)
{
    Code *co = f->code;
    int nl = co->nlocalsplus;
    for (int i = 0; i < nl; i++) xdecref(f->lp[i]);
    while (f->sp > f->stack) xdecref(*--f->sp);
    for (int i = 0; i < f->nblocks; i++) if (f->blocks[i].type == B_HANDLER) xdecref(f->blocks[i].saved);
    f->nblocks = 0; f->is_gen = 0; f->yielded = 0; f->throwing = 0; f->locals = NULL;
    frame_spare(co, f);
}

static __attribute__((noinline)) Frame *frame_new_slow(Code *co)
{
    return frame_new(co, NULL, NULL, NULL, NULL, 0);
}

/* The frame of an inline call of fn (code co) from caller, taking over the
 * n references at args; the caller's CALL checked that n == co->argcount. */
static inline __attribute__((always_inline)) Frame *push_inline_frame(Code *co, Func *fn, Frame *caller, Obj **args, int n)
{
    Frame *f = co->spare;
    if (__builtin_expect(f != NULL, 1)) { co->spare = f->back; co->nspare--; }
    else if (!(f = frame_new_slow(co))) return NULL;
    f->back = caller; f->func = fn; f->globals = fn->globals; f->builtins = mp.builtins;
    f->ip = co->code; f->inl = 1;
    for (int i = 0; i < n; i++) f->lp[i] = args[i];
    /* The other slots NULL.  Most calls have a few (locals, cells, frees):
     * stores, overlapping for 3, rather than the call of memset GCC makes
     * of a plain loop (about 30 instructions for one or two slots). */
    int nl = co->nlocalsplus;
    if (n < nl) {
        Obj **p = f->lp + n;
        int k = nl - n;
        p[0] = NULL; p[k - 1] = NULL;
        if (k > 2) {
            p[1] = NULL; p[k - 2] = NULL;
            if (k > 4) memset(p + 2, 0, (size_t)(k - 4) * sizeof(Obj *));
        }
    }
    return f;
}

Frame *mp_frame_new(Code *co, Func *fn, Obj *globals, Obj *locals)
{
    return frame_new(co, fn, globals, locals, NULL, 0);
}

void mp_frame_free(Frame *f) { frame_free(f); }

/* A frame for a call of fn (code co) as push_inline_frame makes one, but
 * for a caller outside this loop (the JIT's native self-calls): from the
 * code's spares, locals NULL, back and inl left to the caller. */
Frame *mp_frame_new_call(Code *co, Func *fn)
{
    Frame *f = co->spare;
    if (__builtin_expect(f != NULL, 1)) { co->spare = f->back; co->nspare--; }
    else if (!(f = frame_new_slow(co))) return NULL;
    f->func = fn; f->globals = fn->globals; f->builtins = mp.builtins;
    f->ip = co->code; f->inl = 0;
    for (int i = 0, nl = co->nlocalsplus; i < nl; i++) f->lp[i] = NULL;
    return f;
}

/* Free a frame mp_frame_new_call made: as mp_frame_free, quicker when
 * the frame never ran in this loop (empty stack, no blocks). */
void mp_frame_drop_call(Frame *f)
{
    if (__builtin_expect(f->sp != f->stack || f->nblocks || f->locals || f->is_gen, 0)) { frame_free(f); return; }
    Code *co = f->code;
    for (int i = 0, nl = co->nlocalsplus; i < nl; i++) xdecref(f->lp[i]);
    f->yielded = 0; f->throwing = 0;
    frame_spare(co, f);
}

/* For the JIT's native self-calls, which take and give back spare frames
 * in the generated code (jit/jit_lower.c, "Self-calls"): a new frame on
 * co's empty spare list (NULL when out of memory), and the list's first
 * frame freed when it holds too many (as frame_spare frees one). */
Frame *mp_frame_refill(Code *co)
{
    Frame *f = frame_new_slow(co);
    if (!f) return NULL;
    f->back = co->spare; co->spare = f; co->nspare++;
    return f;
}

void mp_frame_trim(Code *co)
{
    Frame *f = co->spare;
    if (!f) return;
    co->spare = f->back; co->nspare--;
    free(f);
}

/* Frame f of a call that ran (partly) in this loop, its result taken:
 * back to the state mp_frame_new_call gives a frame, its locals NULL too
 * (stack, blocks and flags cleared, their references dropped, as
 * frame_free does), so that dropping it only returns it to the spares. */
void mp_frame_clean_call(Frame *f)
{
    Code *co = f->code;
    for (int i = 0, nl = co->nlocalsplus; i < nl; i++) { Obj *o = f->lp[i]; f->lp[i] = NULL; xdecref(o); }
    while (f->sp > f->stack) xdecref(*--f->sp);
    for (int i = 0; i < f->nblocks; i++) if (f->blocks[i].type == B_HANDLER) xdecref(f->blocks[i].saved);
    f->nblocks = 0; f->is_gen = 0; f->yielded = 0; f->throwing = 0; f->locals = NULL;
}

static const char *fname(Func *fn) { return SS(fn->qualname); }

static int missing_args(Func *fn, Obj **lp, int from, int to, int kwonly)
{
    Code *co = fn->code;
    int cnt = 0;
    for (int i = from; i < to; i++) if (!lp[i]) cnt++;
    if (!cnt) return 0;
    SB b = {0};
    int k = 0;
    for (int i = from; i < to; i++) {
        if (lp[i]) continue;
        if (k > 0) sb_adds(&b, cnt == 2 ? " and " : (k == cnt - 1 ? ", and " : ", "));
        sb_addc(&b, '\''); sb_addo(&b, TITEMS(co->varnames)[i]); sb_addc(&b, '\'');
        k++;
    }
    Obj *s = sb_finish(&b);
    mp_err(&mp_exc_TypeError, "%s() missing %d required %s argument%s: %s", fname(fn), cnt,
           kwonly ? "keyword-only" : "positional", cnt > 1 ? "s" : "", SS(s));
    decref(s);
    return -1;
}

/* Bind arguments into a fresh frame's locals (general case). */
static int bind_args(Func *fn, Obj **lp, Obj **args, int n, Obj *kwnames)
{
    Code *co = fn->code;
    int ac = co->argcount, nkw = kwnames ? (int)TN(kwnames) : 0;
    int npos = n - nkw;
    int total = ac + co->kwonlycount;
    Obj *kwdict = NULL;
    for (int i = 0; i < npos && i < ac; i++) lp[i] = incref(args[i]);
    if (co->flags & CO_VARARGS) {
        int extra = npos > ac ? npos - ac : 0;
        Obj *t = mp_tuple_new(extra);
        for (int i = 0; i < extra; i++) TITEMS(t)[i] = incref(args[ac + i]);
        lp[total] = t;
    } else if (npos > ac) {
        int nd = fn->defaults ? (int)TN(fn->defaults) : 0;
        if (nd) mp_err(&mp_exc_TypeError, "%s() takes from %d to %d positional arguments but %d were given",
                       fname(fn), ac - nd, ac, npos);
        else mp_err(&mp_exc_TypeError, "%s() takes %d positional argument%s but %d %s given", fname(fn), ac,
                    ac == 1 ? "" : "s", npos, npos == 1 ? "was" : "were");
        return -1;
    }
    if (co->flags & CO_VARKW) {
        kwdict = mp_dict_new();
        lp[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    for (int k = 0; k < nkw; k++) {
        Obj *name = TITEMS(kwnames)[k], *v = args[npos + k];
        int idx = -1;
        for (int i = 0; i < total; i++) {
            Obj *vn = TITEMS(co->varnames)[i];
            if (vn == name || mp_str_eq(vn, name)) { idx = i; break; }
        }
        if (idx >= 0) {
            if (lp[idx]) {
                mp_err(&mp_exc_TypeError, "%s() got multiple values for argument '%s'", fname(fn), SS(name));
                return -1;
            }
            lp[idx] = incref(v);
        } else if (kwdict) {
            mp_dict_set(kwdict, name, v);
        } else {
            mp_err(&mp_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname(fn), SS(name));
            return -1;
        }
    }
    int nd = fn->defaults ? (int)TN(fn->defaults) : 0;
    for (int i = ac - nd; i < ac; i++)
        if (i >= 0 && !lp[i]) lp[i] = incref(TITEMS(fn->defaults)[i - (ac - nd)]);
    if (missing_args(fn, lp, 0, ac, 0) < 0) return -1;
    for (int i = ac; i < total; i++) {
        if (lp[i]) continue;
        Obj *d = fn->kwdefaults ? mp_dict_get(fn->kwdefaults, TITEMS(co->varnames)[i]) : NULL;
        if (d) lp[i] = incref(d);
    }
    return missing_args(fn, lp, ac, total, 1);
}

static Obj *gen_new(Frame *f, Func *fn)
{
    Gen *g = mp_alloc(&mp_generator_type, sizeof(Gen));
    g->f = f; g->running = 0; g->done = 0; g->started = 0;
    g->name = incref(fn->name); g->retval = NULL;
    f->is_gen = 1;
    incref((Obj *)fn);
    return (Obj *)g;
}

static void setup_cells(Frame *f, Func *fn)
{
    Code *co = f->code;
    for (int i = 0; i < co->ncells; i++) {
        int a = co->cell2arg[i];
        f->lp[co->nlocals + i] = mp_cell_new(a >= 0 ? f->lp[a] : NULL);
    }
    for (int i = 0; i < co->nfree; i++)
        f->lp[co->nlocals + co->ncells + i] = incref(TITEMS(fn->closure)[i]);
}

/* The C stack is nearly used up (mp.stack_floor, main.c): a Python call
 * that would nest another mp_eval raises RecursionError instead, however
 * high sys.setrecursionlimit was set. */
static inline int c_stack_low(void)
{
    return __builtin_expect(mp.stack_floor && (char *)__builtin_frame_address(0) < mp.stack_floor, 0);
}

Obj *mp_func_call(Func *fn, Obj **args, int n, Obj *kwnames)
{
    Code *co = fn->code;
    Frame *f = mp_frame_new(co, fn, fn->globals, NULL);
    if (!f) return mp_nomem();
    if (!kwnames && n == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKW)) && !co->kwonlycount) {
        for (int i = 0; i < n; i++) f->lp[i] = incref(args[i]);
    } else if (bind_args(fn, f->lp, args, n, kwnames) < 0) {
        mp_frame_free(f);
        return NULL;
    }
    if (co->ncells || co->nfree) setup_cells(f, fn);
    if (co->flags & CO_GENERATOR) return gen_new(f, fn);
    if (++mp.depth > mp.limit || c_stack_low()) {
        mp.depth--;
        mp_frame_free(f);
        return mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded");
    }
    Obj *r = mp_eval(f);
    mp.depth--;
    mp_frame_free(f);
    return r;
}

/* Resumes g: with v pushed as the value of the suspended yield, or, when
 * throwing, with mp.exc raised at that point. */
/* PEP 479: a StopIteration leaving a generator's frame becomes a
 * RuntimeError it caused (__cause__ and __context__, as CPython). */
static void gen_stop_to_runtime(void)
{
    if (!mp_err_matches(&mp_exc_StopIteration)) return;
    Obj *stop = mp.exc;
    mp.exc = NULL;
    mp_err(&mp_exc_RuntimeError, "generator raised StopIteration");
    Exc *e = (Exc *)mp.exc;
    if (!e) { decref(stop); return; }
    xdecref(e->cause); xdecref(e->context);
    e->cause = incref(stop);
    e->context = stop;
    e->suppress = 1;
}

static inline int frame_has_handler(Frame *f)
{
    for (int i = 0; i < f->nblocks; i++) if (f->blocks[i].type == B_HANDLER) return 1;
    return 0;
}

/* Generator g's frame f yields: if it is inside an except block, the
 * exception that block handles becomes g's own (exc_state) and the
 * caller's, which the block saved, current again. */
static inline void gen_exc_out(Gen *g, Frame *f)
{
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i].type == B_HANDLER) {
            Block *b0 = &f->blocks[i];
            g->exc_state = mp.handled;
            mp.handled = b0->saved;
            b0->saved = NULL;
            return;
        }
}

static Obj *gen_resume(Gen *g, Obj *v, int throwing)
{
    if (g->done) return NULL;
    if (g->running) return mp_err(&mp_exc_ValueError, "generator already executing");
    if (mp.depth >= mp.limit || c_stack_low()) {
        /* As CPython, whose frame raises at its entry: the generator is
         * finished (nothing left to close at its finalization). */
        g->done = 1;
        return mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded");
    }
    mp.depth++;
    Frame *f = g->f;
    if (throwing) {
        f->throwing = 1;
        /* suspended in YIELD_FROM (ip at it): raise as from its line */
        if (g->started && OPC(*f->ip) == OP_YIELD_FROM) f->ip++;
    } else if (g->started) *f->sp++ = incref(v ? v : NONE);
    g->started = 1;
    g->running = 1;
    f->yielded = 0;
    /* The exception state of a generator is its own (as CPython's
     * gi_exc_state): suspended inside an except block, it keeps the
     * exception that block handles in exc_state, and the caller's is
     * current again; resumed, the lowest handler block of its frame saves
     * the caller's handled exception of now, and the generator's own is
     * current. */
    Block *b0 = NULL;
    for (int i = 0; i < f->nblocks; i++) if (f->blocks[i].type == B_HANDLER) { b0 = &f->blocks[i]; break; }
    if (b0) {
        b0->saved = mp.handled;
        mp.handled = g->exc_state;
        g->exc_state = NULL;
    }
    Obj *r = mp_eval(f);
    mp.depth--;
    g->running = 0;
    if (r && f->yielded) {
        gen_exc_out(g, f);
        return r;
    }
    g->done = 1;
    if (!r) {
        gen_stop_to_runtime();
        return NULL;
    }
    g->retval = r;
    return NULL;
}

Obj *mp_gen_send(Gen *g, Obj *v) { return gen_resume(g, v, 0); }

/* The exception is a StopIteration: *result = its value, cleared.  Returns 1. */
static int take_stop_value(Obj **result)
{
    if (!mp.exc || !mp_err_matches(&mp_exc_StopIteration)) return 0;
    Exc *e = (Exc *)mp.exc;
    *result = incref(e->args && TN(e->args) ? TITEMS(e->args)[0] : NONE);
    mp_err_clear();
    return 1;
}

/* One step of `yield from it` with the value sent to the delegating
 * generator (PEP 380): None is next(it), another value it.send(value)
 * (a generator's send for a generator).  Returns the value to yield; or
 * NULL with *result the value of the `yield from` expression (the
 * generator's return value, the StopIteration's value), or NULL with an
 * exception set and *result NULL. */
static Obj *yield_from_step(Obj *it, Obj *sent, Obj **result)
{
    *result = NULL;
    Obj *v;
    if (IS(it, generator)) {
        Gen *g = (Gen *)it;
        if (sent != NONE && !g->started)
            return mp_err(&mp_exc_TypeError, "can't send non-None value to a just-started generator");
        v = mp_gen_send(g, sent);
        if (v || mp.exc) return v;
        *result = incref(g->retval ? g->retval : NONE);
        return NULL;
    }
    Obj *m = sent == NONE ? mp_special(it, mp.s___next__) : NULL;
    if (m) v = mp_call1(m, it);
    else if (sent == NONE) {
        v = mp_next(it);        /* a built-in iterator: exhausted without a value */
        if (!v && !mp.exc) *result = incref(NONE);
        return v;
    } else {
        Obj *send = mp_getattr_s(it, "send");
        if (!send) return NULL;
        v = mp_call1(send, sent);
        decref(send);
    }
    if (!v) take_stop_value(result);
    return v;
}

/* gen.throw(exc): raised where g is suspended.  A generator suspended in
 * `yield from` another generator passes it on (as CPython): if the inner
 * one yields, so does g; if it returns, g resumes with its value; if it
 * raises, the exception continues in g.  An exhausted generator just
 * raises it.  Returns the next value yielded, or NULL (exception set, or
 * none if g returned: g->retval). */
Obj *mp_gen_throw(Gen *g, Obj *exc)
{
    if (g->running) { decref(exc); return mp_err(&mp_exc_ValueError, "generator already executing"); }
    Frame *f = g->f;
    if (!g->done && g->started && OPC(*f->ip) == OP_YIELD_FROM && IS(f->sp[-1], generator)) {
        g->running = 1;
        Obj *r = mp_gen_throw((Gen *)f->sp[-1], exc);
        g->running = 0;
        if (r) return r;
        if (!mp.exc) return mp_gen_send(g, NONE);
        exc = mp.exc;
        mp.exc = NULL;
    } else if (!g->done && g->started && OPC(*f->ip) == OP_YIELD_FROM) {
        /* PEP 380, an iterator that is not a generator: GeneratorExit
         * calls its close() if it has one, then is raised here; another
         * exception goes to its throw() if it has one: what that yields,
         * g yields; StopIteration(v) resumes g with v as the value of
         * `yield from`; what it raises is raised in g. */
        Obj *it = f->sp[-1];
        int closing = mp_isinstance(exc, &mp_exc_GeneratorExit);
        Obj *m = mp_getattr_s(it, closing ? "close" : "throw");
        if (!m && mp_err_matches(&mp_exc_AttributeError)) mp_err_clear();
        else if (!m) { decref(exc); exc = mp.exc; mp.exc = NULL; }
        else {
            g->running = 1;
            Obj *r = closing ? mp_call0(m) : mp_call1(m, exc);
            g->running = 0;
            decref(m);
            if (closing) {
                if (r) decref(r);
                else { decref(exc); exc = mp.exc; mp.exc = NULL; }
            } else {
                decref(exc);
                if (r) return r;
                Obj *res;
                if (take_stop_value(&res)) {
                    f->sp--;
                    decref(it);
                    f->ip++;    /* past YIELD_FROM: g resumes with res as its value */
                    Obj *v = gen_resume(g, res, 0);
                    decref(res);
                    return v;
                }
                exc = mp.exc;
                mp.exc = NULL;
            }
        }
    }
    xdecref(mp.exc);
    mp.exc = exc;
    if (g->done) return NULL;
    return gen_resume(g, NULL, 1);
}

static Obj *build_class(Obj *func, Obj *qualname, Obj *bases)
{
    Func *fn = (Func *)func;
    Obj *ns = mp_dict_new();
    mp_dict_set(ns, mp.s___qualname__, qualname);
    Frame *f = mp_frame_new(fn->code, fn, fn->globals, ns);
    if (fn->code->ncells || fn->code->nfree) setup_cells(f, fn);
    Obj *r = mp_eval(f);
    mp_frame_free(f);
    if (!r) { decref(ns); return NULL; }
    decref(r);
    const char *q = SS(qualname), *dot = strrchr(q, '.');
    Obj *name = mp_str_c(dot ? dot + 1 : q);
    Obj *cls = mp_type_new(name, bases, ns);
    decref(name);
    decref(ns);
    return cls;
}

static Obj *call_ex(Obj *func, Obj *argt, Obj *kw)
{
    if (!kw || ((Dict *)kw)->used == 0) return mp_call(func, TITEMS(argt), (int)TN(argt), NULL);
    int64_t np = TN(argt), nk = ((Dict *)kw)->used;
    Obj **v = malloc(sizeof(Obj *) * (np + nk));
    Obj *names = mp_tuple_new(nk);
    for (int64_t i = 0; i < np; i++) v[i] = TITEMS(argt)[i];
    int64_t pos = 0, j = 0;
    Obj *k, *val;
    while (mp_dict_next(kw, &pos, &k, &val)) {
        if (!IS_STR(k)) { free(v); decref(names); return mp_err(&mp_exc_TypeError, "keywords must be strings"); }
        v[np + j] = val;
        TITEMS(names)[j++] = incref(k);
    }
    Obj *r = mp_call(func, v, (int)(np + nk), names);
    free(v);
    decref(names);
    return r;
}

static int exc_match(Obj *exc, Obj *t)
{
    if (IS(t, tuple)) {
        for (int64_t i = 0; i < TN(t); i++) if (exc_match(exc, TITEMS(t)[i])) return 1;
        return 0;
    }
    if (!IS(t, type) || !mp_is_subtype((Type *)t, &mp_exc_BaseException)) {
        mp_err(&mp_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return mp_isinstance(exc, (Type *)t);
}

static Obj *do_raise(Obj *exc, Obj *cause)
{
    if (IS(exc, type) && mp_is_subtype((Type *)exc, &mp_exc_BaseException)) {
        exc = mp_call0(exc);
        if (!exc) return NULL;
    } else if (mp_isinstance(exc, &mp_exc_BaseException)) incref(exc);
    else return mp_err(&mp_exc_TypeError, "exceptions must derive from BaseException");
    if (cause) {
        Exc *e = (Exc *)exc;
        if (IS(cause, type)) { cause = mp_call0(cause); if (!cause) { decref(exc); return NULL; } }
        else incref(cause);
        xdecref(e->cause);
        e->cause = cause == NONE ? NULL : cause;
        if (cause == NONE) decref(cause);
        e->suppress = 1;
    }
    return exc;
}

/* The items of seq for unpacking; a seq that is not iterable at all is
 * "cannot unpack non-iterable T object", as CPython says. */
static Obj *unpack_list(Obj *seq)
{
    Obj *l = mp_list_of(seq);
    if (l || !mp_err_matches(&mp_exc_TypeError)) return l;
    Exc *e = (Exc *)mp.exc;
    char want[200];
    snprintf(want, sizeof want, "'%s' object is not iterable", mp_type_name(seq));
    if (e->args && TN(e->args) == 1 && IS_STR(TITEMS(e->args)[0]) && strcmp(SS(TITEMS(e->args)[0]), want) == 0) {
        mp_err_clear();
        mp_err(&mp_exc_TypeError, "cannot unpack non-iterable %s object", mp_type_name(seq));
    }
    return NULL;
}

static Obj *unpack(Obj *seq, int n, Obj ***spp)
{
    Obj **sp = *spp;
    Obj *l = NULL;
    Obj **items; int64_t len;
    if (IS(seq, tuple)) { items = TITEMS(seq); len = TN(seq); }
    else if (IS(seq, list)) { items = LITEMS(seq); len = LN(seq); }
    else {
        l = unpack_list(seq);
        if (!l) return NULL;
        items = LITEMS(l); len = LN(l);
    }
    if (len != n) {
        xdecref(l);
        if (len < n) return mp_err(&mp_exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, (int)len);
        return mp_err(&mp_exc_ValueError, "too many values to unpack (expected %d)", n);
    }
    for (int i = n - 1; i >= 0; i--) *sp++ = incref(items[i]);
    xdecref(l);
    *spp = sp;
    return NONE;
}

static Obj *unpack_ex(Obj *seq, int before, int after, Obj ***spp)
{
    Obj *l = unpack_list(seq);
    if (!l) return NULL;
    int64_t len = LN(l);
    if (len < before + after) {
        decref(l);
        return mp_err(&mp_exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                      before + after, (int)len);
    }
    Obj **sp = *spp;
    for (int i = 0; i < after; i++) *sp++ = incref(LITEMS(l)[len - 1 - i]);
    Obj *mid = mp_list_new(0);
    for (int64_t i = before; i < len - after; i++) mp_list_append(mid, LITEMS(l)[i]);
    *sp++ = mid;
    for (int i = before - 1; i >= 0; i--) *sp++ = incref(LITEMS(l)[i]);
    decref(l);
    *spp = sp;
    return NONE;
}

static Obj *load_method(Obj *o, Obj *name, Obj **self_out)
{
    Type *t = TYPE(o);
    Obj *d = mp_type_lookup(t, name);
    if (d && (IS(d, function) || (IS(d, builtin) && !((Builtin *)d)->self))) {
        /* an instance attribute of that name shadows it only where the
         * class says one may (T_SHADOW, protocol.c's mark_shadow) */
        if (!(t->flags & T_USER) || !(t->flags & T_SHADOW) || !((Inst *)o)->dict || !mp_dict_get(((Inst *)o)->dict, name)) {
            if (t != &mp_type_type && t != &mp_module_type && t != &mp_super_type) {
                *self_out = incref(IS(d, builtin) ? mp_unwrap(o) : o);   /* list.append on a list subclass */
                return incref(d);
            }
        }
    }
    *self_out = NULL;
    return mp_getattr(o, name);
}

static Obj *format_value(Obj *v, int conv, Obj *spec)
{
    Obj *c = NULL;
    if (conv == 1) c = mp_repr(v);
    else if (conv == 2) c = mp_str(v);
    else if (conv == 3) c = mp_ascii(v);
    if (conv && !c) return NULL;
    Obj *x = c ? c : v;
    Obj *r;
    if (!spec && IS_STR(x)) r = incref(x);
    else r = mp_format(x, spec);
    xdecref(c);
    return r;
}

static Obj *import_from(Obj *mod, Obj *name)
{
    Obj *v = mp_getattr(mod, name);
    if (!v && mp_err_matches(&mp_exc_AttributeError)) {
        mp_err_clear();
        Obj *mn = IS(mod, module) ? ((Module *)mod)->name : NULL;
        return mp_err(&mp_exc_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                      SS(name), mn ? SS(mn) : "?");
    }
    return v;
}

static int import_star(Obj *mod, Obj *dst)
{
    if (!IS(mod, module)) { mp_err(&mp_exc_TypeError, "import * from non-module"); return -1; }
    int64_t pos = 0;
    Obj *k, *v;
    while (mp_dict_next(((Module *)mod)->dict, &pos, &k, &v))
        if (SS(k)[0] != '_') mp_dict_set(dst, k, v);
    return 0;
}

static Obj *call_exit(Obj *ctx, Obj *exc)
{
    Obj *ex = mp_getattr(ctx, mp.s___exit__);
    if (!ex) return NULL;
    Obj *args[3];
    args[0] = exc ? (Obj *)TYPE(exc) : NONE;
    args[1] = exc ? exc : NONE;
    args[2] = NONE;
    Obj *r = mp_call(ex, args, 3, NULL);
    decref(ex);
    return r;
}

static Obj *name_error(Obj *name)
{
    return mp_err(&mp_exc_NameError, "name '%s' is not defined", SS(name));
}

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define CACHE(i) (ip[i])
#define DISPATCH() do { inst = *ip++; oparg = OPARG(inst); goto *labels[OPC(inst)]; } while (0)
/* The next instruction: past this one's inline caches, whose number is a
 * constant of the handler (NEXT: none; NEXTC(n): n, the count of the
 * family in opcodes.h).  A constant keeps ip off the load of the
 * instruction word, so fetching the next one does not wait for this one's
 * word (a serial chain of about 8 cycles per instruction otherwise).
 * Compiling with -DMP_CHECK_DISPATCH checks the constant against the word. */
#ifdef MP_CHECK_DISPATCH
#define NEXTC(n) do { if (OPNC(inst) != (n)) abort(); ip += (n); DISPATCH(); } while (0)
#else
#define NEXTC(n) do { ip += (n); DISPATCH(); } while (0)
#endif
#define NEXT() NEXTC(0)
#define ERR() goto error
#define DEOPT(fam) do { ip[-1] = MKOP(OP_##fam, oparg); CACHE(0) = (uint32_t)-ADAPT_BACKOFF; goto L_##fam; } while (0)
#define ADAPT(fam) do { \
        if ((int32_t)CACHE(0) >= ADAPT_WARMUP) { \
            f->sp = sp; mp_specialize(f, ip - 1, sp); \
            if (OPC(ip[-1]) != OP_##fam) { ip--; DISPATCH(); } \
            CACHE(0) = (uint32_t)-ADAPT_BACKOFF; \
        } else CACHE(0)++; \
    } while (0)

/* Drops the reference a local held (STORE_FAST): the commonest last
 * reference there is a machine int (a counter, an index), which goes to the
 * int free list here instead of through mp_dealloc's call. */
static inline void drop_local(Obj *o)
{
    if (o && --o->rc == 0) {
        if (o->type == &mp_int_type && !((Int *)o)->big && mp.nint_free < 10000) {
            o->type = (Type *)mp.int_free; mp.int_free = o; mp.nint_free++;
        } else mp_dealloc(o);
    }
}

/* branch histories: opcodes.h */
#define branch_hist mp_branch_hist

/* The outcome of a specialized comparison without a branch per operator:
 * the operands give one of less (1), equal (2), greater (4) or, for NaN,
 * none; the operator's mask says which make it true; != is "not equal" so
 * that NaN != x holds.  (A switch here is an indirect jump shared by every
 * comparison site, which predicts badly when sites alternate operators.) */
static const unsigned char cmp_mask[6] = { 1, 3, 2, 2, 4, 6 };
#define CMP_RESULT(lt, eq, gt, op) \
    ((((lt) | ((eq) << 1) | ((gt) << 2)) & cmp_mask[op]) ? (op) != CMP_NE : (op) == CMP_NE)
/* Operands that are always ordered (ints, strings: exactly one of the
 * three holds) need no NaN case: != is "less or greater". */
static const unsigned char cmp_mask_total[6] = { 1, 3, 2, 5, 4, 6 };
#define CMP_RESULT_TOTAL(lt, eq, gt, op) \
    ((((lt) | ((eq) << 1) | ((gt) << 2)) & cmp_mask_total[op]) != 0)

/* Whether a conditional jump after a comparison of two always ordered
 * operands is taken: bit 0 (less), 1 (equal) or 2 (greater) of the
 * operator's mask for that jump (the jump if true's is cmp_mask_total, the
 * jump if false's its complement). */
static const unsigned char cmp_jump_mask[6][2] = {
    { 6, 1 }, { 4, 3 }, { 5, 2 }, { 2, 5 }, { 3, 4 }, { 1, 6 }
};
#define CMP_TAKEN(x, y, op, if_true) \
    ((cmp_jump_mask[op][if_true] >> ((x) > (y) ? 2 : (x) == (y))) & 1)
/* A specialized comparison followed by a conditional jump branches directly
 * (no bool object, one dispatch less), still recording the branch history. */
#define CMP_JUMP_WITH(TAKEN, DECREF) do { \
        uint32_t nx_ = ip[1]; \
        int o_ = OPC(nx_); \
        if (o_ == OP_POP_JUMP_IF_FALSE || o_ == OP_POP_JUMP_IF_TRUE) { \
            int if_true_ = o_ == OP_POP_JUMP_IF_TRUE; \
            int taken_ = (TAKEN); \
            sp -= 2; DECREF(a); DECREF(b); \
            ip += 2; \
            branch_hist(ip, taken_); \
            if (taken_) { ip = first + OPARG(nx_); DISPATCH(); } \
            ip += 1; \
            DISPATCH(); \
        } \
    } while (0)
#define CMP_JUMP(r, DECREF) CMP_JUMP_WITH(if_true_ == ((r) != 0), DECREF)
/* The same for always ordered operands (ints), the outcome from the
 * jump's mask (CMP_TAKEN). */
#define CMP_JUMP_TOTAL(x, y, DECREF) CMP_JUMP_WITH(CMP_TAKEN(x, y, oparg, if_true_), DECREF)

/* The call of Python function fn (code cc) with the n arguments on the
 * stack (from args, or args - 1 with the self of a method call in A's slot):
 * the callee's frame takes them over and runs in this same dispatch loop
 * (no C recursion, as CPython 3.11): the caller keeps ip at the CALL's
 * first cache unit, the callee frame is marked inl and holds the reference
 * to fn the caller's stack had; its RETURN_VALUE pushes the result on the
 * caller's stack and goes on past the CALL (POP_INLINE_FRAME), an
 * exception leaving it raises at the CALL in the caller.  The shape (exact
 * positional count, no varargs or keyword-only parameters, not a
 * generator) is checked by the caller. */
#define CALL_PY_INLINE() do { \
        Frame *nf = push_inline_frame(cc, fn, f, A ? args - 1 : args, n);   /* steals the arguments */ \
        if (!nf) { mp_nomem(); ERR(); } \
        sp -= oparg + 2; \
        if (__builtin_expect(cc->ncells || cc->nfree, 0)) { \
            /* a closure without cells of its own: its frees inline */ \
            if (!cc->ncells) { \
                Obj **d_ = nf->lp + cc->nlocals, **s_ = TITEMS(fn->closure); \
                for (int i_ = 0; i_ < cc->nfree; i_++) d_[i_] = incref(s_[i_]); \
            } else setup_cells(nf, fn); \
        } \
        f->ip = ip; \
        if (++mp.depth > mp.limit) { \
            mp.depth--; \
            mp_err(&mp_exc_RecursionError, "maximum recursion depth exceeded"); \
            frame_free(nf); \
            decref(c); \
            ERR(); \
        } \
        f->sp = sp; \
        f = nf; \
        mp.frame = f; \
        ip = cc->code; sp = f->stack; \
        if (__builtin_expect(--cc->jit_ftick == 0, 0)) goto jit_func_entry; \
        DISPATCH(); \
    } while (0)

/* Leaves inline frame f, whose stack is empty, for its caller: f's locals
 * go (the frame to its code's spares), then the reference to its function;
 * the caller's state is reloaded with ip at its CALL's first cache unit. */
#define POP_INLINE_FRAME() do { \
        Frame *cf_ = f; \
        Code *cc_ = cf_->code; \
        Func *fn_ = cf_->func; \
        f = cf_->back; \
        mp.frame = f; \
        mp.depth--; \
        if (__builtin_expect(cf_->nblocks != 0, 0)) { cf_->sp = sp; frame_free(cf_); } \
        else { \
            int nl_ = cc_->nlocalsplus; \
            for (int i_ = 0; i_ < nl_; i_++) xdecref(cf_->lp[i_]); \
            cf_->sp = sp; \
            frame_spare(cc_, cf_); \
        } \
        decref((Obj *)fn_); \
        LOAD_FRAME(); \
    } while (0)

Obj *mp_eval(Frame *f)
{
    static void *labels[] = {
#define E(name, nc, fam) &&L_##name,
        MP_OPCODES(E)
#undef E
    };
    uint32_t *ip;
    uint32_t inst;
    int oparg;
    Obj **sp;
    /* The frame's code, its first instruction, constants, names and
     * locals are read through f (loads off its register, as cheap as a
     * spilled variable's): fewer values to keep across the loop, and a
     * call or return only switches f, ip and sp. */
#define co (f->code)
#define first (f->first)
#define consts (f->consts)
#define names (f->names)
#define LOAD_FRAME() do { ip = f->ip; sp = f->sp; } while (0)
    LOAD_FRAME();
    Obj *retval = NULL;
    int reraise = 0;
    Frame *saved_frame = mp.frame;
    f->back = saved_frame;
    mp.frame = f;
    if (f->throwing) { f->throwing = 0; goto error; }   /* gen.throw */
    /* A frame starting at its first instruction: the JIT's function-entry
     * counter (a decrement; see jit.h), and the function's trace if it has
     * one. */
    if (ip == first && --co->jit_ftick == 0) {
jit_func_entry:
        f->sp = sp;
        int r_ = mp_jit_func_entry(f);
        if (r_) {
            ip = f->ip; sp = f->sp;
            if (r_ == 2) { ip++; goto error; }
        }
    }
    DISPATCH();

L_NOP: NEXT();
L_PUSH_NULL: PUSH(NULL); NEXT();
L_POP_TOP: { Obj *v = POP(); xdecref(v); NEXT(); }
L_DUP_TOP: { Obj *v = TOP(); PUSH(incref(v)); NEXT(); }
L_DUP_TOP2: { Obj *a = SECOND(), *b = TOP(); PUSH(incref(a)); PUSH(incref(b)); NEXT(); }
L_ROT_TWO: { Obj *a = TOP(); sp[-1] = sp[-2]; sp[-2] = a; NEXT(); }
L_ROT_THREE: { Obj *a = TOP(); sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = a; NEXT(); }
L_ROT_FOUR: { Obj *a = TOP(); sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = a; NEXT(); }
L_LOAD_CONST: PUSH(incref(consts[oparg])); NEXT();
L_LOAD_FAST: {
    Obj *v = f->lp[oparg];
    if (!v) {
        mp_err(&mp_exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
               SS(TITEMS(co->varnames)[oparg]));
        ERR();
    }
    PUSH(incref(v));
    NEXT();
}
L_STORE_FAST: { Obj *v = POP(), *old = f->lp[oparg]; f->lp[oparg] = v; drop_local(old); NEXT(); }
/* Superinstructions: this instruction and the next (a LOAD_FAST,
 * LOAD_CONST or STORE_FAST, possibly itself the head of a pair: only its
 * argument is read), in one dispatch.  An unbound local runs the plain
 * LOAD_FAST at its own instruction, which raises there. */
#define NEXT_AS_PLAIN(label) do { inst = *ip++; oparg = OPARG(inst); goto label; } while (0)
L_LOAD_FAST__LOAD_FAST: {
    Obj *v = f->lp[oparg];
    if (!v) goto L_LOAD_FAST;
    Obj *w = f->lp[OPARG(*ip)];
    PUSH(incref(v));
    if (!w) NEXT_AS_PLAIN(L_LOAD_FAST);
    PUSH(incref(w));
    ip++;
    NEXT();
}
L_LOAD_FAST__LOAD_CONST: {
    Obj *v = f->lp[oparg];
    if (!v) goto L_LOAD_FAST;
    PUSH(incref(v));
    PUSH(incref(consts[OPARG(*ip)]));
    ip++;
    NEXT();
}
L_LOAD_CONST__LOAD_FAST: {
    Obj *w = f->lp[OPARG(*ip)];
    PUSH(incref(consts[oparg]));
    if (!w) NEXT_AS_PLAIN(L_LOAD_FAST);
    PUSH(incref(w));
    ip++;
    NEXT();
}
L_STORE_FAST__LOAD_FAST: {
    Obj *v = POP(), *old = f->lp[oparg];
    f->lp[oparg] = v;
    drop_local(old);
    Obj *w = f->lp[OPARG(*ip)];
    if (!w) NEXT_AS_PLAIN(L_LOAD_FAST);
    PUSH(incref(w));
    ip++;
    NEXT();
}
L_STORE_FAST__STORE_FAST: {
    Obj *v = POP(), *old = f->lp[oparg];
    f->lp[oparg] = v;
    drop_local(old);
    int b = OPARG(*ip);
    v = POP(); old = f->lp[b];
    f->lp[b] = v;
    drop_local(old);
    ip++;
    NEXT();
}
/* Longer superinstructions (compile.c's fused_run): a LOAD_FAST whose run
 * of 3-4 instructions has machine ints (and a list) for operands takes it
 * in one dispatch, without pushing the operands or making a bool; with
 * anything else (an unbound local too) it runs as the pair it starts, and
 * the rest of the run as it is, specializing as usual.  ip is at the
 * second instruction: ip[0] the second, ip[1] the third (its cache ip[2]),
 * ip[3] the fourth (a jump's history ip[4]).  Bools are not machine ints
 * here (they take the pair). */
#define FAST_INT(o) ((o) && TYPE(o) == &mp_int_type && !((Int *)(o))->big)
/* a = x[k] for the fused subscripts: x an exact list and k a machine int
 * in range, negative from the end; anything else jumps to fail, where the
 * handler runs its first instructions the plain way. */
#define LIST_ITEM_OR(a, x, k, fail) do { \
        Obj *x_ = (x), *k_ = (k); \
        if (__builtin_expect(!(x_ && TYPE(x_) == &mp_list_type && FAST_INT(k_)), 0)) goto fail; \
        int64_t i_ = IV(k_), n_ = LN(x_); \
        if (i_ < 0) i_ += n_; \
        if (__builtin_expect((uint64_t)i_ >= (uint64_t)n_, 0)) goto fail; \
        (a) = LITEMS(x_)[i_]; \
    } while (0)
L_LOAD_FAST__ADDI_STORE: {
    /* y = x + c, x - c, x += c, x -= c; c a machine int constant */
    Obj *v = f->lp[oparg];
    if (__builtin_expect(FAST_INT(v), 1)) {
        int64_t c = IV(consts[OPARG(ip[0])]), r;
        if (!((OPARG(ip[1]) & 0xff) == BIN_ADD ? __builtin_add_overflow(IV(v), c, &r)
                                                : __builtin_sub_overflow(IV(v), c, &r))) {
            int y = (int)OPARG(ip[3]);
            /* the local's own int, referenced nowhere else, takes the
             * value, unless it is one of the shared small ints' */
            if (y == oparg && v->rc == 1 && (uint64_t)r + 5 > 261) ((Int *)v)->v = r;
            else { Obj *old = f->lp[y]; f->lp[y] = mp_int_fast(r); drop_local(old); }
            ip += 4;
            NEXT();
        }
    }
    goto L_LOAD_FAST__LOAD_CONST;
}
L_LOAD_FAST__SUBSCR_LIST: {
    /* x[y]: a list and an index in range */
    Obj *a;
    LIST_ITEM_OR(a, f->lp[oparg], f->lp[OPARG(ip[0])], L_LOAD_FAST__LOAD_FAST);
    PUSH(incref(a));
    ip += 3;
    NEXT();
}
/* if x < y: ..., while x < y: ... (any of the six) and the jump, with its
 * branch history as POP_JUMP_IF_* keeps it */
#define FUSED_CMP_JUMP(x, y) do { \
        uint32_t j_ = ip[3]; \
        int taken_ = CMP_TAKEN(x, y, OPARG(ip[1]), OPC(j_) == OP_POP_JUMP_IF_TRUE); \
        branch_hist(ip + 4, taken_); \
        if (taken_) { ip = first + OPARG(j_); DISPATCH(); } \
        ip += 5; \
        NEXT(); \
    } while (0)
L_LOAD_FAST__SUBSCR_CMP_JUMP: {
    /* if x[y] < z: (while ...), x a list, the item and z machine ints;
     * ip[3] the LOAD_FAST z, ip[4] the COMPARE_OP, ip[6] the jump, ip[7]
     * its history.  Another item or z: x[y] pushed, on at the LOAD_FAST. */
    Obj *a;
    LIST_ITEM_OR(a, f->lp[oparg], f->lp[OPARG(ip[0])], L_LOAD_FAST__LOAD_FAST);
    Obj *b = f->lp[OPARG(ip[3])];
    if (__builtin_expect(FAST_INT(a) && FAST_INT(b), 1)) {
        uint32_t j_ = ip[6];
        int taken_ = CMP_TAKEN(IV(a), IV(b), OPARG(ip[4]), OPC(j_) == OP_POP_JUMP_IF_TRUE);
        branch_hist(ip + 7, taken_);
        if (taken_) { ip = first + OPARG(j_); DISPATCH(); }
        ip += 8;
        NEXT();
    }
    PUSH(incref(a));
    ip += 3;
    NEXT();
}
L_LOAD_FAST__SUBSCR2_CMP_JUMP: {
    /* if x[y] < z[w]: (while ...), x and z lists, the indexes in range and
     * the items machine ints; ip[3] the LOAD_FAST z, ip[4] the LOAD_FAST w,
     * ip[5] its BINARY_SUBSCR, ip[7] the COMPARE_OP, ip[9] the jump, ip[10]
     * its history.  When only x[y] qualifies: x[y] pushed, on at the
     * LOAD_FAST z (itself a fused z[w]). */
    Obj *a, *b;
    LIST_ITEM_OR(a, f->lp[oparg], f->lp[OPARG(ip[0])], L_LOAD_FAST__LOAD_FAST);
    if (!FAST_INT(a)) goto subscr2_first;
    LIST_ITEM_OR(b, f->lp[OPARG(ip[3])], f->lp[OPARG(ip[4])], subscr2_first);
    if (__builtin_expect(FAST_INT(b), 1)) {
        uint32_t j_ = ip[9];
        int taken_ = CMP_TAKEN(IV(a), IV(b), OPARG(ip[7]), OPC(j_) == OP_POP_JUMP_IF_TRUE);
        branch_hist(ip + 10, taken_);
        if (taken_) { ip = first + OPARG(j_); DISPATCH(); }
        ip += 11;
        NEXT();
    }
subscr2_first:
    PUSH(incref(a));
    ip += 3;
    NEXT();
}
/* l.append(v), l.append(x[y]) as a statement: l an exact list (whose
 * append no class or instance can replace), x a list and y a machine int
 * index in range; the LOAD_METHOD, CALL and POP_TOP skipped.  Anything
 * else runs the plain LOAD_FAST and the rest as it is. */
L_LOAD_FAST__APPEND_FAST: {
    /* ip[0] the LOAD_METHOD, ip[4] the LOAD_FAST v, ip[8] the POP_TOP */
    Obj *l = f->lp[oparg], *v = f->lp[OPARG(ip[4])];
    if (__builtin_expect(l && TYPE(l) == &mp_list_type && v, 1)) {
        List *L = (List *)l;
        incref(v);
        if (__builtin_expect(L->n < L->cap, 1)) L->items[L->n++] = v;
        else { mp_list_append(l, v); decref(v); }
        ip += 9;
        NEXT();
    }
    goto L_LOAD_FAST;
}
L_LOAD_FAST__APPEND_SUBSCR: {
    /* ip[4] the LOAD_FAST x, ip[5] the LOAD_FAST y, ip[11] the POP_TOP */
    Obj *l = f->lp[oparg], *v;
    if (__builtin_expect(!l || TYPE(l) != &mp_list_type, 0)) goto L_LOAD_FAST;
    LIST_ITEM_OR(v, f->lp[OPARG(ip[4])], f->lp[OPARG(ip[5])], L_LOAD_FAST);
    List *L = (List *)l;
    incref(v);
    if (__builtin_expect(L->n < L->cap, 1)) L->items[L->n++] = v;
    else { mp_list_append(l, v); decref(v); }
    ip += 12;
    NEXT();
}
L_LOAD_FAST__CMP_JUMP: {
    Obj *a = f->lp[oparg], *b = f->lp[OPARG(ip[0])];
    if (__builtin_expect(FAST_INT(a) && FAST_INT(b), 1)) FUSED_CMP_JUMP(IV(a), IV(b));
    goto L_LOAD_FAST__LOAD_FAST;
}
L_LOAD_FAST__CMPI_JUMP: {
    Obj *a = f->lp[oparg];
    if (__builtin_expect(FAST_INT(a), 1)) FUSED_CMP_JUMP(IV(a), IV(consts[OPARG(ip[0])]));
    goto L_LOAD_FAST__LOAD_CONST;
}
L_DELETE_FAST: {
    if (!f->lp[oparg]) {
        mp_err(&mp_exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
               SS(TITEMS(co->varnames)[oparg]));
        ERR();
    }
    decref(f->lp[oparg]); f->lp[oparg] = NULL; NEXT();
}
L_LOAD_DEREF: {
    Cell *c = (Cell *)f->lp[co->nlocals + oparg];
    if (!c->ref) {
        int nc = co->ncells;
        Obj *nm = oparg < nc ? TITEMS(co->cellvars)[oparg] : TITEMS(co->freevars)[oparg - nc];
        if (oparg < nc) mp_err(&mp_exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", SS(nm));
        else mp_err(&mp_exc_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", SS(nm));
        ERR();
    }
    PUSH(incref(c->ref));
    NEXT();
}
L_STORE_DEREF: { Cell *c = (Cell *)f->lp[co->nlocals + oparg]; Obj *old = c->ref; c->ref = POP(); xdecref(old); NEXT(); }
L_DELETE_DEREF: { Cell *c = (Cell *)f->lp[co->nlocals + oparg]; xdecref(c->ref); c->ref = NULL; NEXT(); }
L_LOAD_CLOSURE: PUSH(incref(f->lp[co->nlocals + oparg])); NEXT();
L_LOAD_CLASSDEREF: {
    Obj *nm = names[oparg >> 10];
    Obj *v = f->locals ? mp_dict_get(f->locals, nm) : NULL;
    if (v) { PUSH(incref(v)); NEXT(); }
    Cell *c = (Cell *)f->lp[co->nlocals + (oparg & 0x3ff)];
    if (!c->ref) { name_error(nm); ERR(); }
    PUSH(incref(c->ref));
    NEXT();
}
L_LOAD_GLOBAL: {
    ADAPT(LOAD_GLOBAL);
    Obj *nm = names[oparg];
    Obj *v = mp_dict_get(f->globals, nm);
    if (!v) v = mp_dict_get(f->builtins, nm);
    if (!v) { if (!mp.exc) name_error(nm); ERR(); }
    PUSH(incref(v));
    NEXTC(4);
}
L_LOAD_GLOBAL_MODULE: {
    Dict *g = (Dict *)f->globals;
    if ((uint32_t)g->version != CACHE(1)) DEOPT(LOAD_GLOBAL);
    PUSH(incref(g->ent[CACHE(3)].val));
    NEXTC(4);
}
L_LOAD_GLOBAL_BUILTIN: {
    Dict *g = (Dict *)f->globals, *b = (Dict *)f->builtins;
    if ((uint32_t)g->version != CACHE(1) || (uint32_t)b->version != CACHE(2)) DEOPT(LOAD_GLOBAL);
    PUSH(incref(b->ent[CACHE(3)].val));
    NEXTC(4);
}
L_STORE_GLOBAL: {
    ADAPT(STORE_GLOBAL);
    Obj *v = POP();
    int r = mp_dict_set(f->globals, names[oparg], v);
    decref(v);
    if (r < 0) ERR();
    NEXTC(3);
}
L_STORE_GLOBAL_MODULE: {
    /* the name's entry, while the key layout is the one specialized on:
     * the value replaced as mp_dict_set would (the JIT told first) */
    Dict *g = (Dict *)f->globals;
    if ((uint32_t)g->version != CACHE(1)) DEOPT(STORE_GLOBAL);
    DEntry *e = &g->ent[CACHE(2)];
    Obj *was = e->val;
    e->val = POP();
    if (g->jit_watched) mp_jit_dict_store(g, e->hash);
    decref(was);
    NEXTC(3);
}
L_DELETE_GLOBAL: {
    int r = mp_dict_del(f->globals, names[oparg]);
    if (r) { if (r > 0) name_error(names[oparg]); ERR(); }
    NEXT();
}
L_LOAD_NAME: {
    Obj *nm = names[oparg];
    Obj *v = f->locals ? mp_dict_get(f->locals, nm) : NULL;
    if (!v) v = mp_dict_get(f->globals, nm);
    if (!v) v = mp_dict_get(f->builtins, nm);
    if (!v) { if (!mp.exc) name_error(nm); ERR(); }
    PUSH(incref(v));
    NEXT();
}
L_STORE_NAME: {
    Obj *v = POP();
    int r = mp_dict_set(f->locals ? f->locals : f->globals, names[oparg], v);
    decref(v);
    if (r < 0) ERR();
    NEXT();
}
L_DELETE_NAME: {
    int r = mp_dict_del(f->locals ? f->locals : f->globals, names[oparg]);
    if (r) { if (r > 0) name_error(names[oparg]); ERR(); }
    NEXT();
}
L_LOAD_ATTR: {
    ADAPT(LOAD_ATTR);
    Obj *o = TOP();
    Obj *v = mp_getattr(o, names[oparg]);
    if (!v) ERR();
    sp[-1] = v;
    decref(o);
    NEXTC(3);
}
/* An instance attribute at entry CACHE(2) of the instance dict, with no
 * attribute of that name on the class (version CACHE(1)).  Another user
 * class without one either (the self of an inherited method, a site that
 * sees several classes) takes the same path: mp.tcache answers that in one
 * probe. */
#define OTHER_CLASS_NO_ATTR(t) ((t->flags & T_USER) && !mp_type_lookup(t, names[oparg]))
L_LOAD_ATTR_INSTANCE: {
    Obj *o = TOP();
    Type *t = TYPE(o);
    if (t->version != CACHE(1) && !OTHER_CLASS_NO_ATTR(t)) DEOPT(LOAD_ATTR);
    Dict *d = (Dict *)((Inst *)o)->dict;
    uint32_t i = CACHE(2);
    if (!d || i >= d->nent || d->ent[i].key != names[oparg]) DEOPT(LOAD_ATTR);
    sp[-1] = incref(d->ent[i].val);
    decref(o);
    NEXTC(3);
}
L_LOAD_ATTR_MODULE: {
    Obj *o = TOP();
    if (!IS(o, module)) DEOPT(LOAD_ATTR);
    Dict *d = (Dict *)((Module *)o)->dict;
    if ((uint32_t)d->version != CACHE(1)) DEOPT(LOAD_ATTR);
    sp[-1] = incref(d->ent[CACHE(2)].val);
    decref(o);
    NEXTC(3);
}
L_STORE_ATTR: {
    ADAPT(STORE_ATTR);
    Obj *o = POP(), *v = POP();
    int r = mp_setattr(o, names[oparg], v);
    decref(o); decref(v);
    if (r < 0) ERR();
    NEXTC(3);
}
L_STORE_ATTR_INSTANCE: {
    Obj *o = TOP();
    Type *t = TYPE(o);
    if (t->version != CACHE(1) && (!OTHER_CLASS_NO_ATTR(t) || (t->flags & T_SETATTR))) DEOPT(STORE_ATTR);
    Dict *d = (Dict *)((Inst *)o)->dict;
    uint32_t i = CACHE(2);
    if (!d || i >= d->nent || d->ent[i].key != names[oparg]) DEOPT(STORE_ATTR);
    sp -= 2;
    Obj *old = d->ent[i].val;
    d->ent[i].val = sp[0];
    decref(old);
    decref(o);
    NEXTC(3);
}
L_DELETE_ATTR: {
    Obj *o = POP();
    int r = mp_setattr(o, names[oparg], NULL);
    decref(o);
    if (r < 0) ERR();
    NEXT();
}
L_LOAD_METHOD: {
    ADAPT(LOAD_METHOD);
    Obj *o = TOP(), *self = NULL;
    Obj *m = load_method(o, names[oparg], &self);
    if (!m) ERR();
    decref(o);
    if (self) { sp[-1] = m; PUSH(self); }
    else { sp[-1] = NULL; PUSH(m); }
    NEXTC(3);
}
L_LOAD_METHOD_FUNC: {
    Obj *o = TOP();
    Type *t = TYPE(o);
    if (t->version != CACHE(1) || (t->flags & T_SHADOW)) DEOPT(LOAD_METHOD);
    uint32_t depth = CACHE(2) >> 24, idx = CACHE(2) & 0xffffff;
    t = mp_mro_at(t, (int)depth);
    sp[-1] = incref(((Dict *)t->dict)->ent[idx].val);
    PUSH(o);
    NEXTC(3);
}
L_LOAD_METHOD_BUILTIN: {
    Obj *o = TOP();
    Type *t = TYPE(o);
    if (t->version != CACHE(1)) DEOPT(LOAD_METHOD);
    uint32_t depth = CACHE(2) >> 24, idx = CACHE(2) & 0xffffff;
    t = mp_mro_at(t, (int)depth);
    sp[-1] = incref(((Dict *)t->dict)->ent[idx].val);
    PUSH(o);
    NEXTC(3);
}
L_BINARY_OP: {
    ADAPT(BINARY_OP);
    goto L_BINARY_OP_GENERIC;
}
L_BINARY_OP_GENERIC: {
    Obj *b = POP(), *a = TOP();
    Obj *r = oparg & 0x100 ? mp_inplace(oparg & 0xff, a, b) : mp_binop(oparg, a, b);
    decref(a); decref(b);
    if (!r) { sp--; ERR(); }
    sp[-1] = r;
    NEXTC(1);
}
/* A machine-int form whose operands or result are not machine ints (a big
 * int, an overflow; a zero divisor) takes the generic operation and counts
 * it in its cache unit (0 from the specializer, saturating at 0xffff): the
 * JIT's loop selection reads how often it did (int_goes_big in
 * jit/jit_lower.c). */
#define INT_SLOW() do { if (CACHE(0) < 0xffff) CACHE(0)++; goto L_BINARY_OP_GENERIC; } while (0)
L_BINARY_OP_ADD_INT: {
    Obj *a = SECOND(), *b = TOP();
    int64_t r;
    if (TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type) DEOPT(BINARY_OP);
    if ((((Int *)a)->big | ((Int *)b)->big) || __builtin_add_overflow(IV(a), IV(b), &r)) INT_SLOW();
    sp--; sp[-1] = mp_int_fast(r); mp_smallint_decref(a); mp_smallint_decref(b);
    NEXTC(1);
}
L_BINARY_OP_SUB_INT: {
    Obj *a = SECOND(), *b = TOP();
    int64_t r;
    if (TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type) DEOPT(BINARY_OP);
    if ((((Int *)a)->big | ((Int *)b)->big) || __builtin_sub_overflow(IV(a), IV(b), &r)) INT_SLOW();
    sp--; sp[-1] = mp_int_fast(r); mp_smallint_decref(a); mp_smallint_decref(b);
    NEXTC(1);
}
L_BINARY_OP_MUL_INT: {
    Obj *a = SECOND(), *b = TOP();
    int64_t r;
    if (TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type) DEOPT(BINARY_OP);
    if ((((Int *)a)->big | ((Int *)b)->big) || __builtin_mul_overflow(IV(a), IV(b), &r)) INT_SLOW();
    sp--; sp[-1] = mp_int_fast(r); mp_smallint_decref(a); mp_smallint_decref(b);
    NEXTC(1);
}
#define FLOAT_OP(NAME, EXPR, EXTRA) \
L_BINARY_OP_##NAME##_FLOAT: { \
    Obj *a = SECOND(), *b = TOP(); \
    if (TYPE(a) != &mp_float_type || TYPE(b) != &mp_float_type) DEOPT(BINARY_OP); \
    EXTRA \
    double x = FV(a), y = FV(b); \
    Obj *r; \
    if (a->rc == 1) { FV(a) = (EXPR); r = a; mp_float_decref(b); } \
    else if (b->rc == 1) { FV(b) = (EXPR); r = b; a->rc--; } \
    else { r = mp_float_fast(EXPR); a->rc--; mp_float_decref(b); } \
    sp--; sp[-1] = r; \
    NEXTC(1); \
}
FLOAT_OP(ADD, x + y, )
FLOAT_OP(SUB, x - y, )
FLOAT_OP(MUL, x * y, )
FLOAT_OP(DIV, x / y, if (FV(b) == 0.0) goto L_BINARY_OP_GENERIC;)
/* Python's floor division and modulo of machine ints (the divisor is
 * nonzero and the quotient cannot overflow: checked before). */
#define INT_DIVMOD_OP(NAME, EXPR) \
L_BINARY_OP_##NAME##_INT: { \
    Obj *a = SECOND(), *b = TOP(); \
    if (TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type) DEOPT(BINARY_OP); \
    if (((Int *)a)->big || ((Int *)b)->big) INT_SLOW(); \
    int64_t x = IV(a), y = IV(b); \
    if (y == 0 || (y == -1 && x == INT64_MIN)) INT_SLOW(); \
    int64_t q = x / y, m = x % y; \
    if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; } \
    sp--; sp[-1] = mp_int_fast(EXPR); mp_smallint_decref(a); mp_smallint_decref(b); \
    NEXTC(1); \
}
INT_DIVMOD_OP(FLOORDIV, q)
INT_DIVMOD_OP(MOD, m)
/* &, |, ^ of machine ints (never overflow; bools are not ints here: True &
 * False is a bool, and deopts). */
#define INT_BITS_OP(NAME, OPER) \
L_BINARY_OP_##NAME##_INT: { \
    Obj *a = SECOND(), *b = TOP(); \
    if (TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type) DEOPT(BINARY_OP); \
    if (((Int *)a)->big | ((Int *)b)->big) INT_SLOW(); \
    sp--; sp[-1] = mp_int_fast(IV(a) OPER IV(b)); mp_smallint_decref(a); mp_smallint_decref(b); \
    NEXTC(1); \
}
INT_BITS_OP(AND, &)
INT_BITS_OP(OR, |)
INT_BITS_OP(XOR, ^)
/* A float with an int in the machine word (or, for / only, two such ints
 * whose doubles are exact, up to 2**53, so the quotient rounds as CPython's):
 * the int converts to the double CPython's int.__float__ gives. */
#define NUM_AS_DOUBLE(o, d, fail) do { \
        if (TYPE(o) == &mp_float_type) d = FV(o); \
        else if (SMALL(o)) d = (double)IV(o); \
        else fail; \
    } while (0)
#define NUM_OP(NAME, EXPR, EXTRA) \
L_BINARY_OP_##NAME##_NUM: { \
    Obj *a = SECOND(), *b = TOP(); \
    double x, y; \
    if (OP_BINARY_OP_##NAME##_NUM != OP_BINARY_OP_DIV_NUM && TYPE(a) != &mp_float_type && TYPE(b) != &mp_float_type) \
        DEOPT(BINARY_OP);   /* int op int stays an int */ \
    NUM_AS_DOUBLE(a, x, DEOPT(BINARY_OP)); \
    NUM_AS_DOUBLE(b, y, DEOPT(BINARY_OP)); \
    EXTRA \
    Obj *r; \
    if (TYPE(a) == &mp_float_type && a->rc == 1) { FV(a) = (EXPR); r = a; decref(b); } \
    else if (TYPE(b) == &mp_float_type && b->rc == 1) { FV(b) = (EXPR); r = b; decref(a); } \
    else { r = mp_float_fast(EXPR); decref(a); decref(b); } \
    sp--; sp[-1] = r; \
    NEXTC(1); \
}
#define EXACT53(o) (TYPE(o) == &mp_float_type || (IV(o) <= ((int64_t)1 << 53) && IV(o) >= -((int64_t)1 << 53)))
NUM_OP(ADD, x + y, )
NUM_OP(SUB, x - y, )
NUM_OP(MUL, x * y, )
NUM_OP(DIV, x / y, if (y == 0.0 || !EXACT53(a) || !EXACT53(b)) goto L_BINARY_OP_GENERIC;)
L_BINARY_OP_ADD_STR: {
    Obj *a = SECOND(), *b = TOP();
    if (!IS_STR(a) || !IS_STR(b)) DEOPT(BINARY_OP);
    /* s + t in place (mp_str_append) when the stack holds s's only
     * reference (a temporary), or s = s + t / s += t where the only other
     * is the local the next STORE_FAST overwrites: that reference is
     * dropped first (the STORE_FAST then finds the local empty) */
    uint32_t nx = ip[1];
    Obj **slot = mp_opfamily[OPC(nx)] == OP_STORE_FAST ? &f->lp[OPARG(nx)] : NULL;
    if (a->rc == 1 || (a->rc == 2 && slot && *slot == a)) {
        if (a->rc == 2) { *slot = NULL; a->rc--; }
        Obj *r = mp_str_append(a, b);
        decref(b);
        sp--;
        if (!r) { sp--; ERR(); }
        sp[-1] = r;
        NEXTC(1);
    }
    Obj *r = mp_str_concat(a, b);
    sp--; sp[-1] = r; decref(a); decref(b);
    NEXTC(1);
}
L_BINARY_OP_ADD_LIST: {
    /* list + list (not +=, which extends a): a new list, without the
     * generic operator's search for who implements + */
    Obj *a = SECOND(), *b = TOP();
    if (!IS(a, list) || !IS(b, list)) DEOPT(BINARY_OP);
    Obj *r = mp_list_binop(BIN_ADD, a, b);
    sp--; sp[-1] = r; decref(a); decref(b);
    NEXTC(1);
}
L_UNARY_NEG: { Obj *a = TOP(), *r = mp_neg(a); if (!r) ERR(); sp[-1] = r; decref(a); NEXT(); }
L_UNARY_POS: { Obj *a = TOP(), *r = mp_pos(a); if (!r) ERR(); sp[-1] = r; decref(a); NEXT(); }
L_UNARY_INVERT: { Obj *a = TOP(), *r = mp_invert(a); if (!r) ERR(); sp[-1] = r; decref(a); NEXT(); }
L_UNARY_NOT: {
    Obj *a = TOP();
    int t = mp_truthy(a);
    if (t < 0) ERR();
    sp[-1] = mp_bool(!t);
    decref(a);
    NEXT();
}
L_COMPARE_OP: {
    ADAPT(COMPARE_OP);
    goto L_COMPARE_OP_GENERIC;
}
L_COMPARE_OP_GENERIC: {
    Obj *b = POP(), *a = TOP();
    Obj *r = mp_richcmp(a, b, oparg);
    decref(a); decref(b);
    if (!r) { sp--; ERR(); }
    sp[-1] = r;
    NEXTC(1);
}
L_COMPARE_OP_INT: {
    Obj *a = SECOND(), *b = TOP();
    /* two ints in the machine word in one test; bools on the slower one */
    if (__builtin_expect(TYPE(a) != &mp_int_type || TYPE(b) != &mp_int_type ||
                         (((Int *)a)->big | ((Int *)b)->big), 0) && (!SMALL(a) || !SMALL(b)))
        DEOPT(COMPARE_OP);
    int64_t x = IV(a), y = IV(b);
    CMP_JUMP_TOTAL(x, y, mp_smallint_decref);
    int r = CMP_RESULT_TOTAL(x < y, x == y, x > y, oparg);
    sp--; sp[-1] = mp_bool(r); mp_smallint_decref(a); mp_smallint_decref(b);
    NEXTC(1);
}
L_COMPARE_OP_FLOAT: {
    Obj *a = SECOND(), *b = TOP();
    if (!IS(a, float) || !IS(b, float)) DEOPT(COMPARE_OP);
    double x = FV(a), y = FV(b);
    int r = CMP_RESULT(x < y, x == y, x > y, oparg);
    CMP_JUMP(r, mp_float_decref);
    sp--; sp[-1] = mp_bool(r); mp_float_decref(a); mp_float_decref(b);
    NEXTC(1);
}
L_COMPARE_OP_STR: {
    Obj *a = SECOND(), *b = TOP();
    if (!IS_STR(a) || !IS_STR(b)) DEOPT(COMPARE_OP);
    int c = mp_str_cmp(a, b);
    CMP_JUMP_TOTAL(c, 0, decref);
    int r = CMP_RESULT_TOTAL(c < 0, c == 0, c > 0, oparg);
    sp--; sp[-1] = mp_bool(r); decref(a); decref(b);
    NEXTC(1);
}
L_IS_OP: {
    Obj *b = POP(), *a = TOP();
    int r = (a == b) ^ oparg;
    decref(a); decref(b);
    sp[-1] = mp_bool(r);
    NEXT();
}
L_CONTAINS_OP: {
    Obj *b = POP(), *a = TOP();
    int r = mp_contains(b, a);
    decref(a); decref(b);
    if (r < 0) { sp--; ERR(); }
    sp[-1] = mp_bool(r ^ oparg);
    NEXT();
}
L_BINARY_SUBSCR: {
    ADAPT(BINARY_SUBSCR);
    goto L_BINARY_SUBSCR_GENERIC;
}
L_BINARY_SUBSCR_GENERIC: {
    Obj *k = POP(), *o = TOP();
    Obj *r = mp_getitem(o, k);
    decref(o); decref(k);
    if (!r) { sp--; ERR(); }
    sp[-1] = r;
    NEXTC(1);
}
L_BINARY_SUBSCR_LIST_INT: {
    Obj *o = SECOND(), *k = TOP();
    if (!IS(o, list) || !SMALL(k)) DEOPT(BINARY_SUBSCR);
    int64_t i = IV(k);
    if (i < 0) i += LN(o);
    if (i < 0 || i >= LN(o)) goto L_BINARY_SUBSCR_GENERIC;
    Obj *r = incref(LITEMS(o)[i]);
    sp--; sp[-1] = r; decref(o); mp_smallint_decref(k);
    NEXTC(1);
}
L_BINARY_SUBSCR_DICT: {
    Obj *o = SECOND(), *k = TOP();
    if (!IS(o, dict)) DEOPT(BINARY_SUBSCR);
    Obj *r = mp_dict_get(o, k);
    if (!r) goto L_BINARY_SUBSCR_GENERIC;
    incref(r);
    sp--; sp[-1] = r; decref(o); decref(k);
    NEXTC(1);
}
L_STORE_SUBSCR: {
    ADAPT(STORE_SUBSCR);
    goto L_STORE_SUBSCR_GENERIC;
}
L_STORE_SUBSCR_GENERIC: {
    Obj *k = POP(), *o = POP(), *v = POP();
    int r = mp_setitem(o, k, v);
    decref(k); decref(o); decref(v);
    if (r < 0) ERR();
    NEXTC(1);
}
L_STORE_SUBSCR_LIST_INT: {
    Obj *k = TOP(), *o = SECOND();
    if (!IS(o, list) || !SMALL(k)) DEOPT(STORE_SUBSCR);
    int64_t i = IV(k);
    if (i < 0) i += LN(o);
    if (i < 0 || i >= LN(o)) goto L_STORE_SUBSCR_GENERIC;
    sp -= 3;
    Obj *old = LITEMS(o)[i];
    LITEMS(o)[i] = sp[0];
    decref(old); decref(o); mp_smallint_decref(k);
    NEXTC(1);
}
L_STORE_SUBSCR_DICT: {
    Obj *k = TOP(), *o = SECOND();
    if (!IS(o, dict)) DEOPT(STORE_SUBSCR);
    sp -= 3;
    int r = mp_dict_set(o, k, sp[0]);
    decref(sp[0]); decref(o); decref(k);
    if (r < 0) ERR();
    NEXTC(1);
}
L_DELETE_SUBSCR: {
    Obj *k = POP(), *o = POP();
    int r = mp_setitem(o, k, NULL);
    decref(k); decref(o);
    if (r < 0) ERR();
    NEXT();
}
L_BUILD_TUPLE: {
    Obj *t = mp_tuple_new(oparg);
    sp -= oparg;
    memcpy(TITEMS(t), sp, sizeof(Obj *) * oparg);
    PUSH(t);
    NEXT();
}
L_BUILD_LIST: {
    Obj *l = mp_list_new_raw(oparg);
    sp -= oparg;
    memcpy(LITEMS(l), sp, sizeof(Obj *) * oparg);
    PUSH(l);
    NEXT();
}
L_BUILD_SET: {
    Obj *s = mp_set_new(0);
    sp -= oparg;
    int bad = 0;
    for (int i = 0; i < oparg; i++) { if (!bad && mp_set_add(s, sp[i]) < 0) bad = 1; decref(sp[i]); }
    PUSH(s);
    if (bad) ERR();
    NEXT();
}
L_BUILD_MAP: {
    Obj *d = mp_dict_new();
    sp -= 2 * oparg;
    int bad = 0;
    for (int i = 0; i < oparg; i++) {
        if (!bad && mp_dict_set(d, sp[2 * i], sp[2 * i + 1]) < 0) bad = 1;
        decref(sp[2 * i]); decref(sp[2 * i + 1]);
    }
    PUSH(d);
    if (bad) ERR();
    NEXT();
}
L_BUILD_SLICE: {
    Obj *c = oparg == 3 ? POP() : incref(NONE);
    Obj *b = POP(), *a = POP();
    PUSH(mp_slice_new(a, b, c));
    decref(a); decref(b); decref(c);
    NEXT();
}
L_BUILD_SLICE__SUBSCR: {
    /* x[a:b]: ip at the BINARY_SUBSCR (and its cache); ends clamped as
     * slice.indices() does for step 1 */
    Obj *o = sp[-3], *a = sp[-2], *b = sp[-1];
    if ((TYPE(o) == &mp_list_type || TYPE(o) == &mp_tuple_type) && (a == NONE || FAST_INT(a))
        && (b == NONE || FAST_INT(b))) {
        int64_t n = TYPE(o) == &mp_list_type ? LN(o) : TN(o);
        int64_t lo = a == NONE ? 0 : IV(a), hi = b == NONE ? n : IV(b);
        if (lo < 0) { lo += n; if (lo < 0) lo = 0; } else if (lo > n) lo = n;
        if (hi < 0) { hi += n; if (hi < 0) hi = 0; } else if (hi > n) hi = n;
        Obj *r = mp_seq_slice1(o, lo, hi);
        sp -= 2;
        decref(a); decref(b);
        sp[-1] = r;
        decref(o);
        ip += 2;
        NEXT();
    }
    goto L_BUILD_SLICE;
}
L_BUILD_STRING: {
    sp -= oparg;
    Obj *r = mp_str_join_n(sp, oparg);   /* the parts are strs (FORMAT_VALUE, constants) */
    for (int i = 0; i < oparg; i++) decref(sp[i]);
    if (!r) ERR();
    PUSH(r);
    NEXT();
}
L_LIST_APPEND: { Obj *v = POP(); mp_list_append(sp[-oparg], v); decref(v); NEXT(); }
L_SET_ADD: { Obj *v = POP(); int r = mp_set_add(sp[-oparg], v); decref(v); if (r < 0) ERR(); NEXT(); }
L_MAP_ADD: {
    Obj *v = POP(), *k = POP();
    int r = mp_dict_set(sp[-oparg], k, v);
    decref(k); decref(v);
    if (r < 0) ERR();
    NEXT();
}
L_LIST_EXTEND: {
    Obj *it = POP();
    int r = mp_list_extend(sp[-oparg], it);
    if (r < 0 && mp_err_matches(&mp_exc_TypeError) && !mp_special(it, mp.s___iter__)) {
        mp_err_clear();
        mp_err(&mp_exc_TypeError, "Value after * must be an iterable, not %s", mp_type_name(it));
    }
    decref(it);
    if (r < 0) ERR();
    NEXT();
}
L_SET_UPDATE: { Obj *it = POP(); int r = mp_set_update(sp[-oparg], it); decref(it); if (r < 0) ERR(); NEXT(); }
L_DICT_UPDATE: L_DICT_MERGE: {
    Obj *m = POP();
    int r = mp_dict_update(sp[-oparg], m);
    decref(m);
    if (r < 0) ERR();
    NEXT();
}
L_LIST_TO_TUPLE: {
    Obj *l = TOP();
    Obj *t = mp_tuple_new(LN(l));
    for (int64_t i = 0; i < LN(l); i++) TITEMS(t)[i] = incref(LITEMS(l)[i]);
    sp[-1] = t;
    decref(l);
    NEXT();
}
L_FORMAT_VALUE: {
    Obj *spec = (oparg & 256) ? POP() : NULL;
    Obj *v = TOP();
    Obj *r = format_value(v, oparg & 3, spec);
    xdecref(spec);
    if (!r) ERR();
    sp[-1] = r;
    decref(v);
    NEXT();
}
L_JUMP:
    /* A backward jump reaches a loop head: the JIT's hotness counter, and
     * the head's trace if it has one (it returns where to continue). */
    if (mp_jit_active && first + oparg < ip) {
        if (f->code->jit && mp_jit_head_quiet(f->code->jit, oparg)) {
            /* Quiet for good: this back edge becomes JUMP_QUIET, which
             * skips the test (the JIT turns it back into a JUMP if the head
             * is armed again, see mp_jit_head_quiet). */
            ip[-1] = MKOP(OP_JUMP_QUIET, oparg);
            mp_jit_quiet_jumps++;
        } else {
            f->sp = sp;
            int r_ = mp_jit_loop_head(f, first + oparg);
            if (r_) {
                ip = f->ip; sp = f->sp;
                if (r_ == 2) { ip++; goto error; }
                DISPATCH();
            }
        }
    }
    ip = first + oparg;
    DISPATCH();
L_JUMP_QUIET:
    ip = first + oparg;
    DISPATCH();
L_POP_JUMP_IF_FALSE: {
    Obj *v = POP();
    int t;
    if (v == TRUE_) t = 1; else if (v == FALSE_) t = 0;
    else { t = mp_truthy(v); if (t < 0) { decref(v); ERR(); } }
    decref(v);
    branch_hist(ip, !t);
    if (!t) { ip = first + oparg; DISPATCH(); }
    NEXTC(1);
}
L_POP_JUMP_IF_TRUE: {
    Obj *v = POP();
    int t;
    if (v == TRUE_) t = 1; else if (v == FALSE_) t = 0;
    else { t = mp_truthy(v); if (t < 0) { decref(v); ERR(); } }
    decref(v);
    branch_hist(ip, t);
    if (t) { ip = first + oparg; DISPATCH(); }
    NEXTC(1);
}
L_JUMP_IF_FALSE_OR_POP: {
    int t = mp_truthy(TOP());
    if (t < 0) ERR();
    if (!t) { ip = first + oparg; DISPATCH(); }
    decref(POP());
    NEXT();
}
L_JUMP_IF_TRUE_OR_POP: {
    int t = mp_truthy(TOP());
    if (t < 0) ERR();
    if (t) { ip = first + oparg; DISPATCH(); }
    decref(POP());
    NEXT();
}
L_GET_ITER: {
    Obj *o = TOP();
    /* The length profile (opcodes.h, MP_ITER_PROF): once it varied it
     * stays MANY, so the store rewrites the same word. */
    uint32_t pv = IS(o, range) ? MP_ITER_PROF(((Range *)o)->stop)
                : IS(o, list) ? MP_ITER_PROF(LN(o)) : MP_ITER_PROF_MANY;
    if (CACHE(0) != pv) CACHE(0) = CACHE(0) ? MP_ITER_PROF_MANY : pv;
    Obj *it = mp_iter(o);
    if (!it) ERR();
    sp[-1] = it;
    decref(o);
    NEXTC(1);
}
L_FOR_ITER: {
    /* A suspended generator with no handler block in its frame (so no
     * exception state to swap, see gen_resume) resumes in this dispatch
     * loop, as an inline call does: its frame is marked inl 2, its
     * YIELD_VALUE / YIELD_FROM come back here past this instruction with
     * the value pushed (gen_inline_yield), its return ends the loop, an
     * exception leaving it raises here.  Its first run (the JIT's
     * function entry) and everything else take gen_resume through
     * mp_next.  Generators never specialize, so this is the generic form
     * (no adaptive counter to keep for them). */
    if (TYPE(TOP()) == &mp_generator_type) {
        Gen *g = (Gen *)TOP();
        Frame *gf = g->f;
        if (g->started && !g->done && !g->running && mp.depth < mp.limit && !frame_has_handler(gf)) {
            *gf->sp++ = incref(NONE);
            g->running = 1;
            mp.depth++;
            gf->yielded = 0;
            gf->inl = 2;
            gf->back = f;
            f->ip = ip; f->sp = sp;
            f = gf;
            mp.frame = f;
            LOAD_FRAME();
            DISPATCH();
        }
    }
    ADAPT(FOR_ITER);
    Obj *v = mp_next(TOP());
    if (v) { PUSH(v); NEXTC(1); }
    if (mp.exc) ERR();
    decref(POP());
    ip = first + oparg;
    DISPATCH();
}
L_FOR_ITER_RANGE: {
    RangeIter *r = (RangeIter *)TOP();
    if (!IS(r, range_iterator)) DEOPT(FOR_ITER);
    if (r->step > 0 ? r->i < r->stop : r->i > r->stop) {
        PUSH(mp_int_fast(r->i));
        /* Past an end near the int64 limits the next value does not
         * exist: the iterator is exhausted. */
        if (__builtin_add_overflow(r->i, r->step, &r->i)) r->i = r->stop;
        NEXTC(1);
    }
    decref(POP());
    ip = first + oparg;
    DISPATCH();
}
L_FOR_ITER_LIST: {
    SeqIter *it = (SeqIter *)TOP();
    if (!IS(it, list_iterator)) DEOPT(FOR_ITER);
    if (it->seq && it->i < LN(it->seq)) { PUSH(incref(LITEMS(it->seq)[it->i++])); NEXTC(1); }
    decref(POP());
    ip = first + oparg;
    DISPATCH();
}
L_CALL: {
    ADAPT(CALL);
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    Obj *c = A ? A : B;
    if (IS(c, function)) {
        /* a site whose callee changes (a.step() over objects of several
         * classes): plain positional calls take the inline path too */
        Func *fn = (Func *)c;
        Code *cc = fn->code;
        int n = A ? oparg + 1 : oparg;
        if (n == cc->argcount && !cc->kwonlycount && !(cc->flags & (CO_VARARGS | CO_VARKW | CO_GENERATOR)))
            CALL_PY_INLINE();
    }
    f->ip = ip;
    Obj *r = A ? mp_call(A, args - 1, oparg + 1, NULL) : mp_call(B, args, oparg, NULL);
    for (int i = 0; i < oparg; i++) decref(args[i]);
    decref(B); xdecref(A);
    sp -= oparg + 2;
    if (!r) ERR();
    PUSH(r);
    NEXTC(2);
}
L_CALL_PY_EXACT: {
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    Obj *c = A ? A : B;
    if (!IS(c, function) || ((Func *)c)->version != CACHE(1)) DEOPT(CALL);
    Func *fn = (Func *)c;
    Code *cc = fn->code;
    int n = A ? oparg + 1 : oparg;
    if (n != cc->argcount) DEOPT(CALL);
    CALL_PY_INLINE();
}
L_CALL_BUILTIN: {
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    Obj *c = A ? A : B;
    if (!IS(c, builtin) || ((Builtin *)c)->self) DEOPT(CALL);
    f->ip = ip;
    Obj *r = A ? ((Builtin *)c)->fn(args - 1, oparg + 1, NULL) : ((Builtin *)c)->fn(args, oparg, NULL);
    for (int i = 0; i < oparg; i++) decref(args[i]);
    decref(B); xdecref(A);
    sp -= oparg + 2;
    if (!r) ERR();
    PUSH(r);
    NEXTC(2);
}
/* l.append(v), LOAD_METHOD_BUILTIN having left list.append and l on the
 * stack: the item goes in without the call of the built-in (its argument
 * check, the None it returns), and the POP_TOP of the statement
 * `l.append(v)` is skipped rather than run on a None pushed for it. */
L_CALL_LIST_APPEND: {
    Obj *m = sp[-3], *l = sp[-2], *v = sp[-1];
    if (!m || !IS(m, builtin) || ((Builtin *)m)->fn != mp_list_m_append || !IS(l, list)) DEOPT(CALL);
    List *L = (List *)l;
    if (__builtin_expect(L->n < L->cap, 1)) L->items[L->n++] = v;   /* the stack's reference */
    else { mp_list_append(l, v); decref(v); }
    sp -= 3;
    decref(l); decref(m);
    if (OPC(ip[2]) == OP_POP_TOP) { ip += 3; DISPATCH(); }
    PUSH(incref(NONE));
    NEXTC(2);
}
/* range(stop), range(start, stop[, step]) with ints in the machine word
 * and a step not 0: the range made here, without the call of the type
 * (argument count check, unwrapping, conversions); anything else deopts
 * to CALL, which raises what range() raises. */
L_CALL_RANGE: {
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    if (A || B != (Obj *)&mp_range_type || !SMALL(args[0]) || (oparg > 1 && !SMALL(args[1]))
        || (oparg > 2 && (!SMALL(args[2]) || IV(args[2]) == 0)))
        DEOPT(CALL);
    int64_t lo = 0, hi, st = 1;
    if (oparg == 1) hi = IV(args[0]);
    else { lo = IV(args[0]); hi = IV(args[1]); if (oparg == 3) st = IV(args[2]); }
    Obj *r = mp_range_new(lo, hi, st);
    if (!r) ERR();
    for (int i = 0; i < oparg; i++) mp_smallint_decref(args[i]);
    sp -= oparg + 2;
    decref(B);
    PUSH(r);
    NEXTC(2);
}
L_CALL_KW: {
    Obj *kw = POP();
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    f->ip = ip;
    Obj *r = A ? mp_call(A, args - 1, oparg + 1, kw) : mp_call(B, args, oparg, kw);
    for (int i = 0; i < oparg; i++) decref(args[i]);
    decref(B); xdecref(A); decref(kw);
    sp -= oparg + 2;
    if (!r) ERR();
    PUSH(r);
    NEXT();
}
L_CALL_EX: {
    Obj *kw = oparg & 1 ? POP() : NULL;
    Obj *argt = POP(), *fn = POP(), *nul = POP();
    f->ip = ip;
    Obj *r = call_ex(fn, argt, kw);
    xdecref(kw); decref(argt); decref(fn); xdecref(nul);
    if (!r) ERR();
    PUSH(r);
    NEXT();
}
L_MAKE_FUNCTION: {
    Obj *code = POP();
    Func *fn = (Func *)mp_func_new((Code *)code, f->globals);
    decref(code);
    if (oparg & MF_CLOSURE) fn->closure = POP();
    if (oparg & MF_KWDEFAULTS) fn->kwdefaults = POP();
    if (oparg & MF_DEFAULTS) fn->defaults = POP();
    PUSH((Obj *)fn);
    NEXT();
}
L_RETURN_VALUE:
    retval = POP();
    if (f->inl == 2) {      /* a generator resumed by FOR_ITER: the loop ends */
        while (sp > f->stack) { Obj *v = POP(); xdecref(v); }
        f->sp = sp; f->ip = ip; f->inl = 0;
        f = f->back;
        mp.frame = f;
        LOAD_FRAME();
        Gen *g_ = (Gen *)TOP();
        g_->running = 0; g_->done = 1; g_->retval = retval;
        mp.depth--;
        decref(POP());
        ip = first + OPARG(ip[-1]);
        DISPATCH();
    }
    if (f->inl) {
        while (sp > f->stack) { Obj *v = POP(); xdecref(v); }
        POP_INLINE_FRAME();
        PUSH(retval);
        ip += 2;            /* past the CALL's caches (CALL_PY_INLINE) */
        DISPATCH();
    }
    goto done;
L_YIELD_VALUE:
    retval = POP();
    if (__builtin_expect(f->nblocks != 0, 0)) mp_note_finalizers();    /* its close() would run code */
    f->yielded = 1;
    f->ip = ip;
    f->sp = sp;
    if (f->inl == 2) goto gen_inline_yield;
    mp.frame = saved_frame;
    return retval;
/* The generator frame f, resumed by its caller's FOR_ITER in this loop,
 * yields retval (f's ip and sp saved): back to the caller with retval
 * pushed, past the FOR_ITER; the exception state of a handler block it
 * yields in is swapped out as gen_resume does. */
gen_inline_yield: {
    Frame *gf_ = f;
    gf_->inl = 0;
    f = gf_->back;
    mp.frame = f;
    LOAD_FRAME();
    Gen *g_ = (Gen *)TOP();
    g_->running = 0;
    mp.depth--;
    gen_exc_out(g_, gf_);
    PUSH(retval);
    ip += 1;                /* past the FOR_ITER's cache */
    DISPATCH();
}
L_YIELD_FROM: {
    Obj *sent = POP(), *rv;
    Obj *it = TOP();
    Obj *v = yield_from_step(it, sent, &rv);
    decref(sent);
    if (v) {
        if (f->nblocks) mp_note_finalizers();
        f->yielded = 1;
        f->ip = ip - 1;
        f->sp = sp;
        if (f->inl == 2) { retval = v; goto gen_inline_yield; }
        mp.frame = saved_frame;
        return v;
    }
    if (!rv) ERR();
    sp[-1] = rv;
    decref(it);
    NEXT();
}
L_RETURN_GENERATOR: NEXT();
L_SETUP_FINALLY: {
    if (f->nblocks >= 24) { mp_err(&mp_exc_SystemError, "too many statically nested blocks"); ERR(); }
    Block *b = &f->blocks[f->nblocks++];
    b->type = B_SETUP; b->handler = oparg; b->level = (int)(sp - f->stack); b->saved = NULL;
    NEXT();
}
L_POP_BLOCK: f->nblocks--; NEXT();
L_POP_EXCEPT: {
    Block *b = &f->blocks[--f->nblocks];
    xdecref(mp.handled);
    mp.handled = b->saved;
    NEXT();
}
L_RERAISE: {
    Obj *e = POP();
    mp.exc = e;
    reraise = 1;
    goto error;
}
L_RAISE: {
    if (oparg == 0) {
        if (!mp.handled || mp.handled == NONE) { mp_err(&mp_exc_RuntimeError, "No active exception to reraise"); ERR(); }
        mp.exc = incref(mp.handled);
        reraise = 1;
        goto error;
    }
    Obj *cause = oparg == 2 ? POP() : NULL;
    Obj *e = POP();
    Obj *x = do_raise(e, cause);
    decref(e); xdecref(cause);
    if (x) mp.exc = x;
    ERR();
}
L_CHECK_EXC_MATCH: {
    Obj *t = POP();
    int r = exc_match(TOP(), t);
    decref(t);
    if (r < 0) ERR();
    PUSH(mp_bool(r));
    NEXT();
}
L_UNPACK_SEQUENCE: {
    Obj *s = POP();
    Obj **nsp = sp;         /* not &sp: that would keep sp in memory in the whole loop */
    Obj *r = unpack(s, oparg, &nsp);
    sp = nsp;
    decref(s);
    if (!r) ERR();
    NEXTC(1);
}
L_UNPACK_EX: {
    Obj *s = POP();
    Obj **nsp = sp;
    Obj *r = unpack_ex(s, oparg & 0xff, oparg >> 8, &nsp);
    sp = nsp;
    decref(s);
    if (!r) ERR();
    NEXT();
}
L_IMPORT_NAME: {
    f->ip = ip;
    Obj *m = mp_import(names[oparg]);
    if (!m) ERR();
    PUSH(m);
    NEXT();
}
L_IMPORT_FROM: {
    Obj *v = import_from(TOP(), names[oparg]);
    if (!v) ERR();
    PUSH(v);
    NEXT();
}
L_IMPORT_STAR: {
    Obj *m = POP();
    int r = import_star(m, f->locals ? f->locals : f->globals);
    decref(m);
    if (r < 0) ERR();
    NEXT();
}
L_BUILD_CLASS: {
    Obj *bases = POP(), *qn = POP(), *fn = POP();
    f->ip = ip;
    Obj *cls = build_class(fn, qn, bases);
    decref(bases); decref(qn); decref(fn);
    if (!cls) ERR();
    PUSH(cls);
    NEXT();
}
L_LOAD_ASSERTION_ERROR: PUSH(incref((Obj *)&mp_exc_AssertionError)); NEXT();
L_WITH_ENTER: {
    /* after the SETUP_FINALLY of the with's handler (compile.c,
     * with_stmt), whose block a failing __enter__ drops */
    Obj *ctx = TOP();
    Obj *en = mp_getattr(ctx, mp.s___enter__);
    if (!en) {
        if (mp_err_matches(&mp_exc_AttributeError)) {
            mp_err_clear();
            mp_err(&mp_exc_TypeError, "'%s' object does not support the context manager protocol", mp_type_name(ctx));
        }
        f->nblocks--;
        ERR();
    }
    Obj *r = mp_call0(en);
    decref(en);
    if (!r) { f->nblocks--; ERR(); }
    PUSH(r);
    NEXT();
}
L_WITH_EXIT: {
    Obj *ctx = POP();
    Obj *r = call_exit(ctx, NULL);
    decref(ctx);
    if (!r) ERR();
    decref(r);
    NEXT();
}
L_WITH_EXCEPT: {
    Obj *r = call_exit(SECOND(), TOP());
    if (!r) ERR();
    int t = mp_truthy(r);
    decref(r);
    PUSH(mp_bool(t > 0));
    NEXT();
}

error:
    if (!mp.exc) mp_err(&mp_exc_SystemError, "error return without exception set");
    if (!reraise) {
        mp_tb_add(mp.exc, co, mp_code_line(co, ip - 1));
        Exc *e = (Exc *)mp.exc;
        if (!e->context && mp.handled && mp.handled != mp.exc && mp.handled != NONE)
            e->context = incref(mp.handled);
    }
    reraise = 0;
    while (f->nblocks > 0) {
        Block *b = &f->blocks[--f->nblocks];
        Obj **lvl = f->stack + b->level;
        while (sp > lvl) { Obj *v = POP(); xdecref(v); }
        if (b->type == B_HANDLER) {
            xdecref(mp.handled);
            mp.handled = b->saved;
            continue;
        }
        Obj *exc = mp.exc;
        mp.exc = NULL;
        Block *h = &f->blocks[f->nblocks++];
        h->type = B_HANDLER; h->level = (int)(sp - f->stack); h->saved = mp.handled;
        mp.handled = incref(exc);
        PUSH(exc);
        ip = first + b->handler;
        DISPATCH();
    }
    while (sp > f->stack) { Obj *v = POP(); xdecref(v); }
    if (f->inl == 2) {      /* a generator resumed by FOR_ITER: raised there */
        f->sp = sp; f->ip = ip; f->inl = 0;
        f = f->back;
        mp.frame = f;
        LOAD_FRAME();
        Gen *g_ = (Gen *)TOP();
        g_->running = 0; g_->done = 1;
        mp.depth--;
        gen_stop_to_runtime();
        goto error;
    }
    if (f->inl) {           /* raised at the CALL in the caller */
        POP_INLINE_FRAME();
        goto error;
    }
    retval = NULL;
done:
    while (sp > f->stack) { Obj *v = POP(); xdecref(v); }
    f->sp = sp;
    f->ip = ip;
    mp.frame = saved_frame;
    return retval;
}

#undef co
#undef first
#undef consts
#undef names

/* The instructions' own functions, for the JIT's helpers (jit/jit_helpers.c). */
Obj *mp_eval_format_value(Obj *v, int conv, Obj *spec) { return format_value(v, conv, spec); }
Obj *mp_eval_unpack_ex(Obj *seq, int before, int after, Obj **out)
{
    return unpack_ex(seq, before, after, &out);
}
