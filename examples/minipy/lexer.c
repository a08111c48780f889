/* lexer.c -- turns Python source into a token array: indentation as
 * INDENT/DEDENT, implicit line joining inside brackets, backslash
 * continuation, all numeric and string literal forms (f-strings are kept raw
 * and split by the parser). */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "ast.h"

/* ---- front-end memory ---- */

struct FEBlk { struct FEBlk *next, *prev; uint64_t seq; int64_t kind; };

void *mp_fe_alloc(size_t n, int kind)
{
    struct FEBlk *b = calloc(1, sizeof *b + n);
    if (!b) { mp_nomem(); return NULL; }
    b->seq = ++mp.fe_seq; b->kind = kind;
    b->prev = NULL; b->next = mp.fe_head;
    if (mp.fe_head) mp.fe_head->prev = b;
    mp.fe_head = b;
    return b + 1;
}

void *mp_fe_realloc(void *p, size_t n)
{
    if (!p) return mp_fe_alloc(n, FE_RAW);
    struct FEBlk *b = realloc((struct FEBlk *)p - 1, sizeof *b + n);
    if (!b) { mp_nomem(); return NULL; }
    if (b->prev) b->prev->next = b; else mp.fe_head = b;
    if (b->next) b->next->prev = b;
    return b + 1;
}

char *mp_fe_own(char *malloced)
{
    char **slot = mp_fe_alloc(sizeof(char *), FE_PTR);
    *slot = malloced;
    return malloced;
}

uint64_t mp_fe_mark(void) { return mp.fe_seq; }

void mp_fe_release(uint64_t mark)
{
    while (mp.fe_head && mp.fe_head->seq > mark) {
        struct FEBlk *b = mp.fe_head;
        mp.fe_head = b->next;
        if (mp.fe_head) mp.fe_head->prev = NULL;
        if (b->kind == FE_NODE) xdecref(((Node *)(b + 1))->val);
        else if (b->kind == FE_SCOPE) mp_scope_release(b + 1);
        else if (b->kind == FE_PTR) free(*(char **)(b + 1));
        free(b);
    }
}

static const char *ops3[] = { "**=", "//=", ">>=", "<<=", "...", NULL };
static const char *ops2[] = { "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
                              "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", NULL };

static int push(Lexer *lx, int kind, int line, int col, const char *p, int len)
{
    if (lx->n == lx->cap) {
        lx->cap = lx->cap ? lx->cap * 2 : 256;
        lx->t = mp_fe_realloc(lx->t, sizeof(Token) * lx->cap);
    }
    Token *t = &lx->t[lx->n++];
    memset(t, 0, sizeof *t);
    t->kind = kind; t->line = line + lx->line_off; t->col = col; t->p = p; t->len = len;
    return lx->n - 1;
}

Obj *mp_syntax_error(const char *filename, int line, int col, const char *msg)
{
    Obj *e = mp_err(&mp_exc_SyntaxError, "%s", msg);
    if (mp.exc) {
        Inst *in = (Inst *)mp.exc;
        Obj *fn = mp_str_c(filename), *ln = mp_int(line), *cl = mp_int(col + 1);
        mp_dict_sets(in->dict, "filename", fn);
        mp_dict_sets(in->dict, "lineno", ln);
        mp_dict_sets(in->dict, "offset", cl);
        decref(fn); decref(ln); decref(cl);
    }
    return e;
}

static void put_utf8(SB *b, uint32_t c)
{
    char u[4];
    if (c < 0x80) { sb_addc(b, (char)c); return; }
    if (c < 0x800) { u[0] = 0xC0 | (c >> 6); u[1] = 0x80 | (c & 63); sb_add(b, u, 2); return; }
    if (c < 0x10000) {
        u[0] = 0xE0 | (c >> 12); u[1] = 0x80 | ((c >> 6) & 63); u[2] = 0x80 | (c & 63);
        sb_add(b, u, 3); return;
    }
    u[0] = 0xF0 | (c >> 18); u[1] = 0x80 | ((c >> 12) & 63);
    u[2] = 0x80 | ((c >> 6) & 63); u[3] = 0x80 | (c & 63);
    sb_add(b, u, 4);
}

/* Decode escapes of a (non-raw) literal body into b.  Returns 0 or -1. */
int mp_decode_escapes(const char *p, int n, int raw, int bytes, SB *b)
{
    const char *e = p + n;
    while (p < e) {
        if (*p != '\\' || raw) {
            if (raw && *p == '\\' && p + 1 < e) { sb_add(b, p, 2); p += 2; continue; }
            sb_addc(b, *p++); continue;
        }
        p++;
        if (p >= e) { sb_addc(b, '\\'); break; }
        char c = *p++;
        switch (c) {
        case '\n': break;
        case 'n': sb_addc(b, '\n'); break;
        case 't': sb_addc(b, '\t'); break;
        case 'r': sb_addc(b, '\r'); break;
        case 'a': sb_addc(b, '\a'); break;
        case 'b': sb_addc(b, '\b'); break;
        case 'f': sb_addc(b, '\f'); break;
        case 'v': sb_addc(b, '\v'); break;
        case '\\': sb_addc(b, '\\'); break;
        case '\'': sb_addc(b, '\''); break;
        case '"': sb_addc(b, '"'); break;
        case 'x': case 'u': case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') { sb_addc(b, '\\'); sb_addc(b, c); break; }
            uint32_t v = 0;
            for (int i = 0; i < nd; i++) {
                if (p >= e || !isxdigit((unsigned char)*p)) return -1;
                char d = *p++;
                v = v * 16 + (isdigit((unsigned char)d) ? d - '0' : (tolower(d) - 'a' + 10));
            }
            if (bytes) sb_addc(b, (char)v); else put_utf8(b, v);
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                uint32_t v = c - '0';
                for (int i = 0; i < 2 && p < e && *p >= '0' && *p <= '7'; i++) v = v * 8 + (*p++ - '0');
                if (bytes) sb_addc(b, (char)v); else put_utf8(b, v);
            } else { sb_addc(b, '\\'); sb_addc(b, c); }
        }
    }
    return 0;
}

static int lex_string(Lexer *lx, const char **pp, int line, int col, const char *start)
{
    const char *p = *pp;
    int raw = 0, bytes = 0, fstr = 0;
    while (*p != '\'' && *p != '"') {
        char c = tolower((unsigned char)*p++);
        if (c == 'r') raw = 1; else if (c == 'b') bytes = 1; else if (c == 'f') fstr = 1;
    }
    char q = *p;
    int triple = p[1] == q && p[2] == q;
    p += triple ? 3 : 1;
    const char *body = p;
    for (;;) {
        if (!*p || (!triple && *p == '\n')) {
            char msg[96];
            int at = line;
            if (triple) for (const char *q = body; q < p; q++) if (*q == '\n') at++;
            snprintf(msg, sizeof msg, "%s (detected at line %d)",
                     triple ? "unterminated triple-quoted string literal" : "unterminated string literal", at);
            mp_syntax_error(lx->filename, line, col, msg);
            return -1;
        }
        if (*p == '\\' && p[1]) { p += 2; continue; }
        if (*p == q && (!triple || (p[1] == q && p[2] == q))) break;
        p++;
    }
    int blen = (int)(p - body);
    p += triple ? 3 : 1;
    int i = push(lx, fstr ? TK_FSTR : bytes ? TK_BYTES : TK_STR, line, col, start, (int)(p - start));
    Token *t = &lx->t[i];
    SB b = {0};
    if (fstr) {
        sb_add(&b, body, blen);
        t->slen = raw;   /* for f-strings: slen carries the raw flag */
        sb_addc(&b, 0);
        t->s = mp_fe_own(b.s);
    } else {
        if (mp_decode_escapes(body, blen, raw, bytes, &b) < 0) {
            mp_syntax_error(lx->filename, line, col, "(unicode error) truncated \\xXX escape");
            return -1;
        }
        t->slen = (int)b.n;
        sb_addc(&b, 0);
        t->s = mp_fe_own(b.s);
    }
    *pp = p;
    return 0;
}

static int lex_number(Lexer *lx, const char **pp, int line, int col)
{
    const char *p = *pp, *s = p;
    int kind = TK_INT;
    if (*p == '0' && strchr("xXoObB", p[1]) && p[1]) {
        p += 2;
        while (isalnum((unsigned char)*p) || *p == '_') p++;
    } else {
        while (isdigit((unsigned char)*p) || *p == '_') p++;
        if (*p == '.' ) { kind = TK_FLOAT; p++; while (isdigit((unsigned char)*p) || *p == '_') p++; }
        if (*p == 'e' || *p == 'E') {
            const char *q = p + 1;
            if (*q == '+' || *q == '-') q++;
            if (isdigit((unsigned char)*q)) {
                kind = TK_FLOAT; p = q;
                while (isdigit((unsigned char)*p) || *p == '_') p++;
            }
        }
        if (*p == 'j' || *p == 'J') { kind = TK_IMAG; p++; }
    }
    if (isalpha((unsigned char)*p) || *p == '_') {
        mp_syntax_error(lx->filename, line, col, "invalid decimal literal");
        return -1;
    }
    int i = push(lx, kind, line, col, s, (int)(p - s));
    SB b = {0};
    for (const char *q = s; q < p; q++) if (*q != '_') sb_addc(&b, *q);
    lx->t[i].slen = (int)b.n;
    sb_addc(&b, 0);
    lx->t[i].s = mp_fe_own(b.s);
    *pp = p;
    return 0;
}

static int lex_op(Lexer *lx, const char **pp, int line, int col)
{
    const char *p = *pp;
    for (int i = 0; ops3[i]; i++)
        if (!strncmp(p, ops3[i], 3)) { push(lx, TK_OP, line, col, p, 3); *pp = p + 3; return 0; }
    for (int i = 0; ops2[i]; i++)
        if (!strncmp(p, ops2[i], 2)) { push(lx, TK_OP, line, col, p, 2); *pp = p + 2; return 0; }
    if (strchr("+-*/%&|^~<>()[]{},:;.=@", *p)) {
        push(lx, TK_OP, line, col, p, 1); *pp = p + 1; return 0;
    }
    char msg[64];
    if ((unsigned char)*p >= 0x80) snprintf(msg, sizeof msg, "invalid non-printable character");
    else snprintf(msg, sizeof msg, "invalid character '%c' (U+%04X)", *p, (unsigned char)*p);
    mp_syntax_error(lx->filename, line, col, msg);
    return -1;
}

int mp_lex(Lexer *lx, const char *filename, const char *src)
{
    lx->filename = filename; lx->src = src;
    int indents[200], ni = 1, depth = 0, line = 1;
    char brackets[200];
    indents[0] = 0;
    const char *p = src, *linestart = src;
    int atbol = 1;
    while (*p) {
        if (atbol) {
            int col = 0;
            const char *q = p;
            while (*q == ' ' || *q == '\t' || *q == '\f') { col = *q == '\t' ? (col / 8 + 1) * 8 : col + 1; q++; }
            if (*q == '#' || *q == '\n' || (*q == '\r' && q[1] == '\n') || !*q) {
                while (*q && *q != '\n') q++;
                if (*q) q++;
                p = q; line++; linestart = p;
                continue;
            }
            atbol = 0;
            p = q;
            if (col > indents[ni - 1]) {
                if (ni >= 199) { mp_syntax_error(filename, line, 0, "too many levels of indentation"); return -1; }
                indents[ni++] = col;
                push(lx, TK_INDENT, line, 0, p, 0);
            } else {
                while (col < indents[ni - 1]) { ni--; push(lx, TK_DEDENT, line, 0, p, 0); }
                if (col != indents[ni - 1]) {
                    mp_syntax_error(filename, line, col, "unindent does not match any outer indentation level");
                    mp_err_clear();
                    mp_err(&mp_exc_IndentationError, "unindent does not match any outer indentation level");
                    return -1;
                }
            }
        }
        char c = *p;
        int col = (int)(p - linestart);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { p++; continue; }
        if (c == '#') { while (*p && *p != '\n') p++; continue; }
        if (c == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
            p += p[1] == '\n' ? 2 : 3; line++; linestart = p; continue;
        }
        if (c == '\n') {
            if (depth == 0) { push(lx, TK_NEWLINE, line, col, p, 1); atbol = 1; }
            p++; line++; linestart = p;
            continue;
        }
        if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
            const char *s = p;
            while (isalnum((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80) p++;
            if ((*p == '\'' || *p == '"') && p - s <= 2) {
                int ok = 1;
                for (const char *q = s; q < p; q++) if (!strchr("rRbBfFuU", *q)) ok = 0;
                if (ok) { p = s; if (lex_string(lx, &p, line, col, s) < 0) return -1; goto counted; }
            }
            int i = push(lx, TK_NAME, line, col, s, (int)(p - s));
            lx->t[i].s = mp_fe_own(strndup(s, p - s));
            lx->t[i].slen = (int)(p - s);
            continue;
        }
        if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p[1]))) {
            if (lex_number(lx, &p, line, col) < 0) return -1;
            continue;
        }
        if (c == '\'' || c == '"') {
            if (lex_string(lx, &p, line, col, p) < 0) return -1;
            goto counted;
        }
        if (strchr("([{", c)) { if (depth < 199) brackets[depth] = c; depth++; }
        if (strchr(")]}", c)) {
            if (depth == 0) {
                char msg[40]; snprintf(msg, sizeof msg, "unmatched '%c'", c);
                mp_syntax_error(filename, line, col, msg); return -1;
            }
            depth--;
            char o = depth < 199 ? brackets[depth] : c;
            if ((c == ')' && o != '(') || (c == ']' && o != '[') || (c == '}' && o != '{')) {
                char msg[80];
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
                mp_syntax_error(filename, line, col, msg); return -1;
            }
        }
        if (lex_op(lx, &p, line, col) < 0) return -1;
        continue;
    counted:
        /* a string token may span lines: recount */
        for (const char *q = lx->t[lx->n - 1].p; q < p; q++)
            if (*q == '\n') { line++; linestart = q + 1; }
    }
    if (depth > 0) {
        char msg[40]; snprintf(msg, sizeof msg, "'%c' was never closed", brackets[depth - 1 < 199 ? depth - 1 : 0]);
        mp_syntax_error(filename, line, 0, msg); return -1;
    }
    if (lx->n > 0 && lx->t[lx->n - 1].kind != TK_NEWLINE && lx->t[lx->n - 1].kind != TK_DEDENT)
        push(lx, TK_NEWLINE, line, 0, p, 0);
    while (ni > 1) { ni--; push(lx, TK_DEDENT, line, 0, p, 0); }
    push(lx, TK_EOF, line, 0, p, 0);
    return 0;
}
