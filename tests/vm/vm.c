/* vm.c -- the test VM: assembler (text to functions, with labels), the
 * static stack-depth pass, and the interpreter loop with its inline caches
 * and libjitcore hooks (hot counters, trace entry). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm.h"

static const struct { const char *name; int kind; } ops[] = {
#define VM_OP_INFO_(n, k) { #n, k },
  VM_OP_TABLE (VM_OP_INFO_)
#undef VM_OP_INFO_
};

const char *
vm_op_name (uint32_t op)
{
  return op < VM_OP_COUNT_ ? ops[op].name : "?";
}

vm_func *
vm_find (vm_program *p, const char *name)
{
  for (int i = 0; i < p->nfuncs; i++)
    if (strcmp (p->funcs[i].name, name) == 0)
      return &p->funcs[i];
  return NULL;
}

void
vm_program_free (vm_program *p)
{
  if (!p)
    return;
  for (int i = 0; i < p->nfuncs; i++)
    {
      free (p->funcs[i].code);
      free (p->funcs[i].depth);
      free (p->funcs[i].loop_head);
    }
  free (p->funcs);
  free (p);
}

/* ------------------------------------------------------------ assembler
 *   func NAME PARAMS LOCALS      starts a function
 *   LABEL:                       names the next instruction
 *   op [operand]                 one instruction; call NAME NARGS
 *   # ...                        comment                                  */

typedef struct label { char name[32]; int func; uint32_t pc; } label;

static int
stack_effect (const vm_insn *in, vm_program *p, int *pop, int *push)
{
  switch (in->op)
    {
    case VM_CONST: case VM_CONSTF: case VM_LOAD: *pop = 0; *push = 1; break;
    case VM_STORE: case VM_POP: case VM_JZ: *pop = 1; *push = 0; break;
    case VM_DUP: *pop = 1; *push = 2; break;
    case VM_ADD: case VM_SUB: case VM_MUL: case VM_LT: case VM_LE:
    case VM_EQ: case VM_MAX: *pop = 2; *push = 1; break;
    case VM_JMP: *pop = 0; *push = 0; break;
    case VM_CALL: *pop = in->b; *push = 1; break;
    case VM_RET: *pop = 1; *push = 0; break;
    case VM_TOFLOAT: *pop = 1; *push = 1; break;
    case VM_GETG: *pop = 0; *push = 1; break;
    case VM_SETG: *pop = 1; *push = 0; break;
    default: return -1;
    }
  (void) p;
  return 0;
}

/* Depth of the operand stack before each pc; every path must agree. */
static int
compute_depths (vm_program *p, vm_func *f, char *err, size_t len)
{
  f->depth = malloc (sizeof *f->depth * (f->ncode + 1));
  f->loop_head = calloc (f->ncode + 1, 1);
  uint32_t *work = malloc (sizeof *work * (f->ncode + 1));
  for (uint32_t i = 0; i <= f->ncode; i++)
    f->depth[i] = -1;
  int nw = 0, maxd = 0;
  f->depth[0] = 0;
  work[nw++] = 0;
  while (nw)
    {
      uint32_t pc = work[--nw];
      if (pc >= f->ncode)
        {
          snprintf (err, len, "%s: falls off the end", f->name);
          free (work);
          return -1;
        }
      vm_insn *in = &f->code[pc];
      int pop = 0, push = 0, d = f->depth[pc];
      if (stack_effect (in, p, &pop, &push) != 0)
        {
          snprintf (err, len, "%s: bad opcode at pc %u", f->name, pc);
          free (work);
          return -1;
        }
      if (d < pop)
        {
          snprintf (err, len, "%s: stack underflow at pc %u", f->name, pc);
          free (work);
          return -1;
        }
      int nd = d - pop + push;
      if (nd > maxd)
        maxd = nd;
      uint32_t succ[2];
      int ns = 0;
      if (in->op == VM_JMP)
        succ[ns++] = (uint32_t) in->a;
      else if (in->op == VM_JZ)
        {
          succ[ns++] = pc + 1;
          succ[ns++] = (uint32_t) in->a;
        }
      else if (in->op != VM_RET)
        succ[ns++] = pc + 1;
      for (int i = 0; i < ns; i++)
        {
          uint32_t s = succ[i];
          if ((in->op == VM_JMP || in->op == VM_JZ) && s <= pc && i == ns - 1)
            f->loop_head[s] = 1;
          if (s > f->ncode)
            continue;
          if (f->depth[s] == -1)
            {
              f->depth[s] = nd;
              work[nw++] = s;
            }
          else if (f->depth[s] != nd)
            {
              snprintf (err, len, "%s: inconsistent stack depth at pc %u",
                        f->name, s);
              free (work);
              return -1;
            }
        }
    }
  free (work);
  f->maxstack = (uint32_t) maxd + 1;
  return 0;
}

vm_program *
vm_assemble (const char *src, char *err, size_t len)
{
  vm_program *p = calloc (1, sizeof *p);
  label labels[256];
  int nlabels = 0;
  struct fixup { int func; uint32_t pc; char name[32]; int is_call; } fix[512];
  int nfix = 0;
  uint32_t cap = 0;
  int line = 0;
  const char *s = src;
  char buf[256];
  while (*s)
    {
      const char *e = strchr (s, '\n');
      size_t n = e ? (size_t) (e - s) : strlen (s);
      if (n >= sizeof buf)
        n = sizeof buf - 1;
      memcpy (buf, s, n);
      buf[n] = 0;
      s += n + (e != NULL);
      line++;
      char *hash = strchr (buf, '#');
      if (hash)
        *hash = 0;
      char w0[32] = "", w1[32] = "", w2[32] = "", w3[32] = "";
      int nw = sscanf (buf, "%31s %31s %31s %31s", w0, w1, w2, w3);
      if (nw <= 0)
        continue;
      if (strcmp (w0, "func") == 0)
        {
          p->funcs = realloc (p->funcs, sizeof *p->funcs * (p->nfuncs + 1));
          vm_func *f = &p->funcs[p->nfuncs];
          memset (f, 0, sizeof *f);
          snprintf (f->name, sizeof f->name, "%s", w1);
          f->nparams = (uint32_t) atoi (w2);
          f->nlocals = (uint32_t) atoi (w3);
          if (f->nlocals < f->nparams)
            f->nlocals = f->nparams;
          f->index = p->nfuncs++;
          cap = 0;
          continue;
        }
      if (!p->nfuncs)
        {
          snprintf (err, len, "line %d: instruction outside a function", line);
          goto fail;
        }
      vm_func *f = &p->funcs[p->nfuncs - 1];
      size_t l0 = strlen (w0);
      if (w0[l0 - 1] == ':')
        {
          w0[l0 - 1] = 0;
          label *lb = &labels[nlabels++];
          snprintf (lb->name, sizeof lb->name, "%s", w0);
          lb->func = f->index;
          lb->pc = f->ncode;
          continue;
        }
      int op = -1;
      for (int i = 0; i < VM_OP_COUNT_; i++)
        if (strcasecmp (ops[i].name, w0) == 0)
          op = i;
      if (op < 0)
        {
          snprintf (err, len, "line %d: unknown instruction '%s'", line, w0);
          goto fail;
        }
      if (f->ncode == cap)
        {
          cap = cap ? cap * 2 : 16;
          f->code = realloc (f->code, sizeof *f->code * cap);
        }
      vm_insn *in = &f->code[f->ncode];
      memset (in, 0, sizeof *in);
      in->op = (uint32_t) op;
      switch (ops[op].kind)
        {
        case 1: in->a = atoi (w1); break;
        case 2: in->f = strtod (w1, NULL); break;
        case 3: case 4:
          fix[nfix].func = f->index;
          fix[nfix].pc = f->ncode;
          fix[nfix].is_call = ops[op].kind == 4;
          snprintf (fix[nfix].name, sizeof fix[nfix].name, "%s", w1);
          nfix++;
          in->b = atoi (w2);
          break;
        }
      f->ncode++;
    }
  for (int i = 0; i < nfix; i++)
    {
      vm_insn *in = &p->funcs[fix[i].func].code[fix[i].pc];
      int found = 0;
      if (fix[i].is_call)
        {
          vm_func *g = vm_find (p, fix[i].name);
          if (g)
            {
              in->a = g->index;
              found = 1;
              if ((uint32_t) in->b != g->nparams)
                {
                  snprintf (err, len, "call %s with %d args, wants %u",
                            g->name, in->b, g->nparams);
                  goto fail;
                }
            }
        }
      else
        for (int j = 0; j < nlabels; j++)
          if (labels[j].func == fix[i].func
              && strcmp (labels[j].name, fix[i].name) == 0)
            {
              in->a = (int32_t) labels[j].pc;
              found = 1;
            }
      if (!found)
        {
          snprintf (err, len, "undefined '%s'", fix[i].name);
          goto fail;
        }
    }
  for (int i = 0; i < p->nfuncs; i++)
    if (compute_depths (p, &p->funcs[i], err, len) != 0)
      goto fail;
  return p;
fail:
  vm_program_free (p);
  return NULL;
}

/* ------------------------------------------------------------ interpreter */

void
vm_init (vm *v, vm_program *p)
{
  memset (v, 0, sizeof *v);
  v->prog = p;
  v->ics = calloc ((size_t) p->nfuncs, sizeof *v->ics);
  v->counters = calloc ((size_t) p->nfuncs, sizeof *v->counters);
  v->traces = calloc ((size_t) p->nfuncs, sizeof *v->traces);
  v->func_counters = calloc ((size_t) p->nfuncs, sizeof *v->func_counters);
  for (int i = 0; i < p->nfuncs; i++)
    {
      v->ics[i] = calloc (p->funcs[i].ncode + 1, sizeof **v->ics);
      v->counters[i] = calloc (p->funcs[i].ncode + 1, sizeof **v->counters);
      v->traces[i] = calloc (p->funcs[i].ncode + 1, sizeof **v->traces);
    }
}

void
vm_fini (vm *v)
{
  for (int i = 0; i < v->prog->nfuncs; i++)
    {
      free (v->ics[i]);
      free (v->counters[i]);
      free (v->traces[i]);
    }
  free (v->ics);
  free (v->counters);
  free (v->traces);
  free (v->func_counters);
}

static double
num (vm_value x)
{
  return x.tag == VM_INT ? (double) x.u.i : x.u.f;
}

/* Binary arithmetic: int op int stays int unless it overflows, in which
 * case the exact result is promoted to float (the VM's defined slow path). */
static vm_value
arith (uint32_t op, vm_value a, vm_value b, vm_ic *ic)
{
  if (a.tag == VM_INT && b.tag == VM_INT)
    {
      int64_t r;
      int ovf = op == VM_ADD ? __builtin_add_overflow (a.u.i, b.u.i, &r)
                : op == VM_SUB ? __builtin_sub_overflow (a.u.i, b.u.i, &r)
                : __builtin_mul_overflow (a.u.i, b.u.i, &r);
      if (!ovf)
        return vm_int (r);
      ic->overflowed = 1;
    }
  double x = num (a), y = num (b);
  return vm_float (op == VM_ADD ? x + y : op == VM_SUB ? x - y : x * y);
}

static int
compare (uint32_t op, vm_value a, vm_value b)
{
  if (a.tag == VM_INT && b.tag == VM_INT)
    return op == VM_LT ? a.u.i < b.u.i : op == VM_LE ? a.u.i <= b.u.i
                                                     : a.u.i == b.u.i;
  double x = num (a), y = num (b);
  return op == VM_LT ? x < y : op == VM_LE ? x <= y : x == y;
}

static int
push_frame (vm *v, vm_func *fn, vm_value *base)
{
  if (v->nframes == VM_MAX_FRAMES
      || base + fn->nlocals + fn->maxstack > v->values + VM_STACK_VALUES)
    {
      v->error = 1;
      snprintf (v->errmsg, sizeof v->errmsg, "stack overflow");
      return -1;
    }
  vm_frame *f = &v->frames[v->nframes++];
  f->fn = fn;
  f->pc = 0;
  f->sp = 0;
  f->slots = base;
  return 0;
}

/* Fresh callee frame whose first nargs locals already hold the arguments
 * (they overlap the caller's stack); the other locals start as int 0. */
vm_frame *
vm_call_frame (vm *v, vm_func *fn, vm_value *base, uint32_t nargs)
{
  if (push_frame (v, fn, base) != 0)
    return NULL;
  for (uint32_t i = nargs; i < fn->nlocals; i++)
    base[i] = vm_int (0);
  return &v->frames[v->nframes - 1];
}

#define TOP(k) (f->slots[f->fn->nlocals + f->sp - 1 - (k)])
#define SEEN(ic, x, field) ((ic)->field |= (uint8_t) (1u << (x).tag))

int
vm_run (vm *v, vm_func *fn, const vm_value *args, int nargs)
{
  v->nframes = 0;
  v->error = 0;
  for (int i = 0; i < nargs; i++)
    v->values[i] = args[i];
  if (!vm_call_frame (v, fn, v->values, (uint32_t) nargs))
    return -1;
  int just_exited = 0;
  for (;;)
    {
      vm_frame *f = &v->frames[v->nframes - 1];
      uint32_t pc = f->pc;
      jc_trace *t = v->traces[f->fn->index][pc];
      /* After an exit, interpret at least one instruction before entering
       * a trace again: an exit to a trace's own head would loop. */
      if (t && v->rt && !just_exited)
        {
          uint32_t resume;
          v->trace_entries++;
          int ex = jc_trace_enter (v->rt, t, f, &resume);
          if (ex >= 0)
            {
              if (v->on_exit)
                v->on_exit (v, ex, v->hook_ud);
              just_exited = 1;
              continue;         /* frames and pcs restored by the runtime */
            }
        }
      just_exited = 0;
      if (v->hook)
        v->hook (v, v->hook_ud);
      v->steps++;
      vm_insn *in = &f->fn->code[pc];
      vm_ic *ic = &v->ics[f->fn->index][pc];
      f->pc = pc + 1;
      switch (in->op)
        {
        case VM_CONST: f->slots[f->fn->nlocals + f->sp++] = vm_int (in->a); break;
        case VM_CONSTF: f->slots[f->fn->nlocals + f->sp++] = vm_float (in->f); break;
        case VM_LOAD:
          SEEN (ic, f->slots[in->a], seen_a);
          f->slots[f->fn->nlocals + f->sp++] = f->slots[in->a];
          break;
        case VM_STORE: f->slots[in->a] = TOP (0); f->sp--; break;
        case VM_GETG:
          f->slots[f->fn->nlocals + f->sp++] = v->globals[in->a & 3];
          break;
        case VM_SETG:
          v->globals[in->a & 3] = TOP (0);
          f->sp--;
          if (v->rt)
            jc_runtime_invalidate (v->rt, (uintptr_t) &v->globals[in->a & 3]);
          break;
        case VM_POP: f->sp--; break;
        case VM_DUP: f->slots[f->fn->nlocals + f->sp] = TOP (0); f->sp++; break;
        case VM_ADD: case VM_SUB: case VM_MUL:
          SEEN (ic, TOP (1), seen_a);
          SEEN (ic, TOP (0), seen_b);
          TOP (1) = arith (in->op, TOP (1), TOP (0), ic);
          f->sp--;
          break;
        case VM_LT: case VM_LE: case VM_EQ:
          SEEN (ic, TOP (1), seen_a);
          SEEN (ic, TOP (0), seen_b);
          TOP (1) = vm_int (compare (in->op, TOP (1), TOP (0)));
          f->sp--;
          break;
        case VM_MAX:
          {
            SEEN (ic, TOP (1), seen_a);
            SEEN (ic, TOP (0), seen_b);
            vm_value x = TOP (1), y = TOP (0);
            if (x.tag == VM_INT && y.tag == VM_INT)
              TOP (1) = x.u.i >= y.u.i ? x : y;
            else
              TOP (1) = vm_float (num (x) >= num (y) ? num (x) : num (y));
            f->sp--;
            break;
          }
        case VM_TOFLOAT:
          SEEN (ic, TOP (0), seen_a);
          TOP (0) = vm_float (num (TOP (0)));
          break;
        case VM_JMP:
          f->pc = (uint32_t) in->a;
          break;
        case VM_JZ:
          {
            vm_value c = TOP (0);
            SEEN (ic, c, seen_a);
            f->sp--;
            int z = c.tag == VM_INT ? c.u.i == 0 : c.u.f == 0.0;
            if (z)
              {
                ic->taken++;
                f->pc = (uint32_t) in->a;
              }
            else
              ic->not_taken++;
            break;
          }
        case VM_CALL:
          {
            vm_func *g = &v->prog->funcs[in->a];
            vm_value *base = &f->slots[f->fn->nlocals + f->sp - (uint32_t) in->b];
            f->sp -= (uint32_t) in->b;
            if (!vm_call_frame (v, g, base, (uint32_t) in->b))
              return -1;
            /* Hot function entries (a trace at pc 0 is entered by the
             * dispatch at the top of the loop). */
            if (v->rt && jc_counter_tick (&v->func_counters[g->index]))
              {
                v->sel_side = v->sel_copy = 0;
                jc_runtime_hot (v->rt, g, 0, JC_HOT_FUNC,
                                &v->func_counters[g->index]);
              }
            break;
          }
        case VM_RET:
          {
            vm_value r = TOP (0);
            v->nframes--;
            if (v->nframes == 0)
              {
                v->result = r;
                return 0;
              }
            vm_frame *c = &v->frames[v->nframes - 1];
            c->slots[c->fn->nlocals + c->sp++] = r;
            break;
          }
        default:
          v->error = 1;
          snprintf (v->errmsg, sizeof v->errmsg, "bad opcode %u", in->op);
          return -1;
        }
      /* Hot loop heads: count backward jumps at their target. */
      uint32_t npc = f->pc;
      if (v->rt && npc <= pc && (in->op == VM_JMP || in->op == VM_JZ)
          && f == &v->frames[v->nframes - 1])
        {
          jc_counter *c = &v->counters[f->fn->index][npc];
          if (!v->hold_polls)
            jc_runtime_poll (v->rt);   /* a safe point: async installs */
          if (jc_counter_tick (c))
            {
              v->sel_side = v->sel_copy = 0;
              jc_runtime_hot (v->rt, f->fn, npc, JC_HOT_LOOP, c);
            }
        }
    }
}
