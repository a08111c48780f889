/* opt_facts.c -- folding with the facts that guards imply (JC_OPT_FACTS),
 * and the i64 interval arithmetic it shares with the backend's RANGE.
 *
 * A guard that the trace passes establishes its condition for everything
 * after it: after `guard (j >= 0) == 1` the comparison `j < 0` of a
 * negative-index select is false, the select is j, and the select's own
 * `j >= 0` guard repeats the first one.  The fold walk (opt_fold.c) calls
 * jc_facts_decide for every comparison it cannot fold from constants, and
 * jc_facts_note for every instruction it keeps; a decided comparison
 * becomes a KBOOL, after which FOLD removes the select and GUARD the guard
 * (a guard is removed only when its condition *is* the constant it
 * expects, i.e. implied by earlier guards, never assumed).
 *
 * What is known, at the walk's point, per ref:
 *   - an interval [lo, hi] of an i64 value (signed, as CMP compares):
 *     constants; + - * of known intervals when they cannot wrap (BINOP) or
 *     clipped to the i64 range when they are overflow-guarded (BINOV: an
 *     overflow exits, so the result is the exact one); Python's % by a
 *     positive divisor, // of non-negatives, >> by a constant, & | ^ of
 *     non-negatives (jc_range_binop); NEG, B2I, SELECT; then narrowed by
 *     every guard on a comparison with it (x < y: x.hi < y.hi, y.lo > x.lo);
 *   - relations between two refs or a ref and a constant that a guard
 *     established: x < y, x <= y, x == y, x != y (ordered ones for i64
 *     operands only; == and != for any type but f64, constants compared by
 *     their bits).
 * A comparison is decided by the intervals of its operands or by a
 * relation between exactly its operands.  Nothing is known about f64
 * (NaN), and instructions inside slot-load groups neither teach nor are
 * decided (nor is a constant inside one a constant): in the backend's loop
 * copy a group does not run and its bound ref stands for the value carried
 * round the back edge, so what its guards said of the first iteration need
 * not hold there.  A group's values used outside it are fine operands:
 * every other guard runs in both copies the backend emits, on that copy's
 * values, before everything the walk decides with it (the trace is one
 * straight line, so a guard dominates every later instruction).
 *
 * Soundness of the intervals: a value gets an interval it lies in whenever
 * control reaches it; a guard narrows only what holds after it passed.
 * The operators are signed two's complement on 64 bits: a BINOP whose exact
 * result might leave [INT64_MIN, INT64_MAX] wraps, so it gets the full
 * interval (jc_range_binop); a BINOV exits instead, so its result interval
 * is the exact one clipped. */
#include <stdlib.h>
#include <string.h>
#include "ir_internal.h"
#include "opt.h"

static const jc_range FULL = { INT64_MIN, INT64_MAX };

static jc_range
mkrange (__int128 lo, __int128 hi)
{
  if (lo < INT64_MIN || hi > INT64_MAX)
    return FULL;
  return (jc_range) { (int64_t) lo, (int64_t) hi };
}

/* The exact interval [lo, hi] intersected with the i64 range (lo <= hi). */
static jc_range
clip (__int128 lo, __int128 hi)
{
  if (lo < INT64_MIN)
    lo = INT64_MIN;
  if (hi > INT64_MAX)
    hi = INT64_MAX;
  if (lo > hi)
    return FULL;   /* cannot happen for a result that exists */
  return (jc_range) { (int64_t) lo, (int64_t) hi };
}

/* Smallest 2^k - 1 >= v, for v >= 0. */
static int64_t
ones_above (int64_t v)
{
  uint64_t m = 0;
  while (m < (uint64_t) v)
    m = (m << 1) | 1;
  return (int64_t) m;
}

/* The exact interval of x OP y for + - * (no wrapping), in 128 bits. */
static void
exact_arith (uint32_t sub, jc_range x, jc_range y, __int128 *lo, __int128 *hi)
{
  switch (sub)
    {
    case JC_ADD:
      *lo = (__int128) x.lo + y.lo;
      *hi = (__int128) x.hi + y.hi;
      return;
    case JC_SUB:
      *lo = (__int128) x.lo - y.hi;
      *hi = (__int128) x.hi - y.lo;
      return;
    default:   /* JC_MUL */
      {
        __int128 p[4] = { (__int128) x.lo * y.lo, (__int128) x.lo * y.hi,
                          (__int128) x.hi * y.lo, (__int128) x.hi * y.hi };
        *lo = *hi = p[0];
        for (int k = 1; k < 4; k++)
          {
            *lo = p[k] < *lo ? p[k] : *lo;
            *hi = p[k] > *hi ? p[k] : *hi;
          }
      }
    }
}

jc_range
jc_range_binop (uint32_t sub, jc_range x, jc_range y)
{
  __int128 lo, hi;
  switch (sub)
    {
    case JC_ADD: case JC_SUB: case JC_MUL:
      exact_arith (sub, x, y, &lo, &hi);
      return mkrange (lo, hi);
    case JC_FLOORMOD:
      if (y.lo > 0)
        return (jc_range) { 0, x.lo >= 0 && x.hi < y.hi ? x.hi : y.hi - 1 };
      return FULL;
    case JC_FLOORDIV:
      if (x.lo >= 0 && y.lo > 0)
        return (jc_range) { x.lo / y.hi, x.hi / y.lo };
      return FULL;
    case JC_SHR:
      if (y.lo == y.hi && y.lo >= 0 && y.lo < 64)
        return (jc_range) { x.lo >> y.lo, x.hi >> y.lo };
      return FULL;
    case JC_AND:
      if (x.lo >= 0 && y.lo >= 0)
        return (jc_range) { 0, x.hi < y.hi ? x.hi : y.hi };
      if (x.lo >= 0)
        return (jc_range) { 0, x.hi };
      if (y.lo >= 0)
        return (jc_range) { 0, y.hi };
      return FULL;
    case JC_OR:
    case JC_XOR:
      if (x.lo >= 0 && y.lo >= 0)
        return (jc_range) { 0, ones_above (x.hi > y.hi ? x.hi : y.hi) };
      return FULL;
    default:
      return FULL;
    }
}

/* A BINOV's result: + - * exact (clipped: an overflow exits); // and %
 * as the plain operator (they cannot wrap but for INT64_MIN // -1, which
 * exits too). */
static jc_range
binov_range (uint32_t sub, jc_range x, jc_range y)
{
  if (sub == JC_ADD || sub == JC_SUB || sub == JC_MUL)
    {
      __int128 lo, hi;
      exact_arith (sub, x, y, &lo, &hi);
      return clip (lo, hi);
    }
  return jc_range_binop (sub, x, y);
}

/* ------------------------------------------------------------ relations */

typedef struct rel {
  jc_ref x, y;               /* y JC_REF_NONE: x OP the constant bits k */
  uint64_t k;
  uint8_t op;                /* JC_LT, JC_LE, JC_EQ or JC_NE */
  int32_t next_x, next_y;    /* next relation naming x / y, or -1 */
} rel;

struct jc_facts {
  const jc_lower *b;
  uint32_t n;
  jc_range *rg;              /* per ref: interval of an i64 value */
  int32_t *head;             /* per ref: first relation naming it, or -1 */
  rel *rels;
  uint32_t nrels, cap;
};

jc_facts *
jc_facts_new (const jc_lower *b)
{
  jc_facts *f = calloc (1, sizeof *f);
  uint32_t n = b->ninsns ? b->ninsns : 1;
  if (!f)
    return NULL;
  f->b = b;
  f->n = b->ninsns;
  f->rg = malloc (n * sizeof *f->rg);
  f->head = malloc (n * sizeof *f->head);
  if (!f->rg || !f->head)
    {
      jc_facts_free (f);
      return NULL;
    }
  for (uint32_t i = 0; i < n; i++)
    {
      f->rg[i] = FULL;
      f->head[i] = -1;
    }
  return f;
}

void
jc_facts_free (jc_facts *f)
{
  if (!f)
    return;
  free (f->rg);
  free (f->head);
  free (f->rels);
  free (f);
}

static jc_range
rng (const jc_facts *f, jc_ref r)
{
  if (r < 0 || (uint32_t) r >= f->n || f->b->insns[r].type != JC_TYPE_I64)
    return FULL;
  return f->rg[r];
}

/* The bits of a constant operand (outside any group), for == and !=. */
static int
const_bits (const jc_facts *f, jc_ref r, uint64_t *bits)
{
  const jc_ir_insn *in = &f->b->insns[r];
  if (in->group)
    return 0;
  switch (in->op)
    {
    case JC_IR_KI64: case JC_IR_KBOOL:
      *bits = (uint64_t) in->imm.i;
      return 1;
    case JC_IR_KPTR:
      *bits = (uint64_t) (uintptr_t) in->imm.p;
      return 1;
    default:
      return 0;
    }
}

/* The operator with its operands swapped: x OP y == y SWAP(OP) x. */
static uint32_t
swapped (uint32_t op)
{
  static const uint8_t s[] = { JC_EQ, JC_NE, JC_GT, JC_GE, JC_LT, JC_LE };
  return s[op];
}

/* Not (x OP y) == x NEGATED(OP) y (no NaN: f64 is never asked). */
static uint32_t
negated (uint32_t op)
{
  static const uint8_t s[] = { JC_NE, JC_EQ, JC_GE, JC_GT, JC_LE, JC_LT };
  return s[op];
}

static void
add_rel (jc_facts *f, jc_ref x, jc_ref y, uint64_t k, uint32_t op)
{
  if (f->nrels == f->cap)
    {
      uint32_t cap = f->cap ? 2 * f->cap : 16;
      rel *p = realloc (f->rels, cap * sizeof *p);
      if (!p)
        return;      /* a fact not kept only decides less */
      f->rels = p;
      f->cap = cap;
    }
  rel *r = &f->rels[f->nrels];
  r->x = x;
  r->y = y;
  r->k = k;
  r->op = (uint8_t) op;
  r->next_x = f->head[x];
  f->head[x] = (int32_t) f->nrels;
  r->next_y = -1;
  if (y >= 0 && y != x)
    {
      r->next_y = f->head[y];
      f->head[y] = (int32_t) f->nrels;
    }
  f->nrels++;
}

/* Given x KNOWN y, is x Q y true (1), false (0) or not decided (-1)? */
static int
implied (uint32_t known, uint32_t q)
{
  switch (known)
    {
    case JC_LT:
      return q == JC_LT || q == JC_LE || q == JC_NE;
    case JC_LE:
      return q == JC_LE ? 1 : q == JC_GT ? 0 : -1;
    case JC_EQ:
      return q == JC_EQ || q == JC_LE || q == JC_GE;
    case JC_NE:
      return q == JC_NE ? 1 : q == JC_EQ ? 0 : -1;
    default:
      return -1;
    }
}

/* x Q y by the intervals alone. */
static int
by_intervals (jc_range x, jc_range y, uint32_t q)
{
  switch (q)
    {
    case JC_LT:
      return x.hi < y.lo ? 1 : x.lo >= y.hi ? 0 : -1;
    case JC_LE:
      return x.hi <= y.lo ? 1 : x.lo > y.hi ? 0 : -1;
    case JC_GT:
      return by_intervals (y, x, JC_LT);
    case JC_GE:
      return by_intervals (y, x, JC_LE);
    case JC_EQ:
      if (x.lo == x.hi && y.lo == y.hi && x.lo == y.lo)
        return 1;
      return x.hi < y.lo || y.hi < x.lo ? 0 : -1;
    default:   /* JC_NE */
      {
        int e = by_intervals (x, y, JC_EQ);
        return e < 0 ? -1 : !e;
      }
    }
}

int
jc_facts_decide (const jc_facts *f, const jc_ir_insn *cmp)
{
  if (cmp->op != JC_IR_CMP || cmp->group)
    return -1;
  const jc_ir_insn *insns = f->b->insns;
  jc_ref a = cmp->a, b = cmp->b;
  uint32_t q = cmp->sub;
  jc_type t = (jc_type) insns[a].type;
  if (t == JC_TYPE_F64)
    return -1;
  int ordered = t == JC_TYPE_I64;
  if (!ordered && q != JC_EQ && q != JC_NE)
    return -1;
  if (ordered)
    {
      int d = by_intervals (rng (f, a), rng (f, b), q);
      if (d >= 0)
        return d;
    }
  uint64_t kb = 0;
  if (const_bits (f, a, &kb) && !const_bits (f, b, &kb))
    {
      jc_ref s = a;
      a = b;
      b = s;
      q = swapped (q);
    }
  int bconst = const_bits (f, b, &kb);
  for (int32_t i = f->head[a]; i >= 0;)
    {
      const rel *r = &f->rels[i];
      int d = -1;
      if (r->x == a && r->y < 0 && bconst)
        {
          /* a == k or a != k against the constant kb (by bits) */
          if (r->op == JC_EQ && (q == JC_EQ || q == JC_NE))
            d = (r->k == kb) == (q == JC_EQ);
          else if (r->op == JC_NE && r->k == kb && (q == JC_EQ || q == JC_NE))
            d = q == JC_NE;
        }
      else if (r->x == a && r->y == b)
        d = implied (r->op, q);
      else if (r->x == b && r->y == a)
        d = implied (r->op, swapped (q));
      if (d >= 0 && (ordered || q == JC_EQ || q == JC_NE))
        return d;
      i = r->x == a ? r->next_x : r->next_y;
    }
  return -1;
}

/* x OP y holds: narrow x and y.  0 when no values are left (the guard
 * that says so always fails), else 1. */
int
jc_range_refine (uint32_t op, jc_range *px, jc_range *py)
{
  jc_range x = *px, y = *py;
  switch (op)
    {
    case JC_LT:
      if (y.hi > INT64_MIN && x.hi > y.hi - 1) x.hi = y.hi - 1;
      if (x.lo < INT64_MAX && y.lo < x.lo + 1) y.lo = x.lo + 1;
      break;
    case JC_LE:
      if (x.hi > y.hi) x.hi = y.hi;
      if (y.lo < x.lo) y.lo = x.lo;
      break;
    case JC_GT:
      if (y.lo < INT64_MAX && x.lo < y.lo + 1) x.lo = y.lo + 1;
      if (x.hi > INT64_MIN && y.hi > x.hi - 1) y.hi = x.hi - 1;
      break;
    case JC_GE:
      if (x.lo < y.lo) x.lo = y.lo;
      if (y.hi > x.hi) y.hi = x.hi;
      break;
    case JC_EQ:
      if (x.lo < y.lo) x.lo = y.lo;
      if (x.hi > y.hi) x.hi = y.hi;
      y = x;
      break;
    default:   /* JC_NE: a constant at an end of the other's interval */
      if (y.lo == y.hi)
        {
          if (x.lo == y.lo && x.lo < INT64_MAX) x.lo++;
          else if (x.hi == y.lo && x.hi > INT64_MIN) x.hi--;
        }
      if (x.lo == x.hi)
        {
          if (y.lo == x.lo && y.lo < INT64_MAX) y.lo++;
          else if (y.hi == x.lo && y.hi > INT64_MIN) y.hi--;
        }
      break;
    }
  if (x.lo > x.hi || y.lo > y.hi)
    return 0;
  *px = x;
  *py = y;
  return 1;
}

/* After `guard (a OP b)` passed: narrow the intervals, keep the relation. */
static void
learn (jc_facts *f, jc_ref a, jc_ref b, uint32_t op)
{
  const jc_ir_insn *insns = f->b->insns;
  jc_type t = (jc_type) insns[a].type;
  if (t == JC_TYPE_F64)
    return;
  if (t == JC_TYPE_I64)
    {
      jc_range x = f->rg[a], y = f->rg[b];
      if (!jc_range_refine (op, &x, &y))
        return;    /* the guard always fails: nothing after it runs */
      f->rg[a] = x;
      f->rg[b] = y;
    }
  else if (op != JC_EQ && op != JC_NE)
    return;
  uint64_t k;
  int ka = const_bits (f, a, &k), kb = const_bits (f, b, &k);
  if (ka && kb)
    return;
  if (ka || kb)
    {
      /* Against a constant: the interval says all for ordered ones. */
      if (t == JC_TYPE_I64 && op != JC_EQ && op != JC_NE)
        return;
      add_rel (f, ka ? b : a, JC_REF_NONE, k, op);
      return;
    }
  if (op == JC_GT || op == JC_GE)
    add_rel (f, b, a, 0, swapped (op));
  else
    add_rel (f, a, b, 0, op);
}

/* x + s for a BINOP (which wraps) when the relations bound it: x < y (or
 * x <= y) and y <= w (or y < w) with w = K - s computed without wrapping
 * (its interval is not the full one), so x + s <= K - d < K + 1 with d the
 * number of strict relations: no wrap at the top; at the bottom none when
 * x.lo + s.lo fits.  (minipy's range step: cur < stop, stop <= MAX - step,
 * so cur + step cannot wrap.)  The full interval when nothing says so. */
static jc_range
add_below (const jc_facts *f, jc_ref x, jc_ref sref)
{
  const jc_ir_insn *insns = f->b->insns;
  jc_range rx = rng (f, x), rs = rng (f, sref);
  __int128 lo = (__int128) rx.lo + rs.lo;
  if (lo < INT64_MIN)
    return FULL;
  for (int32_t i = f->head[x]; i >= 0;)
    {
      const rel *r = &f->rels[i];
      if (r->x == x && r->y >= 0 && (r->op == JC_LT || r->op == JC_LE))
        for (int32_t j = f->head[r->y]; j >= 0;)
          {
            const rel *q = &f->rels[j];
            if (q->x == r->y && q->y >= 0 && (q->op == JC_LT || q->op == JC_LE))
              {
                const jc_ir_insn *w = &insns[q->y];
                jc_range rw = rng (f, q->y);
                if ((w->op == JC_IR_BINOP || w->op == JC_IR_BINOV)
                    && w->sub == JC_SUB && w->b == sref && !w->group
                    && insns[w->a].op == JC_IR_KI64 && !insns[w->a].group
                    && !(rw.lo == INT64_MIN && rw.hi == INT64_MAX))
                  {
                    __int128 hi = (__int128) insns[w->a].imm.i
                                  - (r->op == JC_LT) - (q->op == JC_LT);
                    __int128 hx = (__int128) rx.hi + rs.hi;
                    if (hx < hi)
                      hi = hx;
                    if (lo <= hi)
                      return clip (lo, hi);
                  }
              }
            j = q->x == r->y ? q->next_x : q->next_y;
          }
      i = r->x == x ? r->next_x : r->next_y;
    }
  return FULL;
}

void
jc_facts_note (jc_facts *f, jc_ref i)
{
  const jc_ir_insn *insns = f->b->insns, *in = &insns[i];
  if (in->group || (uint32_t) i >= f->n)
    return;
  if (in->op == JC_IR_GUARD)
    {
      const jc_ir_insn *c = &insns[in->a];
      if (c->op == JC_IR_CMP && !c->group)
        learn (f, c->a, c->b, in->sub ? c->sub : negated (c->sub));
      return;
    }
  if (in->type != JC_TYPE_I64)
    return;
  jc_range r = FULL;
  switch (in->op)
    {
    case JC_IR_KI64:
      r = (jc_range) { in->imm.i, in->imm.i };
      break;
    case JC_IR_BINOP:
      r = jc_range_binop (in->sub, rng (f, in->a), rng (f, in->b));
      if (r.lo == INT64_MIN && r.hi == INT64_MAX && in->sub == JC_ADD)
        {
          r = add_below (f, in->a, in->b);
          if (r.lo == INT64_MIN && r.hi == INT64_MAX)
            r = add_below (f, in->b, in->a);
        }
      break;
    case JC_IR_BINOV:
      r = binov_range (in->sub, rng (f, in->a), rng (f, in->b));
      break;
    case JC_IR_UNOP:
      if (in->sub == JC_B2I)
        r = (jc_range) { 0, 1 };
      else if (in->sub == JC_NEG)
        {
          jc_range x = rng (f, in->a);
          r = mkrange (-(__int128) x.hi, -(__int128) x.lo);
        }
      break;
    case JC_IR_SELECT:
      {
        jc_range x = rng (f, in->b), y = rng (f, in->c);
        r = (jc_range) { x.lo < y.lo ? x.lo : y.lo,
                         x.hi > y.hi ? x.hi : y.hi };
        break;
      }
    default:
      break;
    }
  f->rg[i] = r;
}

/* ------------------------------------------------------------ loops */

/* Does instruction i hold the same value in every iteration: a constant,
 * the frame, or a value of a root slot-load group whose slot the loop
 * does not set (the loop copy reuses the first iteration's)? */
static int
loop_invariant_base (const jc_lower *b, jc_ref r)
{
  const jc_ir_insn *in = &b->insns[r];
  if (in->op == JC_IR_KPTR || in->op == JC_IR_KOBJ || in->op == JC_IR_FRAME)
    return 1;
  if (!in->group)
    return 0;
  const jc_ir_group *g = &b->groups[in->group - 1];
  return g->depth == 0 && !(g->slot < b->ncarried
                            && b->carried[g->slot] != JC_REF_NONE);
}

/* The value the load `ld` reads in the next iteration, or JC_REF_NONE:
 * the one store of its alias class in the trace is to the same loop-
 * invariant address after it, and no call may write the class. */
static jc_ref
next_value (const jc_lower *b, jc_ref ld)
{
  const jc_ir_insn *l = &b->insns[ld];
  uint32_t cls = l->sub % 64;
  jc_ref st = JC_REF_NONE;
  if (!loop_invariant_base (b, l->a))
    return JC_REF_NONE;
  for (uint32_t i = 0; i < b->ninsns; i++)
    {
      const jc_ir_insn *in = &b->insns[i];
      switch (in->op)
        {
        case JC_IR_STORE:
          if (in->sub % 64 != cls)
            break;
          if (st != JC_REF_NONE || in->a != l->a || in->imm.i != l->imm.i
              || (jc_ref) i < ld || b->insns[in->b].type != l->type)
            return JC_REF_NONE;
          st = (jc_ref) i;
          break;
        case JC_IR_STOREX:
          if (in->sub % 64 == cls)
            return JC_REF_NONE;
          break;
        case JC_IR_CALL:
          if (jc_opt_call_clobbers (b, in) >> cls & 1)
            return JC_REF_NONE;
          break;
        default:
          break;
        }
    }
  return st == JC_REF_NONE ? JC_REF_NONE : b->insns[st].b;
}

/* Guard g on `x OP k` (x the value at the top of an iteration, k a
 * constant) with v the value x has in the next one: implied there when
 * the facts at the end of the body decide v OP k true. */
static int
carries (const jc_facts *f, const jc_ir_insn *g, jc_ref x, jc_ref v)
{
  const jc_ir_insn *insns = f->b->insns, *c = &insns[g->a];
  if (c->op != JC_IR_CMP || c->group || v == JC_REF_NONE
      || insns[v].type != JC_TYPE_I64)
    return 0;
  uint32_t op = g->sub ? c->sub : negated (c->sub);
  jc_ref k;
  if (c->a == x)
    k = c->b;
  else if (c->b == x)
    {
      k = c->a;
      op = swapped (op);
    }
  else
    return 0;
  if (insns[k].op != JC_IR_KI64 || insns[k].group)
    return 0;
  jc_ir_insn q = *c;
  q.sub = op;
  q.a = v;
  q.b = k;
  return jc_facts_decide (f, &q) == 1;
}

uint32_t
jc_facts_loop (const jc_facts *f, jc_lower *b)
{
  if (b->closed != 1 || !b->carried)
    return 0;
  uint32_t n = 0;
  for (uint32_t i = 0; i < b->ninsns; i++)
    {
      jc_ir_insn *g = &b->insns[i];
      if (g->op != JC_IR_GUARD || g->group || (g->flags & JC_IRF_LOOP_IMPLIED))
        continue;
      const jc_ir_insn *c = &b->insns[g->a];
      if (c->op != JC_IR_CMP)
        continue;
      int ok = 0;
      for (int side = 0; side < 2 && !ok; side++)
        {
          jc_ref x = side ? c->b : c->a;
          const jc_ir_insn *xi = &b->insns[x];
          if (xi->op == JC_IR_LOAD && !xi->group && xi->type == JC_TYPE_I64)
            ok = carries (f, g, x, next_value (b, x));
          else if (xi->group)
            {
              const jc_ir_group *gr = &b->groups[xi->group - 1];
              if (gr->depth == 0 && gr->ref == x && gr->slot < b->ncarried)
                ok = carries (f, g, x, b->carried[gr->slot]);
            }
        }
      if (ok)
        {
          g->flags |= JC_IRF_LOOP_IMPLIED;
          n++;
        }
    }
  return n;
}
