/* specialize.c -- the specializer of the adaptive interpreter, and the
 * disassembler that shows its work.
 *
 * Design.  A generic instruction that has run ADAPT_WARMUP times calls
 * mp_specialize() with the live operand stack.  We look at the actual
 * operands and, if they fit a specialized form, rewrite the opcode byte in
 * place and fill the inline cache with what the fast path must re-check:
 *   BINARY_OP / COMPARE_OP  -- operand types (ints, floats, strs, lists for +): no cache.
 *                              The _NUM forms take a float and an int in the
 *                              machine word (either side; DIV_NUM two ints
 *                              too) and compute in doubles as CPython does.
 *   LOAD_ATTR_INSTANCE      -- the class's version tag and the entry index
 *                              of the attribute in the instance dict.
 *   LOAD_ATTR_MODULE        -- the module dict's keys version + entry index.
 *   STORE_ATTR_INSTANCE     -- as LOAD_ATTR_INSTANCE (existing attribute).
 *   LOAD_METHOD_FUNC/BUILTIN-- the class's version tag and where in the
 *                              class chain (depth, entry index) it lives.
 *   LOAD_GLOBAL_MODULE/BUILTIN -- the keys versions of globals and builtins
 *                              and the entry index.
 *   STORE_GLOBAL_MODULE     -- an existing global: the keys version of
 *                              globals and the entry index.
 *   CALL_PY_EXACT           -- the function's version (unique per function
 *                              object); positional count matches exactly.
 *   CALL_BUILTIN            -- callee is a built-in function.
 *   CALL_LIST_APPEND        -- l.append(v): the method is list.append and
 *                              l an exact list (no cache).
 *   CALL_RANGE              -- range(...) with 1 to 3 arguments, the
 *                              builtin range itself (no cache).
 *   FOR_ITER_RANGE/LIST, BINARY_SUBSCR_* / STORE_SUBSCR_* -- operand types.
 * Type versions are bumped when a class (or a base) is modified; dict keys
 * versions change on insert/delete/resize.  On a failed guard the
 * instruction reverts to its generic form with a negative counter (backoff,
 * see ceval.c).  If nothing fits we leave the generic form and the caller
 * applies the backoff.  The cache units are also what the JIT plugin will
 * read to lower instructions to typed IR. */
#include <stdlib.h>
#include <string.h>
#include "object.h"
#include "opcodes.h"

static void set_op(uint32_t *ip, int op) { *ip = MKOP(op, OPARG(*ip)); ip[1] = 0; }

static int dict_index(Obj *d, Obj *name)
{
    Dict *dd = (Dict *)d;
    for (int64_t i = 0; i < dd->nent; i++) if (dd->ent[i].key == name) return (int)i;
    return -1;
}

static void spec_binary(uint32_t *ip, Obj **sp, int oparg)
{
    Obj *a = sp[-2], *b = sp[-1];
    int op = oparg & 0xff;
    if (IS(a, int) && IS(b, int)) {
        if (op == BIN_ADD) set_op(ip, OP_BINARY_OP_ADD_INT);
        else if (op == BIN_SUB) set_op(ip, OP_BINARY_OP_SUB_INT);
        else if (op == BIN_MUL) set_op(ip, OP_BINARY_OP_MUL_INT);
        else if (op == BIN_FLOORDIV) set_op(ip, OP_BINARY_OP_FLOORDIV_INT);
        else if (op == BIN_MOD) set_op(ip, OP_BINARY_OP_MOD_INT);
        else if (op == BIN_AND) set_op(ip, OP_BINARY_OP_AND_INT);
        else if (op == BIN_OR) set_op(ip, OP_BINARY_OP_OR_INT);
        else if (op == BIN_XOR) set_op(ip, OP_BINARY_OP_XOR_INT);
        else if (op == BIN_TRUEDIV) set_op(ip, OP_BINARY_OP_DIV_NUM);
    } else if (IS(a, float) && IS(b, float)) {
        if (op == BIN_ADD) set_op(ip, OP_BINARY_OP_ADD_FLOAT);
        else if (op == BIN_SUB) set_op(ip, OP_BINARY_OP_SUB_FLOAT);
        else if (op == BIN_MUL) set_op(ip, OP_BINARY_OP_MUL_FLOAT);
        else if (op == BIN_TRUEDIV) set_op(ip, OP_BINARY_OP_DIV_FLOAT);
    } else if ((IS(a, float) && SMALL(b)) || (SMALL(a) && IS(b, float))) {
        if (op == BIN_ADD) set_op(ip, OP_BINARY_OP_ADD_NUM);
        else if (op == BIN_SUB) set_op(ip, OP_BINARY_OP_SUB_NUM);
        else if (op == BIN_MUL) set_op(ip, OP_BINARY_OP_MUL_NUM);
        else if (op == BIN_TRUEDIV) set_op(ip, OP_BINARY_OP_DIV_NUM);
    } else if (IS_STR(a) && IS_STR(b) && op == BIN_ADD) set_op(ip, OP_BINARY_OP_ADD_STR);
    else if (IS(a, list) && IS(b, list) && oparg == BIN_ADD) set_op(ip, OP_BINARY_OP_ADD_LIST);   /* not +=: that extends */
}

static void spec_compare(uint32_t *ip, Obj **sp)
{
    Obj *a = sp[-2], *b = sp[-1];
    if (SMALL(a) && SMALL(b)) set_op(ip, OP_COMPARE_OP_INT);
    else if (IS(a, float) && IS(b, float)) set_op(ip, OP_COMPARE_OP_FLOAT);
    else if (IS_STR(a) && IS_STR(b)) set_op(ip, OP_COMPARE_OP_STR);
}

static void spec_load_attr(uint32_t *ip, Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (t == &mp_module_type) {
        int i = dict_index(((Module *)o)->dict, name);
        if (i < 0) return;
        set_op(ip, OP_LOAD_ATTR_MODULE);
        ip[2] = (uint32_t)((Dict *)((Module *)o)->dict)->version;
        ip[3] = (uint32_t)i;
        return;
    }
    if (!(t->flags & T_USER) || !((Inst *)o)->dict) return;
    if (mp_type_lookup(t, name)) return;     /* class attribute or descriptor: generic */
    int i = dict_index(((Inst *)o)->dict, name);
    if (i < 0) return;
    set_op(ip, OP_LOAD_ATTR_INSTANCE);
    ip[2] = t->version;
    ip[3] = (uint32_t)i;
}

static void spec_store_attr(uint32_t *ip, Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (!(t->flags & T_USER) || (t->flags & T_SETATTR) || !((Inst *)o)->dict) return;
    if (mp_type_lookup(t, name)) return;
    int i = dict_index(((Inst *)o)->dict, name);
    if (i < 0) return;
    set_op(ip, OP_STORE_ATTR_INSTANCE);
    ip[2] = t->version;
    ip[3] = (uint32_t)i;
}

static void spec_load_method(uint32_t *ip, Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (t == &mp_type_type || t == &mp_module_type || t == &mp_super_type) return;
    int n = mp_mro_len(t);
    for (int depth = 0; depth < n; depth++) {
        Type *u = mp_mro_at(t, depth);
        if (!u->dict) continue;
        int i = dict_index(u->dict, name);
        if (i < 0) continue;
        Obj *v = ((Dict *)u->dict)->ent[i].val;
        if (IS(v, function) && (t->flags & T_USER)) {
            if ((t->flags & T_SHADOW) || (((Inst *)o)->dict && mp_dict_get(((Inst *)o)->dict, name))) return;
            set_op(ip, OP_LOAD_METHOD_FUNC);
        } else if (IS(v, builtin) && !(t->flags & (T_USER | T_EXC))) {
            set_op(ip, OP_LOAD_METHOD_BUILTIN);
        } else return;
        ip[2] = t->version;
        ip[3] = ((uint32_t)depth << 24) | (uint32_t)i;
        return;
    }
}

static void spec_load_global(uint32_t *ip, Frame *f, Obj *name)
{
    int i = dict_index(f->globals, name);
    if (i >= 0) {
        set_op(ip, OP_LOAD_GLOBAL_MODULE);
        ip[2] = (uint32_t)((Dict *)f->globals)->version;
        ip[4] = (uint32_t)i;
        return;
    }
    i = dict_index(f->builtins, name);
    if (i < 0) return;
    set_op(ip, OP_LOAD_GLOBAL_BUILTIN);
    ip[2] = (uint32_t)((Dict *)f->globals)->version;
    ip[3] = (uint32_t)((Dict *)f->builtins)->version;
    ip[4] = (uint32_t)i;
}

static void spec_call(uint32_t *ip, Obj **sp, int oparg)
{
    Obj **args = sp - oparg;
    Obj *A = args[-2], *B = args[-1];
    Obj *c = A ? A : B;
    int n = A ? oparg + 1 : oparg;
    if (A && oparg == 1 && IS(A, builtin) && ((Builtin *)A)->fn == mp_list_m_append && IS(B, list)) {
        set_op(ip, OP_CALL_LIST_APPEND);
        return;
    }
    if (!A && B == (Obj *)&mp_range_type && oparg >= 1 && oparg <= 3) {
        set_op(ip, OP_CALL_RANGE);
        return;
    }
    if (IS(c, function)) {
        Code *co = ((Func *)c)->code;
        if (co->argcount != n || co->kwonlycount || (co->flags & (CO_VARARGS | CO_VARKW | CO_GENERATOR))) return;
        set_op(ip, OP_CALL_PY_EXACT);
        ip[2] = ((Func *)c)->version;
    } else if (IS(c, builtin) && !((Builtin *)c)->self) {
        set_op(ip, OP_CALL_BUILTIN);
    }
}

void mp_specialize(Frame *f, uint32_t *ip, Obj **sp)
{
    int op = OPC(*ip), oparg = OPARG(*ip);
    Obj **names = TITEMS(f->code->names);
    switch (mp_opfamily[op]) {
    case OP_BINARY_OP: spec_binary(ip, sp, oparg); break;
    case OP_COMPARE_OP: spec_compare(ip, sp); break;
    case OP_LOAD_ATTR: spec_load_attr(ip, sp[-1], names[oparg]); break;
    case OP_STORE_ATTR: spec_store_attr(ip, sp[-1], names[oparg]); break;
    case OP_LOAD_METHOD: spec_load_method(ip, sp[-1], names[oparg]); break;
    case OP_LOAD_GLOBAL: spec_load_global(ip, f, names[oparg]); break;
    case OP_STORE_GLOBAL: {
        int i = dict_index(f->globals, names[oparg]);
        if (i < 0) break;
        set_op(ip, OP_STORE_GLOBAL_MODULE);
        ip[2] = (uint32_t)((Dict *)f->globals)->version;
        ip[3] = (uint32_t)i;
        break;
    }
    case OP_CALL: spec_call(ip, sp, oparg); break;
    case OP_FOR_ITER:
        if (IS(sp[-1], range_iterator)) set_op(ip, OP_FOR_ITER_RANGE);
        else if (IS(sp[-1], list_iterator)) set_op(ip, OP_FOR_ITER_LIST);
        break;
    case OP_BINARY_SUBSCR:
        if (IS(sp[-2], list) && SMALL(sp[-1])) set_op(ip, OP_BINARY_SUBSCR_LIST_INT);
        else if (IS(sp[-2], dict)) set_op(ip, OP_BINARY_SUBSCR_DICT);
        break;
    case OP_STORE_SUBSCR:
        if (IS(sp[-2], list) && SMALL(sp[-1])) set_op(ip, OP_STORE_SUBSCR_LIST_INT);
        else if (IS(sp[-2], dict)) set_op(ip, OP_STORE_SUBSCR_DICT);
        break;
    }
    if ((int)OPC(*ip) == op && op != mp_opfamily[op]) *ip = MKOP(mp_opfamily[op], oparg);
}

static void arg_note(Code *co, int op, int arg, char *buf, size_t n)
{
    buf[0] = 0;
    Obj *r = NULL;
    switch (mp_opfamily[op]) {
    case OP_LOAD_CONST: r = mp_repr(TITEMS(co->consts)[arg]); break;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
        if (arg < TN(co->varnames)) r = incref(TITEMS(co->varnames)[arg]);
        break;
    case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_LOAD_NAME: case OP_STORE_NAME: case OP_LOAD_ATTR:
    case OP_STORE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM: case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL: case OP_DELETE_ATTR:
        if (arg < TN(co->names)) r = incref(TITEMS(co->names)[arg]);
        break;
    case OP_BINARY_OP: {
        static const char *s[] = {
#define E(id, sy, f, rr, i) sy,
            MP_BINOPS(E)
#undef E
        };
        snprintf(buf, n, "%s%s", s[arg & 0xff], arg & 0x100 ? "=" : "");
        return;
    }
    case OP_COMPARE_OP: {
        static const char *s[] = { "<", "<=", "==", "!=", ">", ">=" };
        snprintf(buf, n, "%s", s[arg % 6]);
        return;
    }
    default: return;
    }
    if (r) { snprintf(buf, n, "%s", SS(r)); decref(r); }
    else mp_err_clear();
}

void mp_dis(Code *co, FILE *out)
{
    fprintf(out, "Disassembly of <code object %s, file \"%s\", line %d>:\n", SS(co->qualname), SS(co->filename), co->firstline);
    int last = -1;
    for (int i = 0; i < co->ncode;) {
        uint32_t u = co->code[i];
        int op = OPC(u), arg = OPARG(u);
        char note[96];
        arg_note(co, op, arg, note, sizeof note);
        if (co->lines[i] != last) { fprintf(out, "%4d ", co->lines[i]); last = co->lines[i]; }
        else fprintf(out, "     ");
        fprintf(out, "%6d %-24s %6d", i, op < OP_COUNT ? mp_opnames[op] : "?", arg);
        if (note[0]) fprintf(out, " (%s)", note);
        int nc = mp_opcache[op];
        if (nc && (op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE)) {
            uint32_t h = co->code[i + 1];
            if (h) fprintf(out, "  [taken %u, not taken %u]", h & 0xffff, h >> 16);
        } else if (nc && op != mp_opfamily[op]) fprintf(out, "  [specialized]");
        fprintf(out, "\n");
        i += 1 + nc;
    }
}
