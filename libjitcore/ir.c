/* ir.c -- the trace IR's storage: instructions, the frame stack with its
 * virtual slots, snapshots, and how a trace ends (loop or exit).  The design
 * is described in ir.h; the public emit functions are in lower.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ir_internal.h"

#define DEFAULT_MAX_INSNS 4000
#define DEFAULT_MAX_SNAPS 500

static int
grow (void **p, uint32_t *cap, uint32_t need, size_t elem)
{
  if (need <= *cap)
    return 0;
  uint32_t n = *cap ? *cap : 16;
  while (n < need)
    n *= 2;
  void *q = realloc (*p, (size_t) n * elem);
  if (!q)
    return -1;
  memset ((char *) q + (size_t) *cap * elem, 0, (size_t) (n - *cap) * elem);
  *p = q;
  *cap = n;
  return 0;
}
#define GROW(b, arr, cap, need) \
  grow ((void **) &(arr), &(cap), (need), sizeof *(arr))

int
jc_ir_set_error (jc_lower *b, const char *fmt, ...)
{
  if (b->error)
    return -1;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (b->errbuf, sizeof b->errbuf, fmt, ap);
  va_end (ap);
  b->error = b->errbuf;
  return -1;
}

jc_lower *
jc_ir_new (const jc_ir_hooks *h, const void *code, uint32_t head_pc)
{
  jc_lower *b = calloc (1, sizeof *b);
  if (!b)
    return NULL;
  b->hooks = *h;
  if (!b->hooks.max_insns)
    b->hooks.max_insns = DEFAULT_MAX_INSNS;
  if (!b->hooks.max_snaps)
    b->hooks.max_snaps = DEFAULT_MAX_SNAPS;
  b->head_code = code;
  b->head_pc = head_pc;
  b->insn_snap = -1;
  b->open_group = -1;
  b->cur_line = -1;
  if (GROW (b, b->frames, b->cap_frames, 1) != 0)
    {
      free (b);
      return NULL;
    }
  b->nframes = 1;
  b->frames[0].code = code;
  b->frames[0].pc = head_pc;
  b->frames[0].dead_from = UINT32_MAX;
  return b;
}

void
jc_ir_free (jc_lower *b)
{
  if (!b)
    return;
  for (uint32_t i = 0; i < b->nframes; i++)
    {
      free (b->frames[i].slots);
      free (b->frames[i].saved);
    }
  for (uint32_t i = 0; i < b->nsnaps; i++)
    {
      free (b->snaps[i].frames);
      free (b->snaps[i].entries);
      free (b->snaps[i].home);
    }
  free (b->frames);
  free (b->snaps);
  free (b->insns);
  free (b->args);
  free (b->groups);
  free (b->consts);
  free (b->carried);
  free (b->snap_loop);
  free (b->deps);
  free (b);
}

jc_bframe *
jc_ir_top (jc_lower *b)
{
  return &b->frames[b->nframes - 1];
}

jc_bslot *
jc_ir_slot (jc_lower *b, jc_bframe *f, uint32_t slot)
{
  if (slot >= 1u << 20)
    {
      jc_ir_set_error (b, "slot %u out of range", slot);
      return NULL;
    }
  if (GROW (b, f->slots, f->nslot_cap, slot + 1) != 0)
    {
      jc_ir_set_error (b, "out of memory");
      return NULL;
    }
  return &f->slots[slot];
}

int
jc_ir_check_ref (jc_lower *b, jc_ref r, const char *what)
{
  if (b->error)
    return -1;
  if (r < 0 || (uint32_t) r >= b->ninsns)
    return jc_ir_set_error (b, "%s: bad IR reference %d", what, (int) r);
  return 0;
}

jc_ref
jc_ir_emit (jc_lower *b, jc_ir_op op, jc_type t, jc_ref a, jc_ref bb,
            jc_ref c, uint32_t sub)
{
  if (b->error)
    return JC_REF_NONE;
  if (b->closed)
    {
      jc_ir_set_error (b, "IR emitted after the trace ended");
      return JC_REF_NONE;
    }
  if (b->ninsns >= b->hooks.max_insns)
    {
      jc_ir_set_error (b, "trace too long (more than %u IR instructions)",
                       b->hooks.max_insns);
      return JC_REF_NONE;
    }
  if (GROW (b, b->insns, b->cap_insns, b->ninsns + 1) != 0)
    {
      jc_ir_set_error (b, "out of memory");
      return JC_REF_NONE;
    }
  jc_ir_insn *in = &b->insns[b->ninsns];
  memset (in, 0, sizeof *in);
  in->op = (uint8_t) op;
  in->type = (uint8_t) t;
  in->a = a;
  in->b = bb;
  in->c = c;
  in->sub = sub;
  in->snap = -1;
  in->pc = b->cur_pc;
  in->line = b->cur_line;
  in->file = b->cur_file;
  in->group = b->open_group >= 0 ? (uint32_t) b->open_group + 1 : 0;
  return (jc_ref) b->ninsns++;
}

/* Save the SET slots of every frame as they are when an instruction
 * starts: that is the state a guard in it exits with. */
static int
save_frames (jc_lower *b)
{
  for (uint32_t i = 0; i < b->nframes; i++)
    {
      jc_bframe *f = &b->frames[i];
      uint32_t cap = f->nsaved;
      if (f->nslot_cap > cap)
        {
          jc_bslot *s = realloc (f->saved, f->nslot_cap * sizeof *s);
          if (!s)
            return jc_ir_set_error (b, "out of memory");
          f->saved = s;
        }
      if (f->nslot_cap)
        memcpy (f->saved, f->slots, f->nslot_cap * sizeof *f->slots);
      f->nsaved = f->nslot_cap;
    }
  return 0;
}

/* Root slot `slot` holds v from the trace's entry and is not in the
 * frame's memory (jc_lower_slot_bind_entry): SET now and in the current
 * instruction's start state. */
int
jc_ir_slot_entry_set (jc_lower *b, uint32_t slot, jc_ref v)
{
  if (b->error)
    return -1;
  jc_bframe *f = &b->frames[0];
  jc_bslot *s = jc_ir_slot (b, f, slot);
  if (!s)
    return -1;
  s->state = JC_SLOT_SET;
  s->ref = v;
  if (slot >= f->nsaved)
    {
      jc_bslot *n = realloc (f->saved, (slot + 1) * sizeof *n);
      if (!n)
        return jc_ir_set_error (b, "out of memory");
      memset (n + f->nsaved, 0, (slot + 1 - f->nsaved) * sizeof *n);
      f->saved = n;
      f->nsaved = slot + 1;
    }
  f->saved[slot] = *s;
  return 0;
}

int
jc_ir_slots_dead_from (jc_lower *b, uint32_t first)
{
  if (b->error)
    return -1;
  if (b->insn_snap >= 0)
    return jc_ir_set_error (b, "slots_dead_from after the instruction's "
                            "first snapshot");
  jc_bframe *f = jc_ir_top (b);
  int n = 0;
  for (uint32_t k = first; k < f->nslot_cap; k++)
    if (f->slots[k].state != JC_SLOT_UNKNOWN)
      f->slots[k].state = JC_SLOT_DEAD;
  for (uint32_t k = first; k < f->nsaved; k++)
    if (f->saved[k].state != JC_SLOT_UNKNOWN)
      {
        n += f->saved[k].state == JC_SLOT_SET;
        f->saved[k].state = JC_SLOT_DEAD;
      }
  if (first < f->dead_from)
    f->dead_from = first;
  return n;
}

int
jc_ir_begin_insn (jc_lower *b, uint32_t pc, const char *file, int32_t line)
{
  if (b->error)
    return -1;
  if (b->closed)
    return jc_ir_set_error (b, "instruction begun after the trace ended");
  b->cur_pc = pc;
  b->cur_line = line;
  b->cur_file = file;
  jc_ir_top (b)->pc = pc;
  jc_ir_top (b)->dead_from = UINT32_MAX;
  b->insn_snap = -1;
  b->generic_this_insn = 0;
  return save_frames (b);
}

/* Build a snapshot from the saved (instruction-start) slot states, or from
 * the current ones when `current` is set (end_exit). */
static int32_t
make_snapshot (jc_lower *b, int current)
{
  if (b->nsnaps >= b->hooks.max_snaps)
    {
      jc_ir_set_error (b, "too many snapshots (more than %u)",
                       b->hooks.max_snaps);
      return -1;
    }
  if (GROW (b, b->snaps, b->cap_snaps, b->nsnaps + 1) != 0)
    goto oom;
  jc_snap *s = &b->snaps[b->nsnaps];
  memset (s, 0, sizeof *s);
  s->frames = calloc (b->nframes, sizeof *s->frames);
  uint32_t total = 0;
  for (uint32_t i = 0; i < b->nframes; i++)
    total += current ? b->frames[i].nslot_cap : b->frames[i].nsaved;
  s->entries = calloc (total ? total : 1, sizeof *s->entries);
  if (!s->frames || !s->entries)
    {
      free (s->frames);
      free (s->entries);
      goto oom;
    }
  s->nframes = b->nframes;
  for (uint32_t i = 0; i < b->nframes; i++)
    {
      jc_bframe *f = &b->frames[i];
      jc_snap_frame *sf = &s->frames[i];
      sf->code = f->code;
      /* A caller resumes after its call; the innermost frame at its pc. */
      sf->pc = i + 1 < b->nframes ? b->frames[i + 1].return_pc : f->pc;
      sf->arg_base = f->arg_base;
      sf->nargs = f->nargs;
      sf->nslots = f->nslots;
      sf->first = s->nentries;
      /* What the host said dead holds for the innermost frame's own pc
       * (a caller resumes at its return pc). */
      sf->dead_from = !current && i + 1 == b->nframes ? f->dead_from
                                                      : UINT32_MAX;
      const jc_bslot *sl = current ? f->slots : f->saved;
      uint32_t n = current ? f->nslot_cap : f->nsaved;
      for (uint32_t k = 0; k < n; k++)
        if (sl[k].state == JC_SLOT_SET)
          {
            s->entries[s->nentries].slot = k;
            s->entries[s->nentries].ref = sl[k].ref;
            s->entries[s->nentries].type = b->insns[sl[k].ref].type;
            s->nentries++;
          }
      sf->count = s->nentries - sf->first;
    }
  s->pc = s->frames[s->nframes - 1].pc;
  if (s->nentries > b->exit_words)
    b->exit_words = s->nentries;
  return (int32_t) b->nsnaps++;
oom:
  jc_ir_set_error (b, "out of memory");
  return -1;
}

int32_t
jc_ir_snapshot (jc_lower *b)
{
  if (b->error)
    return -1;
  if (b->insn_snap < 0)
    b->insn_snap = make_snapshot (b, 0);
  return b->insn_snap;
}

int
jc_ir_frame_push (jc_lower *b, const void *code, uint32_t return_pc,
                  uint32_t arg_base, uint32_t nargs, uint32_t nslots)
{
  if (b->error)
    return -1;
  if (nargs > nslots)
    return jc_ir_set_error (b, "inlined call: %u args but %u slots", nargs,
                            nslots);
  /* The callee's arguments are the caller's slot values. */
  jc_ref argv[64];
  if (nargs > 64)
    return jc_ir_set_error (b, "inlined call with more than 64 arguments");
  for (uint32_t i = 0; i < nargs; i++)
    {
      argv[i] = jc_lower_slot_get (b, arg_base + i);
      if (argv[i] == JC_REF_NONE)
        return -1;
    }
  if (GROW (b, b->frames, b->cap_frames, b->nframes + 1) != 0)
    return jc_ir_set_error (b, "out of memory");
  jc_bframe *f = &b->frames[b->nframes++];
  memset (f, 0, sizeof *f);
  f->code = code;
  f->dead_from = UINT32_MAX;
  f->return_pc = return_pc;
  f->arg_base = arg_base;
  f->nargs = nargs;
  f->nslots = nslots;
  for (uint32_t i = 0; i < nargs; i++)
    {
      jc_bslot *s = jc_ir_slot (b, f, i);
      if (!s)
        return -1;
      /* Not SET: push_frame at deopt takes them from the caller's slots,
       * which the caller's snapshot entries have written. */
      s->state = JC_SLOT_LOADED;
      s->ref = argv[i];
    }
  return save_frames (b);
}

int
jc_ir_frame_pop (jc_lower *b, uint32_t result_slot, uint32_t return_slot)
{
  if (b->error)
    return -1;
  if (b->nframes < 2)
    return jc_ir_set_error (b, "return from the trace's root frame");
  jc_ref r = jc_lower_slot_get (b, result_slot);
  if (r == JC_REF_NONE)
    return -1;
  jc_bframe *f = jc_ir_top (b);
  free (f->slots);
  free (f->saved);
  b->nframes--;
  jc_bframe *caller = jc_ir_top (b);
  /* Caller slots above the result are the call's consumed operands. */
  for (uint32_t k = return_slot + 1; k < caller->nslot_cap; k++)
    caller->slots[k].state = JC_SLOT_UNKNOWN;
  return jc_lower_slot_set (b, return_slot, r);
}

uint32_t
jc_ir_depth (const jc_lower *b)
{
  return b->nframes - 1;
}

/* For each snapshot taken in the body, its loop variant: the entries plus
 * the root slots carried around the loop that it does not list. */
static int
add_loop_snapshots (jc_lower *b)
{
  uint32_t n = b->nsnaps;
  b->nbody_snaps = n;
  b->snap_loop = calloc (n ? n : 1, sizeof *b->snap_loop);
  if (!b->snap_loop)
    return jc_ir_set_error (b, "out of memory");
  for (uint32_t id = 0; id < n; id++)
    {
      const jc_snap *s = &b->snaps[id];
      const jc_snap_frame *root = &s->frames[0];
      uint32_t extra = 0;
      for (uint32_t k = 0; k < b->ncarried; k++)
        {
          if (b->carried[k] == JC_REF_NONE || k >= root->dead_from)
            continue;
          int listed = 0;
          for (uint32_t e = root->first; e < root->first + root->count; e++)
            listed |= s->entries[e].slot == k;
          extra += !listed;
        }
      b->snap_loop[id] = id;
      if (!extra)
        continue;
      if (b->nsnaps >= b->hooks.max_snaps)
        return jc_ir_set_error (b, "too many snapshots (more than %u)",
                                b->hooks.max_snaps);
      if (GROW (b, b->snaps, b->cap_snaps, b->nsnaps + 1) != 0)
        return jc_ir_set_error (b, "out of memory");
      s = &b->snaps[id];
      jc_snap *v = &b->snaps[b->nsnaps];
      memset (v, 0, sizeof *v);
      v->nframes = s->nframes;
      v->pc = s->pc;
      v->frames = malloc (s->nframes * sizeof *v->frames);
      v->entries = malloc ((s->nentries + extra) * sizeof *v->entries);
      if (!v->frames || !v->entries)
        {
          free (v->frames);
          free (v->entries);
          return jc_ir_set_error (b, "out of memory");
        }
      memcpy (v->frames, s->frames, s->nframes * sizeof *v->frames);
      /* Root entries, then the carried additions, then inner frames. */
      uint32_t rc = s->frames[0].count;
      memcpy (v->entries, s->entries, rc * sizeof *v->entries);
      uint32_t m = rc;
      for (uint32_t k = 0; k < b->ncarried; k++)
        {
          if (b->carried[k] == JC_REF_NONE || k >= s->frames[0].dead_from)
            continue;
          int listed = 0;
          for (uint32_t e = 0; e < rc; e++)
            listed |= s->entries[e].slot == k;
          if (listed)
            continue;
          v->entries[m].slot = k;
          v->entries[m].type = b->insns[b->carried[k]].type;
          v->entries[m].ref = JC_SNAP_CARRIED (k);
          m++;
        }
      v->frames[0].count = m;
      for (uint32_t i = 1; i < s->nframes; i++)
        {
          v->frames[i].first = m;
          memcpy (v->entries + m, s->entries + s->frames[i].first,
                  s->frames[i].count * sizeof *v->entries);
          m += s->frames[i].count;
        }
      v->nentries = m;
      if (m > b->exit_words)
        b->exit_words = m;
      b->snap_loop[id] = b->nsnaps++;
    }
  return 0;
}

int
jc_ir_close_loop (jc_lower *b)
{
  if (b->error)
    return -1;
  if (b->nframes != 1)
    return jc_ir_set_error (b, "loop closed inside an inlined frame");
  jc_bframe *f = &b->frames[0];
  /* Which root slots were loaded (their first-iteration group), and does
   * each SET slot's final value fit the slot's loaded type? */
  jc_ref *carried = calloc (f->nslot_cap ? f->nslot_cap : 1, sizeof *carried);
  if (!carried)
    return jc_ir_set_error (b, "out of memory");
  for (uint32_t k = 0; k < f->nslot_cap; k++)
    carried[k] = JC_REF_NONE;
  for (uint32_t g = 0; g < b->ngroups; g++)
    {
      const jc_ir_group *gr = &b->groups[g];
      if (gr->depth != 0 || gr->slot >= f->nslot_cap)
        continue;
      const jc_bslot *s = &f->slots[gr->slot];
      if (s->state != JC_SLOT_SET)
        continue;
      jc_type lt = (jc_type) b->insns[gr->ref].type;
      jc_type ft = (jc_type) b->insns[s->ref].type;
      if (lt != ft
          || (lt == JC_TYPE_PTR && s->ref != gr->ref
              && !(gr->flags & JC_BIND_TYPE_ONLY)))
        {
          free (carried);
          return -1;   /* not type-stable: caller ends with an exit */
        }
    }
  /* Every SET root slot is carried: later iterations must be able to
   * write back what the previous one left in it. */
  for (uint32_t k = 0; k < f->nslot_cap; k++)
    if (f->slots[k].state == JC_SLOT_SET)
      carried[k] = f->slots[k].ref;
  b->carried = carried;
  b->ncarried = f->nslot_cap;
  if (add_loop_snapshots (b) != 0)
    return -1;
  b->closed = 1;
  return 0;
}

int
jc_ir_end_exit (jc_lower *b, uint32_t pc)
{
  if (b->error)
    return -1;
  jc_ir_top (b)->pc = pc;
  b->cur_pc = pc;
  int32_t s = make_snapshot (b, 1);
  if (s < 0)
    return -1;
  jc_ref r = jc_ir_emit (b, JC_IR_EXIT, JC_TYPE_VOID, JC_REF_NONE,
                         JC_REF_NONE, JC_REF_NONE, 0);
  if (r == JC_REF_NONE)
    return -1;
  b->insns[r].snap = s;
  b->closed = 2;
  return 0;
}

void jc_ir_set_side_entry (jc_lower *b, int on) { b->side_entry = on; }
uint32_t jc_ir_ninsns (const jc_lower *b) { return b->ninsns; }
uint32_t jc_ir_generic_insns (const jc_lower *b) { return b->generic_insns; }
int jc_ir_loop_closed (const jc_lower *b) { return b->closed == 1; }
const jc_ir_insn *jc_ir_insns (const jc_lower *b) { return b->insns; }
const jc_ref *jc_ir_args (const jc_lower *b) { return b->args; }
uint32_t jc_ir_nsnaps (const jc_lower *b) { return b->nsnaps; }
uint32_t jc_ir_ngroups (const jc_lower *b) { return b->ngroups; }
const jc_ir_group *jc_ir_groups (const jc_lower *b) { return b->groups; }
int jc_ir_is_loop (const jc_lower *b) { return b->closed == 1; }
uint32_t jc_ir_nloopslots (const jc_lower *b) { return b->ncarried; }
const jc_ref *jc_ir_loop_carried (const jc_lower *b) { return b->carried; }

uint32_t
jc_ir_snap_loop (const jc_lower *b, uint32_t snap)
{
  return b->snap_loop && snap < b->nbody_snaps ? b->snap_loop[snap] : snap;
}
uint32_t jc_ir_nconsts (const jc_lower *b) { return b->nconsts; }
void *const *jc_ir_consts (const jc_lower *b) { return b->consts; }
const jc_host *jc_ir_host (const jc_lower *b) { return b->hooks.host; }
uint32_t
jc_ir_exit_words (const jc_lower *b)
{
  return b->nhomes ? b->nhomes : b->exit_words;
}

uint32_t jc_ir_nhomes (const jc_lower *b) { return b->nhomes; }

int
jc_ir_entry_const (const jc_lower *b, const jc_snap_entry *en, uint64_t *bits)
{
  if (!b->nhomes || en->ref < 0 || (uint32_t) en->ref >= b->ninsns)
    return 0;
  const jc_ir_insn *in = &b->insns[en->ref];
  if (in->type != en->type)
    return 0;
  switch (in->op)
    {
    case JC_IR_KI64:
      *bits = (uint64_t) in->imm.i;
      return 1;
    case JC_IR_KBOOL:
      *bits = in->imm.i != 0;
      return 1;
    case JC_IR_KF64:
      memcpy (bits, &in->imm.f, sizeof *bits);
      return 1;
    case JC_IR_KPTR:
      *bits = (uint64_t) (uintptr_t) in->imm.p;
      return 1;
    default:
      return 0;
    }
}

uint32_t
jc_ir_snap_entries (const jc_lower *b)
{
  uint32_t n = 0;
  for (uint32_t i = 0; i < b->nsnaps; i++)
    n += b->snaps[i].nentries;
  return n;
}

/* The key of a home is (depth, slot): which value a home holds at a guard
 * is the backend's bookkeeping, so any fixed key is exact; this one lets
 * consecutive snapshots of one frame share words and so stores. */
int
jc_ir_assign_homes (jc_lower *b)
{
  uint32_t ndepth = 0;
  for (uint32_t i = 0; i < b->nsnaps; i++)
    if (b->snaps[i].nframes > ndepth)
      ndepth = b->snaps[i].nframes;
  uint32_t *width = calloc (ndepth ? ndepth : 1, sizeof *width);
  uint32_t **map = calloc (ndepth ? ndepth : 1, sizeof *map);
  int rc = -1;
  if (!width || !map)
    goto done;
  for (uint32_t i = 0; i < b->nsnaps; i++)
    {
      const jc_snap *s = &b->snaps[i];
      for (uint32_t d = 0; d < s->nframes; d++)
        for (uint32_t k = 0; k < s->frames[d].count; k++)
          {
            uint32_t slot = s->entries[s->frames[d].first + k].slot;
            if (slot + 1 > width[d])
              width[d] = slot + 1;
          }
    }
  for (uint32_t d = 0; d < ndepth; d++)
    {
      map[d] = malloc ((width[d] ? width[d] : 1) * sizeof *map[d]);
      if (!map[d])
        goto done;
      memset (map[d], 0xff, (width[d] ? width[d] : 1) * sizeof *map[d]);
    }
  uint32_t **home = calloc (b->nsnaps ? b->nsnaps : 1, sizeof *home);
  if (!home)
    goto done;
  uint32_t nhomes = 0;
  for (uint32_t i = 0; i < b->nsnaps; i++)
    {
      const jc_snap *s = &b->snaps[i];
      home[i] = malloc ((s->nentries ? s->nentries : 1) * sizeof *home[i]);
      if (!home[i])
        {
          for (uint32_t j = 0; j <= i; j++)
            free (home[j]);
          free (home);
          goto done;
        }
      for (uint32_t d = 0; d < s->nframes; d++)
        for (uint32_t k = 0; k < s->frames[d].count; k++)
          {
            uint32_t e = s->frames[d].first + k;
            uint32_t *h = &map[d][s->entries[e].slot];
            if (*h == UINT32_MAX)
              *h = nhomes++;
            home[i][e] = *h;
          }
    }
  for (uint32_t i = 0; i < b->nsnaps; i++)
    {
      free (b->snaps[i].home);
      b->snaps[i].home = home[i];
    }
  free (home);
  /* At least one word: 0 means "no homes". */
  b->nhomes = nhomes ? nhomes : 1;
  rc = 0;
done:
  for (uint32_t d = 0; map && d < ndepth; d++)
    free (map[d]);
  free (map);
  free (width);
  return rc;
}
uint32_t jc_ir_ndeps (const jc_lower *b) { return b->ndeps; }
const uintptr_t *jc_ir_deps (const jc_lower *b) { return b->deps; }

const jc_snap *
jc_ir_snap (const jc_lower *b, uint32_t id)
{
  return id < b->nsnaps ? &b->snaps[id] : NULL;
}

static int seed (jc_lower *b, uint32_t slot, jc_type type, int from_buf,
                 uint32_t src, uint64_t constant, const void *code);

int
jc_ir_seed_slot (jc_lower *b, uint32_t slot, jc_type type, int from_buf,
                 uint32_t src, uint64_t constant)
{
  return seed (b, slot, type, from_buf, src, constant, NULL) < 0 ? -1 : 0;
}

int
jc_ir_seed_ptr (jc_lower *b, const void *code, uint32_t slot, int from_buf,
                uint32_t src, uint64_t constant)
{
  return seed (b, slot, JC_TYPE_PTR, from_buf, src, constant, code);
}

/* code non-NULL: ask the host's seed_ptr first (1 taken, 0 not). */
static int
seed (jc_lower *b, uint32_t slot, jc_type type, int from_buf, uint32_t src,
      uint64_t constant, const void *code)
{
  if (b->error)
    return -1;
  if (b->nsnaps || b->nframes != 1 || b->open_group >= 0)
    return jc_ir_set_error (b, "side-trace entry values seeded after the "
                            "trace began");
  if (type != JC_TYPE_I64 && type != JC_TYPE_F64 && type != JC_TYPE_BOOL
      && type != JC_TYPE_PTR)
    return jc_ir_set_error (b, "side-trace entry value of type %d", type);
  /* One XBUF (sub 0: exit_buf[imm.i]; sub 1: the constant bits imm.i, not
   * a K* so that no pass folds it) bracketed as a root slot-load group: if
   * the side trace closes a loop, the loop copy reads the slot's carried
   * value in its place, exactly as for a slot load_slot bound. */
  if (GROW (b, b->groups, b->cap_groups, b->ngroups + 1) != 0)
    return jc_ir_set_error (b, "out of memory");
  b->cur_pc = b->head_pc;
  b->open_group = (int32_t) b->ngroups;
  jc_ref r = jc_ir_emit (b, JC_IR_XBUF, type, JC_REF_NONE, JC_REF_NONE,
                         JC_REF_NONE, from_buf ? 0 : 1);
  b->open_group = -1;
  if (r == JC_REF_NONE)
    return -1;
  b->insns[r].imm.i = from_buf ? (int64_t) src : (int64_t) constant;
  if (code)
    {
      const jc_host *h = b->hooks.host;
      uint32_t n = b->ninsns;
      if (h->seed_ptr (h->userdata, b, code, slot, r) != 0)
        return b->error ? -1 : 0;   /* not taken: a dead XBUF, no group */
      if (b->error)
        return -1;
      if (b->ninsns != n)
        return jc_ir_set_error (b, "seed_ptr emitted IR for slot %u", slot);
    }
  jc_ir_group *g = &b->groups[b->ngroups++];
  memset (g, 0, sizeof *g);
  g->depth = 0;
  g->slot = slot;
  g->first = g->last = g->ref = r;
  g->flags = JC_BIND_TYPE_ONLY;  /* no class is known: the host guards */
  jc_bslot *s = jc_ir_slot (b, &b->frames[0], slot);
  if (!s)
    return -1;
  s->state = JC_SLOT_SET;
  s->ref = r;
  return 1;
}
