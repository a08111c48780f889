/* compile.c -- AST to bytecode.  One code object per scope; each instruction
 * is a 32-bit unit (8-bit opcode, 24-bit argument) followed by its zeroed
 * inline-cache units (opcodes.h).  Control flow leaving try/with/except
 * blocks is unwound at compile time (POP_BLOCK, inlined finally bodies). */
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include "symtable.h"
#include "opcodes.h"

enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY_TRY, FB_HANDLER, FB_FINALLY_END, FB_WITH };

typedef struct { int type; int start, brk; Node *node; Obj *name; } FBlock;

typedef struct CU {
    uint32_t *code; int n, cap;
    int *lines;
    Obj *consts, *names;
    Scope *sc;
    int line, depth, maxdepth;
    FBlock fb[64]; int nfb;
    int *patch; int npatch;    /* unused */
    struct CU *outer;          /* the enclosing scope's unit being compiled */
} CU;

/* cu: the innermost unit being compiled, so that a compile error (longjmp
 * to fail) can free what the units under construction hold. */
typedef struct { const char *filename; jmp_buf fail; CU *cu; } CG;

static CG *G;

static _Noreturn void cfail(Node *n, const char *msg)
{
    mp_syntax_error(G->filename, n ? n->line : 0, n ? n->col : 0, msg);
    longjmp(G->fail, 1);
}

static int stack_effect(int op, int arg);

static int emit(CU *c, int op, int arg)
{
    int need = 1 + mp_opcache[op];
    if (c->n + need > c->cap) {
        c->cap = (c->cap + need) * 2;
        c->code = realloc(c->code, sizeof(uint32_t) * c->cap);
        c->lines = realloc(c->lines, sizeof(int) * c->cap);
    }
    int at = c->n;
    c->code[c->n] = MKOP(op, arg);
    c->lines[c->n++] = c->line;
    for (int i = 0; i < mp_opcache[op]; i++) { c->code[c->n] = 0; c->lines[c->n++] = c->line; }
    c->depth += stack_effect(op, arg);
    if (c->depth > c->maxdepth) c->maxdepth = c->depth;
    return at;
}

static void patch(CU *c, int at, int target)
{
    c->code[at] = MKOP(OPC(c->code[at]), target);
}

static int here(CU *c) { return c->n; }

static int stack_effect(int op, int arg)
{
    switch (op) {
    case OP_NOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: case OP_JUMP:
    case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_NOT: case OP_UNARY_INVERT:
    case OP_GET_ITER: case OP_POP_BLOCK: case OP_POP_EXCEPT: case OP_SETUP_FINALLY:
    case OP_LOAD_ATTR: case OP_LIST_TO_TUPLE: case OP_DELETE_FAST: case OP_DELETE_DEREF:
    case OP_DELETE_GLOBAL: case OP_DELETE_NAME: case OP_IMPORT_NAME:
        return 0;
    case OP_PUSH_NULL: case OP_DUP_TOP: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE: case OP_LOAD_GLOBAL: case OP_LOAD_NAME: case OP_LOAD_CLASSDEREF:
    case OP_FOR_ITER: case OP_LOAD_METHOD: case OP_IMPORT_FROM: case OP_LOAD_ASSERTION_ERROR:
    case OP_WITH_ENTER: case OP_WITH_EXCEPT:
        return 1;
    case OP_DUP_TOP2: return 2;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL:
    case OP_STORE_NAME: case OP_DELETE_ATTR: case OP_BINARY_OP: case OP_COMPARE_OP:
    case OP_IS_OP: case OP_CONTAINS_OP: case OP_BINARY_SUBSCR: case OP_LIST_APPEND:
    case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE:
    case OP_DICT_MERGE: case OP_FORMAT_VALUE: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_RETURN_VALUE:
    case OP_RERAISE: case OP_CHECK_EXC_MATCH: case OP_IMPORT_STAR: case OP_WITH_EXIT:
    case OP_YIELD_FROM:
        return op == OP_FORMAT_VALUE ? -((arg >> 8) & 1) : op == OP_CHECK_EXC_MATCH ? 0 : -1;
    case OP_YIELD_VALUE: return 0;
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_CALL: return -arg - 1;
    case OP_CALL_KW: return -arg - 2;
    case OP_CALL_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: return -__builtin_popcount(arg);
    case OP_RAISE: return -arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_BUILD_CLASS: return -2;
    default: return 0;
    }
}

static int add_const(CU *c, Obj *v)
{
    for (int64_t i = 0; i < LN(c->consts); i++) {
        Obj *o = LITEMS(c->consts)[i];
        if (o == v) return (int)i;
        if (TYPE(o) == TYPE(v) && (IS_INT(v) || IS_STR(v) || IS(v, float)) && !IS(v, float)) {
            int e = mp_eq(o, v);
            if (e > 0) return (int)i;
            mp_err_clear();
        }
    }
    mp_list_append(c->consts, v);
    return (int)LN(c->consts) - 1;
}

static int add_name(CU *c, Obj *name)
{
    for (int64_t i = 0; i < LN(c->names); i++) if (LITEMS(c->names)[i] == name) return (int)i;
    mp_list_append(c->names, name);
    return (int)LN(c->names) - 1;
}

static void expr(CU *c, Node *n);
static void stmts(CU *c, NList *l);
static void store(CU *c, Node *n);
static Obj *compile_scope(Scope *sc, Node *node, NList *body, Node *bodyexpr, int argcount, int kwonly);

static void load_const(CU *c, Obj *v) { emit(c, OP_LOAD_CONST, add_const(c, v)); }

static void name_op(CU *c, Obj *name, int ctx /* 0 load 1 store 2 del */)
{
    int idx = 0;
    int k = mp_sym_resolve(c->sc, name, &idx);
    static const int ops[5][3] = {
        { OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST },
        { OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF },
        { OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL },
        { OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME },
        { OP_LOAD_CLASSDEREF, OP_STORE_NAME, OP_DELETE_NAME },
    };
    int op = ops[k][ctx];
    if (k == NK_GLOBAL || k == NK_NAME || (k == NK_CLASSDEREF && ctx)) {
        int ni = add_name(c, name);
        if (op == OP_LOAD_CLASSDEREF) ni = idx | (ni << 10);
        emit(c, op, ni);
    } else if (op == OP_LOAD_CLASSDEREF) {
        emit(c, op, idx | (add_name(c, name) << 10));
    } else emit(c, op, idx);
}

static int has_starred(NList *l)
{
    for (int i = 0; i < l->n; i++) if (l->v[i] && l->v[i]->kind == N_STARRED) return 1;
    return 0;
}

static int all_const(NList *l)
{
    for (int i = 0; i < l->n; i++) if (l->v[i]->kind != N_CONST) return 0;
    return 1;
}

/* Build a list from elements that may contain *starred items. */
static void build_list_starred(CU *c, NList *l)
{
    emit(c, OP_BUILD_LIST, 0);
    for (int i = 0; i < l->n; i++) {
        Node *e = l->v[i];
        if (e->kind == N_STARRED) { expr(c, e->a); emit(c, OP_LIST_EXTEND, 1); }
        else { expr(c, e); emit(c, OP_LIST_APPEND, 1); }
    }
}

static void seq(CU *c, Node *n)
{
    if (has_starred(&n->l1)) {
        if (n->kind == N_SET) {
            emit(c, OP_BUILD_SET, 0);
            build_list_starred(c, &n->l1);
            emit(c, OP_SET_UPDATE, 1);
            return;
        }
        build_list_starred(c, &n->l1);
        if (n->kind == N_TUPLE) emit(c, OP_LIST_TO_TUPLE, 0);
        return;
    }
    if (n->kind == N_TUPLE && all_const(&n->l1)) {
        Obj *t = mp_tuple_new(n->l1.n);
        for (int i = 0; i < n->l1.n; i++) TITEMS(t)[i] = incref(n->l1.v[i]->val);
        load_const(c, t);
        decref(t);
        return;
    }
    for (int i = 0; i < n->l1.n; i++) expr(c, n->l1.v[i]);
    emit(c, n->kind == N_TUPLE ? OP_BUILD_TUPLE : n->kind == N_LIST ? OP_BUILD_LIST : OP_BUILD_SET, n->l1.n);
}

static void dict(CU *c, Node *n)
{
    int simple = 1;
    for (int i = 0; i < n->l1.n; i++) if (!n->l1.v[i]) simple = 0;
    if (simple && n->l1.n < 1000) {
        for (int i = 0; i < n->l1.n; i++) { expr(c, n->l1.v[i]); expr(c, n->l2.v[i]); }
        emit(c, OP_BUILD_MAP, n->l1.n);
        return;
    }
    emit(c, OP_BUILD_MAP, 0);
    for (int i = 0; i < n->l1.n; i++) {
        if (n->l1.v[i]) { expr(c, n->l1.v[i]); expr(c, n->l2.v[i]); emit(c, OP_MAP_ADD, 1); }
        else { expr(c, n->l2.v[i]); emit(c, OP_DICT_UPDATE, 1); }
    }
}

static void make_closure(CU *c, Scope *child, Obj *code, int flags)
{
    if (LN(child->freevars)) {
        for (int64_t i = 0; i < LN(child->freevars); i++) {
            Obj *nm = LITEMS(child->freevars)[i];
            int idx = 0;
            int k = mp_sym_resolve(c->sc, nm, &idx);
            if (k == NK_CLASSDEREF) k = NK_DEREF;
            if (k != NK_DEREF) cfail(NULL, "internal error: closure resolution");
            emit(c, OP_LOAD_CLOSURE, idx);
        }
        emit(c, OP_BUILD_TUPLE, (int)LN(child->freevars));
        flags |= MF_CLOSURE;
    }
    load_const(c, code);
    emit(c, OP_MAKE_FUNCTION, flags);
}

static int fdefaults(CU *c, Node *args)
{
    int flags = 0;
    if (args->l2.n) {
        for (int i = 0; i < args->l2.n; i++) expr(c, args->l2.v[i]);
        emit(c, OP_BUILD_TUPLE, args->l2.n);
        flags |= MF_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < args->l4.n; i++) {
        if (!args->l4.v[i]) continue;
        load_const(c, args->l3.v[i]->name);
        expr(c, args->l4.v[i]);
        nkw++;
    }
    if (nkw) { emit(c, OP_BUILD_MAP, nkw); flags |= MF_KWDEFAULTS; }
    return flags;
}

static void comprehension(CU *c, Node *n)
{
    Scope *sc = n->scope;
    Obj *code = compile_scope(sc, n, NULL, n, 1, 0);
    emit(c, OP_PUSH_NULL, 0);
    make_closure(c, sc, code, 0);
    decref(code);
    expr(c, n->l1.v[0]->b);
    emit(c, OP_GET_ITER, 0);
    emit(c, OP_CALL, 1);
}

static void call(CU *c, Node *n)
{
    int simple = !has_starred(&n->l1);
    for (int i = 0; i < n->l2.n; i++) if (n->l2.v[i]->kind == N_DSTARRED) simple = 0;
    if (simple && n->a->kind == N_ATTR && n->l2.n == 0) {
        expr(c, n->a->a);
        int line = c->line;
        c->line = n->a->line;
        emit(c, OP_LOAD_METHOD, add_name(c, n->a->name));
        c->line = line;
        for (int i = 0; i < n->l1.n; i++) expr(c, n->l1.v[i]);
        c->line = n->line;
        emit(c, OP_CALL, n->l1.n);
        return;
    }
    emit(c, OP_PUSH_NULL, 0);
    expr(c, n->a);
    if (simple) {
        for (int i = 0; i < n->l1.n; i++) expr(c, n->l1.v[i]);
        if (n->l2.n) {
            Obj *names = mp_tuple_new(n->l2.n);
            for (int i = 0; i < n->l2.n; i++) {
                expr(c, n->l2.v[i]->a);
                TITEMS(names)[i] = incref(n->l2.v[i]->name);
            }
            load_const(c, names);
            decref(names);
            c->line = n->line;
            emit(c, OP_CALL_KW, n->l1.n + n->l2.n);
        } else {
            c->line = n->line;
            emit(c, OP_CALL, n->l1.n);
        }
        return;
    }
    build_list_starred(c, &n->l1);
    emit(c, OP_LIST_TO_TUPLE, 0);
    int kw = n->l2.n > 0;
    if (kw) {
        emit(c, OP_BUILD_MAP, 0);
        for (int i = 0; i < n->l2.n; i++) {
            Node *k = n->l2.v[i];
            if (k->kind == N_DSTARRED) { expr(c, k->a); emit(c, OP_DICT_MERGE, 1); }
            else { load_const(c, k->name); expr(c, k->a); emit(c, OP_BUILD_MAP, 1); emit(c, OP_DICT_MERGE, 1); }
        }
    }
    c->line = n->line;
    emit(c, OP_CALL_EX, kw);
}

static int cmp_code(int op, int *kind)
{
    /* parser: LT LE EQ NE GT GE IN NOTIN IS ISNOT */
    if (op <= 5) { *kind = OP_COMPARE_OP; return op; }
    if (op == 6 || op == 7) { *kind = OP_CONTAINS_OP; return op == 7; }
    *kind = OP_IS_OP; return op == 9;
}

static void compare(CU *c, Node *n)
{
    int kind, arg;
    expr(c, n->l1.v[0]);
    int nops = n->l1.n - 1;
    if (nops == 1) {
        expr(c, n->l1.v[1]);
        arg = cmp_code(n->ops[0], &kind);
        c->line = n->line;
        emit(c, kind, arg);
        return;
    }
    int jumps[64], nj = 0;
    for (int i = 0; i < nops; i++) {
        expr(c, n->l1.v[i + 1]);
        arg = cmp_code(n->ops[i], &kind);
        if (i < nops - 1) {
            emit(c, OP_DUP_TOP, 0);
            emit(c, OP_ROT_THREE, 0);
            emit(c, kind, arg);
            if (nj < 64) jumps[nj++] = emit(c, OP_JUMP_IF_FALSE_OR_POP, 0);
        } else emit(c, kind, arg);
    }
    int j = emit(c, OP_JUMP, 0);
    for (int i = 0; i < nj; i++) patch(c, jumps[i], here(c));
    emit(c, OP_ROT_TWO, 0);
    emit(c, OP_POP_TOP, 0);
    c->depth += 1;   /* the two paths merge */
    patch(c, j, here(c));
}

static void joined(CU *c, Node *n)
{
    int cnt = 0;
    for (int i = 0; i < n->l1.n; i++) {
        Node *p = n->l1.v[i];
        if (p->kind == N_CONST) { load_const(c, p->val); cnt++; continue; }
        expr(c, p->a);
        int conv = p->op == 'r' ? 1 : p->op == 's' ? 2 : p->op == 'a' ? 3 : 0;
        if (p->b) joined(c, p->b);
        emit(c, OP_FORMAT_VALUE, conv | (p->b ? 256 : 0));
        cnt++;
    }
    if (cnt == 0) { Obj *e = mp_str_c(""); load_const(c, e); decref(e); return; }
    if (cnt > 1) emit(c, OP_BUILD_STRING, cnt);
    else if (n->l1.v[0]->kind == N_CONST) {}
}

static void expr(CU *c, Node *n)
{
    int saved = c->line;
    c->line = n->line;
    switch (n->kind) {
    case N_CONST: load_const(c, n->val); break;
    case N_NAME: name_op(c, n->name, 0); break;
    case N_BINOP: expr(c, n->a); expr(c, n->b); c->line = n->line; emit(c, OP_BINARY_OP, n->op); break;
    case N_UNARY:
        expr(c, n->a);
        emit(c, n->op == '-' ? OP_UNARY_NEG : n->op == '+' ? OP_UNARY_POS : OP_UNARY_INVERT, 0);
        break;
    case N_NOT: expr(c, n->a); emit(c, OP_UNARY_NOT, 0); break;
    case N_BOOLOP: {
        int jumps[256], nj = 0;
        for (int i = 0; i < n->l1.n; i++) {
            expr(c, n->l1.v[i]);
            if (i < n->l1.n - 1 && nj < 256)
                jumps[nj++] = emit(c, n->op ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, 0);
        }
        for (int i = 0; i < nj; i++) patch(c, jumps[i], here(c));
        break;
    }
    case N_COMPARE: compare(c, n); break;
    case N_CALL: call(c, n); break;
    case N_ATTR: expr(c, n->a); c->line = n->line; emit(c, OP_LOAD_ATTR, add_name(c, n->name)); break;
    case N_SUBSCR: expr(c, n->a); expr(c, n->b); c->line = n->line; emit(c, OP_BINARY_SUBSCR, 0); break;
    case N_SLICE:
        if (n->a) expr(c, n->a); else load_const(c, NONE);
        if (n->b) expr(c, n->b); else load_const(c, NONE);
        if (n->c) { expr(c, n->c); emit(c, OP_BUILD_SLICE, 3); } else emit(c, OP_BUILD_SLICE, 2);
        break;
    case N_TUPLE: case N_LIST: case N_SET: seq(c, n); break;
    case N_DICT: dict(c, n); break;
    case N_IFEXP: {
        expr(c, n->a);
        int j = emit(c, OP_POP_JUMP_IF_FALSE, 0);
        expr(c, n->b);
        int e = emit(c, OP_JUMP, 0);
        c->depth--;
        patch(c, j, here(c));
        expr(c, n->c);
        patch(c, e, here(c));
        break;
    }
    case N_LAMBDA: {
        int flags = fdefaults(c, n->a);
        Obj *code = compile_scope(n->scope, n, NULL, n->b, n->a->l1.n, n->a->l3.n);
        make_closure(c, n->scope, code, flags);
        decref(code);
        break;
    }
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP: comprehension(c, n); break;
    case N_STARRED: cfail(n, "can't use starred expression here");
    case N_JOINEDSTR: joined(c, n); break;
    case N_YIELD:
        if (c->sc->kind != SC_FUNC) cfail(n, "'yield' outside function");
        if (n->a) expr(c, n->a); else load_const(c, NONE);
        emit(c, OP_YIELD_VALUE, 0);
        break;
    case N_YIELDFROM:
        if (c->sc->kind != SC_FUNC) cfail(n, "'yield' outside function");
        expr(c, n->a);
        emit(c, OP_GET_ITER, 0);
        load_const(c, NONE);
        emit(c, OP_YIELD_FROM, 0);
        break;
    case N_NAMEDEXPR:
        expr(c, n->b);
        emit(c, OP_DUP_TOP, 0);
        store(c, n->a);
        break;
    default: cfail(n, "unsupported expression");
    }
    c->line = saved;
}

static void store(CU *c, Node *n);

/* `a, b = x, y` (or three of each, no starred item on either side) as
 * CPython compiles it: the values are evaluated left to right onto the
 * stack and reversed by rotations, so the targets are stored left to
 * right without building and unpacking a tuple (a swap `a[i], a[j] =
 * a[j], a[i]` allocated one before).  Returns 0 when the statement has
 * another shape. */
static int swap_assign(CU *c, Node *t, Node *v)
{
    if ((t->kind != N_TUPLE && t->kind != N_LIST) || v->kind != N_TUPLE) return 0;
    int k = t->l1.n;
    if ((k != 2 && k != 3) || v->l1.n != k || has_starred(&t->l1) || has_starred(&v->l1)) return 0;
    for (int i = 0; i < k; i++) expr(c, v->l1.v[i]);
    if (k == 3) emit(c, OP_ROT_THREE, 0);
    emit(c, OP_ROT_TWO, 0);
    for (int i = 0; i < k; i++) store(c, t->l1.v[i]);
    return 1;
}

static void store(CU *c, Node *n)
{
    int saved = c->line;
    c->line = n->line;
    switch (n->kind) {
    case N_NAME: name_op(c, n->name, 1); break;
    case N_ATTR: expr(c, n->a); emit(c, OP_STORE_ATTR, add_name(c, n->name)); break;
    case N_SUBSCR: expr(c, n->a); expr(c, n->b); emit(c, OP_STORE_SUBSCR, 0); break;
    case N_TUPLE: case N_LIST: {
        int star = -1;
        for (int i = 0; i < n->l1.n; i++)
            if (n->l1.v[i]->kind == N_STARRED) {
                if (star >= 0) cfail(n, "multiple starred expressions in assignment");
                star = i;
            }
        if (star < 0) emit(c, OP_UNPACK_SEQUENCE, n->l1.n);
        else emit(c, OP_UNPACK_EX, star | ((n->l1.n - star - 1) << 8));
        for (int i = 0; i < n->l1.n; i++) {
            Node *t = n->l1.v[i];
            store(c, t->kind == N_STARRED ? t->a : t);
        }
        break;
    }
    case N_STARRED: cfail(n, "starred assignment target must be in a list or tuple");
    case N_CONST: cfail(n, "cannot assign to literal");
    case N_CALL: cfail(n, "cannot assign to function call");
    default: cfail(n, "cannot assign to expression");
    }
    c->line = saved;
}

static void del(CU *c, Node *n)
{
    switch (n->kind) {
    case N_NAME: name_op(c, n->name, 2); break;
    case N_ATTR: expr(c, n->a); emit(c, OP_DELETE_ATTR, add_name(c, n->name)); break;
    case N_SUBSCR: expr(c, n->a); expr(c, n->b); emit(c, OP_DELETE_SUBSCR, 0); break;
    case N_TUPLE: case N_LIST: for (int i = 0; i < n->l1.n; i++) del(c, n->l1.v[i]); break;
    default: cfail(n, "cannot delete expression");
    }
}

/* Emit the code that leaves fblock i (for return/break/continue). */
static void unwind_one(CU *c, int i, int is_return)
{
    FBlock *b = &c->fb[i];
    switch (b->type) {
    case FB_WHILE: break;
    case FB_FOR: if (!is_return) emit(c, OP_POP_TOP, 0), c->depth++; break;
    case FB_TRY: emit(c, OP_POP_BLOCK, 0); break;
    case FB_FINALLY_TRY: {
        emit(c, OP_POP_BLOCK, 0);
        FBlock saved[64];
        int n = c->nfb;
        memcpy(saved, c->fb, sizeof(FBlock) * n);
        c->nfb = i;
        stmts(c, &b->node->l4);
        memcpy(c->fb, saved, sizeof(FBlock) * n);
        c->nfb = n;
        break;
    }
    case FB_HANDLER:
        emit(c, OP_POP_EXCEPT, 0);
        if (!is_return) { emit(c, OP_POP_TOP, 0); c->depth++; }
        if (b->name) { load_const(c, NONE); name_op(c, b->name, 1); name_op(c, b->name, 2); }
        break;
    case FB_FINALLY_END:
        emit(c, OP_POP_EXCEPT, 0);
        if (!is_return) { emit(c, OP_POP_TOP, 0); c->depth++; }
        break;
    case FB_WITH:
        emit(c, OP_POP_BLOCK, 0);
        if (is_return) emit(c, OP_ROT_TWO, 0);
        emit(c, OP_WITH_EXIT, 0);
        c->depth++;
        break;
    }
}

static void loop_jump(CU *c, Node *n, int is_break)
{
    int i;
    for (i = c->nfb - 1; i >= 0; i--) {
        if (c->fb[i].type == FB_WHILE || c->fb[i].type == FB_FOR) break;
        unwind_one(c, i, 0);
    }
    if (i < 0) cfail(n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
        if (c->fb[i].type == FB_FOR) { emit(c, OP_POP_TOP, 0); c->depth++; }
        int j = emit(c, OP_JUMP, 0);
        /* chain break jumps through the block's list */
        c->code[j] = MKOP(OP_JUMP, c->fb[i].brk);
        c->fb[i].brk = j;
    } else emit(c, OP_JUMP, c->fb[i].start);
}

static void patch_breaks(CU *c, int head, int target)
{
    while (head) {
        int next = OPARG(c->code[head]);
        patch(c, head, target);
        head = next;
    }
}

static void try_stmt(CU *c, Node *n)
{
    int fin_setup = -1;
    if (n->flag) {
        fin_setup = emit(c, OP_SETUP_FINALLY, 0);
        c->fb[c->nfb++] = (FBlock){ FB_FINALLY_TRY, 0, 0, n, NULL };
    }
    if (n->l2.n) {
        int setup = emit(c, OP_SETUP_FINALLY, 0);
        c->fb[c->nfb++] = (FBlock){ FB_TRY, 0, 0, n, NULL };
        stmts(c, &n->l1);
        c->nfb--;
        emit(c, OP_POP_BLOCK, 0);
        int to_else = emit(c, OP_JUMP, 0);
        patch(c, setup, here(c));
        int base = c->depth;
        c->depth = base + 1;
        int ends[256], ne = 0;
        for (int i = 0; i < n->l2.n; i++) {
            Node *h = n->l2.v[i];
            c->line = h->line;
            int next = -1;
            if (h->a) {
                expr(c, h->a);
                emit(c, OP_CHECK_EXC_MATCH, 0);
                next = emit(c, OP_POP_JUMP_IF_FALSE, 0);
            } else if (i != n->l2.n - 1) cfail(h, "default 'except:' must be last");
            if (h->name) { emit(c, OP_DUP_TOP, 0); name_op(c, h->name, 1); }
            c->fb[c->nfb++] = (FBlock){ FB_HANDLER, 0, 0, h, h->name };
            stmts(c, &h->l1);
            c->nfb--;
            emit(c, OP_POP_EXCEPT, 0);
            emit(c, OP_POP_TOP, 0);
            if (h->name) { load_const(c, NONE); name_op(c, h->name, 1); name_op(c, h->name, 2); }
            if (ne < 256) ends[ne++] = emit(c, OP_JUMP, 0);
            c->depth = base + 1;
            if (next >= 0) patch(c, next, here(c));
        }
        emit(c, OP_RERAISE, 0);
        c->depth = base;
        patch(c, to_else, here(c));
        stmts(c, &n->l3);
        for (int i = 0; i < ne; i++) patch(c, ends[i], here(c));
    } else {
        stmts(c, &n->l1);
    }
    if (n->flag) {
        c->nfb--;
        emit(c, OP_POP_BLOCK, 0);
        stmts(c, &n->l4);
        int end = emit(c, OP_JUMP, 0);
        patch(c, fin_setup, here(c));
        int base = c->depth;
        c->depth = base + 1;
        c->fb[c->nfb++] = (FBlock){ FB_FINALLY_END, 0, 0, n, NULL };
        stmts(c, &n->l4);
        c->nfb--;
        emit(c, OP_RERAISE, 0);
        c->depth = base;
        patch(c, end, here(c));
    }
}

static void with_stmt(CU *c, Node *n, int item)
{
    Node *it = n->l2.v[item];
    expr(c, it->a);
    /* The handler's block goes on before __enter__ runs, so that its stack
     * level keeps only ctx: an exception with temporaries on the stack (a
     * for loop's iterator, a call's operands) unwinds to [ctx] and the
     * handler finds [ctx, exc].  WITH_ENTER drops the block again if
     * __enter__ fails (no __exit__ then). */
    int setup = emit(c, OP_SETUP_FINALLY, 0);
    emit(c, OP_WITH_ENTER, 0);
    if (it->b) store(c, it->b); else emit(c, OP_POP_TOP, 0);
    c->fb[c->nfb++] = (FBlock){ FB_WITH, 0, 0, n, NULL };
    if (item + 1 < n->l2.n) with_stmt(c, n, item + 1);
    else stmts(c, &n->l1);
    c->nfb--;
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_WITH_EXIT, 0);
    int end = emit(c, OP_JUMP, 0);
    patch(c, setup, here(c));
    int base = c->depth;
    c->depth = base + 1;      /* [ctx, exc] */
    emit(c, OP_WITH_EXCEPT, 0);
    int sup = emit(c, OP_POP_JUMP_IF_TRUE, 0);
    emit(c, OP_RERAISE, 0);
    c->depth = base + 1;
    patch(c, sup, here(c));
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0);
    c->depth = base - 1;
    patch(c, end, here(c));
}

static void funcdef(CU *c, Node *n)
{
    for (int i = 0; i < n->l2.n; i++) { emit(c, OP_PUSH_NULL, 0); expr(c, n->l2.v[i]); }
    int flags = fdefaults(c, n->a);
    Obj *code = compile_scope(n->scope, n, &n->l1, NULL, n->a->l1.n, n->a->l3.n);
    make_closure(c, n->scope, code, flags);
    decref(code);
    for (int i = 0; i < n->l2.n; i++) emit(c, OP_CALL, 1);
    name_op(c, n->name, 1);
}

static void classdef(CU *c, Node *n)
{
    for (int i = 0; i < n->l2.n; i++) { emit(c, OP_PUSH_NULL, 0); expr(c, n->l2.v[i]); }
    Obj *code = compile_scope(n->scope, n, &n->l1, NULL, 0, 0);
    make_closure(c, n->scope, code, 0);
    decref(code);
    load_const(c, ((Scope *)n->scope)->qualname);
    for (int i = 0; i < n->l3.n; i++) {
        if (n->l3.v[i]->kind == N_STARRED) cfail(n, "unsupported: starred class bases");
        expr(c, n->l3.v[i]);
    }
    emit(c, OP_BUILD_TUPLE, n->l3.n);
    emit(c, OP_BUILD_CLASS, 0);
    for (int i = 0; i < n->l2.n; i++) emit(c, OP_CALL, 1);
    name_op(c, n->name, 1);
}

static void import_stmt(CU *c, Node *n)
{
    for (int i = 0; i < n->l1.n; i++) {
        Node *d = n->l1.v[i];
        emit(c, OP_IMPORT_NAME, add_name(c, d->name));
        if (d->name2) name_op(c, d->name2, 1);
        else {
            const char *dot = strchr(SS(d->name), '.');
            if (dot) {
                Obj *f = mp_str_new(SS(d->name), dot - SS(d->name));
                Obj *fi = mp_str_intern(SS(f));
                decref(f);
                emit(c, OP_POP_TOP, 0);
                emit(c, OP_IMPORT_NAME, add_name(c, fi));
                name_op(c, fi, 1);
            } else name_op(c, d->name, 1);
        }
    }
}

/* Jump lists: conditional jumps compiled straight from and/or/not tests
 * (no intermediate bool values), patched once the target is known. */
typedef struct { int at[256]; int n; } JL;

static void jl_add(JL *j, int at) { if (j->n < 256) j->at[j->n++] = at; }
static void jl_patch(CU *c, JL *j, int target) { for (int i = 0; i < j->n; i++) patch(c, j->at[i], target); j->n = 0; }

/* Emit code that jumps (recorded in jl) when truth(n) == cond, else falls through. */
static void jump_if(CU *c, Node *n, int cond, JL *jl)
{
    if (n->kind == N_NOT) { jump_if(c, n->a, !cond, jl); return; }
    if (n->kind == N_BOOLOP && n->l1.n < 200) {
        int is_or = n->op;
        if (is_or == cond) {
            for (int i = 0; i < n->l1.n; i++) jump_if(c, n->l1.v[i], cond, jl);
        } else {
            JL *skip = mp_fe_alloc(sizeof(JL), FE_RAW);
            for (int i = 0; i < n->l1.n - 1; i++) jump_if(c, n->l1.v[i], !cond, skip);
            jump_if(c, n->l1.v[n->l1.n - 1], cond, jl);
            jl_patch(c, skip, here(c));
        }
        return;
    }
    expr(c, n);
    jl_add(jl, emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, 0));
}

static void stmt(CU *c, Node *n)
{
    c->line = n->line;
    switch (n->kind) {
    case N_EXPR:
        if (n->a->kind == N_CONST) break;
        expr(c, n->a);
        emit(c, OP_POP_TOP, 0);
        break;
    case N_ASSIGN:
        for (int i = 0; i < n->l1.n; i++) {
            Node *t = n->l1.v[i];
            if (t->kind == N_CALL) cfail(t, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
            if (t->kind == N_CONST) cfail(t, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
        }
        if (n->l1.n == 1 && swap_assign(c, n->l1.v[0], n->a)) break;
        expr(c, n->a);
        for (int i = 0; i < n->l1.n; i++) {
            if (i < n->l1.n - 1) emit(c, OP_DUP_TOP, 0);
            store(c, n->l1.v[i]);
        }
        break;
    case N_AUGASSIGN: {
        Node *t = n->a;
        int op = n->op | 0x100;
        if (t->kind == N_NAME) {
            name_op(c, t->name, 0); expr(c, n->b); c->line = n->line; emit(c, OP_BINARY_OP, op); name_op(c, t->name, 1);
        } else if (t->kind == N_ATTR) {
            expr(c, t->a); emit(c, OP_DUP_TOP, 0); emit(c, OP_LOAD_ATTR, add_name(c, t->name));
            expr(c, n->b); c->line = n->line; emit(c, OP_BINARY_OP, op);
            emit(c, OP_ROT_TWO, 0); emit(c, OP_STORE_ATTR, add_name(c, t->name));
        } else {
            expr(c, t->a); expr(c, t->b); emit(c, OP_DUP_TOP2, 0); emit(c, OP_BINARY_SUBSCR, 0);
            expr(c, n->b); c->line = n->line; emit(c, OP_BINARY_OP, op);
            emit(c, OP_ROT_THREE, 0); emit(c, OP_STORE_SUBSCR, 0);
        }
        break;
    }
    case N_ANNASSIGN:
        if (n->b) { expr(c, n->b); store(c, n->a); }
        break;
    case N_DEF: funcdef(c, n); break;
    case N_CLASS: classdef(c, n); break;
    case N_RETURN:
        if (c->sc->kind != SC_FUNC) cfail(n, "'return' outside function");
        if (n->a) expr(c, n->a); else load_const(c, NONE);
        for (int i = c->nfb - 1; i >= 0; i--) unwind_one(c, i, 1);
        c->line = n->line;
        emit(c, OP_RETURN_VALUE, 0);
        break;
    case N_IF: {
        JL *jl = mp_fe_alloc(sizeof(JL), FE_RAW);
        jump_if(c, n->a, 0, jl);
        stmts(c, &n->l1);
        if (n->l2.n) {
            int e = emit(c, OP_JUMP, 0);
            jl_patch(c, jl, here(c));
            stmts(c, &n->l2);
            patch(c, e, here(c));
        } else jl_patch(c, jl, here(c));
        break;
    }
    case N_WHILE: {
        int start = here(c);
        JL *jl = mp_fe_alloc(sizeof(JL), FE_RAW);
        jump_if(c, n->a, 0, jl);
        c->fb[c->nfb++] = (FBlock){ FB_WHILE, start, 0, n, NULL };
        stmts(c, &n->l1);
        int brk = c->fb[--c->nfb].brk;
        c->line = n->line;
        emit(c, OP_JUMP, start);
        jl_patch(c, jl, here(c));
        stmts(c, &n->l2);
        patch_breaks(c, brk, here(c));
        break;
    }
    case N_FOR: {
        expr(c, n->b);
        emit(c, OP_GET_ITER, 0);
        int start = here(c);
        int fi = emit(c, OP_FOR_ITER, 0);
        store(c, n->a);
        c->fb[c->nfb++] = (FBlock){ FB_FOR, start, 0, n, NULL };
        stmts(c, &n->l1);
        int brk = c->fb[--c->nfb].brk;
        c->line = n->line;
        emit(c, OP_JUMP, start);
        patch(c, fi, here(c));
        c->depth -= 1;
        stmts(c, &n->l2);
        patch_breaks(c, brk, here(c));
        break;
    }
    case N_BREAK: loop_jump(c, n, 1); break;
    case N_CONTINUE: loop_jump(c, n, 0); break;
    case N_PASS: case N_GLOBAL: case N_NONLOCAL: break;
    case N_DEL: for (int i = 0; i < n->l1.n; i++) del(c, n->l1.v[i]); break;
    case N_ASSERT: {
        expr(c, n->a);
        int j = emit(c, OP_POP_JUMP_IF_TRUE, 0);
        if (n->b) {
            emit(c, OP_PUSH_NULL, 0);
            emit(c, OP_LOAD_ASSERTION_ERROR, 0);
            expr(c, n->b);
            emit(c, OP_CALL, 1);
        } else emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        emit(c, OP_RAISE, 1);
        patch(c, j, here(c));
        break;
    }
    case N_TRY: try_stmt(c, n); break;
    case N_RAISE:
        if (n->a) expr(c, n->a);
        if (n->b) expr(c, n->b);
        emit(c, OP_RAISE, n->b ? 2 : n->a ? 1 : 0);
        break;
    case N_IMPORT: import_stmt(c, n); break;
    case N_IMPORTFROM:
        if (n->op) cfail(n, "unsupported: relative import");
        emit(c, OP_IMPORT_NAME, add_name(c, n->a->name));
        if (n->flag) { emit(c, OP_IMPORT_STAR, 0); break; }
        for (int i = 0; i < n->l1.n; i++) {
            Node *d = n->l1.v[i];
            emit(c, OP_IMPORT_FROM, add_name(c, d->name));
            name_op(c, d->name2 ? d->name2 : d->name, 1);
        }
        emit(c, OP_POP_TOP, 0);
        break;
    case N_WITH: with_stmt(c, n, 0); break;
    default: cfail(n, "unsupported statement");
    }
}

static void stmts(CU *c, NList *l)
{
    for (int i = 0; i < l->n; i++) stmt(c, l->v[i]);
}

static void comp_body(CU *c, Node *n, int gi)
{
    Node *g = n->l1.v[gi];
    if (gi == 0) emit(c, OP_LOAD_FAST, 0);
    else { expr(c, g->b); emit(c, OP_GET_ITER, 0); }
    int start = here(c);
    int fi = emit(c, OP_FOR_ITER, 0);
    store(c, g->a);
    int skips[64], ns = 0;
    for (int i = 0; i < g->l1.n; i++) {
        expr(c, g->l1.v[i]);
        int j = emit(c, OP_POP_JUMP_IF_FALSE, 0);
        if (ns < 64) skips[ns++] = j;
    }
    if (gi + 1 < n->l1.n) comp_body(c, n, gi + 1);
    else {
        int depth = gi + 2;   /* iterators plus the result */
        switch (n->kind) {
        case N_LISTCOMP: expr(c, n->a); emit(c, OP_LIST_APPEND, depth); break;
        case N_SETCOMP: expr(c, n->a); emit(c, OP_SET_ADD, depth); break;
        case N_DICTCOMP: expr(c, n->a); expr(c, n->b); emit(c, OP_MAP_ADD, depth); break;
        default: expr(c, n->a); emit(c, OP_YIELD_VALUE, 0); emit(c, OP_POP_TOP, 0); break;
        }
    }
    for (int i = 0; i < ns; i++) patch(c, skips[i], start);
    emit(c, OP_JUMP, start);
    patch(c, fi, here(c));
    c->depth--;
}

static Obj *tuple_of_list(Obj *l)
{
    Obj *t = mp_tuple_new(LN(l));
    for (int64_t i = 0; i < LN(l); i++) TITEMS(t)[i] = incref(LITEMS(l)[i]);
    return t;
}

/* Superinstructions (opcodes.h): the first of two adjacent instructions
 * that are often together becomes a form that runs both in one dispatch.
 * The second stays as it is, so a jump to it, the JIT (which lowers by
 * family and steps instruction by instruction) and a resumption there all
 * see the plain code. */
/* A machine int constant (the fused forms below check only the local). */
static int small_const(Obj *consts, uint32_t u)
{
    Obj *c = LITEMS(consts)[OPARG(u)];
    return TYPE(c) == &mp_int_type && !((Int *)c)->big;
}

/* The longer forms (ceval.c, "Longer superinstructions"): a LOAD_FAST at i
 * that starts
 *   LOAD_FAST x; LOAD_CONST c; BINARY_OP +,-,+=,-=; STORE_FAST y   (ADDI_STORE)
 *   LOAD_FAST x; LOAD_FAST y; BINARY_SUBSCR                        (SUBSCR_LIST)
 *   ... the same; LOAD_FAST z; COMPARE_OP; POP_JUMP_IF_*           (SUBSCR_CMP_JUMP)
 *   LOAD_FAST x; LOAD_FAST y; COMPARE_OP; POP_JUMP_IF_*            (CMP_JUMP)
 *   LOAD_FAST x; LOAD_CONST c; COMPARE_OP; POP_JUMP_IF_*           (CMPI_JUMP)
 *   LOAD_FAST x; LOAD_FAST y; BINARY_SUBSCR; LOAD_FAST z; LOAD_FAST w;
 *     BINARY_SUBSCR; COMPARE_OP; POP_JUMP_IF_*                     (SUBSCR2_CMP_JUMP)
 *   LOAD_FAST l; LOAD_METHOD append; LOAD_FAST v; CALL 1; POP_TOP  (APPEND_FAST)
 *   LOAD_FAST l; LOAD_METHOD append; LOAD_FAST x; LOAD_FAST y;
 *     BINARY_SUBSCR; CALL 1; POP_TOP                               (APPEND_SUBSCR)
 * with c a machine int.  None of the instructions after the first is a jump
 * target's concern: they stay as they are, and the fused form only runs
 * when control reaches the first. */
static int is_cond_jump(uint32_t u) { return OPC(u) == OP_POP_JUMP_IF_FALSE || OPC(u) == OP_POP_JUMP_IF_TRUE; }

static int fused_run(uint32_t *code, int n, int i, Obj *consts, Obj *names)
{
    if (OPC(code[i]) != OP_LOAD_FAST || i + 3 >= n) return -1;
    uint32_t u1 = code[i + 1], u2 = code[i + 2];
    int b = OPC(u1), c = OPC(u2);
    if (b == OP_LOAD_METHOD && mp_str_eqc(LITEMS(names)[OPARG(u1)], "append") && i + 9 < n
        && OPC(code[i + 5]) == OP_LOAD_FAST) {
        if (OPC(code[i + 6]) == OP_CALL && OPARG(code[i + 6]) == 1 && OPC(code[i + 9]) == OP_POP_TOP)
            return OP_LOAD_FAST__APPEND_FAST;
        if (i + 12 < n && OPC(code[i + 6]) == OP_LOAD_FAST && OPC(code[i + 7]) == OP_BINARY_SUBSCR
            && OPC(code[i + 9]) == OP_CALL && OPARG(code[i + 9]) == 1 && OPC(code[i + 12]) == OP_POP_TOP)
            return OP_LOAD_FAST__APPEND_SUBSCR;
    }
    if (b == OP_LOAD_CONST && c == OP_BINARY_OP && i + 4 < n && OPC(code[i + 4]) == OP_STORE_FAST
        && ((OPARG(u2) & 0xff) == BIN_ADD || (OPARG(u2) & 0xff) == BIN_SUB) && small_const(consts, u1))
        return OP_LOAD_FAST__ADDI_STORE;
    if (b == OP_LOAD_FAST && c == OP_BINARY_SUBSCR) {
        if (i + 10 < n && OPC(code[i + 4]) == OP_LOAD_FAST && OPC(code[i + 5]) == OP_LOAD_FAST
            && OPC(code[i + 6]) == OP_BINARY_SUBSCR && OPC(code[i + 8]) == OP_COMPARE_OP && is_cond_jump(code[i + 10]))
            return OP_LOAD_FAST__SUBSCR2_CMP_JUMP;
        if (i + 7 < n && OPC(code[i + 4]) == OP_LOAD_FAST && OPC(code[i + 5]) == OP_COMPARE_OP
            && (OPC(code[i + 7]) == OP_POP_JUMP_IF_FALSE || OPC(code[i + 7]) == OP_POP_JUMP_IF_TRUE))
            return OP_LOAD_FAST__SUBSCR_CMP_JUMP;
        return OP_LOAD_FAST__SUBSCR_LIST;
    }
    if ((b == OP_LOAD_FAST || (b == OP_LOAD_CONST && small_const(consts, u1))) && c == OP_COMPARE_OP && i + 4 < n
        && (OPC(code[i + 4]) == OP_POP_JUMP_IF_FALSE || OPC(code[i + 4]) == OP_POP_JUMP_IF_TRUE))
        return b == OP_LOAD_FAST ? OP_LOAD_FAST__CMP_JUMP : OP_LOAD_FAST__CMPI_JUMP;
    return -1;
}

static void fuse_pairs(uint32_t *code, int n, Obj *consts, Obj *names)
{
    for (int i = 0; i + 1 < n; i++) {
        int a = OPC(code[i]), b = OPC(code[i + 1]), f = fused_run(code, n, i, consts, names);
        if (f >= 0) { code[i] = MKOP(f, OPARG(code[i])); continue; }
        if (a == OP_LOAD_FAST && b == OP_LOAD_FAST) f = OP_LOAD_FAST__LOAD_FAST;
        else if (a == OP_LOAD_FAST && b == OP_LOAD_CONST) f = OP_LOAD_FAST__LOAD_CONST;
        else if (a == OP_LOAD_CONST && b == OP_LOAD_FAST) f = OP_LOAD_CONST__LOAD_FAST;
        else if (a == OP_STORE_FAST && b == OP_LOAD_FAST) f = OP_STORE_FAST__LOAD_FAST;
        else if (a == OP_STORE_FAST && b == OP_STORE_FAST) f = OP_STORE_FAST__STORE_FAST;
        else if (a == OP_BUILD_SLICE && OPARG(code[i]) == 2 && b == OP_BINARY_SUBSCR) f = OP_BUILD_SLICE__SUBSCR;
        if (f >= 0) code[i] = MKOP(f, OPARG(code[i]));
        i += OPNC(code[i]);
    }
}

static Obj *compile_scope(Scope *sc, Node *node, NList *body, Node *bodyexpr, int argcount, int kwonly)
{
    /* on the heap (the front end's arena): a compile error longjmps past
     * this frame and mp_compile frees what the unit holds */
    CU *cp = mp_fe_alloc(sizeof(CU), FE_RAW);
    cp->sc = sc;
    cp->consts = mp_list_new(0);
    cp->names = mp_list_new(0);
    cp->outer = G->cu;
    G->cu = cp;
    cp->line = node ? node->line : 1;
    if (node && node->kind == N_MODULE) cp->line = node->l1.n ? node->l1.v[0]->line : 1;
    if (sc->kind == SC_CLASS) {
        name_op(cp, mp.s___name__, 0);
        name_op(cp, mp.s___module__, 1);
    }
    if (bodyexpr && node->kind >= N_LISTCOMP && node->kind <= N_GENEXP) {
        if (node->kind != N_GENEXP)
            emit(cp, node->kind == N_LISTCOMP ? OP_BUILD_LIST : node->kind == N_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
        comp_body(cp, node, 0);
        if (node->kind == N_GENEXP) load_const(cp, NONE);
        emit(cp, OP_RETURN_VALUE, 0);
    } else if (bodyexpr) {
        expr(cp, bodyexpr);
        emit(cp, OP_RETURN_VALUE, 0);
    } else {
        stmts(cp, body);
        load_const(cp, NONE);
        emit(cp, OP_RETURN_VALUE, 0);
    }
    G->cu = cp->outer;    /* no compile error past this point */
    fuse_pairs(cp->code, cp->n, cp->consts, cp->names);
    Code *co = mp_alloc(&mp_code_type, sizeof(Code));
    if (mp.ncodes == mp.capcodes) {
        mp.capcodes = mp.capcodes * 2 + 64;
        mp.codes = realloc(mp.codes, sizeof(Obj *) * mp.capcodes);
    }
    mp.codes[mp.ncodes++] = (Obj *)co;
    co->code = cp->code; co->ncode = cp->n; co->lines = cp->lines;
    co->consts = tuple_of_list(cp->consts); decref(cp->consts);
    co->names = tuple_of_list(cp->names); decref(cp->names);
    co->varnames = tuple_of_list(sc->varnames);
    co->cellvars = tuple_of_list(sc->cellvars);
    co->freevars = tuple_of_list(sc->freevars);
    co->nlocals = (int)LN(sc->varnames);
    co->ncells = (int)LN(sc->cellvars);
    co->nfree = (int)LN(sc->freevars);
    co->nlocalsplus = co->nlocals + co->ncells + co->nfree;
    co->cell2arg = malloc(sizeof(int) * (co->ncells + 1));
    int nargs = argcount + kwonly;
    Node *args = node && (node->kind == N_DEF || node->kind == N_LAMBDA) ? node->a : NULL;
    if (args) {
        if (args->name) { co->flags |= CO_VARARGS; nargs++; }
        if (args->name2) { co->flags |= CO_VARKW; nargs++; }
    }
    if (bodyexpr && node->kind >= N_LISTCOMP && node->kind <= N_GENEXP) nargs = 1;
    for (int i = 0; i < co->ncells; i++) {
        co->cell2arg[i] = -1;
        for (int j = 0; j < nargs; j++)
            if (TITEMS(co->varnames)[j] == TITEMS(co->cellvars)[i]) co->cell2arg[i] = j;
    }
    co->argcount = argcount;
    co->kwonlycount = kwonly;
    if (sc->generator) co->flags |= CO_GENERATOR;
    if (sc->kind == SC_FUNC) co->flags |= CO_NEWLOCALS;
    if (sc->kind == SC_CLASS) co->flags |= CO_CLASS;
    co->stacksize = cp->maxdepth + 8;
    co->name = incref(sc->name);
    co->qualname = incref(sc->qualname);
    co->filename = mp_str_c(G->filename);
    co->firstline = node ? node->line : 1;
    co->jit_ftick = 1;          /* the first entry asks the JIT */
    return (Obj *)co;
}

Obj *mp_compile(Node *mod, const char *filename, const char *src)
{
    CG g;
    CG *saved = G;
    G = &g;
    g.filename = filename;
    g.cu = NULL;
    Scope *sc = mp_symtable(mod, filename);
    if (!sc) { G = saved; return NULL; }
    if (setjmp(g.fail)) {
        for (CU *u = g.cu; u; u = u->outer) {
            free(u->code); free(u->lines);
            decref(u->consts); decref(u->names);
        }
        G = saved;
        return NULL;
    }
    Obj *co = compile_scope(sc, mod, &mod->l1, NULL, 0, 0);
    G = saved;
    return co;
}
