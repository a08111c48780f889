/* opcodes.h -- the one table of minipy's bytecode: generic instructions and
 * their specialized forms, with the number of 32-bit inline-cache units that
 * follow each instruction.  A specialized form always has the same cache size
 * as its generic "family head", so rewriting in place never moves code. */
#ifndef MINIPY_OPCODES_H
#define MINIPY_OPCODES_H

/* X(name, cache units, family head) */
#define MP_OPCODES(X) \
    X(NOP, 0, NOP) X(PUSH_NULL, 0, PUSH_NULL) X(POP_TOP, 0, POP_TOP) X(DUP_TOP, 0, DUP_TOP) X(DUP_TOP2, 0, DUP_TOP2) \
    X(ROT_TWO, 0, ROT_TWO) X(ROT_THREE, 0, ROT_THREE) X(ROT_FOUR, 0, ROT_FOUR) \
    X(LOAD_CONST, 0, LOAD_CONST) X(LOAD_FAST, 0, LOAD_FAST) X(STORE_FAST, 0, STORE_FAST) \
    X(DELETE_FAST, 0, DELETE_FAST) X(LOAD_DEREF, 0, LOAD_DEREF) X(STORE_DEREF, 0, STORE_DEREF) \
    X(DELETE_DEREF, 0, DELETE_DEREF) X(LOAD_CLOSURE, 0, LOAD_CLOSURE) \
    X(LOAD_GLOBAL, 4, LOAD_GLOBAL) X(STORE_GLOBAL, 3, STORE_GLOBAL) \
    X(DELETE_GLOBAL, 0, DELETE_GLOBAL) X(LOAD_NAME, 0, LOAD_NAME) X(STORE_NAME, 0, STORE_NAME) \
    X(DELETE_NAME, 0, DELETE_NAME) X(LOAD_CLASSDEREF, 0, LOAD_CLASSDEREF) \
    X(LOAD_ATTR, 3, LOAD_ATTR) X(STORE_ATTR, 3, STORE_ATTR) X(DELETE_ATTR, 0, DELETE_ATTR) \
    X(LOAD_METHOD, 3, LOAD_METHOD) \
    X(BINARY_OP, 1, BINARY_OP) X(UNARY_NEG, 0, UNARY_NEG) X(UNARY_POS, 0, UNARY_POS) \
    X(UNARY_NOT, 0, UNARY_NOT) X(UNARY_INVERT, 0, UNARY_INVERT) \
    X(COMPARE_OP, 1, COMPARE_OP) X(IS_OP, 0, IS_OP) X(CONTAINS_OP, 0, CONTAINS_OP) \
    X(BINARY_SUBSCR, 1, BINARY_SUBSCR) X(STORE_SUBSCR, 1, STORE_SUBSCR) \
    X(DELETE_SUBSCR, 0, DELETE_SUBSCR) \
    X(BUILD_TUPLE, 0, BUILD_TUPLE) X(BUILD_LIST, 0, BUILD_LIST) X(BUILD_SET, 0, BUILD_SET) \
    X(BUILD_MAP, 0, BUILD_MAP) X(BUILD_SLICE, 0, BUILD_SLICE) X(BUILD_STRING, 0, BUILD_STRING) \
    X(LIST_APPEND, 0, LIST_APPEND) X(SET_ADD, 0, SET_ADD) X(MAP_ADD, 0, MAP_ADD) \
    X(LIST_EXTEND, 0, LIST_EXTEND) X(SET_UPDATE, 0, SET_UPDATE) X(DICT_UPDATE, 0, DICT_UPDATE) \
    X(DICT_MERGE, 0, DICT_MERGE) X(LIST_TO_TUPLE, 0, LIST_TO_TUPLE) \
    X(FORMAT_VALUE, 0, FORMAT_VALUE) \
    X(JUMP, 0, JUMP) X(POP_JUMP_IF_FALSE, 1, POP_JUMP_IF_FALSE) \
    X(POP_JUMP_IF_TRUE, 1, POP_JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP, 0, JUMP_IF_FALSE_OR_POP) \
    X(JUMP_IF_TRUE_OR_POP, 0, JUMP_IF_TRUE_OR_POP) \
    X(GET_ITER, 1, GET_ITER) X(FOR_ITER, 1, FOR_ITER) \
    X(CALL, 2, CALL) X(CALL_KW, 0, CALL_KW) X(CALL_EX, 0, CALL_EX) \
    X(MAKE_FUNCTION, 0, MAKE_FUNCTION) X(RETURN_VALUE, 0, RETURN_VALUE) \
    X(YIELD_VALUE, 0, YIELD_VALUE) X(YIELD_FROM, 0, YIELD_FROM) \
    X(SETUP_FINALLY, 0, SETUP_FINALLY) X(POP_BLOCK, 0, POP_BLOCK) X(POP_EXCEPT, 0, POP_EXCEPT) \
    X(RERAISE, 0, RERAISE) X(RAISE, 0, RAISE) X(CHECK_EXC_MATCH, 0, CHECK_EXC_MATCH) \
    X(UNPACK_SEQUENCE, 1, UNPACK_SEQUENCE) X(UNPACK_EX, 0, UNPACK_EX) \
    X(IMPORT_NAME, 0, IMPORT_NAME) X(IMPORT_FROM, 0, IMPORT_FROM) X(IMPORT_STAR, 0, IMPORT_STAR) \
    X(BUILD_CLASS, 0, BUILD_CLASS) X(LOAD_ASSERTION_ERROR, 0, LOAD_ASSERTION_ERROR) \
    X(WITH_ENTER, 0, WITH_ENTER) X(WITH_EXIT, 0, WITH_EXIT) X(WITH_EXCEPT, 0, WITH_EXCEPT) \
    X(RETURN_GENERATOR, 0, RETURN_GENERATOR) \
    /* specialized forms */ \
    X(BINARY_OP_ADD_INT, 1, BINARY_OP) X(BINARY_OP_SUB_INT, 1, BINARY_OP) \
    X(BINARY_OP_MUL_INT, 1, BINARY_OP) X(BINARY_OP_ADD_FLOAT, 1, BINARY_OP) \
    X(BINARY_OP_SUB_FLOAT, 1, BINARY_OP) X(BINARY_OP_MUL_FLOAT, 1, BINARY_OP) \
    X(BINARY_OP_DIV_FLOAT, 1, BINARY_OP) X(BINARY_OP_ADD_STR, 1, BINARY_OP) \
    X(COMPARE_OP_INT, 1, COMPARE_OP) X(COMPARE_OP_FLOAT, 1, COMPARE_OP) \
    X(COMPARE_OP_STR, 1, COMPARE_OP) \
    X(LOAD_ATTR_INSTANCE, 3, LOAD_ATTR) X(LOAD_ATTR_MODULE, 3, LOAD_ATTR) \
    X(STORE_ATTR_INSTANCE, 3, STORE_ATTR) \
    X(LOAD_METHOD_FUNC, 3, LOAD_METHOD) X(LOAD_METHOD_BUILTIN, 3, LOAD_METHOD) \
    X(LOAD_GLOBAL_MODULE, 4, LOAD_GLOBAL) X(LOAD_GLOBAL_BUILTIN, 4, LOAD_GLOBAL) \
    X(STORE_GLOBAL_MODULE, 3, STORE_GLOBAL) \
    X(CALL_PY_EXACT, 2, CALL) X(CALL_BUILTIN, 2, CALL) X(CALL_LIST_APPEND, 2, CALL) X(CALL_RANGE, 2, CALL) \
    X(FOR_ITER_RANGE, 1, FOR_ITER) X(FOR_ITER_LIST, 1, FOR_ITER) \
    X(BINARY_SUBSCR_LIST_INT, 1, BINARY_SUBSCR) X(BINARY_SUBSCR_DICT, 1, BINARY_SUBSCR) \
    X(STORE_SUBSCR_LIST_INT, 1, STORE_SUBSCR) X(STORE_SUBSCR_DICT, 1, STORE_SUBSCR) \
    X(BINARY_OP_FLOORDIV_INT, 1, BINARY_OP) X(BINARY_OP_MOD_INT, 1, BINARY_OP) \
    X(BINARY_OP_ADD_NUM, 1, BINARY_OP) X(BINARY_OP_SUB_NUM, 1, BINARY_OP) \
    X(BINARY_OP_MUL_NUM, 1, BINARY_OP) X(BINARY_OP_DIV_NUM, 1, BINARY_OP) \
    X(BINARY_OP_AND_INT, 1, BINARY_OP) X(BINARY_OP_OR_INT, 1, BINARY_OP) \
    X(BINARY_OP_XOR_INT, 1, BINARY_OP) X(BINARY_OP_ADD_LIST, 1, BINARY_OP) \
    /* a backward JUMP to a loop head the JIT is quiet at for good (ceval.c, \
     * JUMP; jit/jit.h): the same jump without the JIT's test */ \
    X(JUMP_QUIET, 0, JUMP) \
    /* superinstructions (compile.c's fuse_pairs): the instruction and the \
     * next one, which stays in the code as it was */ \
    X(LOAD_FAST__LOAD_FAST, 0, LOAD_FAST) X(LOAD_FAST__LOAD_CONST, 0, LOAD_FAST) \
    X(LOAD_CONST__LOAD_FAST, 0, LOAD_CONST) X(STORE_FAST__LOAD_FAST, 0, STORE_FAST) \
    X(STORE_FAST__STORE_FAST, 0, STORE_FAST) \
    /* longer superinstructions (compile.c's fuse_runs): a LOAD_FAST that \
     * runs the next 2-3 instructions too when its operands are machine \
     * ints (and a list), else runs as the pair it also is */ \
    X(LOAD_FAST__ADDI_STORE, 0, LOAD_FAST) X(LOAD_FAST__SUBSCR_LIST, 0, LOAD_FAST) \
    X(LOAD_FAST__CMP_JUMP, 0, LOAD_FAST) X(LOAD_FAST__CMPI_JUMP, 0, LOAD_FAST) \
    /* x[a:b] of a list or tuple with machine int or None ends: the items \
     * copied without a slice object (else BUILD_SLICE, as its pair) */ \
    X(BUILD_SLICE__SUBSCR, 0, BUILD_SLICE) \
    X(LOAD_FAST__SUBSCR_CMP_JUMP, 0, LOAD_FAST) \
    X(LOAD_FAST__SUBSCR2_CMP_JUMP, 0, LOAD_FAST) \
    X(LOAD_FAST__APPEND_FAST, 0, LOAD_FAST) X(LOAD_FAST__APPEND_SUBSCR, 0, LOAD_FAST)

enum {
#define E(name, nc, fam) OP_##name,
    MP_OPCODES(E)
#undef E
    OP_COUNT
};

extern const char *const mp_opnames[];
extern const unsigned char mp_opcache[];
extern const unsigned char mp_opfamily[];

/* A code unit: bits 0-7 opcode, bits 8-10 its number of cache units (so the
 * dispatch loop skips caches without a table load), bits 11-31 argument. */
#define OPC(u) ((u) & 0xff)
#define OPNC(u) (((u) >> 8) & 7)
#define OPARG(u) ((u) >> 11)
#define MKOP(op, arg) ((uint32_t)(op) | ((uint32_t)mp_opcache[op] << 8) | ((uint32_t)(arg) << 11))

/* GET_ITER's cache unit: the length profile by which the JIT unrolls
 * short inner loops (jit/jit_lower.c, "Unrolling").  0: nothing seen yet;
 * v + 1: every range iterated here had stop v, or every list length v (0
 * <= v < 2**24); MP_ITER_PROF_MANY: it varied, or was something else.
 * Tier 1 keeps it with a compare and a store (ceval.c, GET_ITER). */
#define MP_ITER_PROF_MANY 0xffffffffu
#define MP_ITER_PROF(v) ((uint64_t)(v) < (1u << 24) ? (uint32_t)(v) + 1 : MP_ITER_PROF_MANY)

/* A conditional jump's cache unit: its branch history, taken count in the
 * low half, not-taken count in the high one, each saturating at 0xffff
 * (the JIT's trace selection reads it).  One compare and one add on the
 * whole word; a saturated half is not stored again. */
static inline void mp_branch_hist(uint32_t *c, int taken)
{
    uint32_t h = *c;
    if (taken) { if ((h & 0xffff) != 0xffff) *c = h + 1; }
    else if (h < 0xffff0000u) *c = h + 0x10000;
}

/* Code flags. */
enum { CO_VARARGS = 1, CO_VARKW = 2, CO_GENERATOR = 4, CO_NEWLOCALS = 8, CO_CLASS = 16 };

/* MAKE_FUNCTION flags. */
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_CLOSURE = 4 };

struct Code {
    Obj hd;
    uint32_t *code;
    int ncode;
    Obj *consts, *names, *varnames, *cellvars, *freevars;   /* tuples */
    int *cell2arg;          /* per cellvar: index of the argument it shadows, or -1 */
    int argcount, kwonlycount, flags, nlocals, ncells, nfree, stacksize;
    int *lines;             /* source line per code unit */
    Obj *name, *qualname, *filename;
    int firstline;
    Frame *spare;           /* cached frames (linked through back), reused by calls */
    int64_t nspare;         /* one word: the JIT's self-calls update it inline */
    void *jit;              /* the JIT's side table (jit/jit_internal.h), or NULL */
    uint32_t jit_ftick;     /* fresh frames until mp_eval next calls
                               mp_jit_func_entry (jit/jit.h); 1 when made */
    int nlocalsplus;        /* nlocals + ncells + nfree: a frame's slots below its stack */
};

typedef struct { int type, handler, level; Obj *saved; } Block;
enum { B_SETUP, B_HANDLER };

struct Frame {
    Frame *back;
    Code *code;
    Func *func;
    Obj *globals, *builtins, *locals;
    uint32_t *first;        /* code->code */
    Obj **consts, **names;  /* the items of code->consts, code->names */
    uint32_t *ip;
    Obj **sp;
    int nblocks, is_gen, yielded;
    int throwing;           /* resume by raising mp.exc where suspended (gen.throw) */
    int inl;                /* pushed by a CALL of the mp_eval running its caller (back),
                               which holds a reference to func for it: returning pops it
                               in that loop (no C recursion); 0 for a frame mp_eval was
                               called with */
    /* The JIT's native self-calls (jit/jit_lower.c, "Self-calls"): a
     * function trace run on this frame by its own code stores its int
     * result in jit_ret, and jit_tag = 1, before its final exit; a
     * self-call from this frame that finished otherwise leaves its result
     * (or NULL: raised) in jit_done for the CALL jit_link names.
     * jit_arg: the int arguments a native self-call passes raw, which
     * the function trace reads instead of their slots (empty then until
     * an exit writes them; see "raw arguments" in jit/jit_lower.c). */
    int64_t jit_tag, jit_ret, jit_link;
    Obj *jit_done;
    int64_t jit_arg[4];
    Block blocks[24];
    Obj **stack;
    Obj *lp[];              /* locals, cells, frees, then the value stack */
};

Obj *mp_eval(Frame *f);
Frame *mp_frame_new(Code *co, Func *fn, Obj *globals, Obj *locals);
void mp_frame_free(Frame *f);
Frame *mp_frame_new_call(Code *co, Func *fn);
void mp_frame_drop_call(Frame *f);
Frame *mp_frame_refill(Code *co);
void mp_frame_trim(Code *co);
void mp_frame_clean_call(Frame *f);
Obj *mp_func_call(Func *fn, Obj **args, int n, Obj *kwnames);
Obj *mp_gen_send(Gen *g, Obj *v);
Obj *mp_gen_throw(Gen *g, Obj *exc);   /* steals exc */
Obj *mp_gen_close(Gen *g);             /* generator.close(); NULL on error */
int mp_code_line(Code *co, uint32_t *ip);
void mp_dis(Code *co, FILE *out);
void mp_specialize(Frame *f, uint32_t *ip, Obj **sp);
Obj *mp_func_new(Code *co, Obj *globals);

/* Adaptive counters live in the first cache unit of each instruction. */
#define ADAPT_WARMUP 8
#define ADAPT_BACKOFF 64

#endif
