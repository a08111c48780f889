/* symtable.h -- scopes and name resolution (symtable.c), consumed by the
 * compiler to choose LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME. */
#ifndef MINIPY_SYMTABLE_H
#define MINIPY_SYMTABLE_H

#include "ast.h"

enum { SC_MODULE, SC_FUNC, SC_CLASS };
enum { S_ASSIGNED = 1, S_USED = 2, S_GLOBAL = 4, S_NONLOCAL = 8, S_PARAM = 16,
       S_CELL = 32, S_FREE = 64 };
enum { NK_FAST, NK_DEREF, NK_GLOBAL, NK_NAME, NK_CLASSDEREF };

typedef struct Scope Scope;
struct Scope {
    Scope *parent;
    int kind, generator;
    Obj *name, *qualname;
    Obj *sym;        /* Dict: name -> Int flags */
    Obj *varnames;   /* List: locals in slot order (parameters first) */
    Obj *cellvars;   /* List */
    Obj *freevars;   /* List */
    Node *node;
};

/* Build scopes for the module; NULL on error (SyntaxError set). */
Scope *mp_symtable(Node *mod, const char *filename);
/* How a name is accessed in a scope, and the slot index for FAST/DEREF. */
int mp_sym_resolve(Scope *s, Obj *name, int *index);

#endif
