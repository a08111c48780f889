/* ast.h -- tokens (lexer.c), the abstract syntax tree (parser.c) and the
 * entry points of the front end and the compiler (compile.c). */
#ifndef MINIPY_AST_H
#define MINIPY_AST_H

#include "object.h"

enum { TK_EOF, TK_NEWLINE, TK_INDENT, TK_DEDENT, TK_NAME, TK_INT, TK_FLOAT,
       TK_IMAG, TK_STR, TK_BYTES, TK_FSTR, TK_OP };

typedef struct {
    int kind, line, col;
    const char *p;      /* start in source */
    int len;
    char *s;            /* decoded string / identifier (NUL-terminated) */
    int slen;
} Token;

typedef struct {
    const char *filename;
    const char *src;
    Token *t;
    int n, cap;
    int line_off;       /* added to line numbers (f-string sub-expressions) */
} Lexer;

/* Front-end memory (lexer.c).  What the lexer, the parser and the symbol
 * table allocate -- tokens, nodes, lists, scopes -- is registered and
 * released in one go when the compilation of a source ends, successful or
 * not (syntax errors longjmp out of the parser).  mp_fe_mark() before
 * parsing, mp_fe_release(mark) after compiling; marks nest. */
enum { FE_RAW, FE_NODE, FE_SCOPE, FE_PTR };
void *mp_fe_alloc(size_t n, int kind);        /* zeroed */
void *mp_fe_realloc(void *p, size_t n);       /* p from mp_fe_alloc (FE_RAW) or NULL */
char *mp_fe_own(char *malloced);              /* free(malloced) at release */
uint64_t mp_fe_mark(void);
void mp_fe_release(uint64_t mark);
void mp_scope_release(void *scope);           /* symtable.c: a scope's objects */

/* Returns 0, or -1 with a SyntaxError set. */
int mp_lex(Lexer *lx, const char *filename, const char *src);
Obj *mp_syntax_error(const char *filename, int line, int col, const char *msg);

#define NODE_KINDS(X) \
    X(CONST) X(NAME) X(BINOP) X(UNARY) X(NOT) X(BOOLOP) X(COMPARE) X(CALL) \
    X(ATTR) X(SUBSCR) X(SLICE) X(TUPLE) X(LIST) X(SET) X(DICT) X(IFEXP) \
    X(LAMBDA) X(LISTCOMP) X(SETCOMP) X(DICTCOMP) X(GENEXP) X(COMPFOR) \
    X(STARRED) X(DSTARRED) X(KEYWORD) X(JOINEDSTR) X(FORMATTED) X(YIELD) \
    X(YIELDFROM) X(NAMEDEXPR) X(ARGS) \
    X(EXPR) X(ASSIGN) X(AUGASSIGN) X(ANNASSIGN) X(DEF) X(CLASS) X(RETURN) \
    X(IF) X(WHILE) X(FOR) X(BREAK) X(CONTINUE) X(PASS) X(GLOBAL) X(NONLOCAL) \
    X(DEL) X(ASSERT) X(TRY) X(HANDLER) X(RAISE) X(IMPORT) X(IMPORTFROM) \
    X(WITH) X(MODULE)

enum {
#define E(k) N_##k,
    NODE_KINDS(E)
#undef E
};

typedef struct Node Node;
typedef struct { Node **v; int n, cap; } NList;

struct Node {
    int kind, line, col, op;
    Node *a, *b, *c;
    NList l1, l2, l3, l4;
    Obj *val;           /* CONST value */
    Obj *name, *name2;  /* identifiers (interned Str) */
    int *ops;           /* COMPARE operators */
    int flag;
    int end_line;
    void *scope;        /* symtable.c: the scope a DEF/LAMBDA/CLASS/comprehension opens */
};

void nl_push(NList *l, Node *n);

/* Parse a whole module; NULL with SyntaxError set. */
Node *mp_parse(const char *filename, const char *src);

/* Compile a parsed module to a code object; NULL with an exception set. */
Obj *mp_compile(Node *mod, const char *filename, const char *src);

/* Compile and run source as a module: returns the module's dict result. */
Obj *mp_exec_source(const char *filename, const char *src, Obj *globals);

#endif
