/* symtable.c -- the scope analysis pass: which names are locals, cells
 * (captured by an inner function), free variables, globals, or class-body
 * names.  Two passes: collect uses/bindings per scope, then resolve each
 * scope's names against its enclosing function scopes. */
#include <stdlib.h>
#include <string.h>
#include "symtable.h"

typedef struct { Scope **v; int n, cap; const char *filename; int err; } ST;

static int64_t flags_of(Scope *s, Obj *name)
{
    Obj *v = mp_dict_get(s->sym, name);
    return v ? IV(v) : 0;
}

static void add_flag(Scope *s, Obj *name, int64_t f)
{
    Obj *v = mp_int(flags_of(s, name) | f);
    mp_dict_set(s->sym, name, v);
    decref(v);
}

static void list_add_unique(Obj *l, Obj *name)
{
    for (int64_t i = 0; i < LN(l); i++) if (LITEMS(l)[i] == name) return;
    mp_list_append(l, name);
}

static Scope *new_scope(ST *st, Scope *parent, int kind, Obj *name, Node *node)
{
    Scope *s = mp_fe_alloc(sizeof *s, FE_SCOPE);
    s->parent = parent; s->kind = kind; s->name = name; s->node = node;
    s->sym = mp_dict_new();
    s->varnames = mp_list_new(0);
    s->cellvars = mp_list_new(0);
    s->freevars = mp_list_new(0);
    if (!parent || parent->kind == SC_MODULE) s->qualname = incref(name);
    else s->qualname = mp_str_fmt(parent->kind == SC_FUNC ? "%s.<locals>.%s" : "%s.%s",
                                  SS(parent->qualname), SS(name));
    if (node) node->scope = s;
    if (st->n == st->cap) { st->cap = st->cap ? st->cap * 2 : 16; st->v = realloc(st->v, sizeof(Scope *) * st->cap); }
    st->v[st->n++] = s;
    return s;
}

void mp_scope_release(void *scope)
{
    Scope *s = scope;
    xdecref(s->qualname); xdecref(s->sym); xdecref(s->varnames);
    xdecref(s->cellvars); xdecref(s->freevars);
}

static void visit(ST *st, Scope *s, Node *n);

static void param(Scope *s, Obj *name)
{
    add_flag(s, name, S_PARAM | S_ASSIGNED);
    list_add_unique(s->varnames, name);
}

static void add_params(Scope *s, Node *args)
{
    for (int i = 0; i < args->l1.n; i++) param(s, args->l1.v[i]->name);
    for (int i = 0; i < args->l3.n; i++) param(s, args->l3.v[i]->name);
    if (args->name) param(s, args->name);
    if (args->name2) param(s, args->name2);
}

static void visit_store(ST *st, Scope *s, Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case N_NAME: add_flag(s, n->name, S_ASSIGNED); break;
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < n->l1.n; i++) visit_store(st, s, n->l1.v[i]);
        break;
    case N_STARRED: visit_store(st, s, n->a); break;
    default: visit(st, s, n);
    }
}

static void visit_list(ST *st, Scope *s, NList *l)
{
    for (int i = 0; i < l->n; i++) if (l->v[i]) visit(st, s, l->v[i]);
}

static void visit_comp(ST *st, Scope *s, Node *n)
{
    Node *g0 = n->l1.v[0];
    visit(st, s, g0->b);
    static const char *names[] = { "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };
    int k = n->kind == N_LISTCOMP ? 0 : n->kind == N_SETCOMP ? 1 : n->kind == N_DICTCOMP ? 2 : 3;
    Scope *c = new_scope(st, s, SC_FUNC, mp_str_intern(names[k]), n);
    c->generator = n->kind == N_GENEXP;
    param(c, mp_str_intern(".0"));
    for (int i = 0; i < n->l1.n; i++) {
        Node *g = n->l1.v[i];
        visit_store(st, c, g->a);
        if (i > 0) visit(st, c, g->b);
        visit_list(st, c, &g->l1);
    }
    visit(st, c, n->a);
    if (n->b) visit(st, c, n->b);
}

static void visit(ST *st, Scope *s, Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case N_NAME: add_flag(s, n->name, S_USED); return;
    case N_CONST: return;
    case N_LAMBDA: {
        visit_list(st, s, &n->a->l2);
        visit_list(st, s, &n->a->l4);
        Scope *f = new_scope(st, s, SC_FUNC, mp_str_intern("<lambda>"), n);
        add_params(f, n->a);
        visit(st, f, n->b);
        return;
    }
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        visit_comp(st, s, n);
        return;
    case N_YIELD: case N_YIELDFROM:
        s->generator = 1;
        visit(st, s, n->a);
        return;
    case N_NAMEDEXPR: {
        Scope *t = s;
        while (t->kind == SC_FUNC && t->node && t->node->kind >= N_LISTCOMP && t->node->kind <= N_GENEXP) t = t->parent;
        visit_store(st, t, n->a);
        if (t != s) add_flag(s, n->a->name, S_USED);
        visit(st, s, n->b);
        return;
    }
    case N_DEF: {
        visit_list(st, s, &n->l2);
        visit_list(st, s, &n->a->l2);
        visit_list(st, s, &n->a->l4);
        add_flag(s, n->name, S_ASSIGNED);
        Scope *f = new_scope(st, s, SC_FUNC, n->name, n);
        add_params(f, n->a);
        visit_list(st, f, &n->l1);
        return;
    }
    case N_CLASS: {
        visit_list(st, s, &n->l2);
        visit_list(st, s, &n->l3);
        for (int i = 0; i < n->l4.n; i++) visit(st, s, n->l4.v[i]->a);
        add_flag(s, n->name, S_ASSIGNED);
        Scope *c = new_scope(st, s, SC_CLASS, n->name, n);
        visit_list(st, c, &n->l1);
        return;
    }
    case N_ASSIGN:
        visit(st, s, n->a);
        for (int i = 0; i < n->l1.n; i++) visit_store(st, s, n->l1.v[i]);
        return;
    case N_AUGASSIGN:
        visit(st, s, n->b);
        if (n->a->kind == N_NAME) add_flag(s, n->a->name, S_USED | S_ASSIGNED);
        else visit(st, s, n->a);
        return;
    case N_ANNASSIGN:
        if (n->b) { visit(st, s, n->b); visit_store(st, s, n->a); }
        return;
    case N_FOR:
        visit(st, s, n->b);
        visit_store(st, s, n->a);
        visit_list(st, s, &n->l1);
        visit_list(st, s, &n->l2);
        return;
    case N_WITH:
        for (int i = 0; i < n->l2.n; i++) { visit(st, s, n->l2.v[i]->a); visit_store(st, s, n->l2.v[i]->b); }
        visit_list(st, s, &n->l1);
        return;
    case N_DEL:
        for (int i = 0; i < n->l1.n; i++) visit_store(st, s, n->l1.v[i]);
        return;
    case N_IMPORT:
        for (int i = 0; i < n->l1.n; i++) {
            Node *d = n->l1.v[i];
            if (d->name2) add_flag(s, d->name2, S_ASSIGNED);
            else {
                const char *dot = strchr(SS(d->name), '.');
                Obj *first = dot ? mp_str_new(SS(d->name), dot - SS(d->name)) : incref(d->name);
                add_flag(s, mp_str_intern(SS(first)), S_ASSIGNED);
                decref(first);
            }
        }
        return;
    case N_IMPORTFROM:
        for (int i = 0; i < n->l1.n; i++) {
            Node *d = n->l1.v[i];
            add_flag(s, d->name2 ? d->name2 : d->name, S_ASSIGNED);
        }
        return;
    case N_HANDLER:
        visit(st, s, n->a);
        if (n->name) add_flag(s, n->name, S_ASSIGNED);
        visit_list(st, s, &n->l1);
        return;
    case N_GLOBAL: case N_NONLOCAL:
        for (int i = 0; i < n->l1.n; i++) {
            Obj *nm = n->l1.v[i]->name;
            if (n->kind == N_NONLOCAL && (s->kind != SC_FUNC || !s->parent || s->parent->kind == SC_MODULE)) {
                if (!st->err) mp_syntax_error(st->filename, n->line, n->col, s->kind == SC_MODULE ?
                    "nonlocal declaration not allowed at module level" : "no binding for nonlocal found");
                st->err = 1;
            }
            add_flag(s, nm, n->kind == N_GLOBAL ? S_GLOBAL : S_NONLOCAL);
        }
        return;
    default:
        visit(st, s, n->a); visit(st, s, n->b); visit(st, s, n->c);
        visit_list(st, s, &n->l1); visit_list(st, s, &n->l2);
        visit_list(st, s, &n->l3); visit_list(st, s, &n->l4);
        return;
    }
}

static int is_local(Scope *s, Obj *name)
{
    int64_t f = flags_of(s, name);
    return s->kind == SC_FUNC && (f & (S_ASSIGNED | S_PARAM)) && !(f & (S_GLOBAL | S_NONLOCAL));
}

/* Find the enclosing function that binds name; mark the path. */
static int capture(Scope *s, Obj *name)
{
    Scope *t;
    for (t = s->parent; t; t = t->parent) {
        if (t->kind == SC_MODULE) return 0;
        if (t->kind == SC_FUNC && (flags_of(t, name) & S_GLOBAL)) return 0;
        if (is_local(t, name)) break;
    }
    if (!t) return 0;
    add_flag(t, name, S_CELL);
    list_add_unique(t->cellvars, name);
    for (Scope *u = s; u != t; u = u->parent) {
        add_flag(u, name, S_FREE);
        list_add_unique(u->freevars, name);
    }
    return 1;
}

static void resolve(Scope *s)
{
    if (s->kind == SC_MODULE) return;
    int64_t pos = 0;
    Obj *k, *v;
    while (mp_dict_next(s->sym, &pos, &k, &v)) {
        int64_t f = IV(v);
        if (f & S_GLOBAL) continue;
        if (f & S_NONLOCAL) { capture(s, k); continue; }
        if (s->kind == SC_FUNC && (f & S_ASSIGNED)) { list_add_unique(s->varnames, k); continue; }
        if (s->kind == SC_CLASS && (f & S_ASSIGNED)) continue;
        if (f & S_USED) capture(s, k);
    }
}

Scope *mp_symtable(Node *mod, const char *filename)
{
    ST st = { 0 };
    st.filename = filename;
    Scope *m = new_scope(&st, NULL, SC_MODULE, mp_str_intern("<module>"), mod);
    visit_list(&st, m, &mod->l1);
    if (st.err) { free(st.v); return NULL; }
    for (int i = 0; i < st.n; i++) resolve(st.v[i]);
    free(st.v);
    return m;
}

static int index_of(Obj *l, Obj *name)
{
    for (int64_t i = 0; i < LN(l); i++) if (LITEMS(l)[i] == name) return (int)i;
    return -1;
}

int mp_sym_resolve(Scope *s, Obj *name, int *index)
{
    if (s->kind == SC_MODULE) return NK_GLOBAL;
    int64_t f = flags_of(s, name);
    if (f & S_GLOBAL) return NK_GLOBAL;
    if (s->kind == SC_CLASS) {
        if ((f & S_FREE) && !(f & S_ASSIGNED)) {
            *index = (int)LN(s->cellvars) + index_of(s->freevars, name);
            return NK_CLASSDEREF;
        }
        return NK_NAME;
    }
    int i = index_of(s->cellvars, name);
    if (i >= 0) { *index = i; return NK_DEREF; }
    i = index_of(s->freevars, name);
    if (i >= 0) { *index = (int)LN(s->cellvars) + i; return NK_DEREF; }
    i = index_of(s->varnames, name);
    if (i >= 0) { *index = i; return NK_FAST; }
    return NK_GLOBAL;
}
