/* exit.c -- trace entry, exits and deoptimization: runs a compiled trace
 * on a host frame and, when it returns through an exit, rebuilds the host's
 * frames from that exit's snapshot through the host's frame callbacks.
 *
 * Design
 * ======
 * Calling convention.  Every compiled trace is a C function
 *
 *     uint32_t trace (void *frame, uint64_t *exit_buf);
 *
 * `frame` is the host's frame pointer, the one its load_slot IR reads from.
 * The trace runs until a guard fails (or it reaches an unconditional exit),
 * stores the live values its snapshot needs into exit_buf[0..n), and
 * returns the exit's number.  The host never calls the function pointer
 * itself: jc_trace_enter() owns the exit buffer, runs the trace and then
 * restores.  That keeps the convention private and lets the runtime count
 * entries and exits, and go on into a side trace after an exit (side.c):
 * the exit's frame is restored first, then the next trace runs on it --
 * or, for a side trace with a raw entry (side.c), not restored at all: the
 * side trace reads the exit's values from the same exit_buf.
 *
 * What an exit holds.  At install time (select.c) each snapshot of the
 * compiler half is translated into a jc_rt_exit: a list of frames from the
 * outermost (the trace's root frame, depth 0) to the innermost, each with
 * the code object, the pc it resumes at, for inlined frames the slots of the
 * caller its arguments came from (arg_base, nargs), and the slots to write
 * with where each value lives: exit_buf[i] or a constant folded in at
 * compile time, and its IR type.  Slots a snapshot does not list are
 * unchanged in memory: the trace only ever read them (virtual frame slots
 * are written back only here), so the host's frame already holds them.
 *
 * Restoring, outermost first, for a snapshot of frames F0 .. Fk:
 *   F0:   write_slot for each listed slot of F0 into the host's frame,
 *         then set_pc(frame, pc0)  (pc0 is the return pc of the call when
 *         k > 0, the guard's pc otherwise);
 *   Fi:   push_frame(caller, code_i, arg_base_i, nargs_i) gives the new
 *         frame; write_slot for its listed slots; set_pc(frame_i, pc_i).
 * The order matters: an inlined callee's arguments are caller slots that
 * push_frame takes over, so the caller's slots are written first.  The
 * interpreter then resumes in the innermost frame (push_frame made it
 * current), exactly as if it had executed the same instructions itself: a
 * guard's snapshot is taken *before* the guarded instruction's effects, so
 * the interpreter re-executes that instruction (and takes the slow path,
 * e.g. promoting an overflowing int add to float).  A host with the
 * optional one-call restore (jc_host.restore) gets, per frame, the
 * frame's slot descriptions (jc_exit_slot, the exit's own array) with the
 * exit buffer and the pc in one call, in place of that frame's
 * write_slot/copy_slot calls and its set_pc.
 *
 * Failure at restore.  A host callback that fails mid-restore leaves a
 * partly restored frame, which the host cannot resume; jc_trace_enter then
 * puts the runtime into its sticky error state and returns -1 so that the
 * host can report it.  This never happens with a correct host.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime_internal.h"
#include "compile.h"

typedef uint32_t (*trace_fn) (void *frame, uint64_t *exit_buf);

void
jc_exit_free_trace (jc_trace *t)
{
  if (!t)
    return;
  jc_runtime *rt = t->rt;
  for (uint32_t i = 0; i < t->nconstants; i++)
    if (rt->host.release)
      rt->host.release (rt->host.userdata, t->constants[i]);
  free (t->constants);
  for (uint32_t e = 0; e < t->nexits; e++)
    {
      for (uint32_t f = 0; f < t->exits[e].nframes; f++)
        free (t->exits[e].frames[f].slots);
      free (t->exits[e].frames);
    }
  for (uint32_t e = 0; e < t->nexits; e++)
    {
      free (t->exits[e].copy_to);
      free (t->exits[e].copy_from);
      free (t->exits[e].copy_const);
    }
  free (t->exits);
  free (t->exit_counts);
  if (t->copy_home)
    {
      /* The head's loop copy goes away with it (side.c, raw links). */
      jc_head *h = jc_runtime_head (rt, t->code, t->pc, 0);
      if (h && h->copy == t)
        h->copy = NULL;
    }
  jc_inval_count_deps (rt, t, -1);
  free (t->deps);
  if (t->backend_free)
    t->backend_free (t->backend_state);
  t->magic = 0;
  free (t);
}

/* Write one frame's slots; 0 on success. */
static int
restore_slots (jc_runtime *rt, void *frame, const jc_rt_frame *fr,
               const uint64_t *buf)
{
  for (uint32_t i = 0; i < fr->nslots; i++)
    {
      const jc_rt_slot *s = &fr->slots[i];
      if (s->same_as != JC_RT_NOT_SAME && rt->host.copy_slot)
        {
          /* The trace held one value in both slots: one host object. */
          if (rt->host.copy_slot (rt->host.userdata, frame, s->slot,
                                  fr->slots[s->same_as].slot) != 0)
            return -1;
          continue;
        }
      uint64_t raw = s->from_buf ? buf[s->src] : s->constant;
      if (rt->host.write_slot (rt->host.userdata, frame, s->slot, s->type,
                               raw) != 0)
        return -1;
    }
  return 0;
}

/* Before a side trace with a raw entry (side.c): write only the pointer
 * slots of the (single-frame) exit, which the side trace loads through the
 * host, then set_pc; its numbers stay in buf, where the side trace reads
 * them.  Nothing at all when the exit lists no pointer. */
static int
restore_ptrs (jc_runtime *rt, const jc_rt_exit *ex, void *frame,
              const uint64_t *buf)
{
  if (ex->nptrs == 0)
    return 0;
  const jc_rt_frame *fr = &ex->frames[0];
  if (rt->host.restore)
    return rt->host.restore (rt->host.userdata, frame, fr->pc, fr->slots,
                             fr->nslots, buf, JC_RESTORE_PTRS_ONLY);
  int any = 0;
  for (uint32_t i = 0; i < fr->nslots; i++)
    {
      const jc_rt_slot *s = &fr->slots[i];
      if (s->type != JC_TYPE_PTR)
        continue;
      uint64_t raw = s->from_buf ? buf[s->src] : s->constant;
      if (rt->host.write_slot (rt->host.userdata, frame, s->slot, s->type,
                               raw) != 0)
        return -1;
      any = 1;
    }
  if (any && rt->host.set_pc (rt->host.userdata, frame, fr->pc) != 0)
    return -1;
  return 0;
}

/* Restore exit ex of t on *framep; *framep becomes the innermost frame
 * (the one the interpreter, or a side trace, continues in). */
static int
restore (jc_runtime *rt, jc_trace *t, const jc_rt_exit *ex, void **framep,
         const uint64_t *buf, uint32_t *resume_pc)
{
  void *frame = *framep;
  int changed = 0;
  for (uint32_t d = 0; d < ex->nframes; d++)
    {
      const jc_rt_frame *fr = &ex->frames[d];
      if (d > 0)
        {
          if (!rt->host.push_frame)
            return -1;
          frame = rt->host.push_frame (rt->host.userdata, frame, fr->code,
                                       fr->arg_base, fr->nargs);
          if (!frame)
            return -1;
          rt->stats.frames_materialised++;
          changed = 1;
        }
      if (rt->host.restore)
        {
          /* The host stores the frame's slots and its pc in one call. */
          if (rt->host.restore (rt->host.userdata, frame, fr->pc, fr->slots,
                                fr->nslots, buf, 0) != 0)
            return -1;
        }
      else if (restore_slots (rt, frame, fr, buf) != 0
               || rt->host.set_pc (rt->host.userdata, frame, fr->pc) != 0)
        return -1;
      changed |= fr->nslots > 0;
      *resume_pc = fr->pc;
    }
  *framep = frame;
  if (changed)
    rt->stats.deopts++;
  if (JC_LOG_ON (rt, JC_LOG_EXIT))
    jc_log (rt, JC_LOG_EXIT, "trace %u exit %u -> pc %u (%u frame%s, %s)",
            t->id, (unsigned) (ex - t->exits), *resume_pc, ex->nframes,
            ex->nframes == 1 ? "" : "s", changed ? "deopt" : "no slots");
  return 0;
}

/* Where one exit entry's value is: (from_buf, src or constant), with a
 * copy of an earlier entry resolved to that entry's word. */
static void
entry_source (const jc_rt_frame *fr, const jc_rt_slot *s, int *from_buf,
              uint64_t *v)
{
  if (s->same_as != JC_RT_NOT_SAME)
    s = &fr->slots[s->same_as];
  *from_buf = s->from_buf != 0;
  *v = s->from_buf ? s->src : s->constant;
}

/* Raw links (side.c): whether link exit ex fits the raw entry of loop copy
 * c, i.e. lists the slots the exit c was seeded from lists, with the same
 * types, the same constants where that one had constants and one value
 * where it had one value in two slots; if so, ex gets the word moves
 * (copy_to, copy_from, copy_const).  0: it fits. */
static int
copy_fit (jc_rt_exit *ex, const jc_trace *c)
{
  const jc_rt_exit *px = &c->parent->exits[c->parent_exit];
  const jc_rt_frame *p = &px->frames[0], *e = &ex->frames[0];
  if (ex->nframes != 1 || px->nframes != 1 || e->code != p->code
      || e->pc != p->pc || e->nslots != p->nslots || p->nslots > 64)
    return -1;
  uint32_t n = p->nslots;
  uint32_t *to = malloc ((n ? n : 1) * sizeof *to);
  uint32_t *from = malloc ((n ? n : 1) * sizeof *from);
  uint64_t *k = malloc ((n ? n : 1) * sizeof *k);
  if (!to || !from || !k)
    goto no;
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      const jc_rt_slot *ps = &p->slots[i], *es = NULL;
      for (uint32_t j = 0; j < e->nslots && !es; j++)
        if (e->slots[j].slot == ps->slot)
          es = &e->slots[j];
      if (!es || es->type != ps->type)
        goto no;
      int pb, eb;
      uint64_t pv, ev;
      entry_source (p, ps, &pb, &pv);
      entry_source (e, es, &eb, &ev);
      if (!pb)
        {
          /* The copy folded this constant in: the same one, or no fit. */
          if (eb || ev != pv)
            goto no;
          continue;
        }
      /* Two seeds of one word: one value here too. */
      int dup = 0;
      for (uint32_t q = 0; q < m; q++)
        if (to[q] == (uint32_t) pv)
          {
            if (from[q] != (eb ? (uint32_t) ev : JC_COPY_CONST)
                || (!eb && k[q] != ev))
              goto no;
            dup = 1;
          }
      if (dup)
        continue;
      to[m] = (uint32_t) pv;
      from[m] = eb ? (uint32_t) ev : JC_COPY_CONST;
      k[m] = eb ? 0 : ev;
      m++;
    }
  free (ex->copy_to);
  free (ex->copy_from);
  free (ex->copy_const);
  ex->copy_to = to;
  ex->copy_from = from;
  ex->copy_const = k;
  ex->ncopy = m;
  return 0;
no:
  free (to);
  free (from);
  free (k);
  return -1;
}

/* The loop copy a link exit goes into raw (side.c, raw links), or NULL. */
static jc_trace *
raw_link_to (jc_runtime *rt, jc_trace *t, jc_rt_exit *ex)
{
  jc_head *h = ex->link;
  jc_trace *c = h->copy;
  if (!c || c->dead || t->dead || !c->raw_entry || !rt->opts.side_link_raw
      || t->root != c->root || ex->side)
    return NULL;
  if (ex->copy_id != c->id)
    {
      /* Checked once per exit and copy: fits (copy_id c->id, moves set)
       * or not (copy_id c->id, ncopy UINT32_MAX). */
      ex->copy_id = c->id;
      if (copy_fit (ex, c) != 0)
        {
          ex->ncopy = UINT32_MAX;
          jc_log (rt, JC_LOG_EXIT, "trace %u exit %u does not fit loop copy "
                  "%u: it links with a restore", t->id,
                  (unsigned) (ex - t->exits), c->id);
        }
      else
        jc_log (rt, JC_LOG_EXIT, "trace %u exit %u fits loop copy %u: raw "
                "link (%u words moved)", t->id, (unsigned) (ex - t->exits),
                c->id, ex->ncopy);
    }
  return ex->ncopy == UINT32_MAX ? NULL : c;
}

/* Make *buf hold at least n words (small is the caller's stack buffer). */
static int
fit_buf (uint64_t **buf, uint32_t *cap, uint64_t *small, uint32_t n)
{
  if (n <= *cap)
    return 0;
  uint64_t *b = *buf == small ? malloc (n * sizeof *b)
                              : realloc (*buf, n * sizeof *b);
  if (!b)
    return -1;
  if (*buf == small)          /* a raw side trace reads what is there */
    memcpy (b, small, *cap * sizeof *b);
  *buf = b;
  *cap = n;
  return 0;
}

JC_API int
jc_trace_enter (jc_runtime *rt, jc_trace *t, void *frame, uint32_t *resume_pc)
{
  if (!rt || !t || !resume_pc || t->magic != JC_TRACE_MAGIC || t->rt != rt
      || !t->native)
    return -1;
  if (rt->status != JC_OK || jc_compile_enter_point (rt, t) != 0)
    return -1;
  uint64_t small[64];
  uint64_t *buf = small;
  uint32_t cap = 64;
  int ret = -1, reap = 0;
  rt->stats.trace_entries++;
  /* Run t; then, while the exit it took leads on (side.c), the next trace
   * on the same frame.  Each trace is active while it runs, so an
   * invalidation meanwhile only marks it dead. */
  while (t)
    {
      if (fit_buf (&buf, &cap, small, t->nslots_max) != 0)
        {
          jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for an exit "
                           "buffer");
          break;
        }
      t->active++;
      t->entries++;
      jc_trace *outer = rt->running;
      rt->running = t;
      rt->self_depth += t->sx != NULL;
      uint32_t id = ((trace_fn) t->native) (frame, buf);
      rt->self_depth -= t->sx != NULL;
      rt->running = outer;
      jc_trace *next = NULL;
      if (id >= t->nexits)
        jc_runtime_fail (rt, JC_BAD_TRACE, "trace %u returned exit %u of %u",
                         t->id, id, t->nexits);
      else
        {
          rt->stats.exits++;
          uint64_t count = ++t->exit_counts[id];
          jc_trace *s = t->exits[id].side;
          if (s && s->raw_entry && !t->dead && !s->dead)
            {
              /* The side trace starts from this exit's numbers where the
               * exit left them, in buf, unboxed (its own exits write back
               * these slots too); only pointers go to the frame, unless
               * the side trace took them from buf as well. */
              if (s->ptrs_in_buf && t->exits[id].nptrs)
                rt->stats.side_ptr_entries++;
              else if (restore_ptrs (rt, &t->exits[id], frame, buf) != 0)
                {
                  jc_runtime_fail (rt, JC_HOST_ERROR, "trace %u exit %u: a "
                                   "host frame callback failed before a "
                                   "side trace", t->id, id);
                  next = NULL;
                  goto chain_end;
                }
              rt->stats.side_entries++;
              rt->stats.side_raw_entries++;
              ret = (int) id;
              next = s;
              if (JC_LOG_ON (rt, JC_LOG_EXIT))
                jc_log (rt, JC_LOG_EXIT, "trace %u exit %u -> side trace %u "
                        "(raw)", t->id, id, s->id);
            }
          else if (t->exits[id].link
                   && (s = raw_link_to (rt, t, &t->exits[id])) != NULL)
            {
              /* A raw link into the head's loop copy: the exit's words
               * move to where the copy's seeds read them; only objects go
               * to the frame, unless the copy takes those raw too. */
              jc_rt_exit *ex = &t->exits[id];
              uint64_t w[64];
              for (uint32_t i = 0; i < ex->ncopy; i++)
                w[i] = ex->copy_from[i] == JC_COPY_CONST ? ex->copy_const[i]
                                                         : buf[ex->copy_from[i]];
              if ((!s->ptrs_in_buf && restore_ptrs (rt, ex, frame, buf) != 0)
                  || fit_buf (&buf, &cap, small, s->nslots_max) != 0)
                {
                  jc_runtime_fail (rt, JC_HOST_ERROR, "trace %u exit %u: a "
                                   "raw link failed", t->id, id);
                  next = NULL;
                  goto chain_end;
                }
              for (uint32_t i = 0; i < ex->ncopy; i++)
                buf[ex->copy_to[i]] = w[i];
              rt->stats.trace_links++;
              rt->stats.raw_links++;
              ret = (int) id;
              next = s;
              if (JC_LOG_ON (rt, JC_LOG_EXIT))
                jc_log (rt, JC_LOG_EXIT, "trace %u exit %u -> loop copy %u "
                        "(raw link)", t->id, id, s->id);
            }
          else if (restore (rt, t, &t->exits[id], &frame, buf, resume_pc) != 0)
            jc_runtime_fail (rt, JC_HOST_ERROR, "trace %u exit %u: a host "
                             "frame callback failed during deoptimization",
                             t->id, id);
          else
            {
              ret = (int) id;
              rt->last_exit = ret;
              rt->last_exit_trace = t->id;
              rt->last_exit_depth = t->side_depth;
              next = jc_side_next (rt, t, id, count);
            }
        }
    chain_end:
      if (--t->active == 0 && t->dead)
        reap = 1;
      if (rt->status != JC_OK)
        {
          ret = -1;
          break;
        }
      t = next;
    }
  if (buf != small)
    free (buf);
  if (reap)
    jc_inval_reap (rt);
  return ret;
}

/* A self-call's exit (jc_lower_call_self): the running trace's code ran
 * on frame without jc_trace_enter and returned words[0], its values in
 * words + 2 (a buffer of the running trace's exit words; word 1 see below).  Go on as
 * jc_trace_enter would, with the host's done word checked after every
 * native run: a side trace that takes the exit's values raw and needs
 * nothing written to the frame runs at once on the same words; any other
 * exit is restored (then its side trace, or a hot exit's new one, runs on
 * the restored frame if it needs no more words and no frame was
 * materialised).  1: a trace set *done; 0: the last exit is restored and
 * *resume_pc is its pc; -1: bad arguments (nothing changed) or a host
 * callback failed (the runtime is in its error state). */
/* jc_trace_self_exit past its raw side traces: exit words[0] of t needs
 * a restore. */
static __attribute__ ((noinline)) int
self_exit_restore (jc_runtime *rt, jc_trace *t, void *frame, uint64_t *words,
                   const int64_t *done, uint32_t *resume_pc, uint32_t cap)
{
  int ret = -1, reap = 0;
  for (;;)
    {
      uint32_t id = (uint32_t) words[0];
      if (words[0] >= t->nexits)
        {
          jc_runtime_fail (rt, JC_BAD_TRACE, "trace %u returned exit %llu "
                           "of %u", t->id, (unsigned long long) words[0],
                           t->nexits);
          break;
        }
      rt->stats.exits++;
      rt->stats.self_exits++;
      uint64_t count = ++t->exit_counts[id];
      jc_rt_exit *ex = &t->exits[id];
      jc_trace *next = ex->side;
      if (next && next->raw_entry && !t->dead && !next->dead
          && ex->nptrs == 0 && next->nslots_max <= cap)
        {
          rt->stats.side_entries++;
          rt->stats.side_raw_entries++;
        }
      else
        {
          void *f = frame;
          if (restore (rt, t, ex, &f, words + 2, resume_pc) != 0)
            {
              jc_runtime_fail (rt, JC_HOST_ERROR, "trace %u exit %u: a host "
                               "frame callback failed while restoring a "
                               "self-call's exit", t->id, id);
              break;
            }
          ret = 0;
          if (f != frame)
            break;              /* frames were materialised: the host's */
          next = jc_side_next (rt, t, id, count);
          if (!next || next->nslots_max > cap || rt->status != JC_OK)
            break;
        }
      jc_trace *outer = rt->running;
      next->active++;
      next->entries++;
      rt->running = next;
      words[0] = ((trace_fn) next->native) (frame, words + 2);
      rt->running = outer;
      if (--next->active == 0 && next->dead)
        reap = 1;
      t = next;
      if (*done)
        {
          ret = 1;
          break;
        }
      ret = -1;
    }
  if (reap)
    jc_inval_reap (rt);
  return rt->status != JC_OK ? -1 : ret;
}

/* A self-call's exit (jc_lower_call_self): the running trace's code ran
 * on frame without jc_trace_enter and returned words[0], its values in
 * words + 2 (a buffer of the running trace's exit words; word 1 see below).  Go on as
 * jc_trace_enter would, with the host's done word checked after every
 * native run: a side trace that takes the exit's values raw and needs
 * nothing written to the frame runs at once on the same words (the fast
 * path, here: a recursive function's base case is typically such a side
 * trace); any other exit is restored (self_exit_restore). */
JC_API int
jc_trace_self_exit (jc_runtime *rt, void *frame, uint64_t *words,
                    const int64_t *done, uint32_t *resume_pc)
{
  uint32_t pc_dummy;
  if (!resume_pc)
    resume_pc = &pc_dummy;
  if (!rt || !frame || !words || !done || rt->status != JC_OK
      || !rt->running)
    return -1;
  jc_trace *t = rt->running;
  uint32_t cap = t->nslots_max;
  if (words[0] >> 32)
    {
      /* The self-call ran exit x's side trace from the table (see
       * emit_self_call), word 1 that trace (alive: none is freed while
       * self_depth > 0, even if it was unlinked meanwhile): the exit
       * number is its. */
      uint64_t x = (words[0] >> 32) - 1;
      jc_trace *s = (jc_trace *) (uintptr_t) words[1];
      if (x >= t->nexits || !s || s->magic != JC_TRACE_MAGIC)
        {
          jc_runtime_fail (rt, JC_BAD_TRACE, "trace %u: a self-call ran no "
                           "known side trace of exit %llu", t->id,
                           (unsigned long long) x);
          return -1;
        }
      t->exit_counts[x]++;
      rt->stats.exits++;
      rt->stats.self_exits++;
      rt->stats.side_entries++;
      rt->stats.side_raw_entries++;
      t = s;
      words[0] &= 0xffffffffu;
    }
  for (;;)
    {
      uint64_t w = words[0];
      jc_rt_exit *ex = w < t->nexits ? &t->exits[w] : NULL;
      jc_trace *s = ex ? ex->side : NULL;
      if (!s || !s->raw_entry || ex->nptrs != 0 || s->nslots_max > cap
          || t->dead || s->dead)
        return self_exit_restore (rt, t, frame, words, done, resume_pc, cap);
      t->exit_counts[w]++;
      rt->stats.exits++;
      rt->stats.self_exits++;
      rt->stats.side_entries++;
      rt->stats.side_raw_entries++;
      jc_trace *outer = rt->running;
      s->active++;
      rt->running = s;
      words[0] = ((trace_fn) s->native) (frame, words + 2);
      rt->running = outer;
      if (--s->active == 0 && s->dead)
        jc_inval_reap (rt);
      if (*done)
        return 1;
      t = s;
    }
}

JC_API int
jc_runtime_last_exit (const jc_runtime *rt, uint32_t *trace_id,
                      uint32_t *side_depth)
{
  int have = rt && rt->last_exit >= 0;
  if (trace_id)
    *trace_id = have ? rt->last_exit_trace : 0;
  if (side_depth)
    *side_depth = have ? rt->last_exit_depth : 0;
  return have ? rt->last_exit : -1;
}

JC_API uint32_t
jc_trace_id (const jc_trace *t)
{
  return t ? t->id : 0;
}

JC_API void
jc_trace_head (const jc_trace *t, const void **code, uint32_t *pc)
{
  if (code)
    *code = t ? t->code : NULL;
  if (pc)
    *pc = t ? t->pc : 0;
}

JC_API uint64_t
jc_trace_exit_count (const jc_trace *t, uint32_t id)
{
  if (!t || t->magic != JC_TRACE_MAGIC || id >= t->nexits)
    return 0;
  return t->exit_counts[id];
}
