/* parser.c -- recursive-descent parser from tokens to the AST of ast.h:
 * the statement and expression grammar of Python 3 that minipy supports,
 * including f-strings (split into literal and formatted parts here). */
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include "ast.h"

int mp_decode_escapes(const char *p, int n, int raw, int bytes, SB *b);

typedef struct {
    Lexer lx;
    int i;
    jmp_buf fail;
    const char *filename;
    const char *blk;    /* what the next block follows, for IndentationError */
    int blkline;
} P;

#define BLK(p, what, line) ((p)->blk = (what), (p)->blkline = (line))

void nl_push(NList *l, Node *n)
{
    if (l->n == l->cap) { l->cap = l->cap ? l->cap * 2 : 4; l->v = mp_fe_realloc(l->v, sizeof(Node *) * l->cap); }
    l->v[l->n++] = n;
}

static Token *tok(P *p) { return &p->lx.t[p->i]; }
static Token *peek(P *p, int k) { int j = p->i + k; return &p->lx.t[j < p->lx.n ? j : p->lx.n - 1]; }

static __attribute__((noinline)) Node *mk(P *p, int kind)
{
    Node *n = mp_fe_alloc(sizeof *n, FE_NODE);
    n->kind = kind; n->line = tok(p)->line; n->col = tok(p)->col;
    return n;
}

static _Noreturn void fail(P *p, const char *msg)
{
    if (!mp.exc) mp_syntax_error(p->filename, tok(p)->line, tok(p)->col, msg);
    longjmp(p->fail, 1);
}

static int is_op(Token *t, const char *s)
{
    return t->kind == TK_OP && t->len == (int)strlen(s) && !memcmp(t->p, s, t->len);
}
static int is_kw(Token *t, const char *s)
{
    return t->kind == TK_NAME && !strcmp(t->s, s);
}
static int at_op(P *p, const char *s) { return is_op(tok(p), s); }
static int at_kw(P *p, const char *s) { return is_kw(tok(p), s); }
static int accept_op(P *p, const char *s) { if (at_op(p, s)) { p->i++; return 1; } return 0; }
static int accept_kw(P *p, const char *s) { if (at_kw(p, s)) { p->i++; return 1; } return 0; }
static void expect_op(P *p, const char *s)
{
    if (!accept_op(p, s)) {
        char msg[64];
        if (!strcmp(s, ":")) snprintf(msg, sizeof msg, "expected ':'");
        else snprintf(msg, sizeof msg, "invalid syntax");
        fail(p, msg);
    }
}

static const char *keywords[] = { "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
    "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", NULL };

static int is_keyword(const char *s)
{
    for (int i = 0; keywords[i]; i++) if (!strcmp(s, keywords[i])) return 1;
    return 0;
}

static Obj *ident(P *p)
{
    Token *t = tok(p);
    if (t->kind != TK_NAME || is_keyword(t->s)) fail(p, "invalid syntax");
    p->i++;
    return mp_str_intern(t->s);
}

static Node *test(P *p);
static Node *expr(P *p);
static Node *or_test(P *p);
static Node *testlist_star(P *p, int allow_yield);
static Node *star_or_test(P *p);
static void block(P *p, NList *body);
static Node *statement(P *p, NList *out);
static Node *parse_fstring(P *p, const char *s, int n, int raw, int line);

/* ---- atoms ---- */

static Node *comp_for(P *p, Node *elt, Node *val, int kind)
{
    Node *c = mk(p, kind);
    c->a = elt; c->b = val;
    while (at_kw(p, "for") || (at_kw(p, "async"))) {
        Node *f = mk(p, N_COMPFOR);
        p->i++;
        NList targets = {0};
        int tuple = 0;
        do {
            if (at_kw(p, "in")) break;
            nl_push(&targets, at_op(p, "*") ? star_or_test(p) : expr(p));
            if (!at_op(p, ",")) break;
            tuple = 1;
        } while (accept_op(p, ","));
        if (tuple) { Node *t = mk(p, N_TUPLE); t->l1 = targets; f->a = t; }
        else f->a = targets.v[0];
        if (!accept_kw(p, "in")) fail(p, "invalid syntax");
        f->b = or_test(p);
        while (at_kw(p, "if")) { p->i++; nl_push(&f->l1, or_test(p)); }
        nl_push(&c->l1, f);
    }
    return c;
}

static Node *strings(P *p)
{
    Node *j = NULL;
    SB b = {0};
    int is_bytes = tok(p)->kind == TK_BYTES, line = tok(p)->line;
    Node *res = mk(p, N_CONST);
    while (tok(p)->kind == TK_STR || tok(p)->kind == TK_FSTR || tok(p)->kind == TK_BYTES) {
        Token *t = tok(p);
        if ((t->kind == TK_BYTES) != is_bytes) fail(p, "cannot mix bytes and nonbytes literals");
        if (t->kind == TK_FSTR) {
            if (!j) j = mk(p, N_JOINEDSTR);
            if (b.n) { Node *c = mk(p, N_CONST); c->val = sb_finish(&b); memset(&b, 0, sizeof b); nl_push(&j->l1, c); }
            Node *f = parse_fstring(p, t->s, (int)strlen(t->s), t->slen, t->line);
            for (int i = 0; i < f->l1.n; i++) nl_push(&j->l1, f->l1.v[i]);
        } else sb_add(&b, t->s, t->slen);
        p->i++;
    }
    res->line = line;
    if (is_bytes) { res->val = mp_bytes_new((unsigned char *)b.s, b.n); sb_free(&b); return res; }
    if (!j) { res->val = sb_finish(&b); return res; }
    if (b.n) { Node *c = mk(p, N_CONST); c->val = sb_finish(&b); nl_push(&j->l1, c); }
    else sb_free(&b);
    j->line = line;
    return j;
}

static Node *number(P *p)
{
    Token *t = tok(p);
    Node *n = mk(p, N_CONST);
    if (t->kind == TK_INT) {
        const char *s = t->s;
        int base = 10;
        if (s[0] == '0' && s[1]) {
            char c = s[1] | 32;
            if (c == 'x') base = 16; else if (c == 'o') base = 8; else if (c == 'b') base = 2;
            else {
                for (const char *q = s; *q; q++) if (*q != '0') fail(p, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            }
            if (base != 10) s += 2;
        }
        n->val = mp_int_from_str(s, (int)strlen(s), base);
        if (!n->val) { mp_err_clear(); fail(p, "invalid decimal literal"); }
    } else if (t->kind == TK_FLOAT) {
        n->val = mp_float(strtod(t->s, NULL));
    } else {
        n->val = mp_complex(0, strtod(t->s, NULL));
    }
    p->i++;
    return n;
}

static Node *atom(P *p)
{
    Token *t = tok(p);
    Node *n;
    switch (t->kind) {
    case TK_INT: case TK_FLOAT: case TK_IMAG: return number(p);
    case TK_STR: case TK_FSTR: case TK_BYTES: return strings(p);
    case TK_NAME:
        if (is_kw(t, "None") || is_kw(t, "True") || is_kw(t, "False")) {
            n = mk(p, N_CONST);
            n->val = incref(t->s[0] == 'N' ? NONE : t->s[0] == 'T' ? TRUE_ : FALSE_);
            p->i++;
            return n;
        }
        n = mk(p, N_NAME);
        n->name = ident(p);
        return n;
    case TK_OP:
        if (is_op(t, "...")) { n = mk(p, N_CONST); n->val = incref(&mp_ellipsis); p->i++; return n; }
        if (is_op(t, "(")) {
            n = mk(p, N_TUPLE);
            p->i++;
            if (accept_op(p, ")")) return n;
            if (at_kw(p, "yield")) { Node *y = testlist_star(p, 1); expect_op(p, ")"); return y; }
            Node *first = star_or_test(p);
            if (accept_op(p, ":=")) { Node *ne = mk(p, N_NAMEDEXPR); ne->a = first; ne->b = test(p); first = ne; }
            if (at_kw(p, "for") || at_kw(p, "async")) { Node *g = comp_for(p, first, NULL, N_GENEXP); expect_op(p, ")"); return g; }
            if (accept_op(p, ")")) {
                if (first->kind == N_STARRED) fail(p, "cannot use starred expression here");
                first->flag |= 1;   /* parenthesized */
                return first;
            }
            nl_push(&n->l1, first);
            while (accept_op(p, ",")) {
                if (at_op(p, ")")) break;
                nl_push(&n->l1, star_or_test(p));
            }
            expect_op(p, ")");
            n->flag |= 1;
            return n;
        }
        if (is_op(t, "[")) {
            n = mk(p, N_LIST);
            p->i++;
            if (accept_op(p, "]")) return n;
            Node *first = star_or_test(p);
            if (at_kw(p, "for") || at_kw(p, "async")) { Node *g = comp_for(p, first, NULL, N_LISTCOMP); expect_op(p, "]"); return g; }
            nl_push(&n->l1, first);
            while (accept_op(p, ",")) {
                if (at_op(p, "]")) break;
                nl_push(&n->l1, star_or_test(p));
            }
            expect_op(p, "]");
            return n;
        }
        if (is_op(t, "{")) {
            p->i++;
            if (accept_op(p, "}")) { n = mk(p, N_DICT); return n; }
            if (accept_op(p, "**")) {
                n = mk(p, N_DICT);
                nl_push(&n->l1, NULL); nl_push(&n->l2, expr(p));
                goto dict_rest;
            }
            Node *first = star_or_test(p);
            if (accept_op(p, ":")) {
                Node *v = test(p);
                if (at_kw(p, "for") || at_kw(p, "async")) { Node *g = comp_for(p, first, v, N_DICTCOMP); expect_op(p, "}"); return g; }
                n = mk(p, N_DICT);
                nl_push(&n->l1, first); nl_push(&n->l2, v);
            dict_rest:
                while (accept_op(p, ",")) {
                    if (at_op(p, "}")) break;
                    if (accept_op(p, "**")) { nl_push(&n->l1, NULL); nl_push(&n->l2, expr(p)); continue; }
                    nl_push(&n->l1, test(p));
                    expect_op(p, ":");
                    nl_push(&n->l2, test(p));
                }
                expect_op(p, "}");
                return n;
            }
            if (at_kw(p, "for") || at_kw(p, "async")) { Node *g = comp_for(p, first, NULL, N_SETCOMP); expect_op(p, "}"); return g; }
            n = mk(p, N_SET);
            nl_push(&n->l1, first);
            while (accept_op(p, ",")) {
                if (at_op(p, "}")) break;
                nl_push(&n->l1, star_or_test(p));
            }
            expect_op(p, "}");
            return n;
        }
        break;
    default: break;
    }
    if (t->kind == TK_INDENT) fail(p, "unexpected indent");
    if (t->kind == TK_NEWLINE || t->kind == TK_EOF) fail(p, "invalid syntax");
    fail(p, "invalid syntax");
}

static Node *call_args(P *p, Node *fn)
{
    Node *c = mk(p, N_CALL);
    c->a = fn;
    while (!at_op(p, ")")) {
        if (accept_op(p, "*")) {
            Node *s = mk(p, N_STARRED); s->a = test(p); nl_push(&c->l1, s);
        } else if (accept_op(p, "**")) {
            Node *s = mk(p, N_DSTARRED); s->a = test(p); nl_push(&c->l2, s);
        } else if (tok(p)->kind == TK_NAME && is_op(peek(p, 1), "=")) {
            Node *k = mk(p, N_KEYWORD);
            k->name = ident(p);
            p->i++;
            k->a = test(p);
            nl_push(&c->l2, k);
        } else {
            Node *a = test(p);
            if (accept_op(p, ":=")) { Node *ne = mk(p, N_NAMEDEXPR); ne->a = a; ne->b = test(p); a = ne; }
            if (at_kw(p, "for")) a = comp_for(p, a, NULL, N_GENEXP);
            if (c->l2.n) {
                for (int i = 0; i < c->l2.n; i++)
                    if (c->l2.v[i]->kind == N_DSTARRED) fail(p, "positional argument follows keyword argument unpacking");
                fail(p, "positional argument follows keyword argument");
            }
            nl_push(&c->l1, a);
        }
        if (!accept_op(p, ",")) break;
    }
    expect_op(p, ")");
    return c;
}

static Node *subscript_item(P *p)
{
    Node *lo = NULL, *hi = NULL, *st = NULL;
    if (!at_op(p, ":")) {
        lo = at_op(p, "*") ? star_or_test(p) : test(p);
        if (!at_op(p, ":")) return lo;
    }
    Node *s = mk(p, N_SLICE);
    p->i++;
    if (!at_op(p, ":") && !at_op(p, "]") && !at_op(p, ",")) hi = test(p);
    if (accept_op(p, ":")) { if (!at_op(p, "]") && !at_op(p, ",")) st = test(p); }
    s->a = lo; s->b = hi; s->c = st;
    return s;
}

static Node *atom_expr(P *p)
{
    Node *n = atom(p);
    for (;;) {
        if (accept_op(p, "(")) { n = call_args(p, n); continue; }
        if (at_op(p, "[")) {
            Node *s = mk(p, N_SUBSCR);
            p->i++;
            s->a = n;
            Node *first = subscript_item(p);
            if (at_op(p, ",")) {
                Node *t = mk(p, N_TUPLE);
                nl_push(&t->l1, first);
                while (accept_op(p, ",")) { if (at_op(p, "]")) break; nl_push(&t->l1, subscript_item(p)); }
                first = t;
            }
            s->b = first;
            expect_op(p, "]");
            n = s;
            continue;
        }
        if (accept_op(p, ".")) {
            Node *a = mk(p, N_ATTR);
            a->a = n; a->name = ident(p);
            n = a;
            continue;
        }
        return n;
    }
}

static Node *factor(P *p);
static Node *power(P *p)
{
    if (at_kw(p, "await")) fail(p, "'await' outside function");
    Node *n = atom_expr(p);
    if (at_op(p, "**")) {
        Node *b = mk(p, N_BINOP);
        p->i++;
        b->op = BIN_POW; b->a = n; b->b = factor(p);
        return b;
    }
    return n;
}

static Node *factor(P *p)
{
    if (at_op(p, "-") || at_op(p, "+") || at_op(p, "~")) {
        Node *u = mk(p, N_UNARY);
        u->op = tok(p)->p[0];
        p->i++;
        u->a = factor(p);
        if (u->op == '-' && u->a->kind == N_CONST && !(u->a->flag & 1) &&
            (IS(u->a->val, int) || IS(u->a->val, float))) {
            Obj *v = mp_neg(u->a->val);
            decref(u->a->val);
            u->a->val = v; u->a->line = u->line; u->a->col = u->col;
            return u->a;
        }
        return u;
    }
    return power(p);
}

typedef struct { const char *s; int op; } BinTok;

static Node *binary(P *p, int level);
static const BinTok levels[][4] = {
    { {"|", BIN_OR} }, { {"^", BIN_XOR} }, { {"&", BIN_AND} },
    { {"<<", BIN_LSHIFT}, {">>", BIN_RSHIFT} },
    { {"+", BIN_ADD}, {"-", BIN_SUB} },
    { {"*", BIN_MUL}, {"/", BIN_TRUEDIV}, {"//", BIN_FLOORDIV}, {"%", BIN_MOD} },
};

static Node *binary(P *p, int level)
{
    if (level == 6) return factor(p);
    Node *n = binary(p, level + 1);
    for (;;) {
        int found = -1;
        for (int k = 0; k < 4 && levels[level][k].s; k++)
            if (at_op(p, levels[level][k].s)) found = levels[level][k].op;
        if (level == 5 && at_op(p, "@")) found = BIN_MATMUL;
        if (found < 0) return n;
        Node *b = mk(p, N_BINOP);
        b->line = n->line; b->col = n->col;
        p->i++;
        b->op = found; b->a = n; b->b = binary(p, level + 1);
        n = b;
    }
}

static Node *expr(P *p) { return binary(p, 0); }

enum { C_LT, C_LE, C_EQ, C_NE, C_GT, C_GE, C_IN, C_NOTIN, C_IS, C_ISNOT };

static int comp_op(P *p)
{
    Token *t = tok(p);
    static const char *s[] = { "<", "<=", "==", "!=", ">", ">=" };
    for (int i = 0; i < 6; i++) if (is_op(t, s[i])) { p->i++; return i; }
    if (is_kw(t, "in")) { p->i++; return C_IN; }
    if (is_kw(t, "not") && is_kw(peek(p, 1), "in")) { p->i += 2; return C_NOTIN; }
    if (is_kw(t, "is")) {
        p->i++;
        if (accept_kw(p, "not")) return C_ISNOT;
        return C_IS;
    }
    return -1;
}

static Node *comparison(P *p)
{
    Node *first = expr(p);
    int op = comp_op(p);
    if (op < 0) return first;
    Node *c = mk(p, N_COMPARE);
    c->line = first->line; c->col = first->col;
    nl_push(&c->l1, first);
    int n = 0, cap = 4;
    c->ops = mp_fe_alloc(sizeof(int) * cap, FE_RAW);
    while (op >= 0) {
        if (n == cap) { cap *= 2; c->ops = mp_fe_realloc(c->ops, sizeof(int) * cap); }
        c->ops[n++] = op;
        nl_push(&c->l1, expr(p));
        op = comp_op(p);
    }
    return c;
}

static Node *not_test(P *p)
{
    if (at_kw(p, "not")) {
        Node *n = mk(p, N_NOT);
        p->i++;
        n->a = not_test(p);
        return n;
    }
    return comparison(p);
}

static Node *boolop(P *p, int isor)
{
    Node *first = isor ? boolop(p, 0) : not_test(p);
    if (!at_kw(p, isor ? "or" : "and")) return first;
    Node *b = mk(p, N_BOOLOP);
    b->line = first->line;
    b->op = isor;
    nl_push(&b->l1, first);
    while (accept_kw(p, isor ? "or" : "and")) nl_push(&b->l1, isor ? boolop(p, 0) : not_test(p));
    return b;
}

static Node *or_test(P *p) { return boolop(p, 1); }

static void params(P *p, Node *args, const char *end, int annotations);

static Node *lambdef(P *p)
{
    Node *l = mk(p, N_LAMBDA);
    p->i++;
    l->a = mk(p, N_ARGS);
    params(p, l->a, ":", 0);
    expect_op(p, ":");
    l->b = test(p);
    return l;
}

static Node *test(P *p)
{
    if (at_kw(p, "lambda")) return lambdef(p);
    Node *n = or_test(p);
    if (at_kw(p, "if")) {
        Node *c = mk(p, N_IFEXP);
        p->i++;
        c->b = n;
        c->a = or_test(p);
        if (!accept_kw(p, "else")) fail(p, "expected 'else' after 'if' expression");
        c->c = test(p);
        return c;
    }
    return n;
}

static Node *star_or_test(P *p)
{
    if (at_op(p, "*")) {
        Node *s = mk(p, N_STARRED);
        p->i++;
        s->a = expr(p);
        return s;
    }
    return test(p);
}

static int at_expr_end(P *p)
{
    Token *t = tok(p);
    if (t->kind == TK_NEWLINE || t->kind == TK_EOF) return 1;
    if (t->kind == TK_OP) {
        static const char *ends[] = { ")", "]", "}", "=", ";", ":", "+=", "-=", "*=", "/=", "//=", "%=",
            "**=", ">>=", "<<=", "&=", "|=", "^=", "@=", NULL };
        for (int i = 0; ends[i]; i++) if (is_op(t, ends[i])) return 1;
    }
    return 0;
}

/* testlist_star_expr: possibly a bare tuple */
static Node *testlist_star(P *p, int allow_yield)
{
    if (allow_yield && at_kw(p, "yield")) {
        Node *y = mk(p, N_YIELD);
        p->i++;
        if (accept_kw(p, "from")) { y->kind = N_YIELDFROM; y->a = test(p); return y; }
        if (!at_expr_end(p)) y->a = testlist_star(p, 0);
        return y;
    }
    Node *first = star_or_test(p);
    if (!at_op(p, ",")) return first;
    Node *t = mk(p, N_TUPLE);
    t->line = first->line; t->col = first->col;
    nl_push(&t->l1, first);
    while (accept_op(p, ",")) {
        if (at_expr_end(p)) break;
        nl_push(&t->l1, star_or_test(p));
    }
    return t;
}

/* ---- f-strings ---- */

static Node *parse_sub_expr(P *p, const char *s, int n, int line)
{
    P sub;
    memset(&sub, 0, sizeof sub);
    sub.filename = p->filename;
    char *src = mp_fe_alloc(n + 3, FE_RAW);
    src[0] = '(';
    memcpy(src + 1, s, n);
    src[n + 1] = ')'; src[n + 2] = 0;
    sub.lx.line_off = line - 1;
    if (mp_lex(&sub.lx, p->filename, src) < 0) longjmp(p->fail, 1);
    if (setjmp(sub.fail)) longjmp(p->fail, 1);
    Node *e = testlist_star(&sub, 1);
    if (tok(&sub)->kind != TK_NEWLINE) fail(&sub, "f-string: invalid syntax");
    return e;
}

static Node *parse_fstring(P *p, const char *s, int n, int raw, int line)
{
    Node *j = mk(p, N_JOINEDSTR);
    SB lit = {0};
    int i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') { sb_addc(&lit, '{'); i += 2; continue; }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') { sb_addc(&lit, '}'); i += 2; continue; }
        if (c == '}') fail(p, "f-string: single '}' is not allowed");
        if (c != '{') {
            int st = i;
            while (i < n && s[i] != '{' && s[i] != '}') i++;
            SB tmp = {0};
            mp_decode_escapes(s + st, i - st, raw, 0, &tmp);
            sb_add(&lit, tmp.s, tmp.n);
            sb_free(&tmp);
            continue;
        }
        /* expression */
        i++;
        int st = i, depth = 0;
        char q = 0;
        while (i < n) {
            char d = s[i];
            if (q) { if (d == q) q = 0; i++; continue; }
            if (d == '\'' || d == '"') { q = d; i++; continue; }
            if (d == '(' || d == '[' || d == '{') depth++;
            else if (d == ')' || d == ']' || (d == '}' && depth > 0)) depth--;
            else if (depth == 0 && (d == '}' || d == ':' )) break;
            else if (depth == 0 && d == '!' && i + 1 < n && s[i + 1] != '=') break;
            i++;
        }
        if (i >= n) fail(p, "f-string: expecting '}'");
        int en = i - st;
        int selfdoc = 0;
        int k = en;
        while (k > 0 && (s[st + k - 1] == ' ')) k--;
        if (k > 0 && s[st + k - 1] == '=' && (k < 2 || !strchr("=!<>", s[st + k - 2]))) {
            selfdoc = 1;
            sb_add(&lit, s + st, en);
            en = k - 1;
        }
        if (lit.n) { Node *cn = mk(p, N_CONST); cn->val = sb_finish(&lit); memset(&lit, 0, sizeof lit); nl_push(&j->l1, cn); }
        Node *f = mk(p, N_FORMATTED);
        f->a = parse_sub_expr(p, s + st, en, line);
        f->op = selfdoc ? 'r' : 0;
        if (s[i] == '!') {
            if (i + 1 >= n || !strchr("rsa", s[i + 1])) fail(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            f->op = s[i + 1];
            i += 2;
        }
        if (i < n && s[i] == ':') {
            i++;
            int ss = i, dd = 0;
            while (i < n && (s[i] != '}' || dd > 0)) { if (s[i] == '{') dd++; else if (s[i] == '}') dd--; i++; }
            f->b = parse_fstring(p, s + ss, i - ss, raw, line);
            if (selfdoc && f->op == 'r' && s[st + en] != '!') f->op = 0;
        }
        if (i >= n || s[i] != '}') fail(p, "f-string: expecting '}'");
        i++;
        nl_push(&j->l1, f);
    }
    if (lit.n) { Node *cn = mk(p, N_CONST); cn->val = sb_finish(&lit); nl_push(&j->l1, cn); }
    else sb_free(&lit);
    return j;
}

/* ---- statements ---- */

static void params(P *p, Node *args, const char *end, int annotations)
{
    int star = 0;
    while (!at_op(p, end)) {
        if (accept_op(p, "/")) { if (!accept_op(p, ",")) break; continue; }
        if (accept_op(p, "**")) {
            args->name2 = ident(p);
            if (annotations && accept_op(p, ":")) test(p);
            accept_op(p, ",");
            break;
        }
        if (accept_op(p, "*")) {
            star = 1;
            if (tok(p)->kind == TK_NAME) {
                args->name = ident(p);
                if (annotations && accept_op(p, ":")) test(p);
            }
            if (!accept_op(p, ",")) break;
            continue;
        }
        Node *nm = mk(p, N_NAME);
        nm->name = ident(p);
        if (annotations && accept_op(p, ":")) test(p);
        Node *def = NULL;
        if (accept_op(p, "=")) def = test(p);
        if (star) { nl_push(&args->l3, nm); nl_push(&args->l4, def); }
        else {
            nl_push(&args->l1, nm);
            if (def) nl_push(&args->l2, def);
            else if (args->l2.n) fail(p, "non-default argument follows default argument");
        }
        if (!accept_op(p, ",")) break;
    }
}

static void decorated(P *p, NList *out, NList *decos);

static Node *funcdef(P *p, NList *decos)
{
    Node *d = mk(p, N_DEF);
    p->i++;
    d->name = ident(p);
    expect_op(p, "(");
    d->a = mk(p, N_ARGS);
    params(p, d->a, ")", 1);
    expect_op(p, ")");
    if (accept_op(p, "->")) test(p);
    expect_op(p, ":");
    BLK(p, "function definition", d->line);
    block(p, &d->l1);
    if (decos) d->l2 = *decos;
    return d;
}

static Node *classdef(P *p, NList *decos)
{
    Node *c = mk(p, N_CLASS);
    p->i++;
    c->name = ident(p);
    if (accept_op(p, "(")) {
        Node *call = call_args(p, NULL);
        c->l3 = call->l1;    /* bases */
        c->l4 = call->l2;    /* keywords (metaclass etc.) */
    }
    expect_op(p, ":");
    BLK(p, "class definition", c->line);
    block(p, &c->l1);
    if (decos) c->l2 = *decos;
    return c;
}

static void decorated(P *p, NList *out, NList *decos)
{
    while (accept_op(p, "@")) {
        nl_push(decos, test(p));
        if (tok(p)->kind != TK_NEWLINE) fail(p, "invalid syntax");
        p->i++;
    }
    if (at_kw(p, "def")) nl_push(out, funcdef(p, decos));
    else if (at_kw(p, "class")) nl_push(out, classdef(p, decos));
    else fail(p, "invalid syntax");
}

static Node *if_stmt(P *p)
{
    Node *n = mk(p, N_IF);
    const char *what = at_kw(p, "elif") ? "'elif' statement" : "'if' statement";
    p->i++;
    n->a = test(p);
    if (accept_op(p, ":=")) { Node *ne = mk(p, N_NAMEDEXPR); ne->a = n->a; ne->b = test(p); n->a = ne; }
    expect_op(p, ":");
    BLK(p, what, n->line);
    block(p, &n->l1);
    if (at_kw(p, "elif")) nl_push(&n->l2, if_stmt(p));
    else if (at_kw(p, "else")) { int l = tok(p)->line; p->i++; expect_op(p, ":"); BLK(p, "'else' statement", l); block(p, &n->l2); }
    return n;
}

static Node *target_list(P *p)
{
    Node *first = at_op(p, "*") ? star_or_test(p) : expr(p);
    if (!at_op(p, ",")) return first;
    Node *t = mk(p, N_TUPLE);
    nl_push(&t->l1, first);
    while (accept_op(p, ",")) {
        if (at_kw(p, "in") || at_op(p, "=")) break;
        nl_push(&t->l1, at_op(p, "*") ? star_or_test(p) : expr(p));
    }
    return t;
}

static Node *compound(P *p)
{
    Token *t = tok(p);
    Node *n;
    if (is_kw(t, "if")) return if_stmt(p);
    if (is_kw(t, "while")) {
        n = mk(p, N_WHILE);
        p->i++;
        n->a = test(p);
        if (accept_op(p, ":=")) { Node *ne = mk(p, N_NAMEDEXPR); ne->a = n->a; ne->b = test(p); n->a = ne; }
        expect_op(p, ":");
        BLK(p, "'while' statement", n->line);
        block(p, &n->l1);
        if (accept_kw(p, "else")) { expect_op(p, ":"); block(p, &n->l2); }
        return n;
    }
    if (is_kw(t, "for")) {
        n = mk(p, N_FOR);
        p->i++;
        n->a = target_list(p);
        if (!accept_kw(p, "in")) fail(p, "invalid syntax");
        n->b = testlist_star(p, 0);
        expect_op(p, ":");
        BLK(p, "'for' statement", n->line);
        block(p, &n->l1);
        if (accept_kw(p, "else")) { expect_op(p, ":"); block(p, &n->l2); }
        return n;
    }
    if (is_kw(t, "try")) {
        n = mk(p, N_TRY);
        p->i++;
        expect_op(p, ":");
        BLK(p, "'try' statement", n->line);
        block(p, &n->l1);
        while (at_kw(p, "except")) {
            Node *h = mk(p, N_HANDLER);
            p->i++;
            if (!at_op(p, ":")) {
                h->a = test(p);
                if (at_op(p, ",")) {
                    Node *tt = mk(p, N_TUPLE);
                    nl_push(&tt->l1, h->a);
                    while (accept_op(p, ",")) nl_push(&tt->l1, test(p));
                    h->a = tt;
                }
                if (accept_kw(p, "as")) h->name = ident(p);
            }
            expect_op(p, ":");
            BLK(p, "'except' statement", h->line);
            block(p, &h->l1);
            nl_push(&n->l2, h);
        }
        if (accept_kw(p, "else")) { expect_op(p, ":"); block(p, &n->l3); }
        if (at_kw(p, "finally")) { int l = tok(p)->line; p->i++; expect_op(p, ":"); BLK(p, "'finally' statement", l); block(p, &n->l4); n->flag = 1; }
        if (!n->l2.n && !n->flag) fail(p, "expected 'except' or 'finally' block");
        return n;
    }
    if (is_kw(t, "with")) {
        n = mk(p, N_WITH);
        p->i++;
        do {
            Node *item = mk(p, N_KEYWORD);
            item->a = test(p);
            if (accept_kw(p, "as")) item->b = target_list(p);
            nl_push(&n->l2, item);
        } while (accept_op(p, ","));
        expect_op(p, ":");
        BLK(p, "'with' statement", n->line);
        block(p, &n->l1);
        return n;
    }
    if (is_kw(t, "def")) return funcdef(p, NULL);
    if (is_kw(t, "class")) return classdef(p, NULL);
    return NULL;
}

static Node *dotted(P *p, int *level)
{
    Node *n = mk(p, N_NAME);
    SB b = {0};
    if (level) {
        while (at_op(p, ".") || at_op(p, "...")) { *level += tok(p)->len; p->i++; }
        if (at_kw(p, "import")) { n->name = NULL; return n; }
    }
    Obj *id = ident(p);
    sb_addo(&b, id);
    while (accept_op(p, ".")) { sb_addc(&b, '.'); sb_addo(&b, ident(p)); }
    Obj *s = sb_finish(&b);
    n->name = mp_str_intern(SS(s));
    decref(s);
    return n;
}

static Node *small_stmt(P *p)
{
    Token *t = tok(p);
    Node *n;
    if (is_kw(t, "pass")) { n = mk(p, N_PASS); p->i++; return n; }
    if (is_kw(t, "break")) { n = mk(p, N_BREAK); p->i++; return n; }
    if (is_kw(t, "continue")) { n = mk(p, N_CONTINUE); p->i++; return n; }
    if (is_kw(t, "return")) {
        n = mk(p, N_RETURN);
        p->i++;
        if (!at_expr_end(p)) n->a = testlist_star(p, 0);
        return n;
    }
    if (is_kw(t, "raise")) {
        n = mk(p, N_RAISE);
        p->i++;
        if (!at_expr_end(p)) {
            n->a = test(p);
            if (accept_kw(p, "from")) n->b = test(p);
        }
        return n;
    }
    if (is_kw(t, "global") || is_kw(t, "nonlocal")) {
        n = mk(p, t->s[0] == 'g' ? N_GLOBAL : N_NONLOCAL);
        p->i++;
        do { Node *nm = mk(p, N_NAME); nm->name = ident(p); nl_push(&n->l1, nm); } while (accept_op(p, ","));
        return n;
    }
    if (is_kw(t, "del")) {
        n = mk(p, N_DEL);
        p->i++;
        do { if (at_expr_end(p)) break; nl_push(&n->l1, expr(p)); } while (accept_op(p, ","));
        return n;
    }
    if (is_kw(t, "assert")) {
        n = mk(p, N_ASSERT);
        p->i++;
        n->a = test(p);
        if (accept_op(p, ",")) n->b = test(p);
        return n;
    }
    if (is_kw(t, "import")) {
        n = mk(p, N_IMPORT);
        p->i++;
        do {
            Node *d = dotted(p, NULL);
            if (accept_kw(p, "as")) d->name2 = ident(p);
            nl_push(&n->l1, d);
        } while (accept_op(p, ","));
        return n;
    }
    if (is_kw(t, "from")) {
        n = mk(p, N_IMPORTFROM);
        p->i++;
        int level = 0;
        n->a = dotted(p, &level);
        n->op = level;
        if (!accept_kw(p, "import")) fail(p, "invalid syntax");
        if (accept_op(p, "*")) { n->flag = 1; return n; }
        int paren = accept_op(p, "(");
        do {
            if (paren && at_op(p, ")")) break;
            Node *nm = mk(p, N_NAME);
            nm->name = ident(p);
            if (accept_kw(p, "as")) nm->name2 = ident(p);
            nl_push(&n->l1, nm);
        } while (accept_op(p, ","));
        if (paren) expect_op(p, ")");
        return n;
    }
    /* expression statement */
    Node *e = testlist_star(p, 1);
    if (at_op(p, "=")) {
        n = mk(p, N_ASSIGN);
        n->line = e->line;
        nl_push(&n->l1, e);
        while (accept_op(p, "=")) nl_push(&n->l1, testlist_star(p, 1));
        n->a = n->l1.v[--n->l1.n];
        return n;
    }
    if (tok(p)->kind == TK_OP && tok(p)->len >= 2 && tok(p)->p[tok(p)->len - 1] == '=' &&
        !at_op(p, "==") && !at_op(p, "<=") && !at_op(p, ">=") && !at_op(p, "!=")) {
        n = mk(p, N_AUGASSIGN);
        n->line = e->line;
        char op[4] = {0};
        memcpy(op, tok(p)->p, tok(p)->len - 1);
        for (int k = 0; k < BIN_COUNT; k++) {
            static const char *syms[] = {
#define S(id, s, f, r, i) s,
                MP_BINOPS(S)
#undef S
            };
            if (!strcmp(syms[k], op)) n->op = k;
        }
        p->i++;
        n->a = e;
        n->b = testlist_star(p, 1);
        if (e->kind != N_NAME && e->kind != N_ATTR && e->kind != N_SUBSCR)
            fail(p, "'tuple' is an illegal expression for augmented assignment");
        return n;
    }
    if (at_op(p, ":")) {
        n = mk(p, N_ANNASSIGN);
        p->i++;
        n->a = e;
        n->c = test(p);
        if (accept_op(p, "=")) n->b = testlist_star(p, 1);
        return n;
    }
    n = mk(p, N_EXPR);
    n->line = e->line;
    n->a = e;
    return n;
}

static void simple_stmts(P *p, NList *out)
{
    for (;;) {
        nl_push(out, small_stmt(p));
        if (!accept_op(p, ";")) break;
        if (tok(p)->kind == TK_NEWLINE) break;
    }
    if (tok(p)->kind != TK_NEWLINE) fail(p, "invalid syntax");
    p->i++;
}

static int match_stmt_ahead(P *p)
{
    /* `match EXPR:` at the start of a line (match is a soft keyword) */
    if (!at_kw(p, "match")) return 0;
    Token *n = peek(p, 1);
    if (n->kind == TK_NEWLINE || (n->kind == TK_OP && !is_op(n, "(") && !is_op(n, "[") && !is_op(n, "{") &&
                                  !is_op(n, "-") && !is_op(n, "*"))) return 0;
    for (int k = 1; peek(p, k)->kind != TK_NEWLINE && peek(p, k)->kind != TK_EOF; k++)
        if (is_op(peek(p, k), ":") && peek(p, k + 1)->kind == TK_NEWLINE) return 1;
    return 0;
}

static Node *statement(P *p, NList *out)
{
    if (at_kw(p, "async") || at_kw(p, "await")) fail(p, "minipy: unsupported feature: async/await");
    if (match_stmt_ahead(p)) fail(p, "minipy: unsupported feature: the match statement");
    if (at_op(p, "@")) { NList d = {0}; decorated(p, out, &d); return NULL; }
    Node *c = compound(p);
    if (c) { nl_push(out, c); return c; }
    simple_stmts(p, out);
    return NULL;
}

static void block(P *p, NList *body)
{
    if (tok(p)->kind != TK_NEWLINE) { simple_stmts(p, body); return; }
    p->i++;
    if (tok(p)->kind != TK_INDENT) {
        char msg[128];
        if (p->blk) snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", p->blk, p->blkline);
        else snprintf(msg, sizeof msg, "expected an indented block");
        mp_syntax_error(p->filename, tok(p)->line, tok(p)->col, msg);
        TYPE(mp.exc) = &mp_exc_IndentationError;
        longjmp(p->fail, 1);
    }
    p->i++;
    while (tok(p)->kind != TK_DEDENT && tok(p)->kind != TK_EOF) statement(p, body);
    p->i++;
}

Node *mp_parse(const char *filename, const char *src)
{
    P *p = mp_fe_alloc(sizeof *p, FE_RAW);
    p->filename = filename;
    if (mp_lex(&p->lx, filename, src) < 0) return NULL;
    Node *m = mk(p, N_MODULE);
    if (setjmp(p->fail)) return NULL;
    while (tok(p)->kind != TK_EOF) {
        if (tok(p)->kind == TK_INDENT) {
            mp_syntax_error(filename, tok(p)->line, tok(p)->col, "unexpected indent");
            Obj *e = mp.exc; mp.exc = NULL; (void)e;
            mp_err(&mp_exc_IndentationError, "unexpected indent");
            return NULL;
        }
        if (tok(p)->kind == TK_NEWLINE) { p->i++; continue; }
        statement(p, &m->l1);
    }
    return m;
}
