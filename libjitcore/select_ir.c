/* select_ir.c -- the seam between selection and the compiler half: drives
 * the IR builder (ir.h) for select.c, compiles through the backend
 * (backend.h), and turns each snapshot into the exit exit.c replays. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "select_ir.h"
#include "opt.h"
#include "ir.h"
#include "backend.h"

/* IR instructions (after the passes) from which a trace is large. */
#define JC_LARGE_TRACE_INSNS 2000

jc_lower *
jc_selir_new (jc_runtime *rt, const void *code, uint32_t pc, char *err,
              size_t len)
{
  jc_ir_hooks h;
  memset (&h, 0, sizeof h);
  h.host = &rt->host;
  /* IR instructions: 4 per host instruction allowed (the builder's old
   * fixed 4000 at the default max_trace_insns of 1000), of the larger
   * limit of a trace with unrolled loops (select.c checks the other). */
  h.max_insns = 4 * jc_sel_max_insns (rt, 1);
  h.max_snaps = rt->opts.max_snapshots + 1;   /* select.c reports the limit */
  h.max_unroll = rt->opts.max_unroll;
  jc_lower *b = jc_ir_new (&h, code, pc);
  if (!b)
    snprintf (err, len, "out of memory for the IR builder");
  return b;
}

int
jc_selir_take_unroll (jc_lower *b)
{
  return jc_ir_take_unroll (b);
}

int
jc_selir_seed_side (jc_runtime *rt, jc_lower *b, const jc_trace *parent,
                    uint32_t exit_id)
{
  const jc_rt_exit *ex = &parent->exits[exit_id];
  if (!rt->opts.side_raw || ex->nframes != 1)
    return 0;
  const jc_rt_frame *fr = &ex->frames[0];
  uint32_t ptrs_left = 0;
  for (uint32_t i = 0; i < fr->nslots; i++)
    {
      const jc_rt_slot *s = &fr->slots[i];
      /* A copy of an earlier slot reads that slot's word: one value. */
      uint32_t src = s->same_as != JC_RT_NOT_SAME
                     ? fr->slots[s->same_as].src : s->src;
      if (s->type == JC_TYPE_PTR)
        {
          /* Objects are written to the frame at run time (exit.c) and
           * loaded by the host's load_slot here, where the host learns
           * what it knows about an object (its class, the live value as a
           * guide) -- unless the host's seed_ptr takes the value as it is
           * in the buffer (options.side_raw_ptrs). */
          int rc = 0;
          if (rt->opts.side_raw_ptrs && rt->host.seed_ptr)
            rc = jc_ir_seed_ptr (b, fr->code, s->slot, (int) s->from_buf,
                                 src, s->constant);
          if (rc < 0)
            return -1;
          ptrs_left += rc == 0;
          continue;
        }
      if (jc_ir_seed_slot (b, s->slot, (jc_type) s->type, (int) s->from_buf,
                           src, s->constant) != 0)
        return -1;
    }
  /* 2: the exit need write nothing to the frame before this side trace. */
  return ptrs_left == 0 ? 2 : 1;
}

void
jc_selir_free (jc_lower *b)
{
  jc_ir_free (b);
}

void
jc_selir_begin_insn (jc_runtime *rt, jc_lower *b, const void *code,
                     uint32_t pc)
{
  jc_code_info ci;
  memset (&ci, 0, sizeof ci);
  const char *file = NULL;
  if (rt->host.code_info
      && rt->host.code_info (rt->host.userdata, code, &ci) == 0)
    file = ci.file;
  int32_t line = rt->host.line_of ? rt->host.line_of (rt->host.userdata,
                                                      code, pc) : -1;
  jc_ir_begin_insn (b, pc, file, line);
}

int
jc_selir_push_frame (jc_lower *b, const jc_step *c, uint32_t call_pc)
{
  (void) call_pc;
  return jc_ir_frame_push (b, c->code, c->return_pc, c->arg_base, c->nargs,
                           c->nslots) != 0 ? -1 : 0;
}

int
jc_selir_pop_frame (jc_lower *b, const jc_step *r)
{
  return jc_ir_frame_pop (b, r->arg_base, r->return_slot) != 0 ? -1 : 0;
}

int
jc_selir_close_loop (jc_runtime *rt, jc_lower *b, uint32_t head_pc)
{
  if (jc_ir_close_loop (b) == 0)
    return 0;
  if (!jc_lower_ok (b))
    return -1;
  jc_log (rt, JC_LOG_TRACE, "loop cannot close (a carried slot changed "
          "type): the trace ends with an exit to its head");
  return jc_ir_end_exit (b, head_pc) != 0 ? -1 : 0;
}

int
jc_selir_exit (jc_lower *b, uint32_t pc)
{
  return jc_ir_end_exit (b, pc) != 0 ? -1 : 0;
}

void
jc_selir_side_entry (jc_lower *b, int on)
{
  jc_ir_set_side_entry (b, on);
}

uint32_t
jc_selir_ninsns (const jc_lower *b)
{
  return jc_ir_ninsns (b);
}

uint32_t
jc_selir_generic_insns (const jc_lower *b)
{
  return jc_ir_generic_insns (b);
}

int
jc_selir_loop_closed (const jc_lower *b)
{
  return jc_ir_loop_closed (b);
}

const char *
jc_selir_error (const jc_lower *b)
{
  if (jc_lower_ok (b))
    return NULL;
  const char *e = jc_lower_error (b);
  return e ? e : "IR builder error";
}

uint32_t
jc_selir_nsnapshots (const jc_lower *b)
{
  return jc_ir_nsnaps (b);
}

/* Log text (a memstream's buffer) line by line under log=ir; frees it. */
static void
log_ir_text (jc_runtime *rt, char *text)
{
  for (char *l = text, *e; l && *l; l = e ? e + 1 : NULL)
    {
      e = strchr (l, '\n');
      if (e)
        *e = 0;
      jc_log (rt, JC_LOG_IR, "%s", l);
    }
  free (text);
}

static void
dump_ir (jc_runtime *rt, const jc_lower *b, uint32_t id)
{
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&text, &len);
  if (!f)
    return;
  jc_ir_dump (b, f);
  fclose (f);
  jc_log (rt, JC_LOG_IR, "---- trace %u IR ----", id);
  log_ir_text (rt, text);
}

/* In a trace that closes a loop, the value a root slot-load group's ref
 * stands for in the backend's loop copy: the slot's carried value, which
 * the previous iteration left (emit_body), unless the slot is not carried
 * or carries that very ref round (then it is one value throughout).
 * Other refs are themselves. */
static jc_ref
loop_ref (const jc_lower *b, jc_ref x)
{
  const jc_ir_insn *in = jc_ir_insns (b);
  if (x < 0 || !jc_ir_is_loop (b) || !in[x].group)
    return x;
  const jc_ir_group *g = &jc_ir_groups (b)[in[x].group - 1];
  const jc_ref *carried = jc_ir_loop_carried (b);
  if (g->depth != 0 || g->ref != x || g->slot >= jc_ir_nloopslots (b)
      || carried[g->slot] == JC_REF_NONE || carried[g->slot] == x)
    return x;
  return carried[g->slot];
}

/* Whether snapshot refs a and b are one value.  An XBUF that reads the
 * parent's exit buffer stands for that word: two such loads of one word
 * are one value -- but in a side trace that closes a loop (raw links'
 * loop copy, side.c) a seed's XBUF is a root slot-load group, which the
 * loop copy replaces by the slot's carried value, and one snapshot serves
 * both the first iteration and the loop: two seeds of one word are one
 * value only if they also are in the loop (the same ref carried into both
 * slots, or neither slot changed by the body).  Two slots' loop-carried
 * values (in the loop copy's snapshots) are one value when the body ends
 * with one ref in both: the carried locals are assigned from it, before
 * the loop and at every back edge. */
static int
same_ref (const jc_lower *b, jc_ref x, jc_ref y)
{
  const jc_ir_insn *in = jc_ir_insns (b);
  if (x == y)
    return 1;
  if (x < 0 && y < 0 && x != JC_REF_NONE && y != JC_REF_NONE)
    {
      uint32_t sx = JC_SNAP_CARRIED_SLOT (x), sy = JC_SNAP_CARRIED_SLOT (y);
      uint32_t n = jc_ir_nloopslots (b);
      const jc_ref *carried = jc_ir_loop_carried (b);
      if (!carried || sx >= n || sy >= n)
        return 0;
      x = carried[sx];
      y = carried[sy];
      if (x == JC_REF_NONE || y == JC_REF_NONE)
        return 0;
      if (x == y)
        return 1;
    }
  if (x < 0 || y < 0)
    return 0;
  jc_ref lx = loop_ref (b, x), ly = loop_ref (b, y);
  if ((lx != x || ly != y) && lx != ly)
    return 0;   /* two values in the loop copy */
  return in[x].op == JC_IR_XBUF && in[y].op == JC_IR_XBUF
         && in[x].sub == in[y].sub && in[x].imm.i == in[y].imm.i;
}

/* Entry k of snapshot frame sf: the index of an earlier number entry of
 * the same frame with the very same value, or JC_RT_NOT_SAME.  At an exit
 * the host then gives both slots one object (copy_slot), as its
 * interpreter has one after `b = a`: a float or int boxed twice would
 * fail `is` and a NaN would no longer be found in a container by
 * identity.  Pointers are the same object anyway. */
static uint32_t
same_value (const jc_lower *b, const jc_snap *s, const jc_snap_frame *sf,
            uint32_t k)
{
  const jc_snap_entry *e = &s->entries[sf->first + k];
  if (e->type == JC_TYPE_PTR)
    return JC_RT_NOT_SAME;
  for (uint32_t j = 0; j < k; j++)
    {
      const jc_snap_entry *o = &s->entries[sf->first + j];
      if (o->type == e->type && same_ref (b, o->ref, e->ref))
        return j;
    }
  return JC_RT_NOT_SAME;
}

/* Snapshot -> exit: frames outermost first, every entry from the buffer. */
static int
build_exits (const jc_lower *b, jc_trace *t)
{
  uint32_t n = jc_ir_nsnaps (b);
  t->nexits = n;
  t->exits = calloc (n ? n : 1, sizeof *t->exits);
  t->exit_counts = calloc (n ? n : 1, sizeof *t->exit_counts);
  if (!t->exits || !t->exit_counts)
    return -1;
  for (uint32_t i = 0; i < n; i++)
    {
      const jc_snap *s = jc_ir_snap (b, i);
      jc_rt_exit *x = &t->exits[i];
      x->frames = calloc (s->nframes ? s->nframes : 1, sizeof *x->frames);
      if (!x->frames)
        return -1;
      x->nframes = s->nframes;
      for (uint32_t d = 0; d < s->nframes; d++)
        {
          const jc_snap_frame *sf = &s->frames[d];
          jc_rt_frame *fr = &x->frames[d];
          fr->code = sf->code;
          fr->pc = sf->pc;
          fr->arg_base = sf->arg_base;
          fr->nargs = sf->nargs;
          fr->nslots = sf->count;
          fr->slots = calloc (sf->count ? sf->count : 1, sizeof *fr->slots);
          if (!fr->slots)
            return -1;
          for (uint32_t k = 0; k < sf->count; k++)
            {
              const jc_snap_entry *e = &s->entries[sf->first + k];
              fr->slots[k].slot = e->slot;
              fr->slots[k].type = e->type;
              fr->slots[k].from_buf =
                  !jc_ir_entry_const (b, e, &fr->slots[k].constant);
              fr->slots[k].src = s->home ? s->home[sf->first + k]
                                         : sf->first + k;
              fr->slots[k].same_as = same_value (b, s, sf, k);
              if (d == 0 && e->type == JC_TYPE_PTR)
                x->nptrs++;
            }
        }
    }
  /* Which exits are unconditional (side.c links them instead of
   * selecting a side trace there). */
  const jc_ir_insn *in = jc_ir_insns (b);
  for (uint32_t k = 0; k < jc_ir_ninsns (b); k++)
    if (in[k].op == JC_IR_EXIT && in[k].snap >= 0 && (uint32_t) in[k].snap < n)
      t->exits[in[k].snap].uncond = 1;
  return 0;
}

_Static_assert ((unsigned) JC_PASS_FOLD == (unsigned) JC_OPT_FOLD
                && (unsigned) JC_PASS_CSE == (unsigned) JC_OPT_CSE
                && (unsigned) JC_PASS_GUARD == (unsigned) JC_OPT_GUARD
                && (unsigned) JC_PASS_DCE == (unsigned) JC_OPT_DCE
                && (unsigned) JC_PASS_LOOP == (unsigned) JC_OPT_LOOP
                && (unsigned) JC_PASS_RC == (unsigned) JC_OPT_RC
                && (unsigned) JC_PASS_SINK == (unsigned) JC_OPT_SINK
                && (unsigned) JC_PASS_RANGE == (unsigned) JC_OPT_RANGE
                && (unsigned) JC_PASS_FACTS == (unsigned) JC_OPT_FACTS
                && (unsigned) JC_PASS_ALL == (unsigned) JC_OPT_ALL,
                "pass bits differ");

/* Run the optimizer; under log=ir the IR is listed after each pass. */
static jc_status
optimize (jc_runtime *rt, jc_lower *b, char *msg, size_t len)
{
  jc_opt_stats st = { 0 };
  char *text = NULL;
  size_t tlen = 0;
  FILE *f = JC_LOG_ON (rt, JC_LOG_IR) ? open_memstream (&text, &tlen) : NULL;
  int rc = jc_opt_run (b, rt->opts.passes, &st, f);
  if (f)
    {
      fclose (f);
      log_ir_text (rt, text);
    }
  if (rc != 0)
    {
      snprintf (msg, len, "optimizer: %s", jc_lower_error (b));
      return JC_NO_MEMORY;
    }
  rt->stats.opt_folded += st.folded;
  rt->stats.opt_cse += st.cse;
  rt->stats.opt_loads_removed += st.loads_removed;
  rt->stats.opt_guards_removed += st.guards_removed;
  rt->stats.opt_dead += st.dead;
  rt->stats.opt_rc_removed += st.rc_removed;
  /* Carried slots of raw type stay in registers around the loop; the
   * interpreter would box each of them on every iteration. */
  if (jc_ir_is_loop (b))
    for (uint32_t k = 0; k < jc_ir_nloopslots (b); k++)
      {
        jc_ref r = jc_ir_loop_carried (b)[k];
        if (r != JC_REF_NONE && jc_ir_insns (b)[r].type != JC_TYPE_PTR)
          rt->stats.opt_boxes_removed++;
      }
  return JC_OK;
}

jc_status
jc_selir_prepare (jc_runtime *rt, jc_lower *b, jc_trace *t,
                  jc_emit_opts *o, char *msg, size_t len)
{
  if (JC_LOG_ON (rt, JC_LOG_IR))
    dump_ir (rt, b, t->id);
  jc_status ost = optimize (rt, b, msg, len);
  if (ost != JC_OK)
    return ost;
  jc_emit_opts_init (o);
  o->loop_opt = (rt->opts.passes & JC_PASS_LOOP) != 0;
  o->sink = (rt->opts.passes & JC_PASS_SINK) != 0;
  o->range = (rt->opts.passes & JC_PASS_RANGE) != 0;
  o->opt_level = rt->opts.opt_level;
  o->native_cpu = rt->opts.native_cpu;
  o->inject_failure = rt->opts.fail_compile;
  o->dump_dir = rt->dump_dir[0] ? rt->dump_dir : NULL;
  o->cache_dir = rt->disk_cache_dir[0] ? rt->disk_cache_dir : NULL;
  o->cache_max_bytes = (uint64_t) rt->opts.disk_cache_max_kb << 10;
  /* A trace whose exit blocks would store this many values in all gets
   * home-word exits (ir.h): its exit blocks store nothing. */
  if (rt->opts.home_exits && jc_ir_snap_entries (b) >= rt->opts.home_exits)
    {
      if (jc_ir_assign_homes (b) != 0)
        {
          snprintf (msg, len, "out of memory for exit homes");
          return JC_NO_MEMORY;
        }
      rt->stats.home_exit_traces++;
    }
  /* A large trace compiles at -O1 at most: for nbody's advance() trace
   * (3 500 IR instructions after the passes) -O2 took about twice -O1's
   * compile time and its code ran no faster; -O0's code ran 2.4 times
   * slower. */
  uint32_t live = 0;
  for (uint32_t k = 0; k < jc_ir_ninsns (b); k++)
    live += jc_ir_insns (b)[k].op != JC_IR_NOP;
  if (live >= JC_LARGE_TRACE_INSNS && o->opt_level > 1)
    o->opt_level = 1;
  t->nslots_max = jc_ir_exit_words (b);
  if (jc_ir_ndeps (b))
    {
      t->deps = malloc (jc_ir_ndeps (b) * sizeof *t->deps);
      if (!t->deps)
        {
          snprintf (msg, len, "out of memory for dependencies");
          return JC_NO_MEMORY;
        }
      memcpy (t->deps, jc_ir_deps (b), jc_ir_ndeps (b) * sizeof *t->deps);
      t->ndeps = jc_ir_ndeps (b);
      jc_inval_count_deps (rt, t, +1);
    }
  if (build_exits (b, t) != 0)
    {
      snprintf (msg, len, "out of memory for exits");
      return JC_NO_MEMORY;
    }
  /* Retained now, on the host's thread: the objects then outlive the
   * compile, whichever thread runs it, and the compiled code's constant
   * table is filled from the IR's. */
  uint32_t nk = jc_ir_nconsts (b);
  if (nk)
    {
      t->constants = calloc (nk, sizeof *t->constants);
      if (!t->constants)
        {
          snprintf (msg, len, "out of memory for constants");
          return JC_NO_MEMORY;
        }
      void *const *k = jc_ir_consts (b);
      for (uint32_t i = 0; i < nk; i++)
        {
          t->constants[i] = k[i];
          if (rt->host.retain)
            rt->host.retain (rt->host.userdata, k[i]);
          t->nconstants = i + 1;
        }
    }
  rt->stats.ir_insns += jc_ir_ninsns (b);
  rt->stats.snapshots += jc_ir_nsnaps (b);
  return JC_OK;
}
