/* emit_gccjit.c -- the backend: one finished trace's IR becomes one
 * libgccjit function, compiled at -O2 into native code.
 *
 * Design
 * ======
 * Shape of the function.  `uint32_t NAME (void *frame, uint64_t *exit_buf)`
 * (see backend.h).  Every IR value becomes a local of its C type, assigned
 * once where the instruction stands, so evaluation order is the trace's and
 * GCC's SSA passes do the register allocation.  A looping trace is emitted
 * twice (ir.h, "Loops"):
 *
 *     entry:  first iteration, as recorded: loads and checks every slot
 *             it reads; at its end the loop-carried locals get the values
 *             the slots hold;
 *     loop:   the body again, but every root slot-load group is skipped:
 *             its value is the first iteration's (slot unchanged, so is
 *             memory) or the loop-carried local (slot set in the body);
 *             at its end the carried locals are updated in parallel (through
 *             temporaries) and control jumps back to `loop`.
 * So guards and loads of values that do not change across iterations run
 * once per entry, and carried ints and floats stay unboxed in registers.
 *
 * Guards and exits.  A guard is a conditional jump, wrapped in
 * __builtin_expect, to an out-of-line block that stores the snapshot's
 * values into exit_buf (f64 and pointers by bit-cast) and returns the exit
 * number; the guards of one snapshot (one instruction) share its block, in
 * each copy (a long trace has several guards an instruction, and the
 * blocks were most of its code and compile time).  A guard in the loop copy exits through the
 * snapshot's loop variant, which also writes back the carried slots.
 *
 * Home-word exits (ir.h, jc_ir_assign_homes; options.home_exits picks the
 * traces).  In a large trace even shared exit blocks are most of what GCC
 * compiles (nbody: 615 blocks, 11 467 stores).  There every snapshot entry
 * lives in its (frame, slot)'s home word, and the emitter keeps, while it
 * walks the hot path, which value each home holds (home_val: the rvalue,
 * a local assigned once per copy, or a carried local, which changes only
 * at the back edge).  Before a guard it stores into their homes the
 * entries of the guard's snapshot that are not there yet, and the exit
 * block is only `return id` (plus the loop's memory cells).  Nothing is
 * known at the loop head, reached from the entry and from the back edge.
 * A guard inside a call_if's cold branch stores in its own exit block
 * what the homes lack at the branch, which changes no home.  A side
 * trace's XBUF seeds read the parent's words before the first store.
 *
 * Relocatable constants.  Host objects (const_obj) are read from an
 * exported global array `NAME_k` and helper function pointers from one
 * exported global per helper, `NAME_h<i>`; both are filled in after the
 * compile through gcc_jit_result_get_global.  The code itself holds no host
 * address (const_ptr aside, which the host asked for; with the disk cache
 * those are read from a third table, `NAME_p`).
 *
 * Disk cache (options.disk_cache_dir, JITCORE_DISK_CACHE=DIR; disk_cache.h has
 * the files).  Each trace gets a context of its own, its function named
 * `jc_cached` whatever the trace, and every non-NULL const_ptr read from
 * `jc_cached_p`, so the context says nothing about this process.  Its C-like
 * dump, after a line of the libgccjit version and the options that reach
 * GCC other than through the dump (optimization level, CPU extensions,
 * driver options, debug info), is the key: a hit loads the stored object
 * and the trace's tables are filled from the trace at hand, as after a
 * compile; a miss compiles the context to a file and stores it.  Anything
 * wrong with the cache (an unusable directory, a truncated object, a key
 * collision) only costs the compile, with the reason in the batch's
 * disk_note.  A trace takes about a millisecond to load (the dump, the
 * copy, dlopen) where its compile takes 50-300; what it loses is the
 * batch's shared compile and the trace's own function name.
 *
 * Memory cells in registers (JC_OPT_SINK).  A loop that loads a word and
 * stores it back each iteration (minipy's range iterator position, the
 * trace's iteration counter) would carry that value through memory: a
 * store-to-load dependency of several cycles per iteration, which GCC
 * cannot remove because it cannot tell the cell from the other memory the
 * loop touches.  The library can: a *cell* is an address (loop-invariant
 * base, offset) that is the only address its alias class is loaded from or
 * stored to in the loop copy, stored exactly once there, in a trace whose
 * loop calls no helper that reads or writes memory other than on the cold
 * branch of a call_if: there each cell's value goes to memory before the
 * call and is loaded back after it, so the helper sees what the
 * interpreter would and may change it (minipy's list_store_float in
 * matmul's loop, taken only while a row still shares its 0.0).  In the
 * loop copy its
 * loads take the value of a local carried round the back edge, the store
 * only updates that value, and every exit block of the loop copy stores
 * the value memory would hold at that exit (the carried one before the
 * store, the stored one after it) before it returns.  The first iteration
 * loads and stores as recorded, so memory is exact whenever control leaves
 * the native code.
 *
 * Integer ranges (JC_OPT_RANGE).  While a copy is emitted, every i64 value
 * gets an interval [lo, hi] it is known to lie in: constants, Python's
 * x % c (in [0, c-1] for a constant c > 0), x >> c, x & c, ^ and | of
 * non-negative values, + - * when they cannot wrap; anything loaded is
 * unknown.  With it an overflow check that cannot fail is left out
 * (ADDOV/SUBOV/MULOV become plain arithmetic), and so are a floor
 * division's or modulo's zero and INT64_MIN / -1 guard when the divisor
 * cannot be 0 (or -1 with INT64_MIN in the dividend), and its rounding
 * toward minus infinity when both operands are non-negative (C's `/` and
 * `%` are then Python's).  In the first iteration every slot value is
 * unknown; in the loop copy a carried slot takes the first iteration's
 * interval of the value it carries, which is sound because those
 * intervals were computed assuming nothing about the slots, and interval
 * arithmetic is monotone: the loop copy, whose inputs lie in those
 * intervals, computes values inside the same intervals.  A guard on a
 * comparison narrows its operands' intervals for what follows it (a host
 * that guards a range loop's counter non-negative makes its ^ and %
 * C's).  int_loop's
 * x = (x * 1103515245 + 12345) % 2147483648 keeps no check in the loop.
 *
 * Overflow.  ADDOV/SUBOV/MULOV call GCC's __builtin_s{add,sub,mul}l_overflow
 * (add, sub or imul and a jo), when this libgccjit has them (asked once, on
 * a context of its own); otherwise ADDOV/SUBOV compute in unsigned
 * arithmetic and test the sign bits (x^r)&(y^r) / (x^y)&(x^r) and MULOV
 * multiplies in __int128 and compares with the truncated result, which in
 * a loop GCC may make a full 128 x 128-bit multiply (spectral_norm's
 * (i + j) * (i + j + 1): about 20 instructions).  Python's // and % by a
 * constant 2**k are an arithmetic shift and a mask, for either sign.
 * Plain i64 ADD/SUB/MUL/NEG/SHL wrap (unsigned arithmetic), since signed
 * overflow in C is undefined and GCC exploits it.
 */
#define _GNU_SOURCE
#include "config.h"
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <libgccjit.h>
#include <pthread.h>
#include <unistd.h>
#include "backend.h"
#include "disk_cache.h"
#include "opt.h"

JC_HIDDEN int jc_helper_signature (const char *sig, jc_type *ret,
                                   jc_type *args, int max);

typedef struct em {
  gcc_jit_context *ctx;
  gcc_jit_function *fn;
  const jc_lower *b;
  const jc_ir_insn *insns;
  const jc_emit_opts *o;
  const char *name;
  gcc_jit_type *t[JC_TYPE__COUNT];
  gcc_jit_type *t_u64, *t_u32, *t_char, *t_i128, *t_long;
  gcc_jit_param *p_frame, *p_buf;
  gcc_jit_lvalue *g_consts;
  gcc_jit_lvalue *g_ptrs;    /* disk cache: NAME_p, the const_ptrs */
  uint32_t *pslot;           /* per insn: its entry of NAME_p */
  uint32_t nptrs;
  gcc_jit_lvalue **g_helpers;
  gcc_jit_lvalue *self_buf;  /* jc_lower_call_self's words, once made */
  gcc_jit_lvalue *stack_word; /* jc_lower_stack_address's word, once made */
  gcc_jit_lvalue *g_sides;   /* its exported side tables NAME_sx (code) */
  gcc_jit_lvalue *g_sidet;   /* and NAME_sxt (the traces), once made */
  gcc_jit_type **helper_types;
  gcc_jit_function *expect;
  gcc_jit_block *cur;
  gcc_jit_rvalue **rv;       /* values of the copy being emitted */
  gcc_jit_rvalue **rv0;      /* values of the first iteration */
  gcc_jit_lvalue **carried;  /* per root slot, or NULL */
  int copy;                  /* 0 first iteration, 1 loop */
  gcc_jit_block **exits[2];  /* per copy and snapshot: its exit block, once
                                made (the guards of one instruction share
                                it) */
  uint32_t nexits;
  uint32_t nhomes;           /* home-word exits (ir.h): words; 0: off */
  gcc_jit_rvalue **home_val; /* per home: the value it holds here, or NULL */
  int cold;                  /* emitting a call_if's cold branch */
  uint8_t *inv;              /* loop copy: value equals the first iteration's */
  int clobber_all;           /* the trace calls a helper that may write */
  uint8_t stored[64];        /* alias classes the trace stores to */
  uint32_t nblocks, nlocals;
  /* Memory cells of the loop copy (JC_OPT_SINK; see the top). */
  struct em_cell {
    jc_ref store;            /* the one STORE to the cell in the loop */
    jc_ref base;             /* loop-invariant base and offset */
    int64_t off;
    jc_type type;
    gcc_jit_lvalue *cur;     /* value at the loop head */
    gcc_jit_rvalue *now;     /* loop copy: what memory should hold here */
  } *cells;
  uint32_t ncells;
  int32_t *cell_of;          /* per insn: cell a LOAD/STORE accesses, or -1 */
  int cells_live;            /* the loop copy's body is being emitted */
  /* Integer ranges (JC_OPT_RANGE): per insn, of the copy being emitted and
   * of the first iteration. */
  jc_range *rg, *rg0;
  /* __builtin_s{add,sub,mul}l_overflow, for ADDOV SUBOV MULOV */
  gcc_jit_function *ov_builtin[3];
} em;

static gcc_jit_location *
loc_of (em *e, const jc_ir_insn *in)
{
  if (!e->o->debuginfo || in->line < 0 || !in->file)
    return NULL;
  return gcc_jit_context_new_location (e->ctx, in->file, in->line, 0);
}

static gcc_jit_block *
new_block (em *e, const char *what)
{
  char nm[48];
  snprintf (nm, sizeof nm, "%s%u", what, e->nblocks++);
  return gcc_jit_function_new_block (e->fn, nm);
}

static gcc_jit_lvalue *
new_local (em *e, gcc_jit_type *t, const char *what)
{
  char nm[48];
  snprintf (nm, sizeof nm, "%s%u", what, e->nlocals++);
  return gcc_jit_function_new_local (e->fn, NULL, t, nm);
}

/* Assign r to a fresh local and make that the value of insn i. */
static void
define (em *e, jc_ref i, gcc_jit_type *t, gcc_jit_rvalue *r,
        gcc_jit_location *loc)
{
  gcc_jit_lvalue *l = new_local (e, t, "v");
  gcc_jit_block_add_assignment (e->cur, loc, l, r);
  e->rv[i] = gcc_jit_lvalue_as_rvalue (l);
}

static gcc_jit_rvalue *
to_u64 (em *e, jc_type t, gcc_jit_rvalue *v)
{
  switch (t)
    {
    case JC_TYPE_F64:
    case JC_TYPE_PTR:
      return gcc_jit_context_new_bitcast (e->ctx, NULL, v, e->t_u64);
    default:
      return gcc_jit_context_new_cast (e->ctx, NULL, v, e->t_u64);
    }
}

/* The inverse of to_u64: exit_buf's bits as a value of type t. */
static gcc_jit_rvalue *
from_u64 (em *e, jc_type t, gcc_jit_rvalue *v)
{
  switch (t)
    {
    case JC_TYPE_F64:
    case JC_TYPE_PTR:
      return gcc_jit_context_new_bitcast (e->ctx, NULL, v, e->t[t]);
    case JC_TYPE_BOOL:
      return gcc_jit_context_new_comparison (e->ctx, NULL, GCC_JIT_COMPARISON_NE,
                                             v, gcc_jit_context_zero (e->ctx,
                                                                      e->t_u64));
    default:
      return gcc_jit_context_new_cast (e->ctx, NULL, v, e->t[t]);
    }
}

static gcc_jit_lvalue *mem (em *e, jc_type t, gcc_jit_rvalue *base,
                            int64_t off, gcc_jit_location *loc);

/* The value of a snapshot entry in the copy being emitted. */
static gcc_jit_rvalue *
entry_value (em *e, const jc_snap_entry *en)
{
  if (JC_SNAP_IS_CARRIED (en->ref))
    return gcc_jit_lvalue_as_rvalue (e->carried[JC_SNAP_CARRIED_SLOT (en->ref)]);
  return e->rv[en->ref];
}

/* Store into exit_buf, in blk, the values of snapshot s that its exit
 * reads.  Without home-word exits: all of them.  With them (ir.h): only
 * those whose home does not hold them at this point (e->home_val), and
 * on the hot path (track) remember what each home holds from now on. */
static void
store_entries (em *e, gcc_jit_block *blk, const jc_snap *s, int track,
               gcc_jit_location *loc)
{
  for (uint32_t i = 0; i < s->nentries; i++)
    {
      uint32_t w = s->home ? s->home[i] : i;
      uint64_t bits;
      if (jc_ir_entry_const (e->b, &s->entries[i], &bits))
        continue;              /* the exit holds it (select_ir.c) */
      gcc_jit_rvalue *v = entry_value (e, &s->entries[i]);
      if (e->nhomes)
        {
          if (e->home_val[w] == v)
            continue;
          if (track)
            e->home_val[w] = v;
        }
      gcc_jit_lvalue *slot = gcc_jit_context_new_array_access (
          e->ctx, loc, gcc_jit_param_as_rvalue (e->p_buf),
          gcc_jit_context_new_rvalue_from_int (e->ctx, e->t_long, (int) w));
      gcc_jit_block_add_assignment (blk, loc, slot,
          to_u64 (e, (jc_type) s->entries[i].type, v));
    }
}

/* The out-of-line block through which a guard of the current block leaves
 * by snapshot snap: it writes the snapshot's values and returns the exit
 * number.  With home-word exits (ir.h) the values are stored into their
 * homes here in the current block, where needed, and the block only
 * returns.  In a call_if's cold branch (e->cold) such stores would not be
 * on every path to what follows: there the block itself stores what the
 * homes lack at the branch (the branch changes no home). */
static gcc_jit_block *
exit_block (em *e, int32_t snap, gcc_jit_location *loc)
{
  uint32_t id = e->copy ? jc_ir_snap_loop (e->b, (uint32_t) snap)
                        : (uint32_t) snap;
  const jc_snap *s = jc_ir_snap (e->b, id);
  int hot = e->nhomes && !e->cold;
  if (hot)
    store_entries (e, e->cur, s, 1, loc);
  int share = !e->nhomes || hot;   /* a cold one depends on where it is */
  if (share && id < e->nexits && e->exits[e->copy][id])
    return e->exits[e->copy][id];
  gcc_jit_block *blk = new_block (e, "exit");
  if (share && id < e->nexits)
    e->exits[e->copy][id] = blk;
  for (uint32_t k = 0; e->cells_live && k < e->ncells; k++)
    {
      const struct em_cell *c = &e->cells[k];
      gcc_jit_block_add_assignment (blk, loc,
          mem (e, c->type, e->rv0[c->base], c->off, loc), c->now);
    }
  if (!hot)
    store_entries (e, blk, s, 0, loc);
  gcc_jit_block_end_with_return (blk, loc,
      gcc_jit_context_new_rvalue_from_int (e->ctx, e->t_u32, (int) id));
  return blk;
}

/* Continue only if cond (bool) == expect; else leave through snap. */
static void
guard (em *e, gcc_jit_rvalue *cond, int expect, int32_t snap,
       gcc_jit_location *loc)
{
  gcc_jit_rvalue *c = cond;
  if (!expect)
    c = gcc_jit_context_new_unary_op (e->ctx, loc,
                                      GCC_JIT_UNARY_OP_LOGICAL_NEGATE,
                                      e->t[JC_TYPE_BOOL], cond);
  if (e->expect)
    {
      gcc_jit_rvalue *args[2] = {
        gcc_jit_context_new_cast (e->ctx, loc, c, e->t_long),
        gcc_jit_context_one (e->ctx, e->t_long)
      };
      c = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_NE,
          gcc_jit_context_new_call (e->ctx, loc, e->expect, 2, args),
          gcc_jit_context_zero (e->ctx, e->t_long));
    }
  gcc_jit_block *ok = new_block (e, "b");
  gcc_jit_block *out = exit_block (e, snap, loc);   /* may store first */
  gcc_jit_block_end_with_conditional (e->cur, loc, c, ok, out);
  e->cur = ok;
}

static gcc_jit_rvalue *
as_u64 (em *e, gcc_jit_rvalue *v)
{
  return gcc_jit_context_new_cast (e->ctx, NULL, v, e->t_u64);
}

static gcc_jit_rvalue *
as_i64 (em *e, gcc_jit_rvalue *v)
{
  return gcc_jit_context_new_cast (e->ctx, NULL, v, e->t[JC_TYPE_I64]);
}

/* Python's x // y or x % y on i64 (sub FLOORDIV or FLOORMOD), for a y
 * that is neither 0 nor -1 with x == INT64_MIN (the caller guards that):
 * C's truncating quotient and remainder, moved one step toward minus
 * infinity when the remainder is non-zero and its sign differs from y's. */
static gcc_jit_rvalue *
emit_floor_divmod (em *e, uint32_t sub, gcc_jit_rvalue *x, gcc_jit_rvalue *y,
                   gcc_jit_location *loc)
{
  gcc_jit_context *c = e->ctx;
  gcc_jit_type *ti = e->t[JC_TYPE_I64];
  gcc_jit_rvalue *zero = gcc_jit_context_zero (c, ti);
  gcc_jit_lvalue *q = new_local (e, ti, "q"), *m = new_local (e, ti, "m");
  gcc_jit_block_add_assignment (e->cur, loc, q,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_DIVIDE, ti,
                                     x, y));
  gcc_jit_block_add_assignment (e->cur, loc, m,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_MODULO, ti,
                                     x, y));
  gcc_jit_rvalue *mv = gcc_jit_lvalue_as_rvalue (m);
  gcc_jit_rvalue *adj = gcc_jit_context_new_cast (c, loc,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_LOGICAL_AND,
          e->t[JC_TYPE_BOOL],
          gcc_jit_context_new_comparison (c, loc, GCC_JIT_COMPARISON_NE, mv,
                                          zero),
          gcc_jit_context_new_comparison (c, loc, GCC_JIT_COMPARISON_LT,
              gcc_jit_context_new_binary_op (c, loc,
                  GCC_JIT_BINARY_OP_BITWISE_XOR, ti, mv, y), zero)), ti);
  if (sub == JC_FLOORDIV)
    return gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_MINUS, ti,
                                          gcc_jit_lvalue_as_rvalue (q), adj);
  return gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_PLUS, ti, mv,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_MULT, ti, adj,
                                     y));
}

/* ------------------------------------------------------------ ranges */

typedef jc_range range;
static const range FULL = { INT64_MIN, INT64_MAX };

static range
mkrange (__int128 lo, __int128 hi)
{
  if (lo < INT64_MIN || hi > INT64_MAX)
    return FULL;
  return (range) { (int64_t) lo, (int64_t) hi };
}

static range
rng_of (em *e, jc_ref r)
{
  if (!e->rg || r < 0 || e->insns[r].type != JC_TYPE_I64)
    return FULL;
  return e->rg[r];
}

/* Set the range of insn i in the copy being emitted. */
static void
note_range (em *e, jc_ref i)
{
  const jc_ir_insn *in = &e->insns[i];
  range r = FULL;
  if (in->type != JC_TYPE_I64)
    ;
  else if (in->op == JC_IR_KI64)
    r = (range) { in->imm.i, in->imm.i };
  else if (in->op == JC_IR_BINOP || in->op == JC_IR_BINOV)
    r = jc_range_binop (in->sub, rng_of (e, in->a), rng_of (e, in->b));
  else if (in->op == JC_IR_UNOP && in->sub == JC_B2I)
    r = (range) { 0, 1 };
  else if (in->op == JC_IR_UNOP && in->sub == JC_NEG)
    {
      range x = rng_of (e, in->a);
      r = mkrange (-(__int128) x.hi, -(__int128) x.lo);
    }
  else if (in->op == JC_IR_SELECT)
    {
      range x = rng_of (e, in->b), y = rng_of (e, in->c);
      r = (range) { x.lo < y.lo ? x.lo : y.lo, x.hi > y.hi ? x.hi : y.hi };
    }
  e->rg[i] = r;
}

/* After `guard (a OP b) == expect` the code that follows knows a OP b:
 * narrow a's and b's intervals (the trace is straight-line code, so every
 * later use is dominated by the guard). */
static void
refine_guard (em *e, const jc_ir_insn *g)
{
  const jc_ir_insn *c = &e->insns[g->a];
  if (c->op != JC_IR_CMP || e->insns[c->a].type != JC_TYPE_I64)
    return;
  static const uint8_t neg[] = { JC_NE, JC_EQ, JC_GE, JC_GT, JC_LE, JC_LT };
  uint32_t op = g->sub ? c->sub : neg[c->sub];
  range x = rng_of (e, c->a), y = rng_of (e, c->b);
  if (!jc_range_refine (op, &x, &y))
    return;                  /* the guard always fails: nothing follows */
  e->rg[c->a] = x;
  e->rg[c->b] = y;
}

/* Both operands of a floor division or modulo non-negative, the divisor
 * not 0: C's truncating operation is Python's. */
static int
nonneg_divmod (em *e, const jc_ir_insn *in)
{
  return e->rg && rng_of (e, in->a).lo >= 0 && rng_of (e, in->b).lo > 0;
}

static gcc_jit_rvalue *
emit_binop (em *e, const jc_ir_insn *in, gcc_jit_rvalue *x, gcc_jit_rvalue *y,
            gcc_jit_location *loc)
{
  static const enum gcc_jit_binary_op ops[] = {
    GCC_JIT_BINARY_OP_PLUS, GCC_JIT_BINARY_OP_MINUS, GCC_JIT_BINARY_OP_MULT,
    GCC_JIT_BINARY_OP_DIVIDE, GCC_JIT_BINARY_OP_BITWISE_AND,
    GCC_JIT_BINARY_OP_BITWISE_OR, GCC_JIT_BINARY_OP_BITWISE_XOR,
    GCC_JIT_BINARY_OP_LSHIFT, GCC_JIT_BINARY_OP_RSHIFT
  };
  jc_type t = (jc_type) in->type;
  if ((in->sub == JC_FLOORDIV || in->sub == JC_FLOORMOD)
      && nonneg_divmod (e, in))
    /* unsigned: GCC then needs no sign correction (x % 2**k is an and) */
    return as_i64 (e, gcc_jit_context_new_binary_op (e->ctx, loc,
        in->sub == JC_FLOORDIV ? GCC_JIT_BINARY_OP_DIVIDE
                               : GCC_JIT_BINARY_OP_MODULO,
        e->t_u64, as_u64 (e, x), as_u64 (e, y)));
  if (in->sub == JC_FLOORDIV || in->sub == JC_FLOORMOD)
    {
      /* By a constant 2**k: Python's floor division is the arithmetic
       * shift and its modulo (never negative) the mask, for either sign
       * of x in two's complement. */
      const jc_ir_insn *d = &e->insns[in->b];
      if (d->op == JC_IR_KI64 && !d->group && d->imm.i > 1
          && (d->imm.i & (d->imm.i - 1)) == 0)
        {
          int k = __builtin_ctzll ((unsigned long long) d->imm.i);
          gcc_jit_type *ti = e->t[JC_TYPE_I64];
          if (in->sub == JC_FLOORDIV)
            return gcc_jit_context_new_binary_op (e->ctx, loc,
                GCC_JIT_BINARY_OP_RSHIFT, ti, x,
                gcc_jit_context_new_rvalue_from_int (e->ctx, ti, k));
          return gcc_jit_context_new_binary_op (e->ctx, loc,
              GCC_JIT_BINARY_OP_BITWISE_AND, ti, x,
              gcc_jit_context_new_rvalue_from_long (e->ctx, ti,
                                                    d->imm.i - 1));
        }
      return emit_floor_divmod (e, in->sub, x, y, loc);
    }
  enum gcc_jit_binary_op op = ops[in->sub];
  if (t == JC_TYPE_I64 && (in->sub == JC_ADD || in->sub == JC_SUB
                           || in->sub == JC_MUL || in->sub == JC_SHL))
    return as_i64 (e, gcc_jit_context_new_binary_op (e->ctx, loc, op,
                                                     e->t_u64, as_u64 (e, x),
                                                     as_u64 (e, y)));
  if (t == JC_TYPE_BOOL)
    {
      /* &, |, ^ on bool: compute on ints. */
      gcc_jit_rvalue *r = gcc_jit_context_new_binary_op (e->ctx, loc, op,
          e->t_long, gcc_jit_context_new_cast (e->ctx, loc, x, e->t_long),
          gcc_jit_context_new_cast (e->ctx, loc, y, e->t_long));
      return gcc_jit_context_new_comparison (e->ctx, loc,
          GCC_JIT_COMPARISON_NE, r, gcc_jit_context_zero (e->ctx, e->t_long));
    }
  return gcc_jit_context_new_binary_op (e->ctx, loc, op, e->t[t], x, y);
}

static void
emit_binov (em *e, jc_ref i, const jc_ir_insn *in, gcc_jit_rvalue *x,
            gcc_jit_rvalue *y, gcc_jit_location *loc)
{
  gcc_jit_type *ti = e->t[JC_TYPE_I64];
  gcc_jit_rvalue *zero = gcc_jit_context_zero (e->ctx, ti), *ov;
  if (e->rg && (in->sub == JC_FLOORDIV || in->sub == JC_FLOORMOD))
    {
      range rx = rng_of (e, in->a), ry = rng_of (e, in->b);
      int no_zero = ry.lo > 0 || ry.hi < 0;
      int no_trap = ry.lo > -1 || ry.hi < -1 || rx.lo > INT64_MIN;
      if (no_zero && no_trap)
        {
          /* The guard cannot fail: the plain operation. */
          define (e, i, ti, emit_binop (e, in, x, y, loc), loc);
          return;
        }
    }
  if (e->rg && (in->sub == JC_ADD || in->sub == JC_SUB || in->sub == JC_MUL)
      && e->rg[i].lo != INT64_MIN && e->rg[i].hi != INT64_MAX)
    {
      /* Its interval fits in an i64 (jc_range_binop gives FULL otherwise,
       * and a fitting one never reaches a bound), so no overflow. */
      define (e, i, ti, emit_binop (e, in, x, y, loc), loc);
      return;
    }
  if (in->sub == JC_FLOORDIV || in->sub == JC_FLOORMOD)
    {
      /* Exit before dividing: y == 0, or INT64_MIN / -1 (which traps). */
      gcc_jit_rvalue *bad = gcc_jit_context_new_binary_op (e->ctx, loc,
          GCC_JIT_BINARY_OP_LOGICAL_OR, e->t[JC_TYPE_BOOL],
          gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_EQ,
                                          y, zero),
          gcc_jit_context_new_binary_op (e->ctx, loc,
              GCC_JIT_BINARY_OP_LOGICAL_AND, e->t[JC_TYPE_BOOL],
              gcc_jit_context_new_comparison (e->ctx, loc,
                  GCC_JIT_COMPARISON_EQ, x,
                  gcc_jit_context_new_rvalue_from_long (e->ctx, ti,
                                                        INT64_MIN)),
              gcc_jit_context_new_comparison (e->ctx, loc,
                  GCC_JIT_COMPARISON_EQ, y,
                  gcc_jit_context_new_rvalue_from_long (e->ctx, ti, -1))));
      guard (e, bad, 0, in->snap, loc);
      define (e, i, ti, emit_floor_divmod (e, in->sub, x, y, loc), loc);
      return;
    }
  if (e->ov_builtin[in->sub == JC_ADD ? 0 : in->sub == JC_SUB ? 1 : 2])
    {
      /* GCC's __builtin_s{add,sub,mul}l_overflow: add/sub/imul and jo.
       * (The sign tests below and the 128-bit product are what GCC made of
       * them before: 5-7 instructions for + and -, and a product IVOPTS
       * turned into a full 128 x 128 multiply in a loop, about 20.) */
      gcc_jit_function *bf
        = e->ov_builtin[in->sub == JC_ADD ? 0 : in->sub == JC_SUB ? 1 : 2];
      gcc_jit_lvalue *res = new_local (e, e->t_long, "ov");
      gcc_jit_lvalue *flag = new_local (e, e->t[JC_TYPE_BOOL], "of");
      gcc_jit_rvalue *args[3] = {
        gcc_jit_context_new_cast (e->ctx, loc, x, e->t_long),
        gcc_jit_context_new_cast (e->ctx, loc, y, e->t_long),
        gcc_jit_lvalue_get_address (res, loc)
      };
      gcc_jit_block_add_assignment (e->cur, loc, flag,
          gcc_jit_context_new_cast (e->ctx, loc,
              gcc_jit_context_new_call (e->ctx, loc, bf, 3, args),
              e->t[JC_TYPE_BOOL]));
      define (e, i, ti, gcc_jit_context_new_cast (e->ctx, loc,
                gcc_jit_lvalue_as_rvalue (res), ti), loc);
      guard (e, gcc_jit_lvalue_as_rvalue (flag), 0, in->snap, loc);
      return;
    }
  if (in->sub == JC_MUL)
    {
      gcc_jit_lvalue *w = new_local (e, e->t_i128, "w");
      gcc_jit_block_add_assignment (e->cur, loc, w,
          gcc_jit_context_new_binary_op (e->ctx, loc, GCC_JIT_BINARY_OP_MULT,
              e->t_i128, gcc_jit_context_new_cast (e->ctx, loc, x, e->t_i128),
              gcc_jit_context_new_cast (e->ctx, loc, y, e->t_i128)));
      define (e, i, ti, gcc_jit_context_new_cast (e->ctx, loc,
                gcc_jit_lvalue_as_rvalue (w), ti), loc);
      ov = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_NE,
          gcc_jit_lvalue_as_rvalue (w),
          gcc_jit_context_new_cast (e->ctx, loc, e->rv[i], e->t_i128));
    }
  else
    {
      enum gcc_jit_binary_op op = in->sub == JC_ADD ? GCC_JIT_BINARY_OP_PLUS
                                                    : GCC_JIT_BINARY_OP_MINUS;
      define (e, i, ti, as_i64 (e, gcc_jit_context_new_binary_op (e->ctx, loc,
                op, e->t_u64, as_u64 (e, x), as_u64 (e, y))), loc);
      gcc_jit_rvalue *r = e->rv[i];
      gcc_jit_rvalue *p, *q;
      if (in->sub == JC_ADD)
        {
          p = gcc_jit_context_new_binary_op (e->ctx, loc,
                GCC_JIT_BINARY_OP_BITWISE_XOR, ti, x, r);
          q = gcc_jit_context_new_binary_op (e->ctx, loc,
                GCC_JIT_BINARY_OP_BITWISE_XOR, ti, y, r);
        }
      else
        {
          p = gcc_jit_context_new_binary_op (e->ctx, loc,
                GCC_JIT_BINARY_OP_BITWISE_XOR, ti, x, y);
          q = gcc_jit_context_new_binary_op (e->ctx, loc,
                GCC_JIT_BINARY_OP_BITWISE_XOR, ti, x, r);
        }
      ov = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_LT,
          gcc_jit_context_new_binary_op (e->ctx, loc,
              GCC_JIT_BINARY_OP_BITWISE_AND, ti, p, q), zero);
    }
  guard (e, ov, 0, in->snap, loc);
}

static gcc_jit_rvalue *
emit_unop (em *e, const jc_ir_insn *in, gcc_jit_rvalue *x,
           gcc_jit_location *loc)
{
  jc_type src = (jc_type) e->insns[in->a].type;
  switch ((jc_unop) in->sub)
    {
    case JC_NEG:
      if (src == JC_TYPE_I64)
        return as_i64 (e, gcc_jit_context_new_unary_op (e->ctx, loc,
                 GCC_JIT_UNARY_OP_MINUS, e->t_u64, as_u64 (e, x)));
      return gcc_jit_context_new_unary_op (e->ctx, loc, GCC_JIT_UNARY_OP_MINUS,
                                           e->t[src], x);
    case JC_NOT:
      return gcc_jit_context_new_unary_op (e->ctx, loc,
          src == JC_TYPE_BOOL ? GCC_JIT_UNARY_OP_LOGICAL_NEGATE
                              : GCC_JIT_UNARY_OP_BITWISE_NEGATE, e->t[src], x);
    case JC_I2F:
      return gcc_jit_context_new_cast (e->ctx, loc, x, e->t[JC_TYPE_F64]);
    case JC_F2I:
    case JC_B2I:
      return gcc_jit_context_new_cast (e->ctx, loc, x, e->t[JC_TYPE_I64]);
    case JC_I2B:
      return gcc_jit_context_new_comparison (e->ctx, loc,
          GCC_JIT_COMPARISON_NE, x,
          gcc_jit_context_zero (e->ctx, e->t[JC_TYPE_I64]));
    default:
      return NULL;
    }
}

/* *(T *) ((char *) base + off) as an lvalue. */
static gcc_jit_lvalue *
mem (em *e, jc_type t, gcc_jit_rvalue *base, int64_t off,
     gcc_jit_location *loc)
{
  gcc_jit_type *cp = gcc_jit_type_get_pointer (e->t_char);
  gcc_jit_rvalue *p = gcc_jit_lvalue_get_address (
      gcc_jit_context_new_array_access (e->ctx, loc,
          gcc_jit_context_new_cast (e->ctx, loc, base, cp),
          gcc_jit_context_new_rvalue_from_long (e->ctx, e->t_long, off)),
      loc);
  return gcc_jit_rvalue_dereference (
      gcc_jit_context_new_cast (e->ctx, loc, p,
                                gcc_jit_type_get_pointer (e->t[t])), loc);
}

/* The element of LOADX/STOREX `in`: base + index * scale + offset.  When
 * the scale is the element's size and the offset a multiple of it, an
 * access to a T array at base + offset, ((T *) (base + off))[index], which
 * GCC addresses with one scaled-index operand; otherwise the address in
 * bytes, *(T *) ((char *) base + off + index * scale). */
static gcc_jit_lvalue *
mem_index (em *e, jc_type t, const jc_ir_insn *in, gcc_jit_rvalue *base,
           gcc_jit_rvalue *index, gcc_jit_location *loc)
{
  gcc_jit_context *c = e->ctx;
  gcc_jit_rvalue *ix = gcc_jit_context_new_cast (c, loc, index, e->t_long);
  int size = t == JC_TYPE_BOOL ? (int) sizeof (_Bool) : 8;
  int64_t off = in->imm.i;
  if (size > 0 && in->scale == (uint32_t) size && off % size == 0)
    {
      gcc_jit_type *tp = gcc_jit_type_get_pointer (e->t[t]);
      gcc_jit_rvalue *p = gcc_jit_context_new_cast (c, loc, base, tp);
      if (off != 0)
        p = gcc_jit_lvalue_get_address (gcc_jit_context_new_array_access (
              c, loc, p, gcc_jit_context_new_rvalue_from_long (c, e->t_long,
                                                               off / size)),
              loc);
      return gcc_jit_context_new_array_access (c, loc, p, ix);
    }
  gcc_jit_type *cp = gcc_jit_type_get_pointer (e->t_char);
  gcc_jit_rvalue *byte = gcc_jit_context_new_binary_op (c, loc,
      GCC_JIT_BINARY_OP_PLUS, e->t_long,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_MULT,
          e->t_long, ix, gcc_jit_context_new_rvalue_from_long (c, e->t_long,
                                                               in->scale)),
      gcc_jit_context_new_rvalue_from_long (c, e->t_long, off));
  gcc_jit_rvalue *p = gcc_jit_lvalue_get_address (
      gcc_jit_context_new_array_access (c, loc,
          gcc_jit_context_new_cast (c, loc, base, cp), byte), loc);
  return gcc_jit_rvalue_dereference (
      gcc_jit_context_new_cast (c, loc, p, gcc_jit_type_get_pointer (e->t[t])),
      loc);
}

/* cond wrapped as __builtin_expect (cond, 0): the branch is cold. */
static gcc_jit_rvalue *
expect_false (em *e, gcc_jit_rvalue *cond, gcc_jit_location *loc)
{
  if (!e->expect)
    return cond;
  gcc_jit_rvalue *args[2] = {
    gcc_jit_context_new_cast (e->ctx, loc, cond, e->t_long),
    gcc_jit_context_zero (e->ctx, e->t_long)
  };
  return gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_NE,
      gcc_jit_context_new_call (e->ctx, loc, e->expect, 2, args),
      gcc_jit_context_zero (e->ctx, e->t_long));
}

/* A MAY_RAISE call's failure guard on its value rv[i]. */
static void
emit_call_check (em *e, jc_ref i, const jc_ir_insn *in, gcc_jit_location *loc)
{
  gcc_jit_rvalue *ok;
  if (in->type == JC_TYPE_F64)
    ok = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_EQ,
                                         e->rv[i], e->rv[i]);
  else if (in->type == JC_TYPE_PTR)
    ok = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_NE,
        e->rv[i], gcc_jit_context_null (e->ctx, e->t[JC_TYPE_PTR]));
  else
    ok = gcc_jit_context_new_comparison (e->ctx, loc, GCC_JIT_COMPARISON_NE,
        e->rv[i], gcc_jit_context_zero (e->ctx, e->t[in->type]));
  guard (e, ok, 1, in->snap, loc);
}


/* One of a self-calling trace's two exit tables (NAME_sx, NAME_sxt: a
 * pointer per exit), exported so that side.c can fill them in. */
static gcc_jit_lvalue *
exit_table (em *e, const char *suffix)
{
  char nm[128];
  snprintf (nm, sizeof nm, "%s_%s", e->name, suffix);
  return gcc_jit_context_new_global (e->ctx, NULL, GCC_JIT_GLOBAL_EXPORTED,
      gcc_jit_context_new_array_type (e->ctx, NULL, e->t[JC_TYPE_PTR],
                                      e->nexits ? (int) e->nexits : 1),
      nm);
}

/* A self-call (jc_lower_call_self): the trace's own function, called
 * directly with the frame argument and an exit buffer of the caller's
 * stack: one array per function, `uint64_t self_buf[2 + exit words]`,
 * whose word 0 gets the exit number the call returns and words 2.. are
 * the callee's exit_buf (this trace's exits fill at most
 * jc_ir_exit_words words).  The value is the array's address.  The host
 * reads the array before its next self-call.  When the exit x the callee
 * returned has a side trace in the exported table NAME_sx (the runtime
 * keeps there the raw side traces that need nothing written to the frame
 * and no more words, and their jc_trace in NAME_sxt), that side trace
 * runs at once on the same frame and buffer, word 0 is its exit number |
 * (x + 1) << 32 and word 1 its jc_trace (jc_trace_self_exit). */
static void
emit_self_call (em *e, jc_ref i, const jc_ir_insn *in, gcc_jit_location *loc)
{
  gcc_jit_context *c = e->ctx;
  if (!e->self_buf)
    e->self_buf = gcc_jit_function_new_local (e->fn, NULL,
        gcc_jit_context_new_array_type (c, NULL, e->t_u64,
                                        2 + (int) jc_ir_exit_words (e->b)),
        "self_buf");
  gcc_jit_rvalue *word0 = gcc_jit_lvalue_get_address (
      gcc_jit_context_new_array_access (c, loc,
          gcc_jit_lvalue_as_rvalue (e->self_buf), gcc_jit_context_zero (c, e->t_long)),
      loc);
  gcc_jit_rvalue *av[2] = {
    e->rv[jc_ir_args (e->b)[in->a]],
    gcc_jit_lvalue_get_address (gcc_jit_context_new_array_access (c, loc,
        gcc_jit_lvalue_as_rvalue (e->self_buf),
        gcc_jit_context_new_rvalue_from_int (c, e->t_long, 2)),
      loc)
  };
  gcc_jit_rvalue *call = gcc_jit_context_new_call (c, loc, e->fn, 2, av);
  if (!e->g_sides)
    {
      e->g_sides = exit_table (e, "sx");
      e->g_sidet = exit_table (e, "sxt");
    }
  gcc_jit_lvalue *x = new_local (e, e->t_u32, "sx");
  gcc_jit_block_add_assignment (e->cur, loc, x, call);
  gcc_jit_lvalue *p = new_local (e, e->t[JC_TYPE_PTR], "sp");
  gcc_jit_block_add_assignment (e->cur, loc, p, gcc_jit_lvalue_as_rvalue (
      gcc_jit_context_new_array_access (c, loc,
          gcc_jit_lvalue_as_rvalue (e->g_sides),
          gcc_jit_lvalue_as_rvalue (x))));
  gcc_jit_block *bs = new_block (e, "selfside"), *bn = new_block (e, "selfret");
  gcc_jit_block *join = new_block (e, "selfjoin");
  gcc_jit_block_end_with_conditional (e->cur, loc,
      expect_false (e, gcc_jit_context_new_comparison (c, loc,
          GCC_JIT_COMPARISON_NE, gcc_jit_lvalue_as_rvalue (p),
          gcc_jit_context_null (c, e->t[JC_TYPE_PTR])), loc), bs, bn);
  gcc_jit_type *pt[2] = { e->t[JC_TYPE_PTR], gcc_jit_type_get_pointer (e->t_u64) };
  gcc_jit_type *fty = gcc_jit_context_new_function_ptr_type (c, NULL, e->t_u32,
                                                             2, pt, 0);
  gcc_jit_rvalue *scall = gcc_jit_context_new_call_through_ptr (c, loc,
      gcc_jit_context_new_cast (c, loc, gcc_jit_lvalue_as_rvalue (p), fty),
      2, av);
  gcc_jit_rvalue *tagx = gcc_jit_context_new_binary_op (c, loc,
      GCC_JIT_BINARY_OP_LSHIFT, e->t_u64,
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_PLUS, e->t_u64,
          gcc_jit_context_new_cast (c, loc, gcc_jit_lvalue_as_rvalue (x), e->t_u64),
          gcc_jit_context_one (c, e->t_u64)),
      gcc_jit_context_new_rvalue_from_int (c, e->t_u64, 32));
  gcc_jit_block_add_assignment (bs, loc, gcc_jit_context_new_array_access (c,
      loc, gcc_jit_lvalue_as_rvalue (e->self_buf),
      gcc_jit_context_one (c, e->t_long)),
      to_u64 (e, JC_TYPE_PTR, gcc_jit_lvalue_as_rvalue (
          gcc_jit_context_new_array_access (c, loc,
              gcc_jit_lvalue_as_rvalue (e->g_sidet),
              gcc_jit_lvalue_as_rvalue (x)))));
  gcc_jit_block_add_assignment (bs, loc, gcc_jit_rvalue_dereference (word0, loc),
      gcc_jit_context_new_binary_op (c, loc, GCC_JIT_BINARY_OP_BITWISE_OR,
          e->t_u64, gcc_jit_context_new_cast (c, loc, scall, e->t_u64), tagx));
  gcc_jit_block_end_with_jump (bs, loc, join);
  gcc_jit_block_add_assignment (bn, loc, gcc_jit_rvalue_dereference (word0, loc),
      gcc_jit_context_new_cast (c, loc, gcc_jit_lvalue_as_rvalue (x), e->t_u64));
  gcc_jit_block_end_with_jump (bn, loc, join);
  e->cur = join;
  define (e, i, e->t[JC_TYPE_PTR],
          gcc_jit_context_new_cast (c, loc, word0, e->t[JC_TYPE_PTR]), loc);
}

/* A helper call; a call_if (JC_IRF_COND) is a cold branch around it, its
 * value 0 when not made. */
static void
emit_call (em *e, jc_ref i, const jc_ir_insn *in, gcc_jit_location *loc)
{
  if (in->flags & JC_IRF_SELF)
    {
      emit_self_call (e, i, in, loc);
      return;
    }
  const jc_ref *args = jc_ir_args (e->b) + in->a;
  gcc_jit_rvalue *av[16];
  for (jc_ref k = 0; k < in->b; k++)
    av[k] = e->rv[args[k]];
  gcc_jit_rvalue *call = gcc_jit_context_new_call_through_ptr (e->ctx, loc,
      gcc_jit_lvalue_as_rvalue (e->g_helpers[in->sub]), in->b, av);
  int has_value = in->type != JC_TYPE_VOID;
  if (!(in->flags & JC_IRF_COND))
    {
      if (!has_value)
        {
          gcc_jit_block_add_eval (e->cur, loc, call);
          return;
        }
      define (e, i, e->t[in->type], call, loc);
      if (in->flags & JC_IRF_MAYRAISE)
        emit_call_check (e, i, in, loc);
      return;
    }
  gcc_jit_lvalue *l = NULL;
  if (has_value)
    {
      l = new_local (e, e->t[in->type], "c");
      gcc_jit_block_add_assignment (e->cur, loc, l,
          in->type == JC_TYPE_PTR
          ? gcc_jit_context_null (e->ctx, e->t[in->type])
          : gcc_jit_context_zero (e->ctx, e->t[in->type]));
      e->rv[i] = gcc_jit_lvalue_as_rvalue (l);
    }
  /* The loop copy's memory cells live in locals (see the top): the cold
   * branch gives memory their values before the call and takes them back
   * after it, so the helper sees and may change what the interpreter
   * would; the hot path keeps them in registers.  Each cell's value after
   * the call is a local both ways set. */
  uint32_t ncells = e->cells_live ? e->ncells : 0;
  gcc_jit_lvalue *after[64];   /* one cell per alias class at most */
  for (uint32_t k = 0; k < ncells; k++)
    {
      after[k] = new_local (e, e->t[e->cells[k].type], "cc");
      gcc_jit_block_add_assignment (e->cur, loc, after[k], e->cells[k].now);
    }
  gcc_jit_block *bc = new_block (e, "call"), *join = new_block (e, "joined");
  gcc_jit_block_end_with_conditional (e->cur, loc,
      expect_false (e, e->rv[in->c], loc), bc, join);
  e->cur = bc;
  for (uint32_t k = 0; k < ncells; k++)
    {
      const struct em_cell *c = &e->cells[k];
      gcc_jit_block_add_assignment (e->cur, loc,
          mem (e, c->type, e->rv0[c->base], c->off, loc), c->now);
    }
  if (has_value)
    gcc_jit_block_add_assignment (e->cur, loc, l, call);
  else
    gcc_jit_block_add_eval (e->cur, loc, call);
  for (uint32_t k = 0; k < ncells; k++)
    {
      struct em_cell *c = &e->cells[k];
      gcc_jit_block_add_assignment (e->cur, loc, after[k],
          gcc_jit_lvalue_as_rvalue (
              mem (e, c->type, e->rv0[c->base], c->off, loc)));
      c->now = gcc_jit_lvalue_as_rvalue (after[k]);
    }
  if (ncells)                  /* exits made so far store other values */
    memset (e->exits[1], 0, e->nexits * sizeof *e->exits[1]);
  if (has_value && (in->flags & JC_IRF_MAYRAISE))
    {
      e->cold = 1;
      emit_call_check (e, i, in, loc);
      e->cold = 0;
    }
  gcc_jit_block_end_with_jump (e->cur, loc, join);
  e->cur = join;
}

/* JC_IR_STACK: the address of a word of this function's own frame, as an
 * i64 (one lea).  GCC 12 has bitcasts; before, a union does the same. */
static gcc_jit_rvalue *
stack_address (em *e, gcc_jit_location *loc)
{
  gcc_jit_context *c = e->ctx;
  if (!e->stack_word)
    e->stack_word = gcc_jit_function_new_local (e->fn, NULL, e->t_u64,
                                                "stack_word");
  gcc_jit_rvalue *p = gcc_jit_lvalue_get_address (e->stack_word, loc);
#ifdef LIBGCCJIT_HAVE_gcc_jit_context_new_bitcast
  return gcc_jit_context_new_bitcast (c, loc, p, e->t[JC_TYPE_I64]);
#else
  gcc_jit_field *f[2] = {
    gcc_jit_context_new_field (c, NULL, gcc_jit_rvalue_get_type (p), "p"),
    gcc_jit_context_new_field (c, NULL, e->t[JC_TYPE_I64], "i")
  };
  gcc_jit_type *u = gcc_jit_context_new_union_type (c, NULL, "jc_stack_pun",
                                                    2, f);
  gcc_jit_lvalue *l = new_local (e, u, "pun");
  gcc_jit_block_add_assignment (e->cur, loc,
                                gcc_jit_lvalue_access_field (l, loc, f[0]),
                                p);
  return gcc_jit_lvalue_as_rvalue (gcc_jit_lvalue_access_field (l, loc,
                                                                f[1]));
#endif
}

static void
emit_insn (em *e, jc_ref i)
{
  const jc_ir_insn *in = &e->insns[i];
  gcc_jit_location *loc = loc_of (e, in);
  gcc_jit_context *c = e->ctx;
  gcc_jit_type *t = in->type < JC_TYPE__COUNT ? e->t[in->type] : NULL;
  gcc_jit_rvalue *x = in->a >= 0 && in->op != JC_IR_CALL ? e->rv[in->a] : NULL;
  gcc_jit_rvalue *y = in->b >= 0 && in->op != JC_IR_CALL ? e->rv[in->b] : NULL;
  static const enum gcc_jit_comparison cmps[] = {
    GCC_JIT_COMPARISON_EQ, GCC_JIT_COMPARISON_NE, GCC_JIT_COMPARISON_LT,
    GCC_JIT_COMPARISON_LE, GCC_JIT_COMPARISON_GT, GCC_JIT_COMPARISON_GE
  };
  switch ((jc_ir_op) in->op)
    {
    case JC_IR_KI64:
      e->rv[i] = gcc_jit_context_new_rvalue_from_long (c, t, in->imm.i);
      break;
    case JC_IR_KBOOL:
      e->rv[i] = in->imm.i ? gcc_jit_context_one (c, t)
                           : gcc_jit_context_zero (c, t);
      break;
    case JC_IR_KF64:
      e->rv[i] = gcc_jit_context_new_rvalue_from_double (c, t, in->imm.f);
      break;
    case JC_IR_KPTR:
      if (e->g_ptrs && in->imm.p)
        define (e, i, t, gcc_jit_lvalue_as_rvalue (
            gcc_jit_context_new_array_access (c, loc,
                gcc_jit_lvalue_as_rvalue (e->g_ptrs),
                gcc_jit_context_new_rvalue_from_long (c, e->t_long,
                                                      e->pslot[i]))),
            loc);
      else
        e->rv[i] = gcc_jit_context_new_rvalue_from_ptr (c, t,
                                                        (void *) in->imm.p);
      break;
    case JC_IR_KOBJ:
      define (e, i, t, gcc_jit_lvalue_as_rvalue (
          gcc_jit_context_new_array_access (c, loc,
              gcc_jit_lvalue_as_rvalue (e->g_consts),
              gcc_jit_context_new_rvalue_from_long (c, e->t_long, in->imm.i))),
          loc);
      break;
    case JC_IR_FRAME:
      e->rv[i] = gcc_jit_param_as_rvalue (e->p_frame);
      break;
    case JC_IR_STACK:
      e->rv[i] = stack_address (e, loc);
      break;
    case JC_IR_XBUF:
      /* Read at the side trace's start, before any exit stores into the
       * same buffer (seeded values are the trace's first instructions). */
      define (e, i, t, from_u64 (e, (jc_type) in->type, in->sub
                ? gcc_jit_context_new_rvalue_from_long (c, e->t_u64,
                                                        (long) in->imm.i)
                : gcc_jit_lvalue_as_rvalue (gcc_jit_context_new_array_access (
                    c, loc, gcc_jit_param_as_rvalue (e->p_buf),
                    gcc_jit_context_new_rvalue_from_long (c, e->t_long,
                                                          in->imm.i)))),
              loc);
      break;
    case JC_IR_BINOP:
      define (e, i, t, emit_binop (e, in, x, y, loc), loc);
      break;
    case JC_IR_BINOV:
      emit_binov (e, i, in, x, y, loc);
      break;
    case JC_IR_CMP:
      define (e, i, t, gcc_jit_context_new_comparison (c, loc, cmps[in->sub],
                                                       x, y), loc);
      break;
    case JC_IR_UNOP:
      define (e, i, t, emit_unop (e, in, x, loc), loc);
      break;
    case JC_IR_SELECT:
      {
        gcc_jit_lvalue *l = new_local (e, t, "s");
        gcc_jit_block *bt = new_block (e, "st"), *bf = new_block (e, "sf");
        gcc_jit_block *j = new_block (e, "sj");
        gcc_jit_block_end_with_conditional (e->cur, loc, x, bt, bf);
        gcc_jit_block_add_assignment (bt, loc, l, y);
        gcc_jit_block_add_assignment (bf, loc, l, e->rv[in->c]);
        gcc_jit_block_end_with_jump (bt, loc, j);
        gcc_jit_block_end_with_jump (bf, loc, j);
        e->cur = j;
        e->rv[i] = gcc_jit_lvalue_as_rvalue (l);
        break;
      }
    case JC_IR_LOAD:
      define (e, i, t, gcc_jit_lvalue_as_rvalue (
                mem (e, (jc_type) in->type, x, in->imm.i, loc)), loc);
      break;
    case JC_IR_STORE:
      gcc_jit_block_add_assignment (e->cur, loc,
          mem (e, (jc_type) e->insns[in->b].type, x, in->imm.i, loc), y);
      break;
    case JC_IR_LOADX:
      define (e, i, t, gcc_jit_lvalue_as_rvalue (
                mem_index (e, (jc_type) in->type, in, x, y, loc)), loc);
      break;
    case JC_IR_STOREX:
      gcc_jit_block_add_assignment (e->cur, loc,
          mem_index (e, (jc_type) e->insns[in->c].type, in, x, y, loc),
          e->rv[in->c]);
      break;
    case JC_IR_CALL:
      emit_call (e, i, in, loc);
      break;
    case JC_IR_GUARD:
      guard (e, x, (int) in->sub, in->snap, loc);
      break;
    case JC_IR_EXIT:
      gcc_jit_block_end_with_jump (e->cur, loc, exit_block (e, in->snap, loc));
      e->cur = NULL;
      break;
    default:
      break;
    }
}

/* In the loop copy, may instruction i reuse its first-iteration value?
 * Yes when every operand is loop-invariant and the instruction has no
 * effect of its own: a pure value, a guard or overflow check that passed on
 * the same operands, a load nothing in the trace can clobber, a pure call. */
static int
invariant (em *e, const jc_ir_insn *in)
{
  const uint8_t *inv = e->inv;
  switch (in->op)
    {
    case JC_IR_KI64: case JC_IR_KF64: case JC_IR_KBOOL: case JC_IR_KPTR:
    case JC_IR_KOBJ: case JC_IR_FRAME: case JC_IR_XBUF: case JC_IR_STACK:
      return 1;
    case JC_IR_BINOP: case JC_IR_BINOV: case JC_IR_CMP:
      return inv[in->a] && inv[in->b];
    case JC_IR_UNOP: case JC_IR_GUARD:
      return inv[in->a];
    case JC_IR_SELECT:
      return inv[in->a] && inv[in->b] && inv[in->c];
    case JC_IR_LOAD:
      return inv[in->a] && !e->clobber_all && !e->stored[in->sub % 64];
    case JC_IR_LOADX:
      return inv[in->a] && inv[in->b] && !e->clobber_all
             && !e->stored[in->sub % 64];
    case JC_IR_CALL:
      {
        if (in->flags & JC_IRF_COND)
          return 0;
        const jc_host *h = jc_ir_host (e->b);
        uint32_t f = h->helpers[in->sub].flags;
        if (!(f & JC_HELPER_PURE) || (f & (JC_HELPER_WRITES_MEMORY
                                           | JC_HELPER_ALLOCATES)))
          return 0;
        const jc_ref *args = jc_ir_args (e->b) + in->a;
        for (jc_ref k = 0; k < in->b; k++)
          if (!inv[args[k]])
            return 0;
        return 1;
      }
    default:
      return 0;
    }
}

/* Which memory a trace may write, for the loop copy's load reuse. */
static void
scan_clobbers (em *e)
{
  for (uint32_t i = 0; i < jc_ir_ninsns (e->b); i++)
    {
      const jc_ir_insn *in = &e->insns[i];
      if (in->op == JC_IR_STORE || in->op == JC_IR_STOREX)
        e->stored[in->sub % 64] = 1;
      else if (in->op == JC_IR_CALL)
        {
          uint64_t m = jc_opt_call_clobbers (e->b, in);
          if (m == UINT64_MAX)
            e->clobber_all = 1;
          else
            for (uint32_t a = 0; a < 64; a++)
              if (m >> a & 1)
                e->stored[a] = 1;
        }
    }
}

/* Is instruction i left out of the loop copy (a root slot-load group's,
 * whose value is the first iteration's or a carried one)? */
static int
in_root_group (em *e, uint32_t i)
{
  const jc_ir_insn *in = &e->insns[i];
  return in->group && jc_ir_groups (e->b)[in->group - 1].depth == 0;
}

/* A base the loop copy computes once: a constant, the frame, or a value
 * of a root slot-load group whose slot the loop does not set (so the
 * first iteration's value is every iteration's). */
static int
cell_base_ok (em *e, jc_ref r)
{
  const jc_ir_insn *in = &e->insns[r];
  if (in->op == JC_IR_KPTR || in->op == JC_IR_KOBJ || in->op == JC_IR_FRAME)
    return 1;
  if (!in_root_group (e, (uint32_t) r))
    return 0;
  const jc_ir_group *g = &jc_ir_groups (e->b)[in->group - 1];
  return !(g->slot < jc_ir_nloopslots (e->b)
           && jc_ir_loop_carried (e->b)[g->slot] != JC_REF_NONE);
}

/* Find the loop copy's memory cells (see the top of the file). */
static int
scan_cells (em *e)
{
  uint32_t n = jc_ir_ninsns (e->b);
  const jc_host *h = jc_ir_host (e->b);
  e->cell_of = malloc ((n ? n : 1) * sizeof *e->cell_of);
  e->cells = calloc (n ? n : 1, sizeof *e->cells);
  if (!e->cell_of || !e->cells)
    return -1;
  for (uint32_t i = 0; i < n; i++)
    e->cell_of[i] = -1;
  for (uint32_t i = 0; i < n; i++)
    {
      const jc_ir_insn *in = &e->insns[i];
      if (in->op != JC_IR_CALL || in_root_group (e, i))
        continue;
      if ((in->flags & JC_IRF_COND) && !(in->flags & JC_IRF_SELF))
        continue;              /* cold: the cells go to memory around it */
      uint32_t f = h ? h->helpers[in->sub].flags : 0;
      if (!(f & JC_HELPER_PURE) || (f & (JC_HELPER_READS_MEMORY
                                         | JC_HELPER_WRITES_MEMORY
                                         | JC_HELPER_ALLOCATES
                                         | JC_HELPER_DECREF)))
        return 0;              /* it might look at a cell */
    }
  for (uint32_t i = 0; i < n; i++)
    switch (e->insns[i].op)
      {
      case JC_IR_KI64: case JC_IR_KF64: case JC_IR_KBOOL: case JC_IR_KPTR:
      case JC_IR_KOBJ: case JC_IR_FRAME: case JC_IR_XBUF: case JC_IR_STACK:
      case JC_IR_BINOP: case JC_IR_BINOV: case JC_IR_CMP: case JC_IR_UNOP: case JC_IR_SELECT:
      case JC_IR_LOAD: case JC_IR_STORE: case JC_IR_LOADX: case JC_IR_STOREX:
      case JC_IR_CALL: case JC_IR_GUARD: case JC_IR_EXIT: case JC_IR_NOP:
        break;
      default:
        return 0;              /* an operation this analysis does not know */
      }
  uint8_t bad[64] = { 0 };
  for (uint32_t i = 0; i < n; i++)
    {
      const jc_ir_insn *in = &e->insns[i];
      if (in->op != JC_IR_STORE || in_root_group (e, i))
        continue;
      uint32_t cls = in->sub % 64;
      if (bad[cls])
        continue;
      if (!cell_base_ok (e, in->a))
        {
          bad[cls] = 1;
          continue;
        }
      /* Every other access of the class in the loop must be this address,
       * loaded as the stored type; the store the only one. */
      jc_type t = (jc_type) e->insns[in->b].type;
      int ok = 1;
      for (uint32_t j = 0; j < n && ok; j++)
        {
          const jc_ir_insn *o = &e->insns[j];
          if (j == i || (o->op != JC_IR_LOAD && o->op != JC_IR_STORE
                         && o->op != JC_IR_LOADX && o->op != JC_IR_STOREX)
              || o->sub % 64 != cls || in_root_group (e, j))
            continue;
          ok = o->op == JC_IR_LOAD && o->a == in->a && o->imm.i == in->imm.i
               && o->type == t;
        }
      bad[cls] = 1;            /* one cell per class at most */
      if (!ok)
        continue;
      struct em_cell *c = &e->cells[e->ncells];
      c->store = (jc_ref) i;
      c->base = in->a;
      c->off = in->imm.i;
      c->type = t;
      c->cur = new_local (e, e->t[t], "cell");
      for (uint32_t j = 0; j < n; j++)
        {
          const jc_ir_insn *o = &e->insns[j];
          if ((o->op == JC_IR_LOAD || o->op == JC_IR_STORE)
              && o->sub % 64 == cls && !in_root_group (e, j))
            e->cell_of[j] = (int32_t) e->ncells;
        }
      e->ncells++;
    }
  return 0;
}

/* Emit the body once.  In the loop copy, root slot-load groups are
 * replaced by first-iteration or carried values, and with loop_opt every
 * invariant instruction reuses its first-iteration value. */
static void
emit_body (em *e)
{
  uint32_t n = jc_ir_ninsns (e->b);
  const jc_ir_group *groups = jc_ir_groups (e->b);
  const jc_ref *carried = jc_ir_loop_carried (e->b);
  for (uint32_t i = 0; i < n && e->cur; i++)
    {
      const jc_ir_insn *in = &e->insns[i];
      if (in->op == JC_IR_NOP)
        continue;
      if (!e->copy && in->op == JC_IR_XBUF && e->rv[i])
        continue;            /* read first (emit_function) */
      if (e->copy && in->group && groups[in->group - 1].depth == 0)
        {
          const jc_ir_group *g = &groups[in->group - 1];
          if ((jc_ref) i == g->ref && g->slot < jc_ir_nloopslots (e->b)
              && carried[g->slot] != JC_REF_NONE)
            {
              e->rv[i] = gcc_jit_lvalue_as_rvalue (e->carried[g->slot]);
              if (e->rg)  /* see "Integer ranges" at the top */
                e->rg[i] = e->insns[carried[g->slot]].type == in->type
                           ? e->rg0[carried[g->slot]] : FULL;
            }
          else
            {
              e->rv[i] = e->rv0[i];
              e->inv[i] = 1;
              if (e->rg)
                e->rg[i] = e->rg0[i];
            }
          continue;
        }
      if (e->cells_live && e->ncells && e->cell_of[i] >= 0)
        {
          struct em_cell *c = &e->cells[e->cell_of[i]];
          if (in->op == JC_IR_LOAD)
            {
              e->rv[i] = c->now;
              if (e->rg)        /* not the first iteration's value */
                e->rg[i] = FULL;
            }
          else
            {
              c->now = e->rv[in->b];
              /* exit blocks made before store other values: a guard
               * after it (of the same instruction) needs its own */
              memset (e->exits[1], 0, e->nexits * sizeof *e->exits[1]);
            }
          continue;
        }
      if (e->copy && e->o->loop_opt && invariant (e, in))
        {
          e->rv[i] = e->rv0[i];
          e->inv[i] = 1;
          if (e->rg)
            e->rg[i] = e->rg0[i];
          continue;
        }
      if (e->rg)
        note_range (e, (jc_ref) i);
      /* A guard FACTS proved for every iteration after the first
       * (JC_IRF_LOOP_IMPLIED) is left out of the loop copy; its
       * condition still holds there, so the ranges still learn it. */
      if (!(e->copy && in->op == JC_IR_GUARD
            && (in->flags & JC_IRF_LOOP_IMPLIED)))
        emit_insn (e, (jc_ref) i);
      if (e->rg && in->op == JC_IR_GUARD)
        refine_guard (e, in);
    }
}

static void
emit_loop (em *e, gcc_jit_block *loop)
{
  uint32_t ns = jc_ir_nloopslots (e->b);
  const jc_ref *carried = jc_ir_loop_carried (e->b);
  gcc_jit_lvalue **tmp = calloc (ns + e->ncells + 1, sizeof *tmp);
  for (uint32_t k = 0; k < ns; k++)
    if (carried[k] != JC_REF_NONE)
      {
        tmp[k] = new_local (e, e->t[e->insns[carried[k]].type], "n");
        gcc_jit_block_add_assignment (e->cur, NULL, tmp[k], e->rv[carried[k]]);
      }
  /* A cell's next value: what the body stored (at the loop's entry, the
   * first iteration's store, which memory holds too). */
  for (uint32_t k = 0; k < e->ncells; k++)
    {
      const struct em_cell *c = &e->cells[k];
      tmp[ns + k] = new_local (e, e->t[c->type], "nc");
      gcc_jit_block_add_assignment (e->cur, NULL, tmp[ns + k],
          e->cells_live ? c->now : e->rv[e->insns[c->store].b]);
    }
  for (uint32_t k = 0; k < ns; k++)
    if (tmp[k])
      gcc_jit_block_add_assignment (e->cur, NULL, e->carried[k],
                                    gcc_jit_lvalue_as_rvalue (tmp[k]));
  for (uint32_t k = 0; k < e->ncells; k++)
    gcc_jit_block_add_assignment (e->cur, NULL, e->cells[k].cur,
                                  gcc_jit_lvalue_as_rvalue (tmp[ns + k]));
  free (tmp);
  gcc_jit_block_end_with_jump (e->cur, NULL, loop);
}

/* The overflow builtins ADDOV, SUBOV and MULOV use, when this libgccjit
 * has them: asked once on a context of its own, since a builtin it does
 * not know is an error of the context that asks (and fails its compile). */
static const char *const ov_names[3] = { "__builtin_saddl_overflow",
                                         "__builtin_ssubl_overflow",
                                         "__builtin_smull_overflow" };
static pthread_once_t ov_probe_once = PTHREAD_ONCE_INIT;
static int ov_builtins_ok;

static void
ov_probe (void)
{
  gcc_jit_context *c = gcc_jit_context_acquire ();
  if (!c)
    return;
  int ok = 1;
  for (int k = 0; k < 3 && ok; k++)
    ok = gcc_jit_context_get_builtin_function (c, ov_names[k]) != NULL
         && gcc_jit_context_get_first_error (c) == NULL;
  gcc_jit_context_release (c);
  ov_builtins_ok = ok;
}

static void
setup_types (em *e)
{
  gcc_jit_context *c = e->ctx;
  e->t[JC_TYPE_VOID] = gcc_jit_context_get_type (c, GCC_JIT_TYPE_VOID);
  e->t[JC_TYPE_I64] = gcc_jit_context_get_type (c, GCC_JIT_TYPE_INT64_T);
  e->t[JC_TYPE_F64] = gcc_jit_context_get_type (c, GCC_JIT_TYPE_DOUBLE);
  e->t[JC_TYPE_PTR] = gcc_jit_context_get_type (c, GCC_JIT_TYPE_VOID_PTR);
  e->t[JC_TYPE_BOOL] = gcc_jit_context_get_type (c, GCC_JIT_TYPE_BOOL);
  e->t_u64 = gcc_jit_context_get_type (c, GCC_JIT_TYPE_UINT64_T);
  e->t_u32 = gcc_jit_context_get_type (c, GCC_JIT_TYPE_UINT32_T);
  e->t_char = gcc_jit_context_get_type (c, GCC_JIT_TYPE_CHAR);
  e->t_long = gcc_jit_context_get_type (c, GCC_JIT_TYPE_LONG);
  e->t_i128 = gcc_jit_context_get_int_type (c, 16, 1);
  pthread_once (&ov_probe_once, ov_probe);
  for (int k = 0; k < 3 && ov_builtins_ok && e->o->ov_builtins; k++)
    e->ov_builtin[k] = gcc_jit_context_get_builtin_function (c, ov_names[k]);
  e->expect = gcc_jit_context_get_builtin_function (c, "__builtin_expect");
}

/* The exported tables: constants and one pointer per helper used. */
static int
setup_globals (em *e, char *err, size_t errlen)
{
  const jc_lower *b = e->b;
  char nm[128];
  uint32_t nk = jc_ir_nconsts (b);
  snprintf (nm, sizeof nm, "%s_k", e->name);
  e->g_consts = gcc_jit_context_new_global (e->ctx, NULL,
      GCC_JIT_GLOBAL_EXPORTED,
      gcc_jit_context_new_array_type (e->ctx, NULL, e->t[JC_TYPE_PTR],
                                      nk ? (int) nk : 1), nm);
  if (e->o->cache_dir)
    {
      uint32_t n = jc_ir_ninsns (b);
      e->pslot = calloc (n ? n : 1, sizeof *e->pslot);
      if (!e->pslot)
        return snprintf (err, errlen, "out of memory"), -1;
      for (uint32_t i = 0; i < n; i++)
        if (e->insns[i].op == JC_IR_KPTR && e->insns[i].imm.p)
          e->pslot[i] = e->nptrs++;
      snprintf (nm, sizeof nm, "%s_p", e->name);
      e->g_ptrs = gcc_jit_context_new_global (e->ctx, NULL,
          GCC_JIT_GLOBAL_EXPORTED,
          gcc_jit_context_new_array_type (e->ctx, NULL, e->t[JC_TYPE_PTR],
                                          e->nptrs ? (int) e->nptrs : 1), nm);
    }
  const jc_host *h = jc_ir_host (b);
  uint32_t nh = h ? h->nhelpers : 0;
  e->g_helpers = calloc (nh ? nh : 1, sizeof *e->g_helpers);
  if (!e->g_helpers)
    return snprintf (err, errlen, "out of memory"), -1;
  for (uint32_t i = 0; i < jc_ir_ninsns (b); i++)
    {
      const jc_ir_insn *in = &e->insns[i];
      if (in->op != JC_IR_CALL || e->g_helpers[in->sub])
        continue;
      jc_type ret, at[16];
      int n = jc_helper_signature (h->helpers[in->sub].signature, &ret, at, 16);
      gcc_jit_type *pt[16];
      for (int k = 0; k < n; k++)
        pt[k] = e->t[at[k]];
      gcc_jit_type *ft = gcc_jit_context_new_function_ptr_type (e->ctx, NULL,
          e->t[ret], n, pt, 0);
      snprintf (nm, sizeof nm, "%s_h%u", e->name, in->sub);
      e->g_helpers[in->sub] = gcc_jit_context_new_global (e->ctx, NULL,
          GCC_JIT_GLOBAL_EXPORTED, ft, nm);
    }
  return 0;
}

/* Machine code: a libgccjit result, or a shared object the disk cache
 * loaded. */
struct jc_emit_result {
  gcc_jit_result *res;
  void *dl;                  /* dlopen handle (res NULL) */
  uint32_t refs;             /* jc_compiled holding it (atomic) */
};

/* A result holding res or dl, with one reference (the caller's); NULL
 * when out of memory. */
static jc_emit_result *
result_new (gcc_jit_result *res, void *dl)
{
  jc_emit_result *r = malloc (sizeof *r);
  if (r)
    {
      r->res = res;
      r->dl = dl;
      r->refs = 1;
    }
  return r;
}

static void *
result_global (const jc_emit_result *r, const char *nm)
{
  return r->res ? gcc_jit_result_get_global (r->res, nm) : dlsym (r->dl, nm);
}

static void *
result_code (const jc_emit_result *r, const char *nm)
{
  return r->res ? gcc_jit_result_get_code (r->res, nm) : dlsym (r->dl, nm);
}

static int
fill_globals (em *e, const jc_emit_result *res, jc_compiled *out,
              char *err, size_t errlen)
{
  char nm[128];
  const jc_lower *b = e->b;
  if (e->g_ptrs)
    {
      snprintf (nm, sizeof nm, "%s_p", e->name);
      void **p = result_global (res, nm);
      if (!p)
        return snprintf (err, errlen, "compiled trace lacks %s", nm), -1;
      for (uint32_t i = 0; i < jc_ir_ninsns (b); i++)
        if (e->insns[i].op == JC_IR_KPTR && e->insns[i].imm.p)
          p[e->pslot[i]] = (void *) e->insns[i].imm.p;
    }
  snprintf (nm, sizeof nm, "%s_k", e->name);
  void **k = result_global (res, nm);
  if (!k)
    return snprintf (err, errlen, "compiled trace lacks %s", nm), -1;
  for (uint32_t i = 0; i < jc_ir_nconsts (b); i++)
    k[i] = jc_ir_consts (b)[i];
  out->consts = k;
  out->nconsts = jc_ir_nconsts (b);
  const jc_host *h = jc_ir_host (b);
  for (uint32_t i = 0; h && i < h->nhelpers; i++)
    {
      if (!e->g_helpers[i])
        continue;
      snprintf (nm, sizeof nm, "%s_h%u", e->name, i);
      void **slot = result_global (res, nm);
      if (!slot)
        return snprintf (err, errlen, "compiled trace lacks %s", nm), -1;
      *slot = h->helpers[i].fn;
    }
  return 0;
}

void
jc_emit_opts_init (jc_emit_opts *o)
{
  memset (o, 0, sizeof *o);
  o->opt_level = 2;
  o->fast_link = 1;
  o->loop_opt = 1;
  o->sink = 1;
  o->range = 1;
  o->ov_builtins = 1;
}

/* Compile for the running CPU.  libgccjit runs the compiler proper in
 * process, where -march=native is not resolved (that is the driver's job),
 * so enable the instruction-set extensions the CPU reports instead.  Each
 * option goes to c, or when c is NULL is appended to key (the code
 * cache's key line) instead. */
static void
cpu_option (gcc_jit_context *c, char *key, size_t len, const char *opt)
{
  if (c)
    gcc_jit_context_add_command_line_option (c, opt);
  else
    {
      size_t n = strlen (key);
      snprintf (key + n, len - n, " %s", opt);
    }
}

static void
add_cpu_options (gcc_jit_context *c, char *key, size_t len)
{
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init ();
  if (__builtin_cpu_supports ("sse4.2"))
    cpu_option (c, key, len, "-msse4.2");
  if (__builtin_cpu_supports ("popcnt"))
    cpu_option (c, key, len, "-mpopcnt");
  if (__builtin_cpu_supports ("avx"))
    cpu_option (c, key, len, "-mavx");
  if (__builtin_cpu_supports ("avx2"))
    cpu_option (c, key, len, "-mavx2");
  if (__builtin_cpu_supports ("fma"))
    cpu_option (c, key, len, "-mfma");
  if (__builtin_cpu_supports ("bmi"))
    cpu_option (c, key, len, "-mbmi");
  if (__builtin_cpu_supports ("bmi2"))
    cpu_option (c, key, len, "-mbmi2");
  cpu_option (c, key, len, "-mtune=generic");
#else
  (void) c; (void) key; (void) len; (void) cpu_option;
#endif
}

static void
configure_context (gcc_jit_context *c, const jc_emit_opts *o)
{
  gcc_jit_context_set_int_option (c, GCC_JIT_INT_OPTION_OPTIMIZATION_LEVEL,
                                  o->opt_level < 0 ? 0 : o->opt_level > 3
                                  ? 3 : o->opt_level);
  gcc_jit_context_set_bool_option (c, GCC_JIT_BOOL_OPTION_DEBUGINFO,
                                   o->debuginfo != 0);
#ifdef LIBGCCJIT_HAVE_gcc_jit_context_set_bool_print_errors_to_stderr
  gcc_jit_context_set_bool_print_errors_to_stderr (c, 0);
#endif
#ifdef LIBGCCJIT_HAVE_gcc_jit_context_set_bool_use_external_driver
  /* libgccjit's embedded driver calls exit() on a fatal error (no `as` or
   * `ld` on PATH, say), which would take the host process down; the
   * external driver runs as a child process whose failure is an ordinary
   * compile error. */
  gcc_jit_context_set_bool_use_external_driver (c, 1);
#endif
  if (o->native_cpu)
    add_cpu_options (c, NULL, 0);
#ifdef LIBGCCJIT_HAVE_gcc_jit_context_add_driver_option
  if (o->fast_link)
    {
      gcc_jit_context_add_driver_option (c, "-nostartfiles");
      gcc_jit_context_add_driver_option (c, "-nodefaultlibs");
    }
#endif
}

static size_t
code_size (void *fn)
{
  Dl_info info;
  const ElfW(Sym) *sym = NULL;
  if (dladdr1 (fn, &info, (void **) &sym, RTLD_DL_SYMENT) && sym)
    return (size_t) sym->st_size;
  return 0;
}

static void
emit_function (em *e)
{
  const jc_lower *b = e->b;
  uint32_t n = jc_ir_ninsns (b);
  e->cur = new_block (e, "entry");
  e->copy = 0;
  /* With home-word exits the trace stores into exit_buf before its first
   * guard: a side trace reads all its parent's words first. */
  for (uint32_t i = 0; e->nhomes && i < n; i++)
    if (e->insns[i].op == JC_IR_XBUF)
      emit_insn (e, (jc_ref) i);
  emit_body (e);
  if (e->o->inject_failure == JC_EMIT_FAIL_EMIT)
    /* Test hook: a type mismatch libgccjit rejects at once. */
    gcc_jit_block_add_assignment (e->cur ? e->cur : new_block (e, "bad"),
        NULL, new_local (e, e->t[JC_TYPE_I64], "bad"),
        gcc_jit_context_new_rvalue_from_double (e->ctx, e->t[JC_TYPE_F64], 1));
  else if (e->o->inject_failure == JC_EMIT_FAIL_COMPILE)
    /* Test hook: a block never terminated, which libgccjit only finds when
     * the whole context is compiled. */
    new_block (e, "unterminated");
  if (!jc_ir_is_loop (b))
    {
      if (e->cur)  /* a trace must end in a loop or an exit */
        gcc_jit_block_end_with_return (e->cur, NULL,
            gcc_jit_context_new_rvalue_from_int (e->ctx, e->t_u32, -1));
      return;
    }
  uint32_t ns = jc_ir_nloopslots (b);
  const jc_ref *carried = jc_ir_loop_carried (b);
  memcpy (e->rv0, e->rv, n * sizeof *e->rv);
  if (e->rg)
    memcpy (e->rg0, e->rg, n * sizeof *e->rg);
  for (uint32_t k = 0; k < ns; k++)
    if (carried[k] != JC_REF_NONE)
      e->carried[k] = new_local (e, e->t[e->insns[carried[k]].type], "carry");
  gcc_jit_block *loop = new_block (e, "loop");
  scan_clobbers (e);
  if (e->o->sink && scan_cells (e) != 0)
    e->ncells = 0;            /* out of memory: no cells, still correct */
  e->copy = 1;
  emit_loop (e, loop);      /* first iteration's values into the carries */
  e->cur = loop;
  /* The loop head is reached from two places: no home is known there. */
  if (e->nhomes)
    memset (e->home_val, 0, e->nhomes * sizeof *e->home_val);
  for (uint32_t k = 0; k < e->ncells; k++)
    e->cells[k].now = gcc_jit_lvalue_as_rvalue (e->cells[k].cur);
  e->cells_live = 1;
  emit_body (e);
  if (e->cur)
    emit_loop (e, loop);
  e->cells_live = 0;
}

/* ------------------------------------------------------------ batches
 *
 * A batch compiles several traces in one libgccjit context: each trace is
 * its own exported function with its own tables (named after the trace),
 * and one gcc_jit_result, shared by reference count, holds them all.  Most
 * of a compile's cost is fixed (the driver, `as`, `ld`), so a batch of N
 * costs far less than N compiles.
 *
 * Failures never take a trace down silently.  A trace whose emission puts
 * the context in error (libgccjit checks most misuse at once) fails with
 * that message and the context is rebuilt without it.  When the compile of
 * the context itself fails (an error libgccjit finds only then, a missing
 * toolchain), the culprit is unknown: each remaining trace is compiled
 * again alone and gets its own outcome. */

static void
result_unref (jc_emit_result *r)
{
  if (r && __atomic_sub_fetch (&r->refs, 1, __ATOMIC_ACQ_REL) == 0)
    {
      if (r->res)
        gcc_jit_result_release (r->res);
      if (r->dl)
        dlclose (r->dl);
      free (r);
    }
}

enum { BT_PENDING, BT_OK, BT_FAILED, BT_TAKEN };

typedef struct bt_trace {
  const jc_lower *b;
  char name[64];
  jc_emit_opts o;            /* the batch's, with this trace's own
                                loop_opt and inject_failure */
  int state;
  char err[256];
  jc_compiled c;             /* BT_OK: holds one reference */
  em e;                      /* while a context is being built */
} bt_trace;

struct jc_emit_batch {
  jc_emit_opts o;
  bt_trace *t;
  uint32_t n, cap;
  jc_emit_batch_info info;
};

jc_emit_batch *
jc_emit_batch_new (const jc_emit_opts *o)
{
  jc_emit_batch *bt = calloc (1, sizeof *bt);
  if (!bt)
    return NULL;
  if (o)
    bt->o = *o;
  else
    jc_emit_opts_init (&bt->o);
  return bt;
}

static void
bt_fail (bt_trace *t, const char *fmt, const char *arg)
{
  t->state = BT_FAILED;
  snprintf (t->err, sizeof t->err, fmt, arg);
}

int
jc_emit_batch_add (jc_emit_batch *bt, const jc_lower *b, const char *name,
                   const jc_emit_opts *o)
{
  if (bt->n == bt->cap)
    {
      uint32_t cap = bt->cap ? 2 * bt->cap : 8;
      bt_trace *a = realloc (bt->t, cap * sizeof *a);
      if (!a)
        return -1;
      bt->t = a;
      bt->cap = cap;
    }
  bt_trace *t = &bt->t[bt->n];
  memset (t, 0, sizeof *t);
  t->b = b;
  t->o = bt->o;
  if (o)
    {
      t->o.loop_opt = o->loop_opt;
      t->o.sink = o->sink;
      t->o.range = o->range;
      t->o.inject_failure = o->inject_failure;
    }
  t->state = BT_PENDING;
  if (!name || strlen (name) >= sizeof t->name)
    bt_fail (t, "trace name %s is missing or too long", name ? name : "");
  else
    snprintf (t->name, sizeof t->name, "%s", name);
  for (uint32_t i = 0; t->state == BT_PENDING && i < bt->n; i++)
    if (strcmp (bt->t[i].name, t->name) == 0)
      bt_fail (t, "trace name %s is already in the batch", name);
  if (t->state == BT_PENDING && !jc_lower_ok (b))
    bt_fail (t, "IR has an error: %s", jc_lower_error (b));
  return (int) bt->n++;
}

static void
em_free (em *e)
{
  free (e->rv);
  free (e->rv0);
  free (e->carried);
  free (e->exits[0]);
  free (e->exits[1]);
  free (e->home_val);
  free (e->inv);
  free (e->g_helpers);
  free (e->pslot);
  free (e->cells);
  free (e->cell_of);
  free (e->rg);
  free (e->rg0);
  memset (e, 0, sizeof *e);
}

/* Build trace t as a function of ctx.  -1 (reason in t->err) when out of
 * memory or libgccjit put the context in error meanwhile. */
static int
em_emit (bt_trace *t, gcc_jit_context *ctx)
{
  em *e = &t->e;
  memset (e, 0, sizeof *e);
  e->ctx = ctx;
  e->b = t->b;
  e->o = &t->o;
  e->name = t->name;
  e->insns = jc_ir_insns (t->b);
  uint32_t n = jc_ir_ninsns (t->b), ns = jc_ir_nloopslots (t->b);
  e->rv = calloc (n ? n : 1, sizeof *e->rv);
  e->rv0 = calloc (n ? n : 1, sizeof *e->rv0);
  e->carried = calloc (ns ? ns : 1, sizeof *e->carried);
  e->inv = calloc (n ? n : 1, 1);
  e->nexits = jc_ir_nsnaps (t->b);
  e->exits[0] = calloc (e->nexits ? e->nexits : 1, sizeof *e->exits[0]);
  e->exits[1] = calloc (e->nexits ? e->nexits : 1, sizeof *e->exits[1]);
  e->nhomes = jc_ir_nhomes (t->b);
  e->home_val = calloc (e->nhomes ? e->nhomes : 1, sizeof *e->home_val);
  if (!e->rv || !e->rv0 || !e->carried || !e->inv || !e->exits[0]
      || !e->exits[1] || !e->home_val)
    return bt_fail (t, "out of memory%s", ""), -1;
  if (e->o->range)
    {
      e->rg = malloc ((n ? n : 1) * sizeof *e->rg);
      e->rg0 = malloc ((n ? n : 1) * sizeof *e->rg0);
      if (!e->rg || !e->rg0)
        return bt_fail (t, "out of memory%s", ""), -1;
      for (uint32_t i = 0; i < n; i++)
        e->rg[i] = e->rg0[i] = FULL;
    }
  setup_types (e);
  gcc_jit_param *params[2] = {
    e->p_frame = gcc_jit_context_new_param (ctx, NULL, e->t[JC_TYPE_PTR],
                                            "frame"),
    e->p_buf = gcc_jit_context_new_param (ctx, NULL,
                                          gcc_jit_type_get_pointer (e->t_u64),
                                          "exit_buf")
  };
  e->fn = gcc_jit_context_new_function (ctx, NULL, GCC_JIT_FUNCTION_EXPORTED,
                                        e->t_u32, t->name, 2, params, 0);
  if (setup_globals (e, t->err, sizeof t->err) != 0)
    return t->state = BT_FAILED, -1;
  emit_function (e);
  const char *m = gcc_jit_context_get_first_error (ctx);
  if (m)
    return bt_fail (t, "libgccjit: %s", m), -1;
  return 0;
}

/* After the compile: t's entry point and tables from r. */
static void
fetch (bt_trace *t, jc_emit_result *r, double ms)
{
  jc_compiled *c = &t->c;
  memset (c, 0, sizeof *c);
  c->entry = (jc_native_fn) result_code (r, t->name);
  if (!c->entry)
    return bt_fail (t, "libgccjit: no code for %s", t->name);
  if (fill_globals (&t->e, r, c, t->err, sizeof t->err) != 0)
    {
      memset (c, 0, sizeof *c);
      t->state = BT_FAILED;
      return;
    }
  c->code_bytes = code_size ((void *) c->entry);
  if (t->e.g_sides)
    {
      char nm[128];
      snprintf (nm, sizeof nm, "%s_sx", t->name);
      c->self_sides = result_global (r, nm);
      if (!c->self_sides)
        return bt_fail (t, "compiled trace lacks %s", nm);
      c->nself_sides = t->e.nexits;
      memset (c->self_sides, 0, c->nself_sides * sizeof *c->self_sides);
      snprintf (nm, sizeof nm, "%s_sxt", t->name);
      c->self_side_traces = result_global (r, nm);
      if (!c->self_side_traces)
        return bt_fail (t, "compiled trace lacks %s", nm);
      memset (c->self_side_traces, 0,
              c->nself_sides * sizeof *c->self_side_traces);
    }
  c->compile_ms = ms;
  __atomic_add_fetch (&r->refs, 1, __ATOMIC_ACQ_REL);
  c->result = r;
  t->state = BT_OK;
}

static double
ms_since (const struct timespec *t0)
{
  struct timespec t1;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  return (t1.tv_sec - t0->tv_sec) * 1e3 + (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* JITCORE_DUMP=DIR: the context's C-like dump and the assembly GCC makes
 * of it (compiled a second time, to a file: a debugging aid, not free) as
 * DIR/NAME.c and DIR/NAME.s, NAME the batch's first trace. */
static void
dump_context (jc_emit_batch *bt, const uint32_t *idx, uint32_t k,
              gcc_jit_context *ctx)
{
  const char *name = NULL;
  for (uint32_t j = 0; j < k && !name; j++)
    if (bt->t[idx[j]].state == BT_PENDING)
      name = bt->t[idx[j]].name;
  if (!name)
    return;
  char path[512];
  snprintf (path, sizeof path, "%s/%s.c", bt->o.dump_dir, name);
  gcc_jit_context_dump_to_file (ctx, path, 0);
  snprintf (path, sizeof path, "%s/%s.s", bt->o.dump_dir, name);
  gcc_jit_context_compile_to_file (ctx, GCC_JIT_OUTPUT_KIND_ASSEMBLER, path);
}

/* Compile the pending traces among idx[0..k) in one context.  Returns 0
 * when every one of them ended OK or failed by itself; -1 with libgccjit's
 * message in err when the context's compile failed as a whole (all of them
 * still pending). */
static int
compile_set (jc_emit_batch *bt, const uint32_t *idx, uint32_t k, char *err,
             size_t errlen)
{
  for (;;)
    {
      struct timespec t0;
      clock_gettime (CLOCK_MONOTONIC, &t0);
      gcc_jit_context *ctx = gcc_jit_context_acquire ();
      if (!ctx)
        return snprintf (err, errlen, "out of memory"), -1;
      configure_context (ctx, &bt->o);
      uint32_t live = 0;
      int rebuild = 0;
      for (uint32_t j = 0; j < k && !rebuild; j++)
        {
          bt_trace *t = &bt->t[idx[j]];
          if (t->state != BT_PENDING)
            continue;
          if (em_emit (t, ctx) != 0)
            rebuild = 1;     /* t failed; the context may be poisoned */
          else
            live++;
        }
      if (!rebuild && live)
        {
          if (bt->o.dump_c)
            gcc_jit_context_dump_to_file (ctx, bt->o.dump_c, 0);
          if (bt->o.dump_dir)
            dump_context (bt, idx, k, ctx);
          gcc_jit_result *res = gcc_jit_context_compile (ctx);
          bt->info.contexts++;
          /* ours until every trace took its own reference */
          jc_emit_result *r = res ? result_new (res, NULL) : NULL;
          if (!r)
            {
              const char *m = gcc_jit_context_get_first_error (ctx);
              snprintf (err, errlen, "libgccjit: %s",
                        res ? "out of memory" : m ? m : "compile failed");
              if (res)
                gcc_jit_result_release (res);
              rebuild = -1;
            }
          else
            {
              double ms = ms_since (&t0);
              for (uint32_t j = 0; j < k; j++)
                if (bt->t[idx[j]].state == BT_PENDING)
                  fetch (&bt->t[idx[j]], r, ms);
              result_unref (r);
            }
        }
      for (uint32_t j = 0; j < k; j++)
        em_free (&bt->t[idx[j]].e);
      gcc_jit_context_release (ctx);
      if (rebuild <= 0)
        return rebuild;
    }
}

static int compile_cached (jc_emit_batch *bt, bt_trace *t);

uint32_t
jc_emit_batch_compile (jc_emit_batch *bt)
{
  struct timespec t0;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  uint32_t *idx = malloc ((bt->n ? bt->n : 1) * sizeof *idx);
  char err[256];
  if (!idx)
    {
      for (uint32_t i = 0; i < bt->n; i++)
        if (bt->t[i].state == BT_PENDING)
          bt_fail (&bt->t[i], "out of memory%s", "");
      return 0;
    }
  for (uint32_t i = 0; i < bt->n; i++)
    idx[i] = i;
  if (bt->o.cache_dir)
    /* The disk cache: one trace at a time (keys are per trace). */
    for (uint32_t i = 0; i < bt->n; i++)
      {
        bt_trace *t = &bt->t[i];
        if (t->state != BT_PENDING || compile_cached (bt, t) == 0)
          continue;
        bt->info.disk_errors++;
        if (compile_set (bt, &i, 1, err, sizeof err) != 0)
          bt_fail (t, "%s", err);
      }
  else if (compile_set (bt, idx, bt->n, err, sizeof err) != 0)
    {
      uint32_t pending = 0;
      for (uint32_t i = 0; i < bt->n; i++)
        pending += bt->t[i].state == BT_PENDING;
      for (uint32_t i = 0; i < bt->n; i++)
        {
          bt_trace *t = &bt->t[i];
          if (t->state != BT_PENDING)
            continue;
          if (pending > 1)
            {
              bt->info.retried++;
              if (compile_set (bt, &i, 1, err, sizeof err) == 0)
                continue;
            }
          bt_fail (t, "%s", err);
        }
    }
  free (idx);
  bt->info.ms = ms_since (&t0);
  uint32_t ok = 0;
  for (uint32_t i = 0; i < bt->n; i++)
    ok += bt->t[i].state == BT_OK;
  return ok;
}

int
jc_emit_batch_take (jc_emit_batch *bt, uint32_t i, jc_compiled *out,
                    char *err, size_t errlen)
{
  memset (out, 0, sizeof *out);
  if (i >= bt->n)
    return snprintf (err, errlen, "no trace %u in the batch", i), -1;
  bt_trace *t = &bt->t[i];
  switch (t->state)
    {
    case BT_OK:
      *out = t->c;
      memset (&t->c, 0, sizeof t->c);
      t->state = BT_TAKEN;
      return 0;
    case BT_FAILED:
      snprintf (err, errlen, "%s", t->err);
      return -1;
    case BT_TAKEN:
      snprintf (err, errlen, "trace %u was already taken", i);
      return -1;
    default:
      snprintf (err, errlen, "the batch was not compiled");
      return -1;
    }
}

void
jc_emit_batch_get_info (const jc_emit_batch *bt, jc_emit_batch_info *out)
{
  *out = bt->info;
}

void
jc_emit_batch_free (jc_emit_batch *bt)
{
  if (!bt)
    return;
  for (uint32_t i = 0; i < bt->n; i++)
    if (bt->t[i].state == BT_OK)
      jc_emit_release (&bt->t[i].c);
  free (bt->t);
  free (bt);
}

/* ------------------------------------------------------------ disk cache */

/* What reaches GCC other than through the context's dump.  The first
 * words name the cache's format: a change of the files' layout changes
 * them, so older entries are other keys (misses), never misread.  The
 * file this code was loaded from (libjitcore.so: size and mtime) is part
 * of it too, so a rebuilt library, whose runtime might read the same code
 * differently, starts afresh. */
static void
key_line (const jc_emit_opts *o, char *key, size_t len)
{
  int maj = 0, min = 0, pat = 0;
#ifdef LIBGCCJIT_HAVE_gcc_jit_version
  maj = gcc_jit_version_major ();
  min = gcc_jit_version_minor ();
  pat = gcc_jit_version_patchlevel ();
#endif
  Dl_info info;
  struct stat st;
  long long size = -1, mtime = -1;
  long mtime_ns = 0;
  if (dladdr ((void *) key_line, &info) && info.dli_fname
      && stat (info.dli_fname[0] ? info.dli_fname : "/proc/self/exe", &st) == 0)
    {
      size = (long long) st.st_size;
      mtime = (long long) st.st_mtim.tv_sec;
      mtime_ns = st.st_mtim.tv_nsec;
    }
  snprintf (key, len, "libjitcore disk cache 2; libjitcore %s (%lld bytes, "
            "%lld.%09ld); libgccjit %d.%d.%d; -O%d debuginfo=%d fast_link=%d",
            PACKAGE_VERSION, size, mtime, mtime_ns, maj, min, pat, o->opt_level < 0 ? 0 : o->opt_level > 3 ? 3
            : o->opt_level, o->debuginfo != 0, o->fast_link != 0);
  if (o->native_cpu)
    add_cpu_options (NULL, key, len);
  size_t n = strlen (key);
  snprintf (key + n, len - n, "\n");
}

/* ctx's key: the key line and its dump (through a temporary file of
 * dir).  0, or -1 with the reason in note. */
static int
context_key (gcc_jit_context *ctx, const jc_emit_opts *o, const char *dir,
             char **key, size_t *klen, char *note, size_t len)
{
  char path[512], line[512];
  if (jc_disk_temp_path (dir, ".c", path, sizeof path) != 0)
    return snprintf (note, len, "cache directory path too long"), -1;
  gcc_jit_context_dump_to_file (ctx, path, 0);
  size_t n;
  char *dump = jc_disk_read_file (path, &n);
  unlink (path);
  if (!dump)
    return snprintf (note, len, "cannot dump the context into %s", dir), -1;
  key_line (o, line, sizeof line);
  size_t ln = strlen (line);
  char *k = malloc (ln + n + 1);
  if (!k)
    {
      free (dump);
      return snprintf (note, len, "out of memory"), -1;
    }
  memcpy (k, line, ln);
  memcpy (k + ln, dump, n + 1);
  free (dump);
  *key = k;
  *klen = ln + n;
  return 0;
}

/* Trace t alone through the disk cache: loaded from bt->o.cache_dir, or
 * compiled and stored there.  0 when t ended OK or failed by itself; -1
 * when the cache could not be used (the reason in info.disk_note): t is
 * still pending, to be compiled as usual. */
static int
compile_cached (jc_emit_batch *bt, bt_trace *t)
{
  const char *dir = bt->o.cache_dir;
  char *note = bt->info.disk_note;
  size_t nlen = sizeof bt->info.disk_note;
  if (jc_disk_dir_ok (dir, note, nlen) != 0)
    return -1;
  struct timespec t0;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  gcc_jit_context *ctx = gcc_jit_context_acquire ();
  if (!ctx)
    return snprintf (note, nlen, "out of memory"), -1;
  configure_context (ctx, &t->o);
  char name[sizeof t->name];
  memcpy (name, t->name, sizeof name);
  snprintf (t->name, sizeof t->name, "jc_cached");
  int rc = -1, hit = 0;
  char *key = NULL;
  size_t klen = 0;
  void *dl = NULL;
  if (em_emit (t, ctx) != 0)
    {
      rc = 0;                 /* t failed by itself */
      goto out;
    }
  if (context_key (ctx, &t->o, dir, &key, &klen, note, nlen) != 0)
    goto out;
  uint64_t h = jc_disk_hash (key, klen);
  int replace;
  dl = jc_disk_load (dir, h, key, klen, &replace, note, nlen);
  if (dl)
    {
      hit = 1;
      jc_disk_touch (dir, h);
    }
  else if (note[0] && !replace)
    goto out;                 /* an entry it cannot use: compile as usual */
  else
    {
      if (replace)
        bt->info.disk_errors++;   /* a broken entry, removed: store anew */
      char so[512];
      if (jc_disk_temp_path (dir, ".so", so, sizeof so) != 0)
        {
          snprintf (note, nlen, "cache directory path too long");
          goto out;
        }
      gcc_jit_context_compile_to_file (ctx, GCC_JIT_OUTPUT_KIND_DYNAMIC_LIBRARY,
                                       so);
      bt->info.contexts++;
      const char *m = gcc_jit_context_get_first_error (ctx);
      if (m)
        {
          unlink (so);
          bt_fail (t, "libgccjit: %s", m);
          rc = 0;
          goto out;
        }
      int stored = 0;
      char snote[256];
      dl = jc_disk_store (dir, h, key, klen, so, &stored, snote,
                           sizeof snote);
      if (snote[0])
        snprintf (note, nlen, "%s", snote);
      if (!dl)
        goto out;
      bt->info.disk_stores += stored != 0;
      if (stored)
        bt->info.disk_evicted += jc_disk_trim (dir, t->o.cache_max_bytes, h);
    }
  jc_emit_result *r = result_new (NULL, dl);
  if (!r)
    {
      dlclose (dl);
      bt_fail (t, "out of memory%s", "");
      rc = 0;
      goto out;
    }
  fetch (t, r, ms_since (&t0));
  result_unref (r);
  if (t->state == BT_OK)
    {
      bt->info.disk_hits += hit;
      rc = 0;
    }
  else if (hit)
    {
      /* A cached object without the trace's symbols: compile instead. */
      snprintf (note, nlen, "cached code unusable: %.200s", t->err);
      t->state = BT_PENDING;
      t->err[0] = 0;
    }
  else
    rc = 0;
out:
  free (key);
  em_free (&t->e);
  gcc_jit_context_release (ctx);
  memcpy (t->name, name, sizeof name);
  return rc;
}

/* A batch of one. */
int
jc_emit_compile (const jc_lower *b, const char *name, const jc_emit_opts *o,
                 jc_compiled *out, char *err, size_t errlen)
{
  memset (out, 0, sizeof *out);
  jc_emit_batch *bt = jc_emit_batch_new (o);
  if (!bt || jc_emit_batch_add (bt, b, name, o) < 0)
    {
      jc_emit_batch_free (bt);
      return snprintf (err, errlen, "out of memory"), -1;
    }
  jc_emit_batch_compile (bt);
  int rc = jc_emit_batch_take (bt, 0, out, err, errlen);
  if (rc != 0)
    out->compile_ms = bt->info.ms;
  jc_emit_batch_free (bt);
  return rc;
}

void
jc_emit_release (jc_compiled *c)
{
  if (!c)
    return;
  result_unref (c->result);
  memset (c, 0, sizeof *c);
}
