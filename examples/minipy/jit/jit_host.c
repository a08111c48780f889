/* jit/jit_host.c -- minipy's libjitcore host: the runtime's life, the
 * jc_host callbacks (code info, frames at exits, installation, object
 * lifetime), the loop-head hook of the dispatch loop and the invalidation
 * hooks.  Lowering is in jit_lower.c, the helper table in jit_helpers.c.
 *
 * Exits.  The runtime restores a frame by calling write_slot for every slot
 * the trace changed and then set_pc.  Only set_pc knows the resume pc, and
 * so the stack depth that says which slots are live: a trace also lists
 * temporaries it pushed and popped, which must not become references in
 * the dead part of the value stack.  So write_slot only records the raw
 * value, and set_pc boxes the live ones (new references), stores them and
 * then drops the references the frame held before (never before all new
 * values are stored: the old value of one slot may be the only owner of an
 * object another slot now borrows).  Stack slots above the depth the trace
 * was entered with hold stale pointers in memory, which are overwritten
 * without a decref. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "jit_internal.h"

/* judge_later (below); MINIPY_JIT_JUDGE_LATER=0 turns it off. */
static int mpj_judge_later_on = 1;
/* The re-arm after a drop at a branch guard (mp_jit_loop_head): off
 * unless MINIPY_JIT_RETRACE=1 (README, "Tracing a loop again"). */
static int mpj_retrace_on = 0;
uint64_t mpj_retraces;
uint64_t mpj_branch_side_loops;
/* while_too_short (below); MINIPY_JIT_EXIT_JUDGE=0 turns it off. */
static int mpj_exit_judge_on = 1;

MpJitConfig mp_jit_config = { 1, 0, 0, 0, NULL, NULL };
int mp_jit_active;
uint64_t mp_jit_quiet_jumps;
jc_runtime *mpj_rt;
_Bool mpj_invalidated;
static unsigned mpj_log_mask;

static void mpj_log(const char *fmt, const char *a, const char *b)
{
    if (mpj_log_mask) {
        fflush(stdout);
        fprintf(stderr, "minipy-jit: ");
        fprintf(stderr, fmt, a, b);
        fprintf(stderr, "\n");
    }
}

int mp_jit_parse_log(const char *spec)
{
    static const struct { const char *name; unsigned bit; } cats[] = {
#define C(n, s, bit) { s, 1u << (bit) },
        JC_LOG_TABLE(C)
#undef C
    };
    unsigned mask = 0;
    const char *p = spec;
    while (*p) {
        size_t n = strcspn(p, ",+");
        int ok = 0;
        if (n == 3 && !strncmp(p, "all", 3)) { mask |= JC_LOG_ALL; ok = 1; }
        for (size_t i = 0; !ok && i < sizeof cats / sizeof cats[0]; i++)
            if (strlen(cats[i].name) == n && !strncmp(p, cats[i].name, n)) { mask |= cats[i].bit; ok = 1; }
        if (!ok && n) {
            fprintf(stderr, "minipy: unknown --jit-log category '%.*s' (known: ir, trace, exit, compile, abort, hot, all)\n",
                    (int)n, p);
            return -1;
        }
        p += n;
        if (*p) p++;
    }
    mpj_log_mask = mask;
    return 0;
}

/* ---------------------------------------------------------------- side table */

MpJitCode *mpj_code(Code *co)
{
    MpJitCode *jc = co->jit;
    if (jc) return jc;
    jc = calloc(1, sizeof *jc);
    if (!jc) return NULL;
    jc->counters = calloc((size_t)co->ncode, sizeof *jc->counters);
    jc->traces = calloc((size_t)co->ncode, sizeof *jc->traces);
    jc->depth = malloc(sizeof *jc->depth * (size_t)co->ncode);
    jc->entries = calloc((size_t)co->ncode, sizeof *jc->entries);
    jc->iters = calloc((size_t)co->ncode, sizeof *jc->iters);
    jc->dead = calloc((size_t)co->ncode, 1);
    jc->marker = calloc((size_t)co->ncode, 1);
    jc->probe = calloc((size_t)co->ncode, sizeof *jc->probe);
    if (!jc->counters || !jc->traces || !jc->depth || !jc->entries || !jc->iters || !jc->dead
        || !jc->probe || !jc->marker) {
        free(jc->counters); free(jc->traces); free(jc->depth);
        free(jc->entries); free(jc->iters); free(jc->dead); free(jc->probe); free(jc->marker); free(jc);
        return NULL;
    }
    for (int i = 0; i < co->ncode; i++) {
        jc->depth[i] = -1;
        jc_counter_init(mpj_rt, &jc->counters[i], JC_HOT_LOOP);
    }
    co->jit = jc;
    return jc;
}

void mp_jit_code_free(Code *co)
{
    MpJitCode *jc = co->jit;
    if (!jc) return;
    free(jc->counters); free(jc->traces); free(jc->depth);
    free(jc->entries); free(jc->iters); free(jc->dead); free(jc->marker); free(jc);
    co->jit = NULL;
}

/* ---------------------------------------------------------------- callbacks */

static int code_info(void *ud, const void *code, jc_code_info *out)
{
    (void)ud;
    const Code *co = code;
    out->name = SS(co->qualname);
    out->file = SS(co->filename);
    out->first_line = co->firstline;
    out->bytecode_len = (uint32_t)co->ncode;
    return 0;
}

static int32_t line_of(void *ud, const void *code, uint32_t pc)
{
    (void)ud;
    const Code *co = code;
    return pc < (uint32_t)co->ncode ? co->lines[pc] : -1;
}

static void disasm(void *ud, const void *code, uint32_t pc, char *buf, size_t len)
{
    (void)ud;
    const Code *co = code;
    if (pc >= (uint32_t)co->ncode) { snprintf(buf, len, "%s:%u <end>", SS(co->qualname), pc); return; }
    /* A CALL's first cache unit is the return pc of an inlined call
     * (jit_lower.c): say so rather than decode it. */
    uint32_t start = 0;
    while (start + 1 + OPNC(co->code[start]) <= pc) start += 1 + OPNC(co->code[start]);
    if (start != pc) {
        snprintf(buf, len, "%s:%u (return into the CALL at %u, line %d)", SS(co->qualname), pc, start,
                 co->lines[pc]);
        return;
    }
    uint32_t u = co->code[pc];
    snprintf(buf, len, "%s:%u %s %u (line %d)", SS(co->qualname), pc, mp_opnames[OPC(u)], OPARG(u), co->lines[pc]);
}

/* The instruction's own code units: opcode, then its inline cache. */
static const void *ic_data(void *ud, const void *code, uint32_t pc)
{
    (void)ud;
    const Code *co = code;
    return pc < (uint32_t)co->ncode ? &co->code[pc] : NULL;
}

/* The exit being restored: which frame, how much of its stack was valid
 * memory when the trace was entered, and the writes set_pc will apply. */
typedef struct { uint32_t slot, type; uint64_t raw; } Pending;
/* A frame push_frame materialised: its caller's CALL (at call_pc, whose
 * stack entries start at caller slot base) waits for its result. */
typedef struct { Frame *f; uint32_t base, call_pc; } Link;
typedef struct {
    Frame *f;               /* the frame being restored (the innermost) */
    Link *chain;            /* frames materialised so far, outermost first */
    uint32_t nchain, chain_cap;
    Link chain_inline[8];
    uint32_t nvalid;        /* lp[0 .. nvalid-1] held owned values at entry */
    Pending *w;             /* inline[] until it overflows to the heap */
    uint32_t nw, cap;
    Pending inline_w[32];
    /* The parking lot: the level when this jc_trace_enter began (mark),
     * and the level at the end of the last restore that completed, when
     * no push_frame followed it (settled; SIZE_MAX: none since). */
    size_t mark, settled;
} Restore;
static Restore *cur_restore;

/* A restore of frame f about to run a trace (or go on from a self-call's
 * exit): nothing materialised or pending yet, f's slots and stack valid,
 * mark the parking lot's level it starts from. */
static void restore_init(Restore *r, Frame *f, size_t mark)
{
    r->f = f;
    r->chain = r->chain_inline;
    r->nchain = 0;
    r->chain_cap = sizeof r->chain_inline / sizeof r->chain_inline[0];
    r->nvalid = mpj_nfixed(f->code) + (uint32_t)(f->sp - f->stack);
    r->w = r->inline_w;
    r->nw = 0;
    r->cap = sizeof r->inline_w / sizeof r->inline_w[0];
    r->mark = mark;
    r->settled = SIZE_MAX;
}

/* A full parking lot (helpers park every reference they create or
 * replace; jit_helpers.c) makes the next helper fail and the trace exit,
 * which on a long chain of traces linked through side traces (a loop
 * whose iterations go root -> side -> root inside one jc_trace_enter)
 * used to happen every thousand references, with inlined frames
 * materialised.  But a restore that completed (set_pc of the innermost
 * frame, no push_frame after it) leaves every value the traces had in
 * frames that own it: the trace that runs next (a side trace, or the
 * trace a link exit enters) reads objects only from frames, containers
 * and its constants, never from the lot.  So the references parked
 * before that point are needed only by objects nothing else owns, and
 * those are just garbage: mpj_park_room calls this when the lot is full,
 * and the references of [mark, settled) are dropped where that runs no
 * code (jit_helpers.c, mpj_park_drop_range). */
size_t mpj_park_base_mark;      /* cur_restore ? cur_restore->mark : 0 */
size_t mpj_park_base(void) { return mpj_park_base_mark; }

void mpj_park_reclaim(void)
{
    Restore *r = cur_restore;
    if (!r || r->settled == SIZE_MAX || r->settled <= r->mark) return;
    r->settled = mpj_park_drop_range(r->mark, r->settled);
}

Frame *mpj_restoring_frame(void) { return cur_restore ? cur_restore->f : NULL; }

/* When mp_finalizers_possible becomes 1 while traces run (a helper made
 * a class with __del__, or suspended a generator in a try block), the
 * parking lot and the frame slots that the running traces rebound hold
 * objects CPython dropped already, when no release could run code:
 * dropped now, when finalizers exist, they would run a __del__ that
 * CPython never ran (tests/minipy/deopt_del_late.py).  fin_flip is the
 * lot's level at that moment (SIZE_MAX: none pending): until the
 * outermost jc_trace_enter returns, exits drop what they replace, and the
 * lot below that level is released, with finalizers off, as the
 * interpreter would have released those objects before.  (An object that
 * CPython drops in the rest of that instruction, after the change, is
 * released without its finalizer too: the trace cannot tell it apart.) */
static size_t fin_flip = SIZE_MAX;

static inline void drop_slots(Frame *f, uint32_t from, uint32_t to, Obj **old, uint32_t nold)
{
    for (uint32_t s = from; s < to; s++) { xdecref(f->lp[s]); f->lp[s] = NULL; }
    for (uint32_t i = 0; i < nold; i++) xdecref(old[i]);
}

static __attribute__((noinline)) void drop_slots_quiet(Frame *f, uint32_t from, uint32_t to, Obj **old, uint32_t nold)
{
    int saved = mp.no_finalizers;
    mp.no_finalizers = 1;
    drop_slots(f, from, to, old, nold);
    mp.no_finalizers = saved;
}

/* An exit drops the slots the trace consumed and the values it replaced
 * (every exit: this is on the path of each one). */
static inline void drop_replaced(Frame *f, uint32_t from, uint32_t to, Obj **old, uint32_t nold)
{
    if (__builtin_expect(fin_flip != SIZE_MAX, 0)) drop_slots_quiet(f, from, to, old, nold);
    else drop_slots(f, from, to, old, nold);
}

/* Release the lot down to mark (enter, when jc_trace_enter returned). */
static void release_lot(size_t mark)
{
    if (fin_flip != SIZE_MAX && fin_flip > mark) {
        mpj_release_parked(fin_flip);       /* parked since: as usual */
        int saved = mp.no_finalizers;
        mp.no_finalizers = 1;
        mpj_release_parked(mark);
        mp.no_finalizers = saved;
        fin_flip = mark;
    } else mpj_release_parked(mark);
    if (mark == 0) fin_flip = SIZE_MAX;
}

static int write_slot(void *ud, void *frame, uint32_t slot, uint32_t type, uint64_t raw)
{
    (void)ud;
    Restore *r = cur_restore;
    if (!r || frame != r->f) return -1;
    Code *co = r->f->code;
    if (slot >= mpj_nfixed(co) + (uint32_t)co->stacksize) return -1;
    if (r->nw == r->cap) {
        uint32_t n = 2 * r->cap;
        Pending *p = r->w == r->inline_w ? malloc(n * sizeof *p) : realloc(r->w, n * sizeof *p);
        if (!p) return -1;
        if (r->w == r->inline_w) memcpy(p, r->inline_w, sizeof r->inline_w);
        r->w = p; r->cap = n;
    }
    r->w[r->nw++] = (Pending){ slot, type, raw };
    return 0;
}

/* A copy_slot entry in the pending list: raw is the index of the entry
 * whose value the slot shares (not a jc_type). */
#define MPJ_PENDING_COPY 0xffffu

/* Slot dst gets the value of the latest write to slot src in this restore
 * (libjitcore: the trace held one number in both): set_pc boxes it once. */
static int copy_slot(void *ud, void *frame, uint32_t dst, uint32_t src)
{
    Restore *r = cur_restore;
    if (!r || frame != r->f) return -1;
    uint32_t i = r->nw;
    while (i > 0 && r->w[i - 1].slot != src) i--;
    if (i == 0) return -1;
    if (r->w[i - 1].type == MPJ_PENDING_COPY) i = (uint32_t)r->w[i - 1].raw + 1;
    if (write_slot(ud, frame, dst, MPJ_PENDING_COPY, i - 1) != 0) return -1;
    return 0;
}

static Obj *box(uint32_t type, uint64_t raw)
{
    switch (type) {
    case JC_TYPE_I64: return mp_int((int64_t)raw);
    case JC_TYPE_F64: { double d; memcpy(&d, &raw, sizeof d); return mp_float(d); }
    case JC_TYPE_BOOL: return mp_bool(raw != 0);
    case JC_TYPE_PTR: return xincref((Obj *)(uintptr_t)raw);
    default: return NULL;
    }
}

static int set_pc(void *ud, void *frame, uint32_t pc)
{
    (void)ud;
    mpj_dict_hint_clear();      /* this restore may free what a trace held */
    Restore *r = cur_restore;
    if (!r || frame != r->f) return -1;
    Frame *f = r->f;
    Code *co = f->code;
    MpJitCode *jc = co->jit;
    if (!jc || pc >= (uint32_t)co->ncode || jc->depth[pc] < 0) return -1;
    uint32_t nfix = mpj_nfixed(co), live = nfix + (uint32_t)jc->depth[pc];
    Obj *old[r->nw ? r->nw : 1];
    uint32_t nold = 0;
    /* Stack slots between the valid part and the new depth hold stale
     * pointers; those this restore does not write become NULL.  A full
     * restore writes them all, but before a side trace with a raw entry
     * libjitcore writes only the objects (its numbers stay unboxed in the
     * side trace), and a later restore must not take a stale pointer for
     * a reference to drop. */
    for (uint32_t s = r->nvalid; s < live; s++) f->lp[s] = NULL;
    /* A copy (copy_slot) shares the object stored for the entry it names;
     * when that entry's own slot is dead, its box is made here and held in
     * shared[] until the end (the reference no slot took). */
    Obj *shared[r->nw ? r->nw : 1];
    memset(shared, 0, sizeof shared);
    int any_shared = 0;
    for (uint32_t i = 0; i < r->nw; i++) {
        Pending *p = &r->w[i];
        if (p->slot >= live) continue;
        Obj *v;
        if (p->type == MPJ_PENDING_COPY) {
            uint32_t k = (uint32_t)p->raw;
            Pending *q = &r->w[k];
            if (q->slot < live) v = xincref(f->lp[q->slot]);
            else {
                if (!shared[k] && !(shared[k] = box(q->type, q->raw))) return -1;
                any_shared = 1;
                v = xincref(shared[k]);
            }
        } else {
            v = box(p->type, p->raw);
            if (!v && p->type != JC_TYPE_PTR) return -1;
        }
        if (p->slot < r->nvalid) old[nold++] = f->lp[p->slot];
        f->lp[p->slot] = v;
    }
    for (uint32_t i = 0; any_shared && i < r->nw; i++) xdecref(shared[i]);
    /* Stack entries the trace consumed below its entry depth. */
    drop_replaced(f, live, r->nvalid, old, nold);
    r->nw = 0;
    r->nvalid = live;
    f->ip = co->code + pc;
    f->sp = f->stack + jc->depth[pc];
    r->settled = mpj_parked_mark();     /* unless a push_frame follows */
    return 0;
}

/* libjitcore's one-call restore: the frame's slots of an exit and its pc,
 * stored straight into the frame -- what write_slot for each slot, then
 * set_pc, do through the pending list, without it.  The same rules: stack
 * slots between the valid part and the new depth that are not written
 * become NULL; slots at or above the new depth are not written (and those
 * of the valid part there are dropped: the trace consumed them); the
 * values replaced are dropped only after every store (dropping one may
 * run code, or free an object another entry borrows).  An entry with
 * same_as gets the object of that entry: the one in its slot, or, when
 * that slot is dead here, one box shared by all its copies.  With
 * JC_RESTORE_PTRS_ONLY (before a raw side trace) only the objects are
 * stored. */
static int restore_frame(void *ud, void *frame, uint32_t pc, const jc_exit_slot *slots, uint32_t n,
                         const uint64_t *buf, uint32_t flags)
{
    (void)ud;
    Restore *r = cur_restore;
    if (!r || frame != r->f || r->nw != 0) return -1;
    Frame *f = r->f;
    Code *co = f->code;
    MpJitCode *jc = co->jit;
    if (!jc || pc >= (uint32_t)co->ncode || jc->depth[pc] < 0) return -1;
    uint32_t nfix = mpj_nfixed(co), live = nfix + (uint32_t)jc->depth[pc];
    uint32_t lim = nfix + (uint32_t)co->stacksize;
    /* 64: a link exit of a loop nest's side trace lists some 30 slots
     * (nbody), and a malloc per restore cost more than the restore. */
    Obj *old_inline[64], **old = old_inline;
    if (n > 64 && !(old = malloc(n * sizeof *old))) return -1;
    uint32_t nold = 0;
    for (uint32_t s = r->nvalid; s < live; s++) f->lp[s] = NULL;
    Obj *shared = NULL;         /* a dead slot's box its copies share */
    uint32_t shared_of = UINT32_MAX;
    int ptrs_only = (flags & JC_RESTORE_PTRS_ONLY) != 0;
    for (uint32_t i = 0; i < n; i++) {
        const jc_exit_slot *e = &slots[i];
        if (e->slot >= lim) goto fail;
        if (e->slot >= live || (ptrs_only && e->type != JC_TYPE_PTR)) continue;
        Obj *v;
        if (e->same_as != JC_EXIT_NOT_SAME && e->same_as < i && !ptrs_only) {
            const jc_exit_slot *q = &slots[e->same_as];
            if (q->slot < live) v = xincref(f->lp[q->slot]);
            else {
                if (shared_of != e->same_as) {
                    /* Copies of two different dead slots: rare enough to
                     * drop the first box (its copies own it already). */
                    xdecref(shared);
                    shared = box(q->type, q->from_buf ? buf[q->src] : q->constant);
                    if (!shared) goto fail;
                    shared_of = e->same_as;
                }
                v = incref(shared);
            }
        } else {
            v = box(e->type, e->from_buf ? buf[e->src] : e->constant);
            if (!v && e->type != JC_TYPE_PTR) goto fail;
        }
        if (e->slot < r->nvalid) old[nold++] = f->lp[e->slot];
        f->lp[e->slot] = v;
    }
    xdecref(shared);
    drop_replaced(f, live, r->nvalid, old, nold);
    if (old != old_inline) free(old);
    r->nvalid = live;
    f->ip = co->code + pc;
    f->sp = f->stack + jc->depth[pc];
    r->settled = mpj_parked_mark();     /* unless a push_frame follows */
    return 0;
fail:                           /* a host error: the runtime stops */
    if (old != old_inline) free(old);
    return -1;
}

/* The frame of an inlined call, as the interpreter's CALL_PY_EXACT makes
 * it: the caller's pc is its CALL's first cache unit (the return pc the
 * lowering gave the inlined call, see jit_lower.c), where set_pc left the
 * callable and the arguments on its stack; the arguments move (with their
 * references) into the new frame, then the defaults and closure cells the
 * call adds.  mp.depth already counts the call (the trace counted it). */
static void *push_frame(void *ud, void *caller, const void *code, uint32_t arg_base, uint32_t nargs)
{
    (void)ud;
    Restore *r = cur_restore;
    Frame *cf = caller;
    Code *cc = (Code *)code, *co = cf ? cf->code : NULL;
    if (!r || cf != r->f) return NULL;
    r->settled = SIZE_MAX;      /* this restore goes on */
    int64_t pc = cf->ip - co->code;
    if (pc < 1 || pc >= co->ncode) return NULL;
    uint32_t call_pc = (uint32_t)pc - 1, u = co->code[call_pc];
    if (mp_opfamily[OPC(u)] != OP_CALL) return NULL;
    uint32_t top = arg_base + nargs, n = OPARG(u);
    if (cf->sp != cf->lp + top || top < n + 2) return NULL;
    uint32_t base = top - n - 2;
    Obj *A = cf->lp[base], *B = cf->lp[base + 1];
    Func *fn = (Func *)(A ? A : B);
    /* fn->code may be other code by now: an assignment to __code__ while
     * this call ran (its frame keeps the code it was called with). */
    if (!fn || !IS(fn, function) || arg_base != base + (A ? 1u : 2u)) return NULL;
    int ac = cc->argcount, nd = fn->defaults ? (int)TN(fn->defaults) : 0;
    if ((int)nargs > ac || (int)nargs < ac - nd || cc->ncells) return NULL;
    if (cc->nfree && (!fn->closure || TN(fn->closure) != cc->nfree)) return NULL;
    if (r->nchain == r->chain_cap) {
        uint32_t m = 2 * r->chain_cap;
        Link *l = r->chain == r->chain_inline ? malloc(m * sizeof *l) : realloc(r->chain, m * sizeof *l);
        if (!l) return NULL;
        if (r->chain == r->chain_inline) memcpy(l, r->chain_inline, sizeof r->chain_inline);
        r->chain = l;
        r->chain_cap = m;
    }
    Frame *nf = mp_frame_new(cc, fn, fn->globals, NULL);
    if (!nf) return NULL;
    memcpy(nf->lp, cf->lp + arg_base, sizeof(Obj *) * nargs);     /* the references move */
    memset(cf->lp + arg_base, 0, sizeof(Obj *) * nargs);
    cf->sp = cf->lp + arg_base;
    for (int i = (int)nargs; i < ac; i++) nf->lp[i] = incref(TITEMS(fn->defaults)[i - (ac - nd)]);
    for (int i = 0; i < cc->nfree; i++)
        nf->lp[cc->nlocals + cc->ncells + i] = incref(TITEMS(fn->closure)[i]);
    r->chain[r->nchain++] = (Link){ nf, base, call_pc };
    /* Later write_slot / set_pc calls are for the new frame: the caller is
     * complete (its set_pc came first). */
    r->f = nf;
    r->nvalid = mpj_nfixed(cc);
    r->nw = 0;
    return nf;
}

/* The head at pc may fire or has a trace again: its back edges that
 * became JUMP_QUIET while it was quiet (ceval.c, JUMP) test it again. */
static void arm_back_edges(Code *co, uint32_t pc)
{
    for (int q = 0; q < co->ncode; q += 1 + (int)OPNC(co->code[q]))
        if (OPC(co->code[q]) == OP_JUMP_QUIET && OPARG(co->code[q]) == pc) co->code[q] = MKOP(OP_JUMP, pc);
}

/* A head refused before (for good, perhaps: dead) that may be traced
 * now (a short root, mpj_sel_short_roots): count again from the start. */
void mpj_revive_head(Code *co, uint32_t pc)
{
    MpJitCode *jc = co->jit;
    if (!jc || pc >= (uint32_t)co->ncode || jc->traces[pc]) return;
    jc->dead[pc] = 0;
    jc->probe[pc].refused = 0;
    jc->entries[pc] = jc->iters[pc] = 0;
    jc_counter_init(mpj_rt, &jc->counters[pc], JC_HOT_LOOP);
    arm_back_edges(co, pc);
}

static int install(void *ud, const void *code, uint32_t pc, jc_trace *t)
{
    (void)ud;
    Code *co = (Code *)code;
    MpJitCode *jc = mpj_code(co);
    if (!jc || pc >= (uint32_t)co->ncode) return 1;
    jc->traces[pc] = t;
    arm_back_edges(co, pc);
    jc->entries[pc] = jc->iters[pc] = 0;    /* from now on the trace's own */
    jc->probe[pc].nside = jc->probe[pc].postponed = 0;
    jc->probe[pc].warm_taken = 0;
    jc->probe[pc].judged_entries = jc->probe[pc].judged_iters = 0;
    jc->probe[pc].check = 0;
    jc->probe[pc].same = jc->probe[pc].last_exit = 0;
    jc->probe[pc].same_branch = jc->probe[pc].last_branch = jc->probe[pc].any_branch = 0;
    jc->probe[pc].hops = jc->probe[pc].hop_iters = 0;
    incref((Obj *)co);          /* the head stays valid while the trace lives */
    if (pc == 0 && jc->fn == MPJ_FN_YES) {
        co->jit_ftick = 1;      /* every entry runs it (mp_jit_func_entry) */
        jc->fentries = jc->fdone = 0;
    }
    return 0;
}

static void uninstall(void *ud, const void *code, uint32_t pc, jc_trace *t)
{
    (void)ud;
    Code *co = (Code *)code;
    MpJitCode *jc = co->jit;
    if (jc && pc < (uint32_t)co->ncode && jc->traces[pc] == t) {
        jc->traces[pc] = NULL;
        jc->entries[pc] = jc->iters[pc] = 0;
        /* Count again from the start: the head may get a new trace; a dead
         * head stays quiet. */
        if (jc->dead[pc]) jc->counters[pc].count = 0;
        else {
            jc_counter_init(mpj_rt, &jc->counters[pc], JC_HOT_LOOP);
            arm_back_edges(co, pc);
        }
        if (pc == 0 && jc->fn == MPJ_FN_YES) {
            if (jc->dead[0]) { jc->fcounter.count = 0; co->jit_ftick = 0; }
            else {
                jc_counter_init(mpj_rt, &jc->fcounter, JC_HOT_FUNC);
                co->jit_ftick = jc->fcounter.count;
            }
        }
    }
    decref((Obj *)co);
}

static void retain(void *ud, void *obj) { (void)ud; incref(obj); }
static void release(void *ud, void *obj) { (void)ud; decref(obj); }

/* ---------------------------------------------------------------- life */

static void disable(const char *why)
{
    if (!mp_jit_active) return;
    mp_jit_active = 0;
    mpj_log("the JIT is off for the rest of the run: %s%s", why,
            mpj_rt ? jc_runtime_error_message(mpj_rt) : "");
}

void mp_jit_init(void)
{
    if (!mp_jit_config.on) return;
    jc_host h = JC_HOST_INIT;
    h.code_info = code_info;
    h.line_of = line_of;
    h.disasm = disasm;
    h.ic_data = ic_data;
    h.lower = mpj_lower_step;
    h.load_slot = mpj_load_slot;
    h.write_slot = write_slot;
    h.copy_slot = copy_slot;
    h.set_pc = set_pc;
    /* Exits restore each frame in one call (libjitcore's optional
     * restore); MINIPY_JIT_RESTORE=0 goes back to a call per slot, for
     * comparing the two. */
    { const char *e = getenv("MINIPY_JIT_RESTORE"); if (!e || *e != '0') h.restore = restore_frame; }
    h.push_frame = push_frame;
    /* A raw side trace takes its parent exit's objects from the exit
     * buffer (JITCORE_OPTIONS=side_raw_ptrs=0 turns it off). */
    h.seed_ptr = mpj_seed_ptr;
    h.install = install;
    h.uninstall = uninstall;
    h.retain = retain;
    h.release = release;
    h.helpers = mpj_helpers;
    h.nhelpers = MPJ_H_COUNT;
    h.helper_writes = mpj_helper_writes;
    jc_options o;
    jc_options_init(&o);
    /* A compile costs ~50-200 ms of CPU (libgccjit runs the assembler and
     * linker; in the background by default, but the machine may have few
     * cores), so by default only loops that have run a few thousand
     * iterations get one, and an exit must be taken often before it gets a
     * side trace.  --jit-threshold=N sets both. */
    o.loop_threshold = o.func_threshold = MPJ_DEFAULT_THRESHOLD;
    o.side_threshold = MPJ_DEFAULT_SIDE_THRESHOLD;
    /* GCC at -O1: the compile is on the critical path of a short loop (it
     * is interpreted until the trace arrives) and -O1 costs about a fifth
     * less than -O2 (int_loop's trace: 31 against 39 ms of CPU, driver,
     * as and ld included), while the loops run as fast: libjitcore's own
     * passes do the loop work (invariants, cells, ranges) that would need
     * -O2 otherwise.  JITCORE_OPTIONS=opt=2 goes back. */
    o.opt_level = 1;
    /* --jit-cache=DIR (JITCORE_DISK_CACHE still overrides it). */
    o.disk_cache_dir = mp_jit_config.cache;
    /* Raw links (libjitcore 1.7): a branchy loop's side traces link back
     * into a raw copy of the loop instead of restoring the frame for the
     * root (README, "Raw links").  Off unless MINIPY_JIT_RAW_LINKS=1 (or
     * JITCORE_OPTIONS=side_link_raw=1): the copy's tree doubles the
     * compiles, which on the bench programs arrive too late to pay. */
    { const char *e = getenv("MINIPY_JIT_RAW_LINKS"); o.side_link_raw = e && *e && *e != '0'; }
    if (mp_jit_config.threshold > 0) {
        long t = mp_jit_config.threshold > 65535 ? 65535 : mp_jit_config.threshold;
        o.loop_threshold = o.func_threshold = o.side_threshold = (uint32_t)t;
    }
    /* Background compiles (the library's default) unless --jit-sync: the
     * interpreter never waits, traces are installed at safe points (the
     * back edges below poll for them). */
    o.sync = mp_jit_config.sync ? 1 : 0;
    o.log = mpj_log_mask;
    /* libjitcore's payback rule (README, "Payback"): a loop whose trace
     * would mostly call the interpreter's generic paths (the helpers
     * flagged GENERIC: calls of functions it cannot inline, generators,
     * generic operators) is not compiled.  Like the judges before the
     * compile, off with --jit-threshold below MPJ_PRE_JUDGE_ENTRIES (the
     * forced-hot tests compile everything); MINIPY_JIT_PAYBACK=0 turns it
     * off, =1 keeps it on there too. */
    {
        const char *e = getenv("MINIPY_JIT_PAYBACK");
        if (e && *e == '0') o.payback_ratio = 0;
        else if (!(e && *e) && mp_jit_config.threshold > 0 && mp_jit_config.threshold < MPJ_PRE_JUDGE_ENTRIES)
            o.payback_ratio = 0;
    }
    { const char *e = getenv("MINIPY_JIT_JUDGE_LATER"); mpj_judge_later_on = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_RETRACE"); mpj_retrace_on = e && *e && *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_UNROLL"); if (e && *e) mpj_unroll_max = atoi(e); }
    { const char *e = getenv("MINIPY_JIT_BRANCH_JUDGE"); mpj_branch_judge = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_BRANCH_SIDES"); mpj_branch_sides = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_EXIT_JUDGE"); mpj_exit_judge_on = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_BRANCH_CHAINS"); mpj_branch_chains = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_REC_LOOPS"); mpj_rec_loops = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_BIGINT_JUDGE"); mpj_bigint_judge = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_ITEM_FACTS"); mpj_item_facts = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_PURE_RANGE"); mpj_pure_range = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_SHORT_ROOTS"); mpj_short_roots = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_INLINE_FILTER"); mp_jit_inline_filter = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_DICT_GET"); mpj_dict_get = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_DICT_STORE"); mpj_dict_store = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_GLOBAL_STORE"); mpj_global_store = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_FULL_LOT_REFUSE"); mpj_full_lot_refuse = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_DEAD_SLOTS"); mpj_dead_slots_on = !e || *e != '0'; }
    { const char *e = getenv("MINIPY_JIT_LIST_APPEND"); mpj_list_append_on = !e || *e != '0'; }
    /* Inner heads (libjitcore's README, "Inner heads"): a function-entry
     * or outer loop trace that comes back to an inner loop's head ends
     * with an exit there, linked to the inner loop's trace once it has
     * one, when at least MPJ_FN_MIN_INSNS instructions came before the
     * head: the work a function trace must do before its return to pay
     * for its entry and exit (the library's default, 24, made traces here
     * that cost more than they saved: the exit boxes what it writes back;
     * sort_algos' insertion, 25 instructions before its `while`, ran 0.7%
     * more instructions on the interpreter's thread).
     * MINIPY_JIT_INNER_EXIT=0 turns it off (the walk aborts, as before). */
    o.inner_exit_min_insns = MPJ_FN_MIN_INSNS;
    { const char *e = getenv("MINIPY_JIT_INNER_EXIT"); if (e && *e == '0') o.inner_exit_min_insns = 0; }
    mpj_rt = jc_runtime_new(&h, &o);
    mp_jit_active = 1;
    mpj_inner_exit_on = o.inner_exit_min_insns != 0;
    if (!mpj_rt) { disable("out of memory"); return; }
    jc_runtime_options(mpj_rt, &o);         /* with JITCORE_OPTIONS applied */
    mpj_max_inline = o.max_inline_depth;
    {
        /* Native self-calls recurse on the C stack: they stop (the
         * interpreter calls) below half of the stack's limit from here,
         * at most 64 MiB (unlimited counts as 8 MiB). */
        struct rlimit rl;
        uintptr_t lim = 8u << 20;
        if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) lim = (uintptr_t)rl.rlim_cur;
        if (lim > (64u << 20)) lim = 64u << 20;
        char here;
        uintptr_t top = (uintptr_t)&here;
        mpj_stack_floor = top > lim / 2 ? top - lim / 2 : 0;
        const char *e = getenv("MINIPY_JIT_SELF_CALLS");
        if (e && *e == '0') mpj_stack_floor = 0;   /* 0: no self-calls */
        e = getenv("MINIPY_JIT_RAW_ARGS");
        mpj_raw_args_on = !e || *e != '0';
    }
    if (jc_runtime_status(mpj_rt) != JC_OK) {
        /* A configuration the library refused (JITCORE_OPTIONS, a bad
         * --jit-cache directory name): said even without --jit-log, since
         * the run goes on without the JIT the user asked for. */
        fflush(stdout);
        fprintf(stderr, "minipy: the JIT is off: %s\n", jc_runtime_error_message(mpj_rt));
        disable("the runtime is in an error state: ");
    }
}

int mp_jit_fini(void)
{
    if (!mpj_rt) return 0;
    if (mp_jit_config.stats) {
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (m) {
            jc_stats_print(mpj_rt, m);
            fclose(m);
            for (size_t i = 0; i < len; i++) if (buf[i] == '\n') buf[i] = ' ';
            while (len && buf[len - 1] == ' ') buf[--len] = 0;
            jc_stats st;
            st.size = sizeof st;
            jc_stats_get(mpj_rt, &st);
            fflush(stdout);
            /* compiled= and aborted= first (the names bench/run and the
             * issue use), then every library counter as it names it. */
            fprintf(stderr, "jit: compiled=%llu aborted=%llu self_calls=%llu raw_self_calls=%llu quiet_jumps=%llu "
                    "branch_chains=%llu rec_heads=%llu retraces=%llu dict_gets=%llu "
                    "dict_stores=%llu global_stores=%llu dict_hints=%llu short_roots=%llu dead_slots=%llu "
                    "branch_side_loops=%llu hop_drops=%llu %s\n",
                    (unsigned long long)st.traces_compiled, (unsigned long long)st.traces_aborted,
                    (unsigned long long)(mpj_self_calls + mpj_raw_self_calls),
                    (unsigned long long)mpj_raw_self_calls, (unsigned long long)mp_jit_quiet_jumps,
                    (unsigned long long)mpj_chains, (unsigned long long)mpj_rec_heads,
                    (unsigned long long)mpj_retraces, (unsigned long long)mpj_dict_get_calls,
                    (unsigned long long)mpj_dict_store_calls, (unsigned long long)mpj_global_store_calls,
                    (unsigned long long)mpj_dict_hint_hits, (unsigned long long)mpj_short_root_heads,
                    (unsigned long long)mpj_dead_slots, (unsigned long long)mpj_branch_side_loops,
                    (unsigned long long)mpj_hop_drops, buf);
            free(buf);
        }
    }
    mp_jit_active = 0;
    if (!mp_jit_config.sync) {
        jc_stats st;
        st.size = offsetof(jc_stats, compile_queued) + sizeof st.compile_queued;
        if (jc_stats_get(mpj_rt, &st) == JC_OK && st.compile_queued > 0) {
            mpj_log("exiting without waiting for the compile thread (%s)",
                    st.compile_queued == 1 ? "1 compile in flight" : "compiles in flight", "");
            return 1;
        }
    }
    jc_runtime_free(mpj_rt);
    mpj_rt = NULL;
    return 0;
}

/* ---------------------------------------------------------------- loop heads */

/* Run the frames an exit materialised (r->chain, outermost first) to
 * completion, innermost first, each in a resumed mp_eval, and finish the
 * CALL of each one's caller with its result, as the interpreter's CALL
 * would have: the callable and self/NULL go, the result is pushed and the
 * caller goes on after the CALL.  A frame that raises (or whose exit left
 * an exception: exc) makes its caller raise at its CALL, which records
 * the caller's line in the traceback and looks for its handlers.  Returns
 * what enter returns for the root frame f, which continues in the
 * dispatch loop. */
static Frame *mpj_resuming;
static void finish_branch(Frame *fr);

static int resume_chain(Frame *f, Link *chain, uint32_t n, int exc)
{
    for (uint32_t i = n; i-- > 0;) {
        Frame *cf = chain[i].f, *caller = i ? chain[i - 1].f : f;
        if (exc) { cf->ip++; cf->throwing = 1; }   /* raise at the instruction at ip */
        mp.frame = caller;
        mpj_resuming = cf;      /* resumed, not called: no function entry */
        Obj *res = mp_eval(cf);
        mpj_resuming = NULL;
        mp.depth--;
        mp_frame_free(cf);
        Obj **lvl = caller->lp + chain[i].base;
        while (caller->sp > lvl) xdecref(*--caller->sp);
        Code *co = caller->code;
        uint32_t call_pc = chain[i].call_pc;
        if (res) {
            *caller->sp++ = res;
            caller->ip = co->code + call_pc + 1 + OPNC(co->code[call_pc]);
            exc = 0;
        } else {
            caller->ip = co->code + call_pc;
            exc = 1;
        }
    }
    mp.frame = f;
    return exc ? 2 : 1;
}

/* The CALL at which frame f's trace exited after its self-call finished
 * with other than an i64 (mpj_self_slow filed the result, or NULL with
 * the exception, in f->jit_done): finish it as the interpreter's CALL
 * would (the callable, NULL and the arguments popped, the result pushed,
 * on after the CALL; or raise at the CALL).  Returns enter's 1 or 2. */
static int self_done(Frame *f)
{
    Code *co = f->code;
    uint32_t call_pc = (uint32_t)((uint64_t)f->jit_link >> 32), base = (uint32_t)f->jit_link;
    Obj *res = f->jit_done;
    f->jit_link = 0;
    f->jit_done = NULL;
    Obj **lvl = f->lp + base;
    while (f->sp > lvl) xdecref(*--f->sp);
    if (!res) {
        f->ip = co->code + call_pc;
        return 2;
    }
    *f->sp++ = res;
    f->ip = co->code + call_pc + 1 + OPNC(co->code[call_pc]);
    return 1;
}

/* A native self-call's callee returned through an exit other than its
 * return (jit_lower.c, "Self-calls"), from inside the trace that made the
 * call (the caller's frame is nf->back).  libjitcore goes on from that
 * exit (jc_trace_self_exit): side traces that finish the function natively
 * set nf->jit_tag; otherwise the exit is restored onto nf (with a Restore
 * of its own: frames the callee inlined are materialised) and the rest of
 * the call runs here, in the interpreter, as an exit's frames are resumed.
 * 1: the call returned an i64, in nf->jit_ret (the caller goes on, and
 * drops nf); 0: it returned something else or raised: the result (or NULL)
 * waits in the caller's frame for its CALL (self_done), nf is gone, and
 * the caller's trace exits at that CALL. */
int64_t mpj_self_slow(Frame *nf, uint64_t *words, int64_t link)
{
    Restore *outer = cur_restore;
    Frame *caller = nf->back;
    Restore r;
    restore_init(&r, nf, outer ? outer->mark : 0);
    cur_restore = &r;
    uint32_t pc;
    int e = jc_trace_self_exit(mpj_rt, nf, words, &nf->jit_tag, &pc);
    cur_restore = outer;
    if (r.w != r.inline_w) free(r.w);
    Obj *res = NULL;
    if (e == 1) {
        /* Side traces finished the call: the frame may hold what an exit
         * restored into it (the caller drops it as the trace left it). */
        mp_frame_clean_call(nf);
        mp.frame = caller;
        return 1;
    }
    if (e < 0) {
        /* A host callback failed: the frame cannot be resumed (the JIT
         * goes off when the trace returns). */
        mp_err(&mp_exc_SystemError, "the JIT could not restore a frame");
    } else {
        int rc = 1;
        if (nf->jit_link) rc = self_done(nf);
        else {
            if (!mp.exc) finish_branch(r.nchain ? r.chain[r.nchain - 1].f : nf);
            if (r.nchain) rc = resume_chain(nf, r.chain, r.nchain, mp.exc != NULL);
            else if (mpj_for_stopped && mpj_finish_for_stop(nf)) rc = 1;
            else rc = mp.exc ? 2 : 1;
        }
        if (rc == 2) { nf->ip++; nf->throwing = 1; }
        mp.frame = caller;
        mpj_resuming = nf;      /* resumed, not called: no function entry */
        res = mp_eval(nf);
        mpj_resuming = NULL;
    }
    if (r.chain != r.chain_inline) free(r.chain);
    mp.frame = caller;
    if (res && IS(res, int) && !((Int *)res)->big) {
        nf->jit_ret = ((Int *)res)->v;
        nf->jit_tag = 1;
        decref(res);
        mp_frame_clean_call(nf);
        return 1;
    }
    caller->jit_done = res;
    caller->jit_link = link;
    mp.depth--;
    mp_frame_free(nf);
    return 0;
}

/* An exit at a decided branch (MpJitCode.marker): the frame is at the
 * cache unit of a POP_JUMP_IF_* with the condition and its truth (True or
 * False, computed once, by the trace) on the stack.  Finish the branch as
 * the interpreter would with that truth: pop both and go on at the target
 * or after the instruction. */
static void finish_branch(Frame *fr)
{
    Code *co = fr->code;
    MpJitCode *jc = co ? co->jit : NULL;
    if (!jc || !fr->ip) return;
    int64_t pc = fr->ip - co->code;
    if (pc < 1 || pc >= co->ncode || !(jc->marker[pc] & 1) || fr->sp - fr->stack < 2) return;
    uint32_t bpc = (uint32_t)pc - 1, u = co->code[bpc];
    Obj *t = *--fr->sp, *o = *--fr->sp;
    int if_true = mp_opfamily[OPC(u)] == OP_POP_JUMP_IF_TRUE;
    fr->ip = co->code + ((t == TRUE_) == if_true ? OPARG(u) : bpc + 1 + OPNC(u));
    xdecref(t);
    xdecref(o);
}

/* Where the last enter's exit resumed the entered frame itself, before
 * finish_branch moved it on (NULL: in an inlined frame, or raised). */
static const uint32_t *mpj_exit_ip;

static int enter(Frame *f, jc_trace *t)
{
    Restore r;
    size_t mark = mpj_parked_mark();
    restore_init(&r, f, mark);
    Restore *saved = cur_restore;
    cur_restore = &r;
    uint32_t pc;
    size_t saved_base = mpj_park_base_mark;
    mpj_park_base_mark = mark;
    f->jit_link = 0;            /* no self-call finished for its CALL yet */
    _Bool outer_invalidated = mpj_invalidated;
    mpj_invalidated = 0;
    int e = jc_trace_enter(mpj_rt, t, f, &pc);
    mpj_invalidated |= outer_invalidated;   /* an outer trace checks it too */
    cur_restore = saved;
    if (f->jit_link) {
        /* Its self-call at a CALL finished in the interpreter with no i64
         * (mpj_self_slow) and the trace exited there. */
        if (r.chain != r.chain_inline) free(r.chain);
        if (e < 0) { disable("jc_trace_enter failed: "); return 0; }
        return self_done(f);
    }
    mpj_park_base_mark = saved_base;
    if (r.w != r.inline_w) free(r.w);
    release_lot(mark);
    /* Helpers stop short of the collector's threshold (so it never sees
     * parked garbage as alive): run the collection here, with the frame
     * restored and nothing parked, rather than leave it to the next
     * allocation and have the re-entered trace exit again at once. */
    if (mark == 0 && mpj_gc_due() && !mp.gc_collecting) mp_gc_maybe_collect();
    if (e < 0) {
        disable("jc_trace_enter failed: ");
        return 0;
    }
    if (jc_runtime_status(mpj_rt) != JC_OK) disable("the runtime is in an error state: ");
    mpj_exit_ip = r.nchain || mp.exc ? NULL : f->ip;
    /* A helper that raised left its exception: the interpreter raises it
     * at the resume pc, the helper's instruction, without re-running it. */
    if (!mp.exc) finish_branch(r.nchain ? r.chain[r.nchain - 1].f : f);
    if (r.nchain) {
        mpj_for_stopped = NULL;     /* FOR_ITER is never lowered in an inlined frame */
        int rc = resume_chain(f, r.chain, r.nchain, mp.exc != NULL);
        if (r.chain != r.chain_inline) free(r.chain);
        return rc;
    }
    if (mpj_for_stopped && mpj_finish_for_stop(f)) return 1;
    return mp.exc ? 2 : 1;
}

/* A user iterator's __next__ raised StopIteration in FOR_ITER's helper and
 * the trace exited to that FOR_ITER (h_for_next): end the loop as the
 * interpreter's FOR_ITER does (the exception cleared, the iterator popped,
 * on at the loop's exit) instead of running the instruction again, which
 * would call __next__ a second time.  0: not that case (the flag is
 * dropped either way). */
int mpj_finish_for_stop(Frame *f)
{
    Obj *it = mpj_for_stopped;
    mpj_for_stopped = NULL;
    if (!mp.exc || !mp_err_matches(&mp_exc_StopIteration)) return 0;
    uint32_t u = *f->ip;
    if (mp_opfamily[OPC(u)] != OP_FOR_ITER || f->sp <= f->stack || f->sp[-1] != it) return 0;
    mp_err_clear();
    decref(*--f->sp);
    f->ip = f->code->code + OPARG(u);
    return 1;
}

/* Profitability before the compile.  A trace pays at each iteration and
 * costs at each entry (the entry, an exit that boxes every live value) and
 * once for its compile (~50-200 ms of CPU, which a 2-core machine takes
 * from the interpreter).  The judge above drops a trace whose iterations
 * per entry stay below MPJ_MIN_ITERS_PER_ENTRY, but only after its compile
 * was paid; most such heads can be told before: until a head has a trace,
 * every back edge to it counts an iteration (iters[]) and, when it starts
 * a new execution of the loop, an entry (entries[]).  A back edge starts
 * one when its key differs from the last back edge's at this head: the
 * iterator of a for loop, whose position must also have moved by exactly
 * one step (a range or list iterator freed and allocated again at the same
 * address starts over), or the frame of a while loop (so a while loop
 * re-entered in the same frame looks like one long execution: traced as
 * before, and judged after its compile). */
static int leaves_loop(const Code *co, uint32_t head, uint32_t back, uint32_t pc)
{
    if (pc < head || pc > back || pc >= (uint32_t)co->ncode) return 1;
    uint32_t u = co->code[pc];
    return mp_opfamily[OPC(u)] == OP_JUMP && (OPARG(u) < head || OPARG(u) > back);
}

/* How often a while loop at head has been left through its branches: the
 * sum, over every POP_JUMP_IF_* between the head and the loop's last back
 * edge (a JUMP to the head), of its history's count of the way that
 * leaves that range (the loop's condition, or a break: a JUMP out).  The
 * dispatch loop keeps the histories (taken / not taken, saturating at
 * 0xffff each) in the branches' cache units.  *exact = 0 when a leaving
 * count saturated (or no back edge was found): differences of the sum then
 * say nothing. */
static uint32_t loop_exits(const Code *co, uint32_t head, int *exact)
{
    uint32_t back = 0, n = (uint32_t)co->ncode, sum = 0;
    for (uint32_t q = head; q < n; q += 1 + OPNC(co->code[q]))
        if (mp_opfamily[OPC(co->code[q])] == OP_JUMP && OPARG(co->code[q]) == head) back = q;
    *exact = back != 0;
    for (uint32_t q = head; q < back; q += 1 + OPNC(co->code[q])) {
        uint32_t u = co->code[q];
        int fam = mp_opfamily[OPC(u)];
        if (fam != OP_POP_JUMP_IF_FALSE && fam != OP_POP_JUMP_IF_TRUE) continue;
        uint32_t h = co->code[q + 1], taken = h & 0xffff, not_taken = h >> 16;
        if (leaves_loop(co, head, back, OPARG(u))) {
            sum += taken;
            if (taken == 0xffff) *exact = 0;
        }
        if (leaves_loop(co, head, back, q + 1 + OPNC(u))) {
            sum += not_taken;
            if (not_taken == 0xffff) *exact = 0;
        }
    }
    return sum;
}

static int is_for_head(uint32_t op)
{
    return op == OP_FOR_ITER || op == OP_FOR_ITER_RANGE || op == OP_FOR_ITER_LIST;
}

/* Whether the back edge to the head at pc of frame f is a recursive
 * function's loop: no loop around it in its code, and f's caller runs the
 * same code (the outermost call of a recursion is not counted).  Remembered
 * in the probe (rec) once seen.  Such a loop is not "unrolled elsewhere"
 * (no trace around it unrolls a loop a call deeper: function-entry traces
 * never unroll), and its entries are judged with
 * MPJ_MIN_ITERS_PER_ENTRY_REC. */
int mpj_rec_loops = 1;
uint64_t mpj_rec_heads;

static int recursive_head(MpJitCode *jc, Code *co, uint32_t pc, const Frame *f)
{
    struct MpjProbe *p = &jc->probe[pc];
    if (!mpj_rec_loops || !f->back || f->back->code != co) return 0;
    if (!p->alone) {
        p->alone = 1;
        for (int q = 0; q < co->ncode; q += 1 + (int)OPNC(co->code[q])) {
            uint32_t u = co->code[q];
            if (mp_opfamily[OPC(u)] == OP_JUMP && (uint32_t)q > pc && OPARG(u) < pc) p->alone = 2;
        }
    }
    if (p->alone != 1) return 0;
    if (!p->rec) mpj_rec_heads++;
    p->rec = 1;
    return 1;
}

static uint64_t min_iters(const MpJitCode *jc, uint32_t pc)
{
    return jc->probe[pc].rec ? MPJ_MIN_ITERS_PER_ENTRY_REC : MPJ_MIN_ITERS_PER_ENTRY;
}

static void probe_entry(MpJitCode *jc, uint32_t pc, Frame *f, const uint32_t *head)
{
    struct MpjProbe *p = &jc->probe[pc];
    uintptr_t key = (uintptr_t)f;
    int64_t pos = 0, step = 0;
    uint32_t op = OPC(*head);
    if (jc->iters[pc] == 0 && !is_for_head(op)) {
        /* The first back edge since the counter was armed: what the loop's
         * exits count from (while_too_short). */
        int exact;
        p->exits0 = loop_exits(f->code, pc, &exact);
        p->exits_ok = (uint8_t)exact;
    }
    if (is_for_head(op) && f->sp > f->stack) {
        Obj *it = f->sp[-1];
        key = (uintptr_t)it;
        if (it && IS(it, range_iterator)) {
            pos = ((RangeIter *)it)->i;
            step = ((RangeIter *)it)->step;
        } else if (it && (IS(it, list_iterator) || IS(it, tuple_iterator))) {
            pos = ((SeqIter *)it)->i;
            step = 1;
        }
    }
    /* In a recursive function's loop, a back edge at a smaller depth than
     * the last one is its frame's loop going on after the calls made in
     * its body returned, not a new entry. */
    int back_up = mp.depth < p->depth && recursive_head(jc, f->code, pc, f);
    if ((key != p->key || pos != p->pos + step) && !back_up) jc->entries[pc]++;
    p->key = key;
    p->pos = pos;
    p->depth = mp.depth;
    jc->iters[pc]++;
    p->all_iters++;
}

/* The head's counter fired: trace it unless the interpreter's counts say
 * it would be entered too often for too few iterations.  A refused head
 * counts again from the start (its loops may grow); after MPJ_MAX_REFUSALS
 * it is dead. */
/* A while loop's probe counts one execution per frame (above), so an
 * inner while loop run again and again in one frame (bench/sort_algos.py:
 * insertion's `while j >= 0 and a[j] > v`, quicksort's `while a[i] < p`)
 * looked like one long execution, was traced, and its trace was dropped by
 * the judge after its compile was paid (1-2 iterations per entry).  Its
 * branches' histories tell how often the loop was left since the counter
 * was armed: each leaving ends one execution.  Too few iterations per such
 * exit: refused, and armed again with a doubled delay (how long a loop runs
 * may grow as a program goes on: mandelbrot's escape loop runs 1-3
 * iterations per point in the first rows, hundreds later), dead after
 * MPJ_MAX_EXIT_REFUSALS. */
static int while_too_short(MpJitCode *jc, Code *co, uint32_t pc, uint64_t it)
{
    struct MpjProbe *p = &jc->probe[pc];
    if (!mpj_exit_judge_on || is_for_head(OPC(co->code[pc]))) return 0;
    /* A history that saturated since the last exact count: the count of
     * exits is at least the difference, which may already say enough.
     * Saturated when the counter was armed (a loop left 65535 times):
     * nothing to count from, the last exact count's verdict stands. */
    if (!p->exits_ok) return p->exit_refused > 0;
    int exact;
    uint32_t now = loop_exits(co, pc, &exact);
    uint64_t n = now > p->exits0 ? now - p->exits0 : 0;
    if (n >= MPJ_PRE_JUDGE_ENTRIES && it < n * MPJ_MIN_ITERS_PER_ENTRY) return 1;
    return !exact && p->exit_refused > 0;
}

static int worth_tracing(MpJitCode *jc, Code *co, uint32_t pc)
{
    uint64_t n = jc->entries[pc], it = jc->iters[pc];
    jc->entries[pc] = jc->iters[pc] = 0;
    /* A short root (mpj_sel_short_roots) runs few iterations per entry
     * by its nature: its tree is what is judged (judge_later). */
    if (n < MPJ_PRE_JUDGE_ENTRIES || it >= n * min_iters(jc, pc) || jc->probe[pc].short_root) {
        if (!while_too_short(jc, co, pc, it)) return 1;
        struct MpjProbe *p = &jc->probe[pc];
        if (++p->exit_refused > MPJ_MAX_EXIT_REFUSALS) {
            jc->dead[pc] = 1;
            jc->counters[pc].count = 0;
            mpj_log("not tracing the loop at %s:%s (too few iterations per exit, for good)", SS(co->qualname), "");
        } else {
            jc_counter_init(mpj_rt, &jc->counters[pc], JC_HOT_LOOP);
            uint32_t delay = (uint32_t)jc->counters[pc].count << p->exit_refused;
            jc->counters[pc].count = (uint16_t)(delay > 65535 ? 65535 : delay);
            mpj_log("not tracing the loop at %s:%s yet (too few iterations per exit)", SS(co->qualname), "");
        }
        return 0;
    }
    if (++jc->probe[pc].refused >= MPJ_MAX_REFUSALS) {
        jc->dead[pc] = 1;
        jc->counters[pc].count = 0;
        mpj_log("not tracing the loop at %s:%s (too few iterations per entry, for good)", SS(co->qualname), "");
    } else {
        jc_counter_init(mpj_rt, &jc->counters[pc], JC_HOT_LOOP);
        mpj_log("not tracing the loop at %s:%s yet (too few iterations per entry)", SS(co->qualname), "");
    }
    return 0;
}

/* A for loop that the JIT unrolls into the loop around it (jit_lower.c,
 * "Unrolling"): the GET_ITER before it always saw one small length (a
 * list's, or a range's stop) of at most mpj_unroll_max items.  Its own
 * trace would run that few iterations per entry (and would be dropped by
 * the judge); worse, the loop around it would link to that trace instead
 * of unrolling it.  So the head is not traced: a refusal, as one for too
 * few iterations per entry is (what its trace would have met after its
 * compile). */
static int unrolled_elsewhere(MpJitCode *jc, Code *co, uint32_t pc, Frame *f)
{
    if (mpj_unroll_max <= 0 || pc < 2 || f->sp <= f->stack || jc->probe[pc].short_root || recursive_head(jc, co, pc, f)
        || mp_opfamily[OPC(co->code[pc])] != OP_FOR_ITER
        || OPC(co->code[pc - 2]) != OP_GET_ITER || OPNC(co->code[pc - 2]) != 1)
        return 0;
    uint32_t prof = co->code[pc - 1];
    if (prof == 0 || prof == MP_ITER_PROF_MANY) return 0;
    /* The whole loop's length, not what is left of it now: the counter
     * may fire near the end of a long loop (100 items, 10 left), which must
     * not make it "short".  A list: the length profiled.  A range counting
     * up: at most its profiled stop (from a start >= 0, as the unrolled
     * ones have; a negative start only makes this refuse less).  Counting
     * down: unknown, never refused. */
    int64_t whole = (int64_t)prof - 1;
    Obj *it = f->sp[-1];
    if (IS(it, range_iterator)) {
        if (((RangeIter *)it)->step <= 0) return 0;
    } else if (!IS(it, list_iterator)) return 0;
    return whole <= mpj_unroll_max;
}

/* Whether an exit that resumes the interpreter at ip left at a branch's
 * guard: ip is a POP_JUMP_IF_* (any form), a superinstruction that ends in
 * one (LOAD_FAST__CMP_JUMP and its kin: compile.c's fuse_runs), or the
 * cache unit after a POP_JUMP_IF_* where a decided branch's guard resumes
 * (lower_decided_branch in jit_lower.c). */
static int is_branch_exit(const Code *co, const uint32_t *ip)
{
    int op = OPC(*ip), fam = mp_opfamily[op];
    if (fam == OP_POP_JUMP_IF_FALSE || fam == OP_POP_JUMP_IF_TRUE) return 1;
    if (op == OP_LOAD_FAST__CMP_JUMP || op == OP_LOAD_FAST__CMPI_JUMP || op == OP_LOAD_FAST__SUBSCR_CMP_JUMP
        || op == OP_LOAD_FAST__SUBSCR2_CMP_JUMP)
        return 1;
    MpJitCode *jc = co->jit;
    uint32_t pc = (uint32_t)(ip - co->code);
    if (pc == 0 || !jc || !(jc->marker[pc] & 1)) return 0;
    fam = mp_opfamily[OPC(co->code[pc - 1])];
    return fam == OP_POP_JUMP_IF_FALSE || fam == OP_POP_JUMP_IF_TRUE;
}

/* The trace at pc was dropped for ending at a branch guard on nearly
 * every entry: keep the head alive for another selection.  Its branches'
 * histories (the POP_JUMP_IF_* cache units between the head and its last
 * back edge) start again from zero, so that the selection's directions
 * and its branch judge (branch_stays in jit_lower.c) see the way the loop
 * goes now: the cumulative counts were mostly made before the branch
 * flipped, and a half saturated at 0xffff would hide the change from any
 * difference taken against them (bench/str_build.py: the trace is
 * dropped after about 70000 iterations, its startswith's taken count
 * saturated).  Only the JIT reads these words; tier 1 counts on. */
static void rearm_for_branch(Code *co, uint32_t pc)
{
    uint32_t last = pc;
    for (uint32_t q = pc; q < (uint32_t)co->ncode; q += 1 + OPNC(co->code[q]))
        if (mp_opfamily[OPC(co->code[q])] == OP_JUMP && OPARG(co->code[q]) == pc) last = q;
    for (uint32_t q = pc; q <= last && q < (uint32_t)co->ncode; q += 1 + OPNC(co->code[q])) {
        int fam = mp_opfamily[OPC(co->code[q])];
        if ((fam == OP_POP_JUMP_IF_FALSE || fam == OP_POP_JUMP_IF_TRUE) && q + 1 < (uint32_t)co->ncode)
            co->code[q + 1] = 0;
    }
}

/* After an entry into the trace at a head (enter returned rc): whether
 * it gave the frame back to the interpreter at a receiver guard -- the
 * exit resumes at an attribute or method load, an attribute store or a
 * call, whose guard on the receiver's class (or the callee) failed -- and
 * at the same exit (the trace and exit jc_runtime_last_exit names) as the
 * entry before.  MpjProbe.same counts those in the window.  When one exit
 * ends nearly every entry it is taken a share p of the time, and
 * consecutive entries agree at least p*p of it; two exits taken alike
 * agree about half the time.  MpjProbe.same_branch counts the same for
 * exits at a branch's guard (is_branch_exit, at the pc the exit resumed
 * before finish_branch moved on), for the re-arm in mp_jit_loop_head. */
static void note_last_exit(struct MpjProbe *p, const Frame *f, int rc)
{
    uint32_t tid = 0;
    int id = jc_runtime_last_exit(mpj_rt, &tid, NULL);
    const Code *co = f->code;
    int recv = 0, branch = 0;
    if (rc == 1 && id >= 0 && f->ip >= co->code && f->ip < co->code + co->ncode) {
        int fam = mp_opfamily[OPC(*f->ip)];
        recv = fam == OP_LOAD_METHOD || fam == OP_LOAD_ATTR || fam == OP_STORE_ATTR || fam == OP_CALL;
    }
    if (rc == 1 && id >= 0 && mpj_exit_ip && mpj_exit_ip >= co->code && mpj_exit_ip < co->code + co->ncode)
        branch = is_branch_exit(co, mpj_exit_ip);
    uint64_t key = ((uint64_t)tid << 32 | (uint32_t)id) + 1;
    if (recv && key == p->last_exit) p->same++;
    p->last_exit = recv ? key : 0;
    if (branch && key == p->last_branch) p->same_branch++;
    p->any_branch += branch;
    p->last_branch = branch ? key : 0;
}

/* The trace at pc failed its judgement (too few iterations per entry):
 * whether to judge it again a window later instead of dropping it.  A
 * trace whose guards fail on most entries is what a polymorphic loop
 * looks like before its side traces exist (a call site whose receiver
 * class changes every iteration exits at every entry until each class has
 * its side trace, and the side traces then keep it in native code).  The
 * side threshold and the judging window are both about a thousand, and a
 * compile takes 50-200 ms in the background, so without this the trace
 * was judged just before its hot exits got their side traces.
 *
 * Put off, the window starting over (the new tree is judged on its own
 * entries):
 *   - while a side-trace compile for the tree is in flight, without limit
 *     (it ends; in the background a hot loop passes hundreds of windows
 *     meanwhile);
 *   - otherwise when the tree grew since the last judgement (a side trace
 *     linked) or exits taken in this window are warming towards one (at
 *     least half way), but only when one receiver guard's exit ends most
 *     entries (three quarters of consecutive entries agree,
 *     note_last_exit): a polymorphic call site, whose side traces (one per
 *     class, each inlining its method) take the loop round natively.
 *     Loops whose entries end at two or three exits alike (sort_algos'
 *     merge, insertion and quicksort loops) grew a side trace per exit,
 *     each returning to the interpreter a little later, and paid more in
 *     compiles than they won; a branch taken the other way from the
 *     recording (dict_words' `if key in pairs`, 82% true) got a side trace
 *     that every such iteration hops to and back from the root through a
 *     full restore, which cost more than interpreting the loop (callgrind,
 *     default background compiles: 9.20G against 7.99G instructions);
 *   - and the window after a growth must average at least 1.5 times the
 *     iterations per entry of the window judged before it (the root's
 *     first failing one, or the last that passed this test), or the trace
 *     is dropped: a side trace that takes the loop round back to the root
 *     does much better than that (oo_sim: 1.5 -> 3 -> 88), a chain of
 *     side traces that each fail at their first guard does not (sort_algos'
 *     big-int loop in data() grew one per window up to max_side_depth);
 *   - at most MPJ_MAX_POSTPONES times without a compile in flight, so that
 *     an exit whose side trace keeps failing (retried with backoff) cannot
 *     keep a losing trace for ever.
 * MINIPY_JIT_JUDGE_LATER=0 turns this off (every failed judgement drops),
 * for comparing the two. */
static int judge_later(MpJitCode *jc, Code *co, uint32_t pc, jc_trace *t)
{
    struct MpjProbe *p = &jc->probe[pc];
    jc_tree_growth g;
    g.size = sizeof g;
    if (jc_trace_growth(t, &g) != JC_OK) return 0;
    uint64_t e = jc->entries[pc], it = jc->iters[pc];
    int grew = g.side_traces != p->nside, warm = g.warming > 0 && g.warming_taken > p->warm_taken;
    if (!p->judged_entries) { p->judged_entries = e; p->judged_iters = it; }
    const char *why = grew ? "side traces were added" : "exits are on their way to side traces";
    if (g.compiling) {
        if (!grew) why = "a side trace is compiling";
    } else {
        if (p->check) {
            /* The tree grew before this window: it must pay off. */
            if (2 * it * p->judged_entries < 3 * p->judged_iters * e) return 0;
            p->judged_entries = e;
            p->judged_iters = it;
            p->check = 0;
        }
        /* Growth pays only when it removes the way most entries end, at
         * a receiver guard. */
        /* A recursive function's loop leaves at its calls' branch and at
         * its end until both have side traces (the one makes the call and
         * goes round, the other returns), each taken on about half the
         * entries, so neither warms by half the side threshold in one
         * window: it waits for them (at most MPJ_MAX_POSTPONES windows,
         * and the window after a growth must pay, as for any trace). */
        /* A short root (mpj_sel_short_roots) leaves at its loop's end on
         * every entry until the side traces from there (round the loops
         * around it, back to its head) exist: it waits for them as a
         * recursive function's loop does. */
        /* So does a loop selected through branches whose ways both go on
         * with the loop (branch_stays in jit_lower.c): it leaves at their
         * guards on most entries until the side traces of their other
         * ways exist, which go round and link back to the trace.  An elif
         * chain's exits share its entries, so none may warm in a window;
         * it waits while three quarters of its entries end at a branch
         * guard, any. */
        int wait = p->rec || p->short_root || (p->branchy && 4 * p->any_branch >= 3 * e);
        if (!grew && !warm && !wait) return 0;
        if (4 * p->same < 3 * e && !wait) return 0;
        if (++p->postponed > MPJ_MAX_POSTPONES) return 0;
    }
    if (grew) p->check = 1;
    p->nside = g.side_traces;
    p->warm_taken = g.warming_taken;
    jc->entries[pc] = jc->iters[pc] = 0;
    p->same = p->same_branch = p->any_branch = 0;
    if (!g.compiling || grew) mpj_log("judging the trace at %s again later (%s)", SS(co->qualname), why);
    return 1;
}

/* Selections aborted so far at the trace length or snapshot limit (for
 * mpj_sel_short_roots). */
static uint64_t aborted_too_long(void)
{
    jc_stats st;
    st.size = offsetof(jc_stats, aborted_by_reason) + sizeof st.aborted_by_reason;
    if (jc_stats_get(mpj_rt, &st) != JC_OK) return 0;
    return st.aborted_by_reason[JC_ABORT_TRACE_TOO_LONG] + st.aborted_by_reason[JC_ABORT_TOO_MANY_SNAPSHOTS];
}

/* A branchy trace's side traces (branch_stays in jit_lower.c) take the
 * iterations that go its branches' other ways round the loop and link back
 * to it: each such iteration is a hop (an exit into the side trace, its
 * link, a restore, an entry), which the interpreter's entries that
 * mp_jit_loop_head judges do not see.  A branch that goes the other way
 * for good after the selection (bench/dict_words.py's `if key in pairs`,
 * mostly false while the selection counted, 82% true in the end) would
 * then hop on most iterations, at several times an interpreted
 * iteration's cost.  So the side traces count their starts in the loop's
 * probe (hop_count in jit_lower.c) and call this every MPJ_HOP_WINDOW of
 * them: the trace is dropped (its head dead, as for too few iterations
 * per entry) unless it ran MPJ_MIN_ITERS_PER_HOP iterations a hop since
 * the last time.  Called from the side trace, which checks mpj_invalidated
 * after it and exits to the interpreter before it did anything. */
uint64_t mpj_hop_drops;

void mpj_hop_judge(MpJitCode *jc, uint32_t pc)
{
    struct MpjProbe *p = &jc->probe[pc];
    uint64_t it = jc->iters[pc];
    if (it < p->hop_iters) p->hop_iters = 0;   /* a judging window reset it */
    uint64_t n = p->hops;
    it -= p->hop_iters;
    p->hops = 0;
    p->hop_iters = jc->iters[pc];
    if (!jc->traces[pc] || it >= n * MPJ_MIN_ITERS_PER_HOP) return;
    const void *code = NULL;
    jc_trace_head(jc->traces[pc], &code, NULL);
    jc->dead[pc] = 1;
    mpj_hop_drops++;
    mpj_log("dropping the trace at %s:%s (too few iterations per hop through its side traces)",
            code ? SS(((const Code *)code)->qualname) : "?", "");
    jc_runtime_invalidate(mpj_rt, mpj_key_head(jc, pc));
    mpj_invalidated = 1;
}

int mp_jit_loop_head(Frame *f, uint32_t *head)
{
    Code *co = f->code;
    MpJitCode *jc = mpj_code(co);
    if (!jc) return 0;
    uint32_t pc = (uint32_t)(head - co->code);
    /* A head without a trace whose counter is quiet for good (dead: too
     * few iterations per entry, dropped; blacklisted by the library) never
     * fires again: return before the probe and the poll, which cost more
     * than a short loop's whole iteration (nqueens: 20 million back edges
     * to such a head).  Only a head whose trace is being compiled polls
     * for it. */
    if (mp_jit_head_quiet(jc, pc))
        return 0;
    if (!mp_jit_config.sync) jc_runtime_poll(mpj_rt);   /* install finished compiles */
    jc_trace *t = jc->traces[pc];
    if (t && ++jc->entries[pc] % MPJ_JUDGE_ENTRIES == 0
        && jc->iters[pc] < jc->entries[pc] * min_iters(jc, pc)
        && !(mpj_judge_later_on && judge_later(jc, co, pc, t))) {
        /* Entered often for few iterations: the interpreter does better.
         * Unless nearly every entry left at one branch guard (three
         * quarters of consecutive entries agree, as judge_later asks of a
         * receiver guard) and the head was re-armed at most
         * MPJ_MAX_RETRACES - 1 times: the branch goes another way than
         * when the trace was recorded (bench/str_build.py's
         * `s.startswith("item0")`, true for the first 10000 of 800000
         * iterations), so the loop is traced again, along the way it goes
         * now.  Side traces would not do (the judge_later comment: a
         * branch's side trace hops back to the root through a full
         * restore on every such iteration).  Off by default
         * (MINIPY_JIT_RETRACE=1 turns it on): str_build's new trace is
         * kept and runs ~780000 iterations, but costs more per iteration
         * than the interpreter (README, "Tracing a loop again"). */
        struct MpjProbe *p = &jc->probe[pc];
        if (mpj_retrace_on && p->retraces < MPJ_MAX_RETRACES && 4 * p->same_branch >= 3 * jc->entries[pc]) {
            rearm_for_branch(co, pc);
            p->retraces++;
            mpj_retraces++;
            mpj_log("dropping the trace at %s:%s (its entries leave at one branch guard: tracing the loop again)",
                    SS(co->qualname), "");
        } else {
            jc->dead[pc] = 1;
            mpj_log("dropping the trace at %s:%s (too few iterations per entry)", SS(co->qualname), "");
        }
        jc_runtime_invalidate(mpj_rt, mpj_key_head(jc, pc));
        return 0;
    }
    if (!t) {
        probe_entry(jc, pc, f, head);
        if (!jc_counter_tick(&jc->counters[pc])) return 0;
        if (unrolled_elsewhere(jc, co, pc, f)) {
            /* A refusal like worth_tracing's: after MPJ_MAX_REFUSALS the
             * head is dead, so its back edges cost nothing more (a head
             * that stays armed pays the probe and the poll at every back
             * edge: nqueens' inner loop, 20 million of them). */
            if (++jc->probe[pc].refused >= MPJ_MAX_REFUSALS) {
                jc->dead[pc] = 1;
                jc->counters[pc].count = 0;
            } else jc_counter_init(mpj_rt, &jc->counters[pc], JC_HOT_LOOP);
            mpj_log("not tracing the loop at %s:%s (short: unrolled into the loop around it)", SS(co->qualname), "");
            return 0;
        }
        if (!worth_tracing(jc, co, pc)) return 0;
        f->ip = head;
        mpj_sel_reset(f);
        uint64_t too_long = mpj_short_roots ? aborted_too_long() : 0;
        jc_status s = jc_runtime_hot(mpj_rt, co, pc, JC_HOT_LOOP, &jc->counters[pc]);
        if (s == JC_ABORTED && mpj_sel.ninl > 0) {
            /* The walk gave up inside an inlined body (too long, an inner
             * loop ...): call that code through the helper next time. */
            MpJitCode *cj = mpj_code(mpj_sel.inl[mpj_sel.ninl - 1].code);
            if (cj) cj->inl = MPJ_INL_NO;
        } else if (s == JC_ABORTED && mpj_short_roots && aborted_too_long() != too_long
                   && mpj_sel_short_roots(co) > 0)
            mpj_log("the loop at %s:%s is too long with its inner loops unrolled: the innermost get traces of their own",
                    SS(co->qualname), "");
        mpj_sel.frame = NULL;
        if (jc_runtime_status(mpj_rt) != JC_OK) { disable("the runtime is in an error state: "); return 0; }
        if (s == JC_ABORTED && mpj_sel.leaves == MPJ_LEAVES_RECOUNT) {
            /* branch_stays in jit_lower.c: not a refusal; the histories
             * count again from here. */
            mpj_sel.leaves = 0;
            rearm_for_branch(co, pc);
            mpj_log("not tracing the loop at %s:%s yet (its branches' histories count again)", SS(co->qualname), "");
            return 0;
        }
        if (s == JC_ABORTED && mpj_sel.leaves) {
            /* Its branches' histories (branch_stays in jit_lower.c), or
             * the interpreter's counts of its int operations that went to
             * big ints (int_goes_big), say the trace would be left every
             * few iterations: a refusal as worth_tracing's, dead after
             * MPJ_MAX_REFUSALS, so the head costs nothing more and is not
             * selected again. */
            const char *why = mpj_sel.leaves == MPJ_LEAVES_BIGINTS ? "its int operations go to big ints too often"
                                                                   : "its branches leave it too often";
            mpj_sel.leaves = 0;
            if (++jc->probe[pc].refused >= MPJ_MAX_REFUSALS) {
                jc->dead[pc] = 1;
                jc->counters[pc].count = 0;
                mpj_log("not tracing the loop at %s: (%s, for good)", SS(co->qualname), why);
            } else mpj_log("not tracing the loop at %s: yet (%s)", SS(co->qualname), why);
            return 0;
        }
        if (s == JC_OK || s == JC_PENDING) {
            /* Selected (installed, or compiling in the background):
             * whether it waits for side traces at its branches. */
            jc->probe[pc].branchy = mpj_sel.branchy;
            mpj_branch_side_loops += mpj_sel.branchy;
        }
        if (s != JC_OK || !(t = jc->traces[pc])) return 0;
    }
    int rc = enter(f, t);
    if ((mpj_judge_later_on || mpj_retrace_on) && jc->traces[pc] == t) note_last_exit(&jc->probe[pc], f, rc);
    return rc;
}

/* ---------------------------------------------------------------- invalidation */

/* Unlinked traces (installed ones, and side traces, which the return value
 * does not count but stats.invalidated does) raise mpj_invalidated, which
 * a running trace checks after the helper that got us here. */
static uint64_t invalidated_count(void)
{
    jc_stats st;
    st.size = offsetof(jc_stats, invalidated) + sizeof st.invalidated;
    jc_stats_get(mpj_rt, &st);
    return st.invalidated;
}

uint64_t mp_jit_dep_bits[64];
int mp_jit_inline_filter = 1;

static void invalidate(uintptr_t key)
{
    /* Most stores into a watched dict change data no trace assumed: the
     * host's filter of keys ever depended on (mpj_dep_bits), then the
     * library's, say so in a few instructions. */
    if (!mpj_may_depend(key) || !mpj_rt || !jc_runtime_depends(mpj_rt, key)) return;
    uint64_t before = invalidated_count();
    if (jc_runtime_invalidate(mpj_rt, key) > 0 || invalidated_count() != before) mpj_invalidated = 1;
}

void mp_jit_dict_changed(void *dict, int64_t hash) { invalidate(mpj_key_entry(dict, hash)); }
void mp_jit_dict_changed_all(void *dict) { invalidate(mpj_key_dict(dict)); }
void mp_jit_type_changed(Type *t) { invalidate(mpj_key_type(t)); }
void mp_jit_func_changed(void *fn) { invalidate(mpj_key_func(fn)); }

/* Once: the library is asked even if no installed trace depends on the
 * key (jc_runtime_depends), so that a trace still being compiled is
 * never installed either (its epoch is older than the invalidation). */
const char mpj_fin_anchor[16];
void mp_jit_finalizers_possible(void)
{
    mpj_park_finalizers();
    if (!mpj_rt) return;
    if (cur_restore) fin_flip = mpj_parked_mark();
    uint64_t before = invalidated_count();
    if (jc_runtime_invalidate(mpj_rt, mpj_key_fin()) > 0 || invalidated_count() != before) mpj_invalidated = 1;
}

/* ---------------------------------------------------------------- function entries
 *
 * mp_eval calls mp_jit_func_entry when a frame starts at its first
 * instruction and its code's jit_ftick counted down to 0 (see jit.h).
 * While a function has no trace, jit_ftick mirrors the library's counter
 * (fcounter, JC_HOT_FUNC): the dispatch does the counting, and the slow
 * path fires the counter at once.  While it has one, jit_ftick stays 1 and
 * every entry runs it.  The trace starts at pc 0 with the arguments in the
 * frame's slots (loaded as a loop head's are) and ends at the function's
 * RETURN_VALUE with an exit to it (the library's rule for JC_HOT_FUNC): the
 * interpreter returns the value.  Recursive calls in it are inlined up to
 * max_inline_depth; deeper ones are helper calls, whose frames come back
 * here and enter the trace again (jc_trace_enter nests, as it does for a
 * loop in a called function). */

/* Whether code co may get a function-entry trace: a function's own frame
 * (no class or module body, no generator: a generator's first resume also
 * starts at pc 0), and pc 0 no loop head (the library keys heads by (code,
 * pc): a loop trace there would be the same head). */
static uint8_t fn_scan(const Code *co, const Frame *f)
{
    if ((co->flags & (CO_GENERATOR | CO_CLASS)) || !(co->flags & CO_NEWLOCALS) || !f->func || f->locals || f->is_gen)
        return MPJ_FN_NO;
    MpJitCode *jc = co->jit;
    for (int pc = 0; pc < co->ncode; pc += 1 + (int)OPNC(co->code[pc])) {
        uint32_t u = co->code[pc];
        if (mp_opfamily[OPC(u)] == OP_JUMP && OPARG(u) == 0) return MPJ_FN_NO;
        /* The loop heads, for the judge of entries that end at one. */
        if (mp_opfamily[OPC(u)] == OP_JUMP && (int)OPARG(u) < pc && jc) jc->marker[OPARG(u)] |= MPJ_MARK_HEAD;
    }
    return MPJ_FN_YES;
}

int mp_jit_func_entry(Frame *f)
{
    Code *co = f->code;
    co->jit_ftick = 0;                      /* 2**32 entries unless set below */
    if (!mp_jit_active || !mpj_rt) return 0;
    if (f == mpj_resuming) { co->jit_ftick = 1; return 0; }
    MpJitCode *jc = mpj_code(co);
    if (!jc) return 0;
    if (jc->fn == MPJ_FN_UNKNOWN) {
        jc->fn = fn_scan(co, f);
        if (jc->fn != MPJ_FN_YES) return 0;
        jc_counter_init(mpj_rt, &jc->fcounter, JC_HOT_FUNC);
        co->jit_ftick = jc->fcounter.count ? jc->fcounter.count : MPJ_FN_RECHECK;
        return 0;
    }
    if (jc->fn != MPJ_FN_YES || jc->dead[0]) return 0;
    if (!mp_jit_config.sync) jc_runtime_poll(mpj_rt);   /* install finished compiles */
    jc_trace *t = jc->traces[0];
    if (!t) {
        if (jc->fcounter.count == 0) {      /* compiling, or given up */
            co->jit_ftick = MPJ_FN_RECHECK;
            return 0;
        }
        jc->fcounter.count = 1;             /* the dispatch counted the rest */
        jc_counter_tick(&jc->fcounter);
        mpj_sel_reset(f);
        mpj_sel.fentry = 1;
        jc_status s = jc_runtime_hot(mpj_rt, co, 0, JC_HOT_FUNC, &jc->fcounter);
        if (s == JC_ABORTED && mpj_sel.ninl > 0) {
            MpJitCode *cj = mpj_code(mpj_sel.inl[mpj_sel.ninl - 1].code);
            if (cj) cj->inl = MPJ_INL_NO;
        }
        if (s == JC_OK || s == JC_PENDING) {
            /* Selected: did the walk end at one of the function's loop
             * heads (an inner head or a link) after a body's worth of
             * work? */
            uint32_t e = mpj_sel.next_pc;
            jc->fend_pc = mpj_inner_exit_on && e < (uint32_t)co->ncode && (jc->marker[e] & MPJ_MARK_HEAD)
                          && mpj_sel.fn_insns >= MPJ_FN_MIN_INSNS ? e + 1 : 0;
        }
        mpj_sel.frame = NULL;
        if (jc_runtime_status(mpj_rt) != JC_OK) { disable("the runtime is in an error state: "); return 0; }
        if (jc->fn != MPJ_FN_YES) return 0;        /* refused for good (too short) */
        if (s != JC_OK || !(t = jc->traces[0])) {
            if (!jc->traces[0]) co->jit_ftick = jc->fcounter.count ? jc->fcounter.count : MPJ_FN_RECHECK;
            return 0;
        }
    }
    co->jit_ftick = 1;
    if (++jc->fentries >= MPJ_FN_JUDGE_ENTRIES) {
        if ((uint64_t)jc->fdone * 8 < (uint64_t)jc->fentries * MPJ_FN_MIN_DONE_EIGHTHS) {
            /* Most entries left the function's work to the interpreter. */
            jc->dead[0] = 1;
            mpj_log("dropping the function trace of %s%s (most entries exit before the return)",
                    SS(co->qualname), "");
            jc_runtime_invalidate(mpj_rt, mpj_key_head(jc, 0));
            co->jit_ftick = 0;
            return 0;
        }
        jc->fentries = jc->fdone = 0;
    }
    for (int i = 0; jc->rawargs >> i; i++) {
        /* The trace reads these parameters raw (jit_lower.c, "Raw
         * arguments"): anything but an int in the machine word is for the
         * interpreter, as the trace's type guard would have sent it. */
        Obj *v = f->lp[i];
        if (!(jc->rawargs >> i & 1)) continue;
        if (!v || !IS(v, int) || ((Int *)v)->big) return 0;
        f->jit_arg[i] = ((Int *)v)->v;
    }
    int rc = enter(f, t);
    /* Done: the entry ran the function's work to its return, or to the
     * loop head where its walk ended after at least MPJ_FN_MIN_INSNS
     * instructions (libjitcore's "Inner heads"; the loop is its own
     * trace's business).  A walk that linked to a loop's trace after a
     * few instructions is judged as before: its entries rarely return. */
    if (rc == 1 && f->ip >= co->code && f->ip < co->code + co->ncode
        && (mp_opfamily[OPC(*f->ip)] == OP_RETURN_VALUE
            || (jc->fend_pc && (uint32_t)(f->ip - co->code) + 1 == jc->fend_pc)))
        jc->fdone++;
    return rc;
}
