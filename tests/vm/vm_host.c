/* vm_host.c -- the test VM's libjitcore host plugin, minus lowering: code
 * info, disassembly, inline caches, frame access at exits (write_slot,
 * set_pc, push_frame) and installation.  Lowering is in vm_lower.c. */
#include <stdio.h>
#include <string.h>
#include "vm.h"
#include "vm_host.h"

static int
code_info (void *ud, const void *code, jc_code_info *out)
{
  (void) ud;
  const vm_func *f = code;
  out->name = f->name;
  out->file = "test.vm";
  out->first_line = 1;
  out->bytecode_len = f->ncode;
  return 0;
}

static int32_t
line_of (void *ud, const void *code, uint32_t pc)
{
  (void) ud; (void) code;
  return (int32_t) pc + 1;       /* one instruction per line */
}

void
vm_disasm (const vm_func *f, uint32_t pc, char *buf, size_t len)
{
  if (pc >= f->ncode)
    {
      snprintf (buf, len, "%s:%u <end>", f->name, pc);
      return;
    }
  const vm_insn *in = &f->code[pc];
  switch (in->op)
    {
    case VM_CONST: case VM_LOAD: case VM_STORE: case VM_JMP: case VM_JZ:
      snprintf (buf, len, "%s:%u %s %d", f->name, pc, vm_op_name (in->op), in->a);
      break;
    case VM_CONSTF:
      snprintf (buf, len, "%s:%u %s %g", f->name, pc, vm_op_name (in->op), in->f);
      break;
    case VM_CALL:
      snprintf (buf, len, "%s:%u CALL #%d/%d", f->name, pc, in->a, in->b);
      break;
    default:
      snprintf (buf, len, "%s:%u %s", f->name, pc, vm_op_name (in->op));
    }
}

static void
disasm (void *ud, const void *code, uint32_t pc, char *buf, size_t len)
{
  (void) ud;
  vm_disasm (code, pc, buf, len);
}

static const void *
ic_data (void *ud, const void *code, uint32_t pc)
{
  vm *v = ud;
  const vm_func *f = code;
  return &v->ics[f->index][pc];
}

/* Exits: box a raw typed value into a VM slot. */
static int
write_slot (void *ud, void *frame, uint32_t slot, uint32_t type, uint64_t raw)
{
  (void) ud;
  vm_frame *f = frame;
  if (slot >= f->fn->nlocals + f->fn->maxstack)
    return -1;
  vm_value *s = &f->slots[slot];
  if (type == VM_JT_I64 || type == VM_JT_BOOL)
    {
      s->tag = VM_INT;
      s->u.i = (int64_t) raw;
    }
  else if (type == VM_JT_F64)
    {
      s->tag = VM_FLOAT;
      memcpy (&s->u.f, &raw, sizeof raw);
    }
  else
    return -1;
  s->pad = 0;
  return 0;
}

static int set_pc (void *ud, void *frame, uint32_t pc);

/* The optional one-call restore (jc_host.restore): the frame's slots as
 * write_slot writes them (an entry with same_as copies that entry's
 * slot), then the pc as set_pc sets it.  vm_host_descriptor leaves it
 * out; tests put it in to compare both ways.  Counts its calls. */
unsigned long vm_restore_calls;

int
vm_host_restore (void *ud, void *frame, uint32_t pc, const jc_exit_slot *slots,
                 uint32_t nslots, const uint64_t *buf, uint32_t flags)
{
  vm_frame *f = frame;
  vm_restore_calls++;
  uint32_t n = f->fn->nlocals + f->fn->maxstack;
  for (uint32_t i = 0; i < nslots; i++)
    {
      const jc_exit_slot *e = &slots[i];
      if ((flags & JC_RESTORE_PTRS_ONLY) && e->type != JC_TYPE_PTR)
        continue;
      if (e->reserved != 0 || e->slot >= n)
        return -1;
      if (e->same_as != JC_EXIT_NOT_SAME)
        {
          if (e->same_as >= i || slots[e->same_as].type != e->type)
            return -1;
          f->slots[e->slot] = f->slots[slots[e->same_as].slot];
          continue;
        }
      if (write_slot (ud, frame, e->slot, e->type,
                      e->from_buf ? buf[e->src] : e->constant) != 0)
        return -1;
    }
  return set_pc (ud, frame, pc);
}

/* The operand-stack depth at every pc is static, so the pc restores sp. */
static int
set_pc (void *ud, void *frame, uint32_t pc)
{
  (void) ud;
  vm_frame *f = frame;
  if (pc >= f->fn->ncode || f->fn->depth[pc] < 0)
    return -1;
  f->pc = pc;
  f->sp = (uint32_t) f->fn->depth[pc];
  return 0;
}

/* Materialise an inlined callee: the caller's arguments become the
 * callee's first locals, exactly as VM_CALL does. */
static void *
push_frame (void *ud, void *caller, const void *code, uint32_t arg_base,
            uint32_t nargs)
{
  vm *v = ud;
  vm_frame *c = caller;
  vm_func *g = (vm_func *) code;
  if (c != &v->frames[v->nframes - 1] || arg_base < c->fn->nlocals
      || nargs != g->nparams)
    return NULL;
  c->sp = arg_base - c->fn->nlocals;
  return vm_call_frame (v, g, &c->slots[arg_base], nargs);
}

static int
install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  vm *v = ud;
  const vm_func *f = code;
  if (v->refuse_install)
    return 1;
  v->traces[f->index][pc] = t;
  v->installed++;
  return 0;
}

static void
uninstall (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  vm *v = ud;
  const vm_func *f = code;
  if (v->traces[f->index][pc] == t)
    v->traces[f->index][pc] = NULL;
  /* Count again from zero, so the head can get a new trace. */
  if (v->rt && f->loop_head[pc])
    jc_counter_init (v->rt, &v->counters[f->index][pc], JC_HOT_LOOP);
}

jc_host
vm_host_descriptor (vm *v)
{
  jc_host h = JC_HOST_INIT;
  h.userdata = v;
  h.code_info = code_info;
  h.line_of = line_of;
  h.disasm = disasm;
  h.ic_data = ic_data;
  h.lower = vm_lower;
  h.load_slot = vm_load_slot;
  h.write_slot = write_slot;
  h.set_pc = set_pc;
  h.push_frame = push_frame;
  h.install = install;
  h.uninstall = uninstall;
  h.helpers = vm_helpers;
  h.nhelpers = vm_nhelpers;
  return h;
}

/* Attach a runtime: arm a counter at every loop head. */
void
vm_attach (vm *v, jc_runtime *rt)
{
  v->rt = rt;
  for (int i = 0; i < v->prog->nfuncs; i++)
    {
      vm_func *f = &v->prog->funcs[i];
      jc_counter_init (rt, &v->func_counters[i], JC_HOT_FUNC);
      for (uint32_t pc = 0; pc < f->ncode; pc++)
        if (f->loop_head[pc])
          jc_counter_init (rt, &v->counters[i][pc], JC_HOT_LOOP);
    }
}
