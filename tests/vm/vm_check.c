/* vm_check.c -- the deopt-exactness checker: captures the VM's whole
 * frame state (every frame's function, pc, stack depth and live slots) at
 * each trace exit of a JIT run, then replays the program in the
 * interpreter alone and requires it to pass through exactly those states,
 * in order.  The VM is deterministic, so equal states mean equal futures. */
#include <stdlib.h>
#include <string.h>
#include "vm_check.h"

void
vm_state_capture (const vm *v, vm_state *s)
{
  memset (s, 0, sizeof *s);
  s->nframes = v->nframes;
  for (int d = 0; d < v->nframes && d < VM_STATE_FRAMES; d++)
    {
      const vm_frame *f = &v->frames[d];
      vm_state_frame *o = &s->frames[d];
      o->func = f->fn->index;
      o->pc = f->pc;
      o->sp = f->sp;
      o->nslots = f->fn->nlocals + f->sp;
      if (o->nslots > VM_STATE_SLOTS)
        o->nslots = VM_STATE_SLOTS;
      for (uint32_t i = 0; i < o->nslots; i++)
        {
          o->slots[i] = f->slots[i];
          o->slots[i].pad = 0;
        }
    }
}

int
vm_state_equal (const vm_state *a, const vm_state *b)
{
  if (a->nframes != b->nframes)
    return 0;
  for (int d = 0; d < a->nframes && d < VM_STATE_FRAMES; d++)
    {
      const vm_state_frame *x = &a->frames[d], *y = &b->frames[d];
      if (x->func != y->func || x->pc != y->pc || x->sp != y->sp
          || x->nslots != y->nslots)
        return 0;
      for (uint32_t i = 0; i < x->nslots; i++)
        if (x->slots[i].tag != y->slots[i].tag
            || memcmp (&x->slots[i].u, &y->slots[i].u, sizeof x->slots[i].u))
          return 0;
    }
  return 1;
}

void
vm_state_format (const vm_state *s, char *buf, size_t len)
{
  size_t n = 0;
  buf[0] = 0;
  for (int d = 0; d < s->nframes && d < VM_STATE_FRAMES && n < len; d++)
    {
      const vm_state_frame *f = &s->frames[d];
      n += (size_t) snprintf (buf + n, len - n, "[f%d pc=%u sp=%u:", f->func,
                              f->pc, f->sp);
      for (uint32_t i = 0; i < f->nslots && n < len; i++)
        n += f->slots[i].tag == VM_INT
             ? (size_t) snprintf (buf + n, len - n, " %lld",
                                  (long long) f->slots[i].u.i)
             : (size_t) snprintf (buf + n, len - n, " %gf", f->slots[i].u.f);
      if (n < len)
        n += (size_t) snprintf (buf + n, len - n, "]");
    }
}

void
vm_check_note (vm_check *c, const vm *v)
{
  if (c->nexpected == c->cap)
    {
      c->cap = c->cap ? c->cap * 2 : 64;
      c->expected = realloc (c->expected, sizeof *c->expected * c->cap);
    }
  vm_state_capture (v, &c->expected[c->nexpected++]);
}

static void
record_exit (vm *v, int exit_id, void *ud)
{
  (void) exit_id;
  vm_check_note (ud, v);
}

static void
match_step (vm *v, void *ud)
{
  vm_check *c = ud;
  if (c->matched >= c->nexpected)
    return;
  const vm_state *e = &c->expected[c->matched];
  const vm_frame *f = &v->frames[v->nframes - 1];
  if (v->nframes != e->nframes
      || f->pc != e->frames[e->nframes - 1].pc
      || f->fn->index != e->frames[e->nframes - 1].func)
    return;
  vm_state now;
  vm_state_capture (v, &now);
  if (vm_state_equal (&now, e))
    c->matched++;
}

void
vm_check_record (vm_check *c, vm *jit_vm)
{
  memset (c, 0, sizeof *c);
  jit_vm->on_exit = record_exit;
  jit_vm->hook_ud = c;
}

void
vm_check_replay (vm_check *c, vm *interp_vm)
{
  c->matched = 0;
  interp_vm->hook = match_step;
  interp_vm->hook_ud = c;
}

void
vm_check_free (vm_check *c)
{
  free (c->expected);
  c->expected = NULL;
}
