/* lower.c -- the public IR builder (<jitcore/lower.h>): typed emission
 * with operand checks, virtual slot access that calls the host's load_slot,
 * guards with snapshots, helper calls and the constant table. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "ir_internal.h"

JC_API int
jc_lower_ok (const jc_lower *b)
{
  return b && !b->error;
}

JC_API const char *
jc_lower_error (const jc_lower *b)
{
  return b ? b->error : "no builder";
}

JC_API int
jc_lower_fail (jc_lower *b, const char *message)
{
  if (!b)
    return -1;
  return jc_ir_set_error (b, "%s", message ? message : "host failure");
}

JC_API jc_type
jc_lower_type (const jc_lower *b, jc_ref v)
{
  if (!b || v < 0 || (uint32_t) v >= b->ninsns)
    return JC_TYPE_VOID;
  return (jc_type) b->insns[v].type;
}

JC_API int
jc_lower_side_entry (const jc_lower *b)
{
  return b ? b->side_entry : 0;
}

static jc_ref
konst (jc_lower *b, jc_ir_op op, jc_type t, int64_t i, double f,
       const void *p)
{
  if (!b)
    return JC_REF_NONE;
  jc_ref r = jc_ir_emit (b, op, t, JC_REF_NONE, JC_REF_NONE, JC_REF_NONE, 0);
  if (r == JC_REF_NONE)
    return r;
  if (op == JC_IR_KF64)
    b->insns[r].imm.f = f;
  else if (op == JC_IR_KPTR)
    b->insns[r].imm.p = p;
  else
    b->insns[r].imm.i = i;
  return r;
}

JC_API jc_ref jc_lower_const_i64 (jc_lower *b, int64_t v)
{ return konst (b, JC_IR_KI64, JC_TYPE_I64, v, 0, NULL); }
JC_API jc_ref jc_lower_const_f64 (jc_lower *b, double v)
{ return konst (b, JC_IR_KF64, JC_TYPE_F64, 0, v, NULL); }
JC_API jc_ref jc_lower_const_bool (jc_lower *b, int v)
{ return konst (b, JC_IR_KBOOL, JC_TYPE_BOOL, v != 0, 0, NULL); }
JC_API jc_ref jc_lower_const_ptr (jc_lower *b, const void *p)
{ return konst (b, JC_IR_KPTR, JC_TYPE_PTR, 0, 0, p); }

JC_API jc_ref
jc_lower_const_obj (jc_lower *b, void *obj)
{
  if (!b || b->error)
    return JC_REF_NONE;
  uint32_t i;
  for (i = 0; i < b->nconsts; i++)
    if (b->consts[i] == obj)
      break;
  if (i == b->nconsts)
    {
      if (b->nconsts >= b->cap_consts)
        {
          uint32_t n = b->cap_consts ? 2 * b->cap_consts : 8;
          void **c = realloc (b->consts, n * sizeof *c);
          if (!c)
            return jc_ir_set_error (b, "out of memory"), JC_REF_NONE;
          b->consts = c;
          b->cap_consts = n;
        }
      b->consts[b->nconsts++] = obj;
    }
  return konst (b, JC_IR_KOBJ, JC_TYPE_PTR, i, 0, NULL);
}

JC_API jc_ref
jc_lower_frame (jc_lower *b)
{
  if (!b)
    return JC_REF_NONE;
  return jc_ir_emit (b, JC_IR_FRAME, JC_TYPE_PTR, JC_REF_NONE, JC_REF_NONE,
                     JC_REF_NONE, 0);
}

JC_API jc_ref
jc_lower_stack_address (jc_lower *b)
{
  if (!b)
    return JC_REF_NONE;
  return jc_ir_emit (b, JC_IR_STACK, JC_TYPE_I64, JC_REF_NONE, JC_REF_NONE,
                     JC_REF_NONE, 0);
}

JC_API jc_ref
jc_lower_slot_get (jc_lower *b, uint32_t slot)
{
  if (!b || b->error)
    return JC_REF_NONE;
  jc_bframe *f = jc_ir_top (b);
  jc_bslot *s = jc_ir_slot (b, f, slot);
  if (!s)
    return JC_REF_NONE;
  if (s->state == JC_SLOT_DEAD)
    {
      jc_ir_set_error (b, "slot %u read after the host said it is dead",
                       slot);
      return JC_REF_NONE;
    }
  if (s->state != JC_SLOT_UNKNOWN)
    return s->ref;
  if (b->open_group >= 0)
    {
      jc_ir_set_error (b, "load_slot read another slot (%u)", slot);
      return JC_REF_NONE;
    }
  const jc_host *h = b->hooks.host;
  if (!h || !h->load_slot)
    {
      jc_ir_set_error (b, "slot %u read but the host has no load_slot", slot);
      return JC_REF_NONE;
    }
  if (b->ngroups >= b->cap_groups)
    {
      uint32_t n = b->cap_groups ? 2 * b->cap_groups : 16;
      jc_ir_group *g = realloc (b->groups, n * sizeof *g);
      if (!g)
        return jc_ir_set_error (b, "out of memory"), JC_REF_NONE;
      b->groups = g;
      b->cap_groups = n;
    }
  jc_ir_group *g = &b->groups[b->ngroups];
  memset (g, 0, sizeof *g);
  g->depth = b->nframes - 1;
  g->slot = slot;
  g->first = (jc_ref) b->ninsns;
  g->ref = JC_REF_NONE;
  b->open_group = (int32_t) b->ngroups++;
  int rc = h->load_slot (h->userdata, b, f->code, b->nframes - 1, slot);
  b->open_group = -1;
  g = &b->groups[b->ngroups - 1];
  g->last = (jc_ref) b->ninsns - 1;
  if (b->error)
    return JC_REF_NONE;
  f = jc_ir_top (b);
  s = &f->slots[slot];
  if (rc != 0 || s->state == JC_SLOT_UNKNOWN)
    {
      jc_ir_set_error (b, rc ? "host load_slot failed for slot %u"
                             : "host load_slot did not bind slot %u", slot);
      return JC_REF_NONE;
    }
  return s->ref;
}

JC_API int
jc_lower_slot_set (jc_lower *b, uint32_t slot, jc_ref v)
{
  if (!b || jc_ir_check_ref (b, v, "slot_set") != 0)
    return -1;
  if (b->insns[v].type == JC_TYPE_VOID)
    return jc_ir_set_error (b, "slot_set: slot %u given a void value", slot);
  jc_bslot *s = jc_ir_slot (b, jc_ir_top (b), slot);
  if (!s)
    return -1;
  s->state = JC_SLOT_SET;
  s->ref = v;
  return 0;
}

JC_API int
jc_lower_slot_bind (jc_lower *b, uint32_t slot, jc_ref v, uint32_t flags)
{
  if (!b || jc_ir_check_ref (b, v, "slot_bind") != 0)
    return -1;
  if (b->open_group < 0)
    return jc_ir_set_error (b, "slot_bind outside load_slot");
  jc_ir_group *g = &b->groups[b->open_group];
  if (g->slot != slot)
    return jc_ir_set_error (b, "load_slot for slot %u bound slot %u",
                            g->slot, slot);
  if (b->insns[v].type == JC_TYPE_VOID)
    return jc_ir_set_error (b, "slot_bind: void value");
  jc_bslot *s = jc_ir_slot (b, jc_ir_top (b), slot);
  if (!s)
    return -1;
  s->state = JC_SLOT_LOADED;
  s->ref = v;
  g->ref = v;
  g->flags = flags;
  return 0;
}

JC_API int
jc_lower_slot_bind_entry (jc_lower *b, uint32_t slot, jc_ref v,
                          uint32_t flags)
{
  if (!b || jc_ir_check_ref (b, v, "slot_bind_entry") != 0)
    return -1;
  if (b->open_group < 0)
    return jc_ir_set_error (b, "slot_bind_entry outside load_slot");
  if (b->nframes != 1 || b->nsnaps != 0)
    return jc_ir_set_error (b, "slot_bind_entry for slot %u: only in the "
                            "root frame before the trace's first snapshot",
                            slot);
  if (jc_lower_slot_bind (b, slot, v, flags) != 0)
    return -1;
  /* Set from the entry on: the current instruction's snapshots list it
   * too (its start state is what they are made of). */
  return jc_ir_slot_entry_set (b, slot, v);
}

JC_API int
jc_lower_slots_dead_from (jc_lower *b, uint32_t first)
{
  if (!b)
    return -1;
  return jc_ir_slots_dead_from (b, first);
}

static int
same_type (jc_lower *b, jc_ref x, jc_ref y, const char *what)
{
  if (jc_ir_check_ref (b, x, what) || jc_ir_check_ref (b, y, what))
    return -1;
  if (b->insns[x].type != b->insns[y].type)
    return jc_ir_set_error (b, "%s: operands of types %s and %s", what,
                            jc_ir_type_name (b->insns[x].type),
                            jc_ir_type_name (b->insns[y].type));
  return 0;
}

JC_API jc_ref
jc_lower_binop (jc_lower *b, jc_binop op, jc_ref x, jc_ref y)
{
  if (!b || same_type (b, x, y, "binop") != 0)
    return JC_REF_NONE;
  jc_type t = (jc_type) b->insns[x].type;
  int ok;
  switch (op)
    {
    case JC_ADD: case JC_SUB: case JC_MUL:
      ok = t == JC_TYPE_I64 || t == JC_TYPE_F64; break;
    case JC_DIV:
      ok = t == JC_TYPE_F64; break;
    case JC_AND: case JC_OR: case JC_XOR:
      ok = t == JC_TYPE_I64 || t == JC_TYPE_BOOL; break;
    case JC_SHL: case JC_SHR:
      ok = t == JC_TYPE_I64; break;
    case JC_FLOORDIV: case JC_FLOORMOD:
      /* Unguarded only where the divisor cannot be 0 or -1. */
      ok = t == JC_TYPE_I64 && b->insns[y].op == JC_IR_KI64
           && b->insns[y].imm.i != 0 && b->insns[y].imm.i != -1;
      if (!ok && t == JC_TYPE_I64)
        {
          jc_ir_set_error (b, "binop FLOORDIV/FLOORMOD: the divisor is not a "
                           "constant other than 0 and -1; use binop_ov");
          return JC_REF_NONE;
        }
      break;
    default:
      ok = 0;
    }
  if (!ok)
    {
      jc_ir_set_error (b, "binop %d not defined on %s", (int) op,
                       jc_ir_type_name (t));
      return JC_REF_NONE;
    }
  return jc_ir_emit (b, JC_IR_BINOP, t, x, y, JC_REF_NONE, (uint32_t) op);
}

JC_API jc_ref
jc_lower_binop_ov (jc_lower *b, jc_binop op, jc_ref x, jc_ref y)
{
  if (!b || same_type (b, x, y, "binop_ov") != 0)
    return JC_REF_NONE;
  if (b->insns[x].type != JC_TYPE_I64
      || (op != JC_ADD && op != JC_SUB && op != JC_MUL && op != JC_FLOORDIV
          && op != JC_FLOORMOD))
    {
      jc_ir_set_error (b, "binop_ov: only i64 ADD, SUB, MUL, FLOORDIV, "
                       "FLOORMOD");
      return JC_REF_NONE;
    }
  int32_t snap = jc_ir_snapshot (b);
  if (snap < 0)
    return JC_REF_NONE;
  jc_ref r = jc_ir_emit (b, JC_IR_BINOV, JC_TYPE_I64, x, y, JC_REF_NONE,
                         (uint32_t) op);
  if (r != JC_REF_NONE)
    b->insns[r].snap = snap;
  return r;
}

JC_API jc_ref
jc_lower_cmp (jc_lower *b, jc_cmp op, jc_ref x, jc_ref y)
{
  if (!b || same_type (b, x, y, "cmp") != 0)
    return JC_REF_NONE;
  jc_type t = (jc_type) b->insns[x].type;
  if ((unsigned) op >= JC_CMP__COUNT
      || ((t == JC_TYPE_PTR || t == JC_TYPE_BOOL) && op != JC_EQ
          && op != JC_NE))
    {
      jc_ir_set_error (b, "cmp %d not defined on %s", (int) op,
                       jc_ir_type_name (t));
      return JC_REF_NONE;
    }
  return jc_ir_emit (b, JC_IR_CMP, JC_TYPE_BOOL, x, y, JC_REF_NONE,
                     (uint32_t) op);
}

JC_API jc_ref
jc_lower_unop (jc_lower *b, jc_unop op, jc_ref x)
{
  if (!b || jc_ir_check_ref (b, x, "unop") != 0)
    return JC_REF_NONE;
  jc_type t = (jc_type) b->insns[x].type, r = JC_TYPE_VOID;
  switch (op)
    {
    case JC_NEG:
      r = (t == JC_TYPE_I64 || t == JC_TYPE_F64) ? t : JC_TYPE_VOID; break;
    case JC_NOT:
      r = (t == JC_TYPE_I64 || t == JC_TYPE_BOOL) ? t : JC_TYPE_VOID; break;
    case JC_I2F: r = t == JC_TYPE_I64 ? JC_TYPE_F64 : JC_TYPE_VOID; break;
    case JC_F2I: r = t == JC_TYPE_F64 ? JC_TYPE_I64 : JC_TYPE_VOID; break;
    case JC_B2I: r = t == JC_TYPE_BOOL ? JC_TYPE_I64 : JC_TYPE_VOID; break;
    case JC_I2B: r = t == JC_TYPE_I64 ? JC_TYPE_BOOL : JC_TYPE_VOID; break;
    default: break;
    }
  if (r == JC_TYPE_VOID)
    {
      jc_ir_set_error (b, "unop %d not defined on %s", (int) op,
                       jc_ir_type_name (t));
      return JC_REF_NONE;
    }
  return jc_ir_emit (b, JC_IR_UNOP, r, x, JC_REF_NONE, JC_REF_NONE,
                     (uint32_t) op);
}

JC_API jc_ref
jc_lower_select (jc_lower *b, jc_ref cond, jc_ref x, jc_ref y)
{
  if (!b || jc_ir_check_ref (b, cond, "select") != 0
      || same_type (b, x, y, "select") != 0)
    return JC_REF_NONE;
  if (b->insns[cond].type != JC_TYPE_BOOL)
    {
      jc_ir_set_error (b, "select: condition is not bool");
      return JC_REF_NONE;
    }
  return jc_ir_emit (b, JC_IR_SELECT, (jc_type) b->insns[x].type, cond, x, y,
                     0);
}

JC_API jc_ref
jc_lower_load (jc_lower *b, jc_type t, jc_ref base, int64_t offset,
               uint32_t alias)
{
  if (!b || jc_ir_check_ref (b, base, "load") != 0)
    return JC_REF_NONE;
  if (b->insns[base].type != JC_TYPE_PTR || t == JC_TYPE_VOID
      || (unsigned) t >= JC_TYPE__COUNT)
    {
      jc_ir_set_error (b, "load: bad base or type");
      return JC_REF_NONE;
    }
  jc_ref r = jc_ir_emit (b, JC_IR_LOAD, t, base, JC_REF_NONE, JC_REF_NONE,
                         alias);
  if (r != JC_REF_NONE)
    b->insns[r].imm.i = offset;
  return r;
}

JC_API int
jc_lower_store (jc_lower *b, jc_ref base, int64_t offset, jc_ref v,
                uint32_t alias)
{
  if (!b || jc_ir_check_ref (b, base, "store") != 0
      || jc_ir_check_ref (b, v, "store") != 0)
    return -1;
  if (b->insns[base].type != JC_TYPE_PTR
      || b->insns[v].type == JC_TYPE_VOID)
    return jc_ir_set_error (b, "store: bad base or value");
  jc_ref r = jc_ir_emit (b, JC_IR_STORE, JC_TYPE_VOID, base, v, JC_REF_NONE,
                         alias);
  if (r == JC_REF_NONE)
    return -1;
  b->insns[r].imm.i = offset;
  return 0;
}

/* The operands of an indexed access: base ptr, index i64, a scale of
 * 1 .. JC_LOWER_MAX_SCALE. */
static int
check_indexed (jc_lower *b, jc_ref base, jc_ref index, int64_t scale,
               const char *what)
{
  if (!b || jc_ir_check_ref (b, base, what) != 0
      || jc_ir_check_ref (b, index, what) != 0)
    return -1;
  if (b->insns[base].type != JC_TYPE_PTR)
    return jc_ir_set_error (b, "%s: base is not ptr", what);
  if (b->insns[index].type != JC_TYPE_I64)
    return jc_ir_set_error (b, "%s: index is not i64", what);
  if (scale < 1 || scale > JC_LOWER_MAX_SCALE)
    return jc_ir_set_error (b, "%s: scale %" PRId64 " out of 1..%d", what,
                            scale, JC_LOWER_MAX_SCALE);
  return 0;
}

JC_API jc_ref
jc_lower_load_index (jc_lower *b, jc_type t, jc_ref base, jc_ref index,
                     int64_t scale, int64_t offset, uint32_t alias)
{
  if (check_indexed (b, base, index, scale, "load_index") != 0)
    return JC_REF_NONE;
  if (t == JC_TYPE_VOID || (unsigned) t >= JC_TYPE__COUNT)
    {
      jc_ir_set_error (b, "load_index: bad type");
      return JC_REF_NONE;
    }
  jc_ref r = jc_ir_emit (b, JC_IR_LOADX, t, base, index, JC_REF_NONE, alias);
  if (r != JC_REF_NONE)
    {
      b->insns[r].imm.i = offset;
      b->insns[r].scale = (uint32_t) scale;
    }
  return r;
}

JC_API int
jc_lower_store_index (jc_lower *b, jc_ref base, jc_ref index, int64_t scale,
                      int64_t offset, jc_ref v, uint32_t alias)
{
  if (check_indexed (b, base, index, scale, "store_index") != 0
      || jc_ir_check_ref (b, v, "store_index") != 0)
    return -1;
  if (b->insns[v].type == JC_TYPE_VOID)
    return jc_ir_set_error (b, "store_index: void value");
  jc_ref r = jc_ir_emit (b, JC_IR_STOREX, JC_TYPE_VOID, base, index, v,
                         alias);
  if (r == JC_REF_NONE)
    return -1;
  b->insns[r].imm.i = offset;
  b->insns[r].scale = (uint32_t) scale;
  return 0;
}

/* Parse a helper signature "ret(arg,arg)" into types; returns the number of
 * arguments, or -1 if malformed. */
static int
type_of_name (const char *s, size_t n, jc_type *t)
{
#define JC_X(nm, str, c) \
  if (n == sizeof str - 1 && memcmp (s, str, n) == 0) \
    { *t = JC_TYPE_##nm; return 0; }
  JC_TYPE_LIST (JC_X)
#undef JC_X
  return -1;
}

JC_HIDDEN int jc_helper_signature (const char *sig, jc_type *ret,
                                   jc_type *args, int max);
int
jc_helper_signature (const char *sig, jc_type *ret, jc_type *args, int max)
{
  if (!sig)
    return -1;
  const char *p = strchr (sig, '(');
  const char *e = strrchr (sig, ')');
  if (!p || !e || e < p || e[1] != '\0'
      || type_of_name (sig, (size_t) (p - sig), ret) != 0)
    return -1;
  int n = 0;
  const char *q = p + 1;
  if (q == e)
    return 0;
  for (;;)
    {
      const char *c = q;
      while (c < e && *c != ',')
        c++;
      jc_type t;
      if (n >= max || type_of_name (q, (size_t) (c - q), &t) != 0
          || t == JC_TYPE_VOID)
        return -1;
      args[n++] = t;
      if (c == e)
        return n;
      q = c + 1;
    }
}

static jc_ref emit_call (jc_lower *b, jc_ref cond, uint32_t helper,
                         const jc_ref *args, uint32_t nargs);

JC_API jc_ref
jc_lower_call (jc_lower *b, uint32_t helper, const jc_ref *args,
               uint32_t nargs)
{
  return emit_call (b, JC_REF_NONE, helper, args, nargs);
}

JC_API jc_ref
jc_lower_call_if (jc_lower *b, jc_ref cond, uint32_t helper,
                  const jc_ref *args, uint32_t nargs)
{
  if (!b || jc_ir_check_ref (b, cond, "call_if") != 0)
    return JC_REF_NONE;
  if (b->insns[cond].type != JC_TYPE_BOOL)
    {
      jc_ir_set_error (b, "call_if: condition is not bool");
      return JC_REF_NONE;
    }
  const jc_host *h = b->hooks.host;
  if (h && helper < h->nhelpers
      && (h->helpers[helper].flags & (JC_HELPER_INCREF | JC_HELPER_DECREF)))
    {
      jc_ir_set_error (b, "call_if: helper %s counts references",
                       h->helpers[helper].name);
      return JC_REF_NONE;
    }
  return emit_call (b, cond, helper, args, nargs);
}

JC_API jc_ref
jc_lower_call_self (jc_lower *b, uint32_t helper, jc_ref frame)
{
  if (!b || jc_ir_check_ref (b, frame, "call_self") != 0)
    return JC_REF_NONE;
  const jc_host *h = b->hooks.host;
  if (!h || helper >= h->nhelpers || !h->helpers[helper].fn)
    {
      jc_ir_set_error (b, "call_self: no helper %u", helper);
      return JC_REF_NONE;
    }
  const jc_helper *hp = &h->helpers[helper];
  if (!hp->signature || strcmp (hp->signature, "ptr(ptr)") != 0
      || (hp->flags & (JC_HELPER_PURE | JC_HELPER_MAY_RAISE
                       | JC_HELPER_INCREF | JC_HELPER_DECREF)))
    {
      jc_ir_set_error (b, "call_self: stand-in helper %s must be \"ptr(ptr)\" "
                       "and neither pure, may-raise nor a reference count "
                       "helper", hp->name);
      return JC_REF_NONE;
    }
  jc_ref r = emit_call (b, JC_REF_NONE, helper, &frame, 1);
  if (r != JC_REF_NONE)
    b->insns[r].flags |= JC_IRF_SELF;
  return r;
}

/* A call, unconditional (cond JC_REF_NONE) or only when cond holds. */
static jc_ref
emit_call (jc_lower *b, jc_ref cond, uint32_t helper, const jc_ref *args,
           uint32_t nargs)
{
  if (!b || b->error)
    return JC_REF_NONE;
  const jc_host *h = b->hooks.host;
  if (!h || helper >= h->nhelpers || !h->helpers[helper].fn)
    {
      jc_ir_set_error (b, "call: no helper %u", helper);
      return JC_REF_NONE;
    }
  const jc_helper *hp = &h->helpers[helper];
  jc_type ret, at[16];
  int n = jc_helper_signature (hp->signature, &ret, at, 16);
  if (n < 0)
    {
      jc_ir_set_error (b, "helper %s: bad signature \"%s\"", hp->name,
                       hp->signature ? hp->signature : "(null)");
      return JC_REF_NONE;
    }
  if ((uint32_t) n != nargs)
    {
      jc_ir_set_error (b, "helper %s takes %d arguments, given %u", hp->name,
                       n, nargs);
      return JC_REF_NONE;
    }
  for (uint32_t i = 0; i < nargs; i++)
    {
      if (jc_ir_check_ref (b, args[i], "call") != 0)
        return JC_REF_NONE;
      if (b->insns[args[i]].type != at[i])
        {
          jc_ir_set_error (b, "helper %s argument %u: %s given, %s expected",
                           hp->name, i, jc_ir_type_name (b->insns[args[i]].type),
                           jc_ir_type_name (at[i]));
          return JC_REF_NONE;
        }
    }
  if ((hp->flags & JC_HELPER_GENERIC) && cond == JC_REF_NONE
      && !b->generic_this_insn)
    {
      b->generic_this_insn = 1;
      b->generic_insns++;
    }
  int32_t snap = -1;
  int raises = (hp->flags & JC_HELPER_MAY_RAISE) && ret != JC_TYPE_VOID;
  if (raises && (snap = jc_ir_snapshot (b)) < 0)
    return JC_REF_NONE;
  if (b->nargs + nargs > b->cap_args)
    {
      uint32_t c = b->cap_args ? b->cap_args : 32;
      while (c < b->nargs + nargs)
        c *= 2;
      jc_ref *a = realloc (b->args, c * sizeof *a);
      if (!a)
        return jc_ir_set_error (b, "out of memory"), JC_REF_NONE;
      b->args = a;
      b->cap_args = c;
    }
  jc_ref first = (jc_ref) b->nargs;
  if (nargs)
    memcpy (b->args + b->nargs, args, nargs * sizeof *args);
  jc_ref r = jc_ir_emit (b, JC_IR_CALL, ret, first, (jc_ref) nargs,
                         cond, helper);
  if (r == JC_REF_NONE)
    return r;
  b->nargs += nargs;
  if (cond != JC_REF_NONE)
    b->insns[r].flags |= JC_IRF_COND;
  if (raises)
    {
      b->insns[r].snap = snap;
      b->insns[r].flags |= JC_IRF_MAYRAISE;
    }
  return r;
}

JC_API int
jc_lower_guard (jc_lower *b, jc_ref cond, int expect)
{
  if (!b || jc_ir_check_ref (b, cond, "guard") != 0)
    return -1;
  if (b->insns[cond].type != JC_TYPE_BOOL)
    return jc_ir_set_error (b, "guard: condition is %s, not bool",
                            jc_ir_type_name (b->insns[cond].type));
  int32_t snap = jc_ir_snapshot (b);
  if (snap < 0)
    return -1;
  jc_ref r = jc_ir_emit (b, JC_IR_GUARD, JC_TYPE_VOID, cond, JC_REF_NONE,
                         JC_REF_NONE, expect != 0);
  if (r == JC_REF_NONE)
    return -1;
  b->insns[r].snap = snap;
  return 0;
}

JC_API int
jc_lower_is_const_i64 (const jc_lower *b, jc_ref v, int64_t *value)
{
  if (!b || v < 0 || (uint32_t) v >= b->ninsns
      || b->insns[v].op != JC_IR_KI64)
    return 0;
  if (value)
    *value = b->insns[v].imm.i;
  return 1;
}

JC_API int
jc_lower_is_const_ptr (const jc_lower *b, jc_ref v, const void **value)
{
  if (!b || v < 0 || (uint32_t) v >= b->ninsns)
    return 0;
  const jc_ir_insn *in = &b->insns[v];
  const void *p;
  if (in->op == JC_IR_KPTR)
    p = in->imm.p;
  else if (in->op == JC_IR_KOBJ && (uint64_t) in->imm.i < b->nconsts)
    p = b->consts[in->imm.i];
  else
    return 0;
  if (value)
    *value = p;
  return 1;
}

JC_API int
jc_lower_unroll (jc_lower *b)
{
  if (!b || b->error)
    return -1;
  if (b->unroll_asked == 1)
    return 0;                   /* one grant per instruction */
  if (b->unrolled >= b->hooks.max_unroll)
    {
      b->unroll_asked = 2;
      return -1;
    }
  b->unrolled++;
  b->unroll_asked = 1;
  return 0;
}

int
jc_ir_take_unroll (jc_lower *b)
{
  int r = b->unroll_asked;
  b->unroll_asked = 0;
  return r;
}

JC_API int
jc_lower_depend (jc_lower *b, uintptr_t key)
{
  if (!b || b->error)
    return -1;
  for (uint32_t i = 0; i < b->ndeps; i++)
    if (b->deps[i] == key)
      return 0;
  if (b->ndeps >= b->cap_deps)
    {
      uint32_t n = b->cap_deps ? 2 * b->cap_deps : 8;
      uintptr_t *d = realloc (b->deps, n * sizeof *d);
      if (!d)
        return jc_ir_set_error (b, "out of memory");
      b->deps = d;
      b->cap_deps = n;
    }
  b->deps[b->ndeps++] = key;
  return 0;
}
