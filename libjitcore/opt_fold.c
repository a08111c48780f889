/* opt_fold.c -- the forward optimization walk: constant folding, integer
 * algebraic identities, common-subexpression elimination (pure values,
 * unclobbered loads, pure helper calls) and redundant-guard removal.
 *
 * One walk in program order keeps a replacement map repl[] (every operand
 * is redirected through it before the instruction is looked at) and a hash
 * table of the available pure instructions.  Because a trace is one
 * straight line, an earlier instruction always dominates a later one, so
 * any earlier equal instruction may stand in for a later one.  Loads are
 * available only until a store to their alias class, or a call that may
 * write memory, bumps the epoch recorded with them.  Slot-load groups are
 * left as recorded (see opt.h) and are never used as replacements. */
#include <stdlib.h>
#include <string.h>
#include "ir_internal.h"
#include "opt.h"

#define NALIAS 64

typedef struct avail {
  jc_ref ref;                /* -1: empty */
  uint32_t epoch, alias_epoch;
} avail;

typedef struct walk {
  jc_lower *b;
  jc_ref *repl;
  avail *tab;
  uint32_t mask;
  uint32_t epoch;            /* bumped by writing calls */
  uint32_t alias_epoch[NALIAS];
} walk;

static int
is_const (const jc_ir_insn *in)
{
  return in->op == JC_IR_KI64 || in->op == JC_IR_KF64
         || in->op == JC_IR_KBOOL;
}

static int
is_load (const jc_ir_insn *in)
{
  return in->op == JC_IR_LOAD || in->op == JC_IR_LOADX;
}

const jc_helper *
jc_opt_helper (const jc_lower *b, const jc_ir_insn *in)
{
  const jc_host *h = b->hooks.host;
  return h && in->sub < h->nhelpers ? &h->helpers[in->sub] : NULL;
}

static int
call_is_pure (const jc_lower *b, const jc_ir_insn *in)
{
  const jc_helper *h = jc_opt_helper (b, in);
  return h && (h->flags & JC_HELPER_PURE)
         && !(h->flags & (JC_HELPER_WRITES_MEMORY | JC_HELPER_ALLOCATES
                          | JC_HELPER_MAY_RAISE));
}

int
jc_opt_call_writes (const jc_lower *b, const jc_ir_insn *in)
{
  const jc_helper *h = jc_opt_helper (b, in);
  /* A helper that says nothing about memory may write it. */
  if (!h)
    return 1;
  if (h->flags & (JC_HELPER_PURE | JC_HELPER_INCREF))
    return 0;   /* INCREF writes only a count no trace loads */
  if (h->flags & (JC_HELPER_WRITES_MEMORY | JC_HELPER_ALLOCATES
                  | JC_HELPER_DECREF))
    return 1;
  return !(h->flags & JC_HELPER_READS_MEMORY);
}

uint64_t
jc_opt_call_clobbers (const jc_lower *b, const jc_ir_insn *in)
{
  if (!jc_opt_call_writes (b, in))
    return 0;
  const jc_host *h = b->hooks.host;
  const jc_helper *hp = jc_opt_helper (b, in);
  if (!hp || (hp->flags & JC_HELPER_DECREF) || !h->helper_writes
      || !h->helper_writes[in->sub])
    return UINT64_MAX;
  return h->helper_writes[in->sub];
}

static void
make_const (jc_ir_insn *in, jc_type t, int64_t i, double f)
{
  in->op = t == JC_TYPE_F64 ? JC_IR_KF64
           : t == JC_TYPE_BOOL ? JC_IR_KBOOL : JC_IR_KI64;
  in->type = (uint8_t) t;
  in->a = in->b = in->c = JC_REF_NONE;
  in->snap = -1;
  in->flags = 0;
  if (t == JC_TYPE_F64)
    in->imm.f = f;
  else
    in->imm.i = t == JC_TYPE_BOOL ? (i != 0) : i;
}

static void
nop (jc_ir_insn *in)
{
  in->op = JC_IR_NOP;
  in->type = JC_TYPE_VOID;
  in->a = in->b = in->c = JC_REF_NONE;
  in->snap = -1;
}

/* Python's floor division and modulo of a by c; 0 when they are undefined
 * (c == 0) or overflow (INT64_MIN // -1). */
static int
floor_divmod (int64_t a, int64_t c, int64_t *q, int64_t *m)
{
  if (c == 0 || (a == INT64_MIN && c == -1))
    return 0;
  *q = a / c;
  *m = a % c;
  if (*m != 0 && ((*m ^ c) < 0))
    {
      *q -= 1;
      *m += c;
    }
  return 1;
}

/* Fold a binop on two constants; 1 if folded. */
static int
fold_binop (jc_ir_insn *in, const jc_ir_insn *x, const jc_ir_insn *y)
{
  jc_type t = (jc_type) in->type;
  if (t == JC_TYPE_F64)
    {
      double a = x->imm.f, c = y->imm.f, r;
      switch (in->sub)
        {
        case JC_ADD: r = a + c; break;
        case JC_SUB: r = a - c; break;
        case JC_MUL: r = a * c; break;
        case JC_DIV: r = a / c; break;
        default: return 0;
        }
      make_const (in, t, 0, r);
      return 1;
    }
  uint64_t a = (uint64_t) x->imm.i, c = (uint64_t) y->imm.i, r;
  switch (in->sub)
    {
    case JC_ADD: r = a + c; break;
    case JC_SUB: r = a - c; break;
    case JC_MUL: r = a * c; break;
    case JC_AND: r = a & c; break;
    case JC_OR: r = a | c; break;
    case JC_XOR: r = a ^ c; break;
    case JC_SHL:
      if (c > 63)
        return 0;
      r = a << c;
      break;
    case JC_SHR:
      if (c > 63)
        return 0;
      r = (uint64_t) ((int64_t) a >> c);
      break;
    case JC_FLOORDIV: case JC_FLOORMOD:
      {
        int64_t q, m;
        if (!floor_divmod ((int64_t) a, (int64_t) c, &q, &m))
          return 0;
        r = (uint64_t) (in->sub == JC_FLOORDIV ? q : m);
        break;
      }
    default:
      return 0;
    }
  make_const (in, t, (int64_t) r, 0);
  return 1;
}

static int
fold_binov (jc_ir_insn *in, const jc_ir_insn *x, const jc_ir_insn *y)
{
  int64_t r;
  int ov;
  switch (in->sub)
    {
    case JC_ADD: ov = __builtin_add_overflow (x->imm.i, y->imm.i, &r); break;
    case JC_SUB: ov = __builtin_sub_overflow (x->imm.i, y->imm.i, &r); break;
    case JC_MUL: ov = __builtin_mul_overflow (x->imm.i, y->imm.i, &r); break;
    case JC_FLOORDIV: case JC_FLOORMOD:
      {
        int64_t q, m;
        ov = !floor_divmod (x->imm.i, y->imm.i, &q, &m);
        r = in->sub == JC_FLOORDIV ? q : m;
        break;
      }
    default: return 0;
    }
  if (ov)
    return 0;     /* always exits: leave the guard */
  make_const (in, JC_TYPE_I64, r, 0);
  return 1;
}

static int
fold_cmp (jc_ir_insn *in, const jc_ir_insn *x, const jc_ir_insn *y)
{
  int r;
  if (x->type == JC_TYPE_F64)
    {
      double a = x->imm.f, c = y->imm.f;
      switch (in->sub)
        {
        case JC_EQ: r = a == c; break;
        case JC_NE: r = a != c; break;
        case JC_LT: r = a < c; break;
        case JC_LE: r = a <= c; break;
        case JC_GT: r = a > c; break;
        default: r = a >= c; break;
        }
    }
  else
    {
      int64_t a = x->imm.i, c = y->imm.i;
      switch (in->sub)
        {
        case JC_EQ: r = a == c; break;
        case JC_NE: r = a != c; break;
        case JC_LT: r = a < c; break;
        case JC_LE: r = a <= c; break;
        case JC_GT: r = a > c; break;
        default: r = a >= c; break;
        }
    }
  make_const (in, JC_TYPE_BOOL, r, 0);
  return 1;
}

static int
fold_unop (jc_ir_insn *in, const jc_ir_insn *x)
{
  switch (in->sub)
    {
    case JC_NEG:
      if (x->type == JC_TYPE_F64)
        make_const (in, JC_TYPE_F64, 0, -x->imm.f);
      else
        make_const (in, JC_TYPE_I64, (int64_t) (0 - (uint64_t) x->imm.i), 0);
      return 1;
    case JC_NOT:
      if (x->type == JC_TYPE_BOOL)
        make_const (in, JC_TYPE_BOOL, !x->imm.i, 0);
      else
        make_const (in, JC_TYPE_I64, ~x->imm.i, 0);
      return 1;
    case JC_I2F:
      make_const (in, JC_TYPE_F64, 0, (double) x->imm.i);
      return 1;
    case JC_B2I:
      make_const (in, JC_TYPE_I64, x->imm.i, 0);
      return 1;
    case JC_I2B:
      make_const (in, JC_TYPE_BOOL, x->imm.i != 0, 0);
      return 1;
    default:      /* F2I: range is the host's guard; leave it */
      return 0;
    }
}

static int
is_int_const (const jc_ir_insn *in, int64_t v)
{
  return in->op == JC_IR_KI64 && in->imm.i == v;
}

/* Bool identities: x & true, x | false, x ^ false are x; x & false is
 * false, x | true true.  Returns the replacement ref or JC_REF_NONE. */
static jc_ref
bool_algebra (jc_ir_insn *in, const jc_ir_insn *insns)
{
  const jc_ir_insn *x = &insns[in->a], *y = &insns[in->b];
  jc_ref other = in->b;
  if (y->op == JC_IR_KBOOL)
    {
      const jc_ir_insn *t = x;
      x = y;
      y = t;
      other = in->a;
    }
  if (x->op != JC_IR_KBOOL)
    return JC_REF_NONE;
  int k = x->imm.i != 0;
  switch (in->sub)
    {
    case JC_AND: case JC_OR:
      if (k == (in->sub == JC_AND))
        return other;
      make_const (in, JC_TYPE_BOOL, k, 0);
      return JC_REF_NONE;
    case JC_XOR:
      return k ? JC_REF_NONE : other;
    default:
      return JC_REF_NONE;
    }
}

/* Integer identities; returns the replacement ref or JC_REF_NONE. */
static jc_ref
algebra (jc_ir_insn *in, const jc_ir_insn *insns)
{
  if (in->type == JC_TYPE_BOOL && in->op == JC_IR_BINOP)
    return bool_algebra (in, insns);
  if (in->type != JC_TYPE_I64)
    return JC_REF_NONE;
  const jc_ir_insn *x = &insns[in->a], *y = &insns[in->b];
  switch (in->sub)
    {
    case JC_ADD: case JC_OR: case JC_XOR:
      if (is_int_const (y, 0)) return in->a;
      if (is_int_const (x, 0)) return in->b;
      break;
    case JC_SUB: case JC_SHL: case JC_SHR:
      if (is_int_const (y, 0)) return in->a;
      break;
    case JC_MUL:
      if (is_int_const (y, 1)) return in->a;
      if (is_int_const (x, 1)) return in->b;
      if (is_int_const (y, 0) || is_int_const (x, 0))
        {
          make_const (in, JC_TYPE_I64, 0, 0);
          return JC_REF_NONE;
        }
      break;
    case JC_AND:
      if (is_int_const (y, 0) || is_int_const (x, 0))
        {
          make_const (in, JC_TYPE_I64, 0, 0);
          return JC_REF_NONE;
        }
      break;
    case JC_FLOORDIV:
      if (is_int_const (y, 1)) return in->a;
      break;
    case JC_FLOORMOD:
      if (is_int_const (y, 1))
        {
          make_const (in, JC_TYPE_I64, 0, 0);
          return JC_REF_NONE;
        }
      break;
    default:
      break;
    }
  return JC_REF_NONE;
}

/* Fold instruction i; returns a replacement ref, or JC_REF_NONE (the
 * instruction may have become a constant in place). */
static jc_ref
fold (walk *w, jc_ref i, jc_opt_stats *st)
{
  jc_ir_insn *insns = w->b->insns, *in = &insns[i];
  const jc_ir_insn *x = in->a >= 0 ? &insns[in->a] : NULL;
  const jc_ir_insn *y = in->b >= 0 ? &insns[in->b] : NULL;
  int done = 0;
  jc_ref r = JC_REF_NONE;
  uint8_t op = in->op;
  switch (op)
    {
    case JC_IR_BINOP:
      if (is_const (x) && is_const (y))
        done = fold_binop (in, x, y);
      else if ((r = algebra (in, insns)) == JC_REF_NONE)
        done = in->op != op;
      break;
    case JC_IR_BINOV:
      if (is_const (x) && is_const (y))
        done = fold_binov (in, x, y);
      else if ((r = algebra (in, insns)) == JC_REF_NONE)
        done = in->op != op;
      /* A constant divisor other than 0 and -1 can neither fault nor
       * overflow: the guard goes. */
      if (!done && r == JC_REF_NONE && in->op == JC_IR_BINOV
          && (in->sub == JC_FLOORDIV || in->sub == JC_FLOORMOD)
          && y->op == JC_IR_KI64 && y->imm.i != 0 && y->imm.i != -1)
        {
          in->op = JC_IR_BINOP;
          done = 1;
        }
      break;
    case JC_IR_CMP:
      if (is_const (x) && is_const (y))
        done = fold_cmp (in, x, y);
      else if (in->a == in->b && x->type != JC_TYPE_F64)
        {
          int eq = in->sub == JC_EQ || in->sub == JC_LE || in->sub == JC_GE;
          make_const (in, JC_TYPE_BOOL, eq, 0);
          done = 1;
        }
      break;
    case JC_IR_UNOP:
      if (is_const (x))
        done = fold_unop (in, x);
      break;
    case JC_IR_LOADX: case JC_IR_STOREX:
      /* A constant index: a plain load or store at the folded offset. */
      if (y->op == JC_IR_KI64)
        {
          int64_t off;
          if (__builtin_mul_overflow (y->imm.i, (int64_t) in->scale, &off)
              || __builtin_add_overflow (off, in->imm.i, &off))
            break;
          in->imm.i = off;
          in->scale = 0;
          if (op == JC_IR_LOADX)
            {
              in->op = JC_IR_LOAD;
              in->b = JC_REF_NONE;
            }
          else
            {
              in->op = JC_IR_STORE;
              in->b = in->c;
              in->c = JC_REF_NONE;
            }
          done = 1;
        }
      break;
    case JC_IR_SELECT:
      if (x->op == JC_IR_KBOOL)
        r = x->imm.i ? in->b : in->c;
      else if (in->b == in->c)
        r = in->b;
      break;
    default:
      break;
    }
  if (done || r != JC_REF_NONE)
    st->folded++;
  return r;
}

static uint32_t
hash_insn (const jc_lower *b, const jc_ir_insn *in)
{
  uint64_t h = in->op * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t) in->type << 8 ^ (uint64_t) in->sub << 16;
  h = h * 31 + (uint32_t) in->a;
  h = h * 31 + (uint32_t) in->b;
  h = h * 31 + (uint32_t) in->c;
  h = h * 31 + (uint64_t) in->imm.i;
  h = h * 31 + in->scale;
  if (in->op == JC_IR_CALL)
    for (jc_ref k = 0; k < in->b; k++)
      h = h * 31 + (uint32_t) b->args[in->a + k];
  h ^= h >> 29;
  return (uint32_t) (h * 0xbf58476d1ce4e5b9ull >> 32);
}

static int
same_insn (const jc_lower *b, const jc_ir_insn *p, const jc_ir_insn *q)
{
  if (p->op != q->op || p->type != q->type || p->sub != q->sub
      || p->imm.i != q->imm.i || p->scale != q->scale)
    return 0;
  if (p->op == JC_IR_CALL)
    {
      if (p->b != q->b)
        return 0;
      for (jc_ref k = 0; k < p->b; k++)
        if (b->args[p->a + k] != b->args[q->a + k])
          return 0;
      return 1;
    }
  return p->a == q->a && p->b == q->b && p->c == q->c;
}

static int
cse_candidate (const jc_lower *b, const jc_ir_insn *in, uint32_t passes)
{
  switch (in->op)
    {
    case JC_IR_KI64: case JC_IR_KF64: case JC_IR_KBOOL: case JC_IR_KPTR:
    case JC_IR_KOBJ: case JC_IR_FRAME: case JC_IR_STACK: case JC_IR_BINOP:
    case JC_IR_BINOV: case JC_IR_CMP: case JC_IR_UNOP: case JC_IR_SELECT: case JC_IR_LOAD:
    case JC_IR_LOADX:
      return (passes & JC_OPT_CSE) != 0;
    case JC_IR_CALL:
      return (passes & JC_OPT_CSE) && call_is_pure (b, in)
             && !(in->flags & JC_IRF_COND);
    case JC_IR_GUARD:
      return (passes & JC_OPT_GUARD) != 0;
    default:
      return 0;
    }
}

/* Find an available equal instruction, or insert i; returns it or -1. */
static jc_ref
lookup (walk *w, jc_ref i)
{
  const jc_ir_insn *in = &w->b->insns[i];
  uint32_t al = in->sub % NALIAS;
  for (uint32_t h = hash_insn (w->b, in) & w->mask;; h = (h + 1) & w->mask)
    {
      avail *a = &w->tab[h];
      if (a->ref < 0)
        {
          a->ref = i;
          a->epoch = w->epoch;
          a->alias_epoch = is_load (in) ? w->alias_epoch[al] : 0;
          return JC_REF_NONE;
        }
      if (!same_insn (w->b, &w->b->insns[a->ref], in))
        continue;
      if (is_load (in)
          && (a->epoch != w->epoch || a->alias_epoch != w->alias_epoch[al]))
        {
          /* Clobbered since: this load becomes the available one. */
          a->ref = i;
          a->epoch = w->epoch;
          a->alias_epoch = w->alias_epoch[al];
          return JC_REF_NONE;
        }
      return a->ref;
    }
}

static void
remap_operands (walk *w, jc_ir_insn *in)
{
  if (in->op == JC_IR_CALL)
    {
      for (jc_ref k = 0; k < in->b; k++)
        w->b->args[in->a + k] = w->repl[w->b->args[in->a + k]];
      if (in->c >= 0)
        in->c = w->repl[in->c];   /* call_if's condition */
      return;
    }
  if (in->a >= 0)
    in->a = w->repl[in->a];
  if (in->b >= 0)
    in->b = w->repl[in->b];
  if (in->c >= 0)
    in->c = w->repl[in->c];
}

static void
remap_snapshots (jc_lower *b, const jc_ref *repl)
{
  for (uint32_t s = 0; s < b->nsnaps; s++)
    for (uint32_t e = 0; e < b->snaps[s].nentries; e++)
      {
        jc_ref r = b->snaps[s].entries[e].ref;
        if (r >= 0)
          b->snaps[s].entries[e].ref = repl[r];
      }
  for (uint32_t k = 0; b->carried && k < b->ncarried; k++)
    if (b->carried[k] >= 0)
      b->carried[k] = repl[b->carried[k]];
}

int
jc_opt_fold_cse (jc_lower *b, uint32_t passes, jc_opt_stats *st)
{
  uint32_t n = b->ninsns, cap = 16;
  while (cap < 2 * n)
    cap *= 2;
  walk w = { b, malloc ((n ? n : 1) * sizeof (jc_ref)),
             malloc (cap * sizeof (avail)), cap - 1, 0, { 0 } };
  jc_facts *facts = passes & JC_OPT_FACTS ? jc_facts_new (b) : NULL;
  if (!w.repl || !w.tab || (!facts && (passes & JC_OPT_FACTS)))
    {
      free (w.repl);
      free (w.tab);
      jc_facts_free (facts);
      return jc_ir_set_error (b, "out of memory in the optimizer");
    }
  for (uint32_t k = 0; k < cap; k++)
    w.tab[k].ref = JC_REF_NONE;
  for (uint32_t i = 0; i < n; i++)
    w.repl[i] = (jc_ref) i;
  for (uint32_t i = 0; i < n; i++)
    {
      jc_ir_insn *in = &b->insns[i];
      remap_operands (&w, in);
      if (in->group || in->op == JC_IR_NOP)
        continue;
      jc_ref r = JC_REF_NONE;
      if (passes & JC_OPT_FOLD)
        r = fold (&w, (jc_ref) i, st);
      if (r == JC_REF_NONE && facts && in->op == JC_IR_CMP)
        {
          int d = jc_facts_decide (facts, in);
          if (d >= 0)
            {
              make_const (in, JC_TYPE_BOOL, d, 0);
              st->folded++;
              st->facts++;
            }
        }
      if (r == JC_REF_NONE && in->op == JC_IR_GUARD && (passes & JC_OPT_GUARD)
          && b->insns[in->a].op == JC_IR_KBOOL
          && (b->insns[in->a].imm.i != 0) == (in->sub != 0))
        {
          nop (in);
          st->guards_removed++;
          continue;
        }
      if (r == JC_REF_NONE && cse_candidate (b, in, passes))
        {
          r = lookup (&w, (jc_ref) i);
          if (r != JC_REF_NONE)
            {
              if (in->op == JC_IR_GUARD)
                st->guards_removed++;
              else if (is_load (in))
                st->loads_removed++;
              else
                st->cse++;
            }
        }
      if (r != JC_REF_NONE)
        {
          w.repl[i] = r;
          nop (in);
          continue;
        }
      if (facts)
        jc_facts_note (facts, (jc_ref) i);
      if (in->op == JC_IR_STORE || in->op == JC_IR_STOREX)
        w.alias_epoch[in->sub % NALIAS]++;
      else if (in->op == JC_IR_CALL)
        {
          uint64_t m = jc_opt_call_clobbers (b, in);
          if (m == UINT64_MAX)
            w.epoch++;
          else
            for (uint32_t a = 0; a < NALIAS; a++)
              if (m >> a & 1)
                w.alias_epoch[a]++;
        }
    }
  remap_snapshots (b, w.repl);
  if (facts)
    st->facts_loop += jc_facts_loop (facts, b);
  free (w.repl);
  free (w.tab);
  jc_facts_free (facts);
  return 0;
}

int
jc_opt_run (jc_lower *b, uint32_t passes, jc_opt_stats *st, FILE *dump)
{
  jc_opt_stats local = { 0 };
  if (!st)
    st = &local;
  if (b->error)
    return -1;
  if (!b->closed)
    return jc_ir_set_error (b, "optimizer run on an unfinished trace");
  if (passes & (JC_OPT_FOLD | JC_OPT_CSE | JC_OPT_GUARD | JC_OPT_FACTS))
    {
      jc_opt_stats before = *st;
      if (jc_opt_fold_cse (b, passes, st) != 0)
        return -1;
      if (dump)
        {
          fprintf (dump, "---- after%s%s%s%s: %u folded (%u by facts), "
                   "%u cse, %u loads, %u guards removed, %u out of the "
                   "loop copy\n",
                   passes & JC_OPT_FOLD ? " FOLD" : "",
                   passes & JC_OPT_CSE ? " CSE" : "",
                   passes & JC_OPT_GUARD ? " GUARD" : "",
                   passes & JC_OPT_FACTS ? " FACTS" : "",
                   st->folded - before.folded, st->facts - before.facts,
                   st->cse - before.cse,
                   st->loads_removed - before.loads_removed,
                   st->guards_removed - before.guards_removed,
                   st->facts_loop - before.facts_loop);
          if (memcmp (&before, st, sizeof before) != 0)
            jc_ir_dump (b, dump);
        }
    }
  if (passes & JC_OPT_RC)
    {
      uint32_t before = st->rc_removed;
      if (jc_opt_rc (b, st) != 0)
        return -1;
      if (dump)
        {
          fprintf (dump, "---- after RC: %u reference-count calls removed\n",
                   st->rc_removed - before);
          if (st->rc_removed != before)
            jc_ir_dump (b, dump);
        }
    }
  if (passes & JC_OPT_DCE)
    {
      uint32_t before = st->dead;
      if (jc_opt_dce (b, st) != 0)
        return -1;
      if (dump)
        {
          fprintf (dump, "---- after DCE: %u dead\n", st->dead - before);
          if (st->dead != before)
            jc_ir_dump (b, dump);
        }
    }
  return 0;
}
