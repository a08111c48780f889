/* vm_lower.c -- lowering of the test VM's instructions to trace IR through
 * the builder (<jitcore/lower.h>): the types come from the VM's inline
 * caches, every assumption is a guard, and jumps follow the observed bias. */
#include <stddef.h>
#include <string.h>
#include "vm_host.h"

_Static_assert (VM_JT_I64 == JC_TYPE_I64 && VM_JT_F64 == JC_TYPE_F64
                && VM_JT_BOOL == JC_TYPE_BOOL, "write_slot type codes");

enum { ALIAS_FRAME = 1, ALIAS_SLOT = 2 };

unsigned long vm_helper_max_calls;
void (*vm_helper_hook) (void);

static int64_t
vm_helper_imax (int64_t a, int64_t b)
{
  vm_helper_max_calls++;
  if (vm_helper_hook)
    vm_helper_hook ();
  return a >= b ? a : b;
}

const jc_helper vm_helpers[] = {
  { "vm_imax", (void *) vm_helper_imax, "i64(i64,i64)", JC_HELPER_PURE },
};
const uint32_t vm_nhelpers = 1;

/* The type tier 1 saw for an operand: VM_INT, VM_FLOAT, or -1 (none or
 * both: the trace cannot assume one). */
static int
seen_type (uint8_t mask)
{
  return mask == 1u << VM_INT ? VM_INT : mask == 1u << VM_FLOAT ? VM_FLOAT : -1;
}

/* Read a slot; for the first read of a root slot this calls load_slot,
 * which guards its tag against v->expect. */
static jc_ref
get (vm *v, jc_lower *b, uint32_t slot, int expect)
{
  v->expect = expect;
  jc_ref r = jc_lower_slot_get (b, slot);
  v->expect = -1;
  return r;
}

int
vm_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
              uint32_t slot)
{
  vm *v = ud;
  (void) code;
  if (depth > 0)
    {
      /* A local of an inlined callee that no argument filled: a fresh
       * frame starts it as int 0 (vm_call_frame). */
      return jc_lower_slot_bind (b, slot, jc_lower_const_i64 (b, 0),
                                 JC_BIND_TYPE_ONLY);
    }
  if (v->expect < 0)
    return jc_lower_fail (b, "slot read without type feedback");
  jc_ref fr = jc_lower_frame (b);
  jc_ref base = jc_lower_load (b, JC_TYPE_PTR, fr, offsetof (vm_frame, slots),
                               ALIAS_FRAME);
  int64_t off = (int64_t) slot * (int64_t) sizeof (vm_value);
  jc_ref tag = jc_lower_load (b, JC_TYPE_I64, base,
                              off + (int64_t) offsetof (vm_value, tag),
                              ALIAS_SLOT);
  jc_lower_guard (b, jc_lower_cmp (b, JC_EQ, tag,
                                   jc_lower_const_i64 (b, v->expect)), 1);
  jc_ref val = jc_lower_load (b, v->expect == VM_INT ? JC_TYPE_I64
                                                     : JC_TYPE_F64, base,
                              off + (int64_t) offsetof (vm_value, u),
                              ALIAS_SLOT);
  return jc_lower_slot_bind (b, slot, val, JC_BIND_TYPE_ONLY);
}

/* The live value of slot of the current frame.  Only meaningful at a side
 * entry (jc_lower_side_entry), when the frame is exactly at pc: then the
 * lowering follows what is about to happen rather than the bias of the
 * inline cache, which is what the parent trace already assumed. */
static const vm_value *
live_slot (vm *v, const void *code, uint32_t slot)
{
  if (v->nframes < 1)
    return NULL;
  const vm_frame *f = &v->frames[v->nframes - 1];
  if (f->fn != code || slot >= f->fn->nlocals + f->fn->maxstack)
    return NULL;
  return &f->slots[slot];
}

static jc_ref
to_f64 (jc_lower *b, jc_ref x)
{
  return jc_lower_type (b, x) == JC_TYPE_F64 ? x : jc_lower_unop (b, JC_I2F, x);
}

static int
refuse (jc_step *step, uint32_t reason, const char *msg)
{
  step->kind = JC_STEP_ABORT;
  step->reason = reason;
  step->message = msg;
  return 0;
}

int
vm_lower (void *ud, jc_lower *b, const void *code, uint32_t pc,
          uint32_t depth, const void *icp, jc_step *step)
{
  vm *v = ud;
  const vm_func *f = code;
  const vm_ic *ic = icp;
  const vm_insn *in = &f->code[pc];
  if (f->depth[pc] < 0)
    return refuse (step, JC_ABORT_BAD_PC, "unreachable pc");
  uint32_t top = f->nlocals + (uint32_t) f->depth[pc];   /* first free slot */
  step->kind = JC_STEP_NEXT;
  step->pc = pc + 1;
  if (jc_lower_side_entry (b))
    {
      v->sel_side = 1;
      v->sel_copy = jc_lower_side_entry (b) == 2;
    }
  switch (in->op)
    {
    case VM_CONST:
      jc_lower_slot_set (b, top, jc_lower_const_i64 (b, in->a));
      break;
    case VM_CONSTF:
      jc_lower_slot_set (b, top, jc_lower_const_f64 (b, in->f));
      break;
    case VM_LOAD:
      {
        int t = seen_type (ic->seen_a);
        const vm_value *lv = jc_lower_side_entry (b)
                             ? live_slot (v, code, (uint32_t) in->a) : NULL;
        if (lv)
          t = (int) lv->tag;
        if (t < 0)
          return refuse (step, JC_ABORT_NO_TYPE_INFO, "LOAD: no single type");
        jc_lower_slot_set (b, top, get (v, b, (uint32_t) in->a, t));
        break;
      }
    case VM_STORE:
      jc_lower_slot_set (b, (uint32_t) in->a, get (v, b, top - 1, -1));
      break;
    case VM_POP:
      break;
    case VM_GETG:
      {
        /* The global's value now, as a constant the trace depends on. */
        const vm_value *g = &v->globals[in->a & 3];
        jc_lower_depend (b, (uintptr_t) g);
        jc_lower_slot_set (b, top, g->tag == VM_INT
                                   ? jc_lower_const_i64 (b, g->u.i)
                                   : jc_lower_const_f64 (b, g->u.f));
        break;
      }
    case VM_SETG:
      return refuse (step, JC_ABORT_UNSUPPORTED_INSN, "SETG");
    case VM_DUP:
      jc_lower_slot_set (b, top, get (v, b, top - 1, -1));
      break;
    case VM_ADD: case VM_SUB: case VM_MUL:
      {
        jc_ref x = get (v, b, top - 2, seen_type (ic->seen_a));
        jc_ref y = get (v, b, top - 1, seen_type (ic->seen_b));
        jc_binop op = in->op == VM_ADD ? JC_ADD : in->op == VM_SUB ? JC_SUB
                                                                   : JC_MUL;
        jc_ref r;
        if (jc_lower_type (b, x) == JC_TYPE_I64
            && jc_lower_type (b, y) == JC_TYPE_I64)
          {
            if (ic->overflowed)
              return refuse (step, JC_ABORT_HOST_REFUSED,
                             "int op that overflowed in tier 1");
            r = jc_lower_binop_ov (b, op, x, y);
          }
        else
          r = jc_lower_binop (b, op, to_f64 (b, x), to_f64 (b, y));
        jc_lower_slot_set (b, top - 2, r);
        break;
      }
    case VM_LT: case VM_LE: case VM_EQ:
      {
        jc_ref x = get (v, b, top - 2, seen_type (ic->seen_a));
        jc_ref y = get (v, b, top - 1, seen_type (ic->seen_b));
        if (jc_lower_type (b, x) != jc_lower_type (b, y))
          {
            x = to_f64 (b, x);
            y = to_f64 (b, y);
          }
        jc_cmp op = in->op == VM_LT ? JC_LT : in->op == VM_LE ? JC_LE : JC_EQ;
        jc_ref c = jc_lower_cmp (b, op, x, y);
        jc_lower_slot_set (b, top - 2, jc_lower_unop (b, JC_B2I, c));
        break;
      }
    case VM_MAX:
      {
        jc_ref args[2] = { get (v, b, top - 2, seen_type (ic->seen_a)),
                           get (v, b, top - 1, seen_type (ic->seen_b)) };
        if (jc_lower_type (b, args[0]) != JC_TYPE_I64
            || jc_lower_type (b, args[1]) != JC_TYPE_I64)
          return refuse (step, JC_ABORT_HOST_REFUSED, "MAX of floats");
        jc_lower_slot_set (b, top - 2, jc_lower_call (b, 0, args, 2));
        break;
      }
    case VM_TOFLOAT:
      jc_lower_slot_set (b, top - 1,
                         to_f64 (b, get (v, b, top - 1, seen_type (ic->seen_a))));
      break;
    case VM_JMP:
      step->pc = (uint32_t) in->a;
      break;
    case VM_JZ:
      {
        if (ic->taken + ic->not_taken == 0)
          return refuse (step, JC_ABORT_NO_TYPE_INFO, "JZ never executed");
        jc_ref c = get (v, b, top - 1, seen_type (ic->seen_a));
        jc_ref nz = jc_lower_type (b, c) == JC_TYPE_F64
                    ? jc_lower_cmp (b, JC_NE, c, jc_lower_const_f64 (b, 0.0))
                    : jc_lower_cmp (b, JC_NE, c, jc_lower_const_i64 (b, 0));
        int taken = ic->taken > ic->not_taken;
        const vm_value *lv = jc_lower_side_entry (b)
                             ? live_slot (v, code, top - 1) : NULL;
        if (lv)
          taken = lv->tag == VM_INT ? lv->u.i == 0 : lv->u.f == 0.0;
        else if (v->sel_copy && !v->copy_bias && ic->rootdir && depth == 0)
          /* A loop copy stands for its root's loop: the root's way.  The
           * history since the root was installed counts mostly the
           * iterations that left it here (they ran in the interpreter). */
          taken = ic->rootdir - 1;
        if (!v->sel_side && depth == 0)
          ((vm_ic *) icp)->rootdir = (uint8_t) (1 + taken);  /* ours */
        jc_lower_guard (b, nz, !taken);
        step->pc = taken ? (uint32_t) in->a : pc + 1;
        break;
      }
    case VM_CALL:
      {
        vm_func *g = &v->prog->funcs[in->a];
        step->kind = JC_STEP_CALL;
        step->code = g;
        step->pc = 0;
        step->return_pc = pc + 1;
        step->arg_base = top - (uint32_t) in->b;
        step->nargs = (uint32_t) in->b;
        step->nslots = g->nlocals + g->maxstack;
        if (depth + 1 < VM_MAX_FRAMES)
          v->inline_arg_base[depth + 1] = step->arg_base;
        break;
      }
    case VM_RET:
      step->kind = JC_STEP_RETURN;
      step->arg_base = top - 1;
      step->return_slot = depth < VM_MAX_FRAMES ? v->inline_arg_base[depth] : 0;
      break;
    default:
      return refuse (step, JC_ABORT_UNSUPPORTED_INSN, "unknown opcode");
    }
  if (!jc_lower_ok (b))
    return refuse (step, JC_ABORT_IR_ERROR, "builder error");
  return 0;
}
