/* select.c -- trace selection by projection: from a hot (code, pc), walk the
 * host's bytecode through its lower callback, instruction by instruction,
 * inlining calls, until the loop closes, another trace is reached, or a
 * limit hits; then compile and hand the trace back to hotness.c.
 *
 * Design
 * ======
 * Projection, not recording.  The interpreter is not running while a trace
 * is selected: the runtime asks the host to lower the instruction at the
 * head, and the host, reading what its inline caches observed at that pc
 * (operand types, branch bias, call target), emits IR that *assumes* what
 * tier 1 saw, guarded, and says where the trace goes next (jc_step).  The
 * walk follows that answer.  So the trace is the path tier 1 took most
 * often, and every assumption is a guard with a snapshot (lower.h).
 *
 * The walk keeps a stack of frames: the root frame (depth 0, the head's
 * code) and one per inlined call.  JC_STEP_CALL pushes one (the builder
 * gets a new virtual frame whose first slots are the caller's argument
 * slots) and continues at the callee's entry; JC_STEP_RETURN pops it and
 * continues at the caller's return pc.  The builder keeps the virtual
 * frames for snapshots; this file keeps what it needs to steer: the code
 * and return pc of each frame.
 *
 * When it ends (checked before lowering each instruction):
 *   - back at the head in the root frame: the loop closes (success);
 *   - at the head of another installed trace in the root frame: the trace
 *     ends with an exit to that pc, a link exit: jc_trace_enter goes on
 *     into the trace installed at that head (side.c) without returning
 *     to the host, or returns there if none is;
 *   - JC_STEP_EXIT from the host: an exit to the interpreter (success);
 *   - a return in the root frame of a function-entry trace: an exit to the
 *     return instruction (success; in a loop trace it aborts);
 *   - a (code, pc) visited before in the same frame: an inner loop that
 *     is not this trace's own; abort, so the inner loop gets hot and
 *     traced by itself first (the outer trace then links to it).  "The
 *     same frame" is one frame instance, not one depth: two calls of one
 *     function from the same caller (or a recursive call) inline its body
 *     twice at the same depth, which is no loop;
 *   - except a return to a loop head the host unrolls: while lowering an
 *     inner loop's head whose trip count it knows at projection time, the
 *     host decides the iteration and calls jc_lower_unroll (lower.h); the
 *     next return to that visit is the loop's next iteration, so the
 *     visits since it are forgotten (seen_before) and the walk goes on
 *     through the body again.  Each grant spends one of the trace's
 *     max_unroll iterations; once they are spent the host lowers the head
 *     as usual and the return aborts as an inner loop.  The unrolled
 *     iterations are straight-line code inside the outer trace: its
 *     guards exit to the interpreter with the iterator where that
 *     iteration left it (the host's business: it keeps the iterator's
 *     state where an exit finds it);
 *   - an inner loop in the root frame of a root trace, when the host did
 *     not unroll it (options.inner_exit_min_insns, "Inner heads" below):
 *     the walk is made again and ends with an exit at that head the first
 *     time it reaches it, if enough instructions came before it;
 *   - limits: instructions (max_trace_insns), snapshots (max_snapshots),
 *     inline depth (max_inline_depth): abort with that reason.
 * Every abort has one reason from JC_ABORT_TABLE (runtime.h): counted in
 * stats.aborted_by_reason, logged under "abort", and reported to the head's
 * backoff in hotness.c.
 *
 * Selection ends with a compile job (compile.h): the optimized IR, the
 * trace's exits and retained constants.  Everything that calls the host
 * happened here, on its thread; the backend may then run on the compile
 * thread (compile.c), and hotness.c installs the trace at a safe point.
 */
#include <stdlib.h>
#include <string.h>
#include "runtime_internal.h"
#include "select_ir.h"
#include "compile.h"

typedef struct sel_frame {
  const void *code;
  uint32_t return_pc;        /* in the caller */
  uint32_t len;              /* bytecode length (0: unknown) */
  uint32_t serial;           /* this frame instance (root: 0) */
} sel_frame;

/* One visited instruction.  unroll: the host unrolled its loop at this
 * visit (jc_lower_unroll): 1 granted, 2 asked but refused (budget spent). */
typedef struct sel_visit {
  const void *code;
  uint32_t pc, serial;
  uint32_t unroll;
} sel_visit;

typedef struct selection {
  jc_runtime *rt;
  jc_lower *b;
  const void *head_code;
  uint32_t head_pc;
  jc_hot_kind kind;
  const jc_trace *parent;    /* side trace: the trace whose exit it hangs off */
  uint32_t parent_exit;
  int raw_entry;             /* side trace seeded with its parent exit's
                                values (jc_selir_seed_side) */
  int copy_home;             /* the side trace of a link exit (side.c, "Raw
                                links"): closes its loop at its head */
  jc_head *link_head;        /* the walk ended at this installed head ... */
  uint32_t link_exit;        /* ... through this exit */
  sel_frame frames[65];
  uint32_t depth;
  uint32_t nserials;         /* frame instances pushed so far */
  uint32_t ninsns;
  uint32_t unrolled;         /* inner-loop iterations unrolled so far */
  uint64_t path;             /* hash of the (code, pc, depth) walked */
  sel_visit *visited;
  /* The inner loop the walk came back to (JC_ABORT_INNER_LOOP): where,
   * the index of its first visit, and whether an unroll was refused. */
  const void *inner_code;
  uint32_t inner_pc, inner_first, inner_depth, inner_why;
  /* A second walk ends with an exit when it reaches this head (depth 0). */
  const void *stop_code;
  uint32_t stop_pc;
  int stop;
  jc_abort_reason reason;
  char msg[200];
} selection;

static uint32_t
code_len (jc_runtime *rt, const void *code)
{
  jc_code_info ci;
  memset (&ci, 0, sizeof ci);
  if (rt->host.code_info
      && rt->host.code_info (rt->host.userdata, code, &ci) == 0)
    return ci.bytecode_len;
  return 0;
}

static int
sel_abort (selection *s, jc_abort_reason r, const char *fmt, ...)
  __attribute__((format (printf, 3, 4)));

static int
sel_abort (selection *s, jc_abort_reason r, const char *fmt, ...)
{
  s->reason = r;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (s->msg, sizeof s->msg, fmt, ap);
  va_end (ap);
  return -1;
}

static void
log_insn (selection *s, const void *code, uint32_t pc)
{
  jc_runtime *rt = s->rt;
  if (!JC_LOG_ON (rt, JC_LOG_TRACE))
    return;
  char dis[128] = "";
  if (rt->host.disasm)
    rt->host.disasm (rt->host.userdata, code, pc, dis, sizeof dis);
  jc_log (rt, JC_LOG_TRACE, "  %*s[%u] pc %u  %s", (int) s->depth * 2, "",
          s->depth, pc, dis);
}

/* 1 if (code, pc) was already on the path in the current frame instance
 * (an inner loop: the caller aborts; *why says whether an unroll was
 * refused there).  A return to a visit the host unrolled (jc_lower_unroll)
 * is that loop's next iteration: the visits since then (the iteration's
 * body, the head itself) are forgotten, so the next iteration may pass
 * through them again, and the head is recorded anew.  Visits before the
 * unrolled head stay: a loop around it that is not unrolled still aborts
 * when it comes back. */
uint32_t
jc_sel_max_insns (const jc_runtime *rt, int unrolled)
{
  uint64_t n = rt->opts.max_trace_insns;
  if (unrolled)
    n *= rt->opts.unrolled_trace_factor ? rt->opts.unrolled_trace_factor : 1;
  return n > 100000 ? 100000 : (uint32_t) n;
}

static int
seen_before (selection *s, const void *code, uint32_t pc, uint32_t *why)
{
  uint32_t serial = s->frames[s->depth].serial;
  *why = 0;
  for (uint32_t i = 0; i < s->ninsns; i++)
    if (s->visited[i].code == code && s->visited[i].pc == pc
        && s->visited[i].serial == serial)
      {
        if (s->visited[i].unroll != 1)
          {
            *why = s->visited[i].unroll;
            s->inner_code = code;
            s->inner_pc = pc;
            s->inner_first = i;
            s->inner_depth = s->depth;
            s->inner_why = *why;
            return 1;
          }
        for (uint32_t k = i; k < s->ninsns; k++)
          s->visited[k].code = NULL;
        s->rt->stats.unrolled_iterations++;
        s->unrolled++;
        jc_log (s->rt, JC_LOG_TRACE, "  unrolled: pc %u (depth %u) again, "
                "its loop's next iteration", pc, s->depth);
        break;
      }
  s->visited[s->ninsns].code = code;
  s->visited[s->ninsns].pc = pc;
  s->visited[s->ninsns].serial = serial;
  s->visited[s->ninsns].unroll = 0;
  return 0;
}

/* Follow one step; returns 1 to continue, 0 when the trace is complete,
 * -1 on abort. */
static int
follow (selection *s, const jc_step *st, const void **code, uint32_t *pc)
{
  jc_runtime *rt = s->rt;
  switch (st->kind)
    {
    case JC_STEP_NEXT:
      *pc = st->pc;
      return 1;
    case JC_STEP_CALL:
      if (!rt->host.push_frame)
        return sel_abort (s, JC_ABORT_INLINE_TOO_DEEP, "pc %u: host cannot "
                          "materialise frames (no push_frame): no inlining",
                          *pc);
      if (s->depth + 1 > rt->opts.max_inline_depth)
        return sel_abort (s, JC_ABORT_INLINE_TOO_DEEP, "pc %u: inlining "
                          "beyond depth %u", *pc, rt->opts.max_inline_depth);
      if (!st->code)
        return sel_abort (s, JC_ABORT_LOWER_ERROR, "pc %u: CALL step "
                          "without a callee", *pc);
      if (jc_selir_push_frame (s->b, st, *pc) != 0)
        return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", *pc,
                          jc_selir_error (s->b));
      s->frames[s->depth].return_pc = st->return_pc;
      s->depth++;
      s->frames[s->depth].code = st->code;
      s->frames[s->depth].len = code_len (rt, st->code);
      s->frames[s->depth].serial = ++s->nserials;
      *code = st->code;
      *pc = st->pc;
      return 1;
    case JC_STEP_RETURN:
      if (s->depth == 0 && (s->kind == JC_HOT_FUNC || s->parent))
        {
          /* A function-entry trace ends at its return: exit to the return
           * instruction, which the interpreter then executes.  So does a
           * side trace (it may have left its root's loop, and the
           * interpreter returns as well as a trace would). */
          if (jc_selir_exit (s->b, *pc) != 0)
            return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", *pc,
                              jc_selir_error (s->b));
          jc_log (rt, JC_LOG_TRACE, "function trace ends at its return, pc "
                  "%u", *pc);
          return 0;
        }
      if (s->depth == 0)
        return sel_abort (s, JC_ABORT_RETURN_FROM_ROOT, "pc %u: return "
                          "from the trace's root frame", *pc);
      if (jc_selir_pop_frame (s->b, st) != 0)
        return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", *pc,
                          jc_selir_error (s->b));
      s->depth--;
      *code = s->frames[s->depth].code;
      *pc = s->frames[s->depth].return_pc;
      return 1;
    case JC_STEP_EXIT:
      if (jc_selir_exit (s->b, st->pc) != 0)
        return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", *pc,
                          jc_selir_error (s->b));
      jc_log (rt, JC_LOG_TRACE, "trace ends with an exit to pc %u", st->pc);
      return 0;
    case JC_STEP_ABORT:
      {
        jc_abort_reason r = st->reason > JC_ABORT_NONE
                            && st->reason < JC_ABORT_COUNT_
                            ? (jc_abort_reason) st->reason
                            : JC_ABORT_HOST_REFUSED;
        return sel_abort (s, r, "pc %u: %s", *pc,
                          st->message ? st->message : jc_abort_reason_name (r));
      }
    default:
      return sel_abort (s, JC_ABORT_LOWER_ERROR, "pc %u: lower returned "
                        "unknown step kind %u", *pc, st->kind);
    }
}

/* A side trace back at its own head (options.side_link_home, the
 * default) does not close a loop of its own there.  Its first instruction
 * was lowered for the way the parent's guard failed (jc_lower_side_entry),
 * which the next time round usually does not hold: nbody's inner loop
 * ends once per outer iteration (the root's guard at its head), and the
 * side trace from there goes round the outer loops back to the head,
 * where the next outer iteration starts the inner loop anew; closed, its
 * loop copy left at its first guard every time (and doubled GCC's work).
 * So when a trace is installed at the head (the root's, typically) the
 * walk ends with a link exit to it, which takes the head either way (its
 * exit there comes back to this side trace); otherwise the walk goes on
 * through the head as through any instruction (a loop the host unrolls
 * there, as nbody's `for i` in the side trace from its end, takes its
 * next iteration), and aborts as an inner loop if it comes back a third
 * time without an unroll.  side_link_home = 0: the loop closes as
 * before. */

/* The path a walk takes: a hash of each instruction's (code, pc, depth)
 * in order, with the count in ninsns (FNV-1a over the three words). */
static uint64_t
path_step (uint64_t h, const void *code, uint32_t pc, uint32_t depth)
{
  uint64_t w[3] = { (uint64_t) (uintptr_t) code, pc, depth };
  if (!h)
    h = 0xcbf29ce484222325ull;
  for (int i = 0; i < 3; i++)
    for (int b = 0; b < 8; b++)
      {
        h ^= (w[i] >> (8 * b)) & 0xff;
        h *= 0x100000001b3ull;
      }
  return h;
}

/* A loop copy (side.c, "Raw links") stands for its root's loop: exits of
 * the tree go into it instead of the root.  Its walk starts from the live
 * frame at a link exit, which may take the loop another way than the
 * root's walk did (nbody's inner `for j` seeded when its range is empty:
 * the copy went round the outer loop instead, and every inner iteration
 * then left it).  Such a copy is not a copy: it aborts, and side.c asks
 * again at the next link (1: diverged). */
static int
diverged (selection *s)
{
  const jc_trace *root = s->parent->root ? s->parent->root : s->parent;
  if (!root->path_len
      || (root->path_len == s->ninsns && root->path_sig == s->path))
    return 0;
  sel_abort (s, JC_ABORT_COPY_DIVERGED, "the loop copy walked %u "
             "instructions another way than trace %u's %u", s->ninsns,
             root->id, root->path_len);
  return 1;
}

/* Walk from the head until the trace is complete (0) or aborts (-1). */
static int
walk (selection *s)
{
  jc_runtime *rt = s->rt;
  const void *code = s->head_code;
  uint32_t pc = s->head_pc;
  for (;;)
    {
      int home = s->ninsns > 0 && s->depth == 0 && code == s->head_code
                 && pc == s->head_pc;
      if (home && s->parent && s->rt->opts.side_link_home && !s->copy_home)
        /* Not a loop of its own (side_links_home): the link below if a
         * trace is installed here, else on through the head, whose first
         * visit (the side entry) is forgotten. */
        s->visited[0].code = NULL;
      else if (home)
        {
          if (s->copy_home && diverged (s))
            return -1;
          if (jc_selir_close_loop (rt, s->b, s->head_pc) != 0)
            return sel_abort (s, JC_ABORT_IR_ERROR, "closing the loop: %s",
                              jc_selir_error (s->b));
          jc_log (rt, JC_LOG_TRACE, "trace closes its loop at pc %u after "
                  "%u instructions", pc, s->ninsns);
          return 0;
        }
      if (s->ninsns > 0 && s->depth == 0)
        {
          jc_head *h = jc_runtime_head (rt, code, pc, 0);
          if (h && h->trace)
            {
              if (jc_selir_exit (s->b, pc) != 0)
                return sel_abort (s, JC_ABORT_IR_ERROR, "linking: %s",
                                  jc_selir_error (s->b));
              s->link_head = h;
              s->link_exit = jc_selir_nsnapshots (s->b) - 1;
              jc_log (rt, JC_LOG_TRACE, "trace links to trace %u at pc %u",
                      h->trace->id, pc);
              return 0;
            }
        }
      if (s->stop && s->ninsns > 0 && s->depth == 0 && code == s->stop_code
          && pc == s->stop_pc)
        {
          /* The inner loop's head (inner_head_exit): end here.  (A trace
           * installed here got the link above.) */
          if (jc_selir_exit (s->b, pc) != 0)
            return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", pc,
                              jc_selir_error (s->b));
          rt->stats.inner_exits++;
          jc_log (rt, JC_LOG_TRACE, "trace ends with an exit at the inner "
                  "loop head pc %u after %u instructions", pc, s->ninsns);
          return 0;
        }
      uint32_t max = jc_sel_max_insns (rt, s->unrolled != 0);
      if (s->ninsns >= max)
        return sel_abort (s, JC_ABORT_TRACE_TOO_LONG, "more than %u "
                          "instructions%s", max, s->unrolled
                          ? " (the limit of a trace with unrolled loops)"
                          : "");
      if (!s->unrolled && jc_selir_ninsns (s->b) > 4 * max)
        return sel_abort (s, JC_ABORT_IR_ERROR, "trace too long (more than "
                          "%u IR instructions)", 4 * max);
      uint32_t len = s->frames[s->depth].len;
      if (len && pc >= len)
        return sel_abort (s, JC_ABORT_BAD_PC, "pc %u outside bytecode of "
                          "length %u", pc, len);
      uint32_t why;
      if (seen_before (s, code, pc, &why))
        return sel_abort (s, JC_ABORT_INNER_LOOP, "pc %u (depth %u) reached "
                          "again%s", pc, s->depth,
                          why == 2 ? " (its loop is unrolled, but the unroll "
                          "budget, max_unroll, was spent)" : "");
      log_insn (s, code, pc);
      s->path = path_step (s->path, code, pc, s->depth);
      jc_selir_begin_insn (rt, s->b, code, pc);
      const void *ic = rt->host.ic_data
                       ? rt->host.ic_data (rt->host.userdata, code, pc)
                       : NULL;
      jc_step st;
      memset (&st, 0, sizeof st);
      jc_selir_side_entry (s->b, s->parent && s->ninsns == 0
                                 ? (s->copy_home ? 2 : 1) : 0);
      int rc = rt->host.lower (rt->host.userdata, s->b, code, pc, s->depth,
                               ic, &st);
      jc_selir_side_entry (s->b, 0);
      s->visited[s->ninsns].unroll = (uint32_t) jc_selir_take_unroll (s->b);
      s->ninsns++;
      if (rc != 0)
        return sel_abort (s, JC_ABORT_HOST_REFUSED, "pc %u: lower returned "
                          "%d", pc, rc);
      if (jc_selir_error (s->b) && st.kind != JC_STEP_ABORT)
        return sel_abort (s, JC_ABORT_IR_ERROR, "pc %u: %s", pc,
                          jc_selir_error (s->b));
      if (jc_selir_nsnapshots (s->b) > rt->opts.max_snapshots)
        return sel_abort (s, JC_ABORT_TOO_MANY_SNAPSHOTS, "more than %u "
                          "snapshots", rt->opts.max_snapshots);
      int f = follow (s, &st, &code, &pc);
      if (f <= 0)
        return f;
    }
}

/* The payback rule (options.payback_ratio; README, "Payback"): a root
 * loop trace that closed its loop with fewer than payback_ratio host
 * instructions per iteration for each one that calls a generic helper of
 * the host's (JC_HELPER_GENERIC) saves too little to pay back its
 * compile.  0 = compile it; otherwise the selection aborts. */
static int
payback (selection *s)
{
  uint32_t ratio = s->rt->opts.payback_ratio;
  if (!ratio || s->parent || s->kind != JC_HOT_LOOP
      || !jc_selir_loop_closed (s->b))
    return 0;
  uint32_t g = jc_selir_generic_insns (s->b);
  if (g)
    jc_log (s->rt, JC_LOG_TRACE, "payback: %u of its %u instructions call "
            "the host's generic paths (payback=%u)", g, s->ninsns, ratio);
  if (!g || (uint64_t) (s->ninsns - g) >= (uint64_t) g * ratio)
    return 0;
  return sel_abort (s, JC_ABORT_NO_PAYBACK, "%u of its %u instructions an "
                    "iteration call the host's generic paths: fewer than "
                    "payback=%u others for each", g, s->ninsns, ratio);
}

/* The walk is complete: a trace and a compile job carrying the optimized
 * IR (the job now owns the builder). */
static jc_status
prepare (selection *s, jc_job **out)
{
  jc_runtime *rt = s->rt;
  jc_trace *t = calloc (1, sizeof *t);
  if (!t)
    return jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for a trace");
  t->magic = JC_TRACE_MAGIC;
  t->rt = rt;
  t->id = ++rt->next_trace_id;
  t->code = s->head_code;
  t->pc = s->head_pc;
  int closed = jc_selir_loop_closed (s->b);
  jc_job *job = jc_job_new (t, s->b);
  if (!job)
    {
      jc_exit_free_trace (t);
      return jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for a job");
    }
  s->b = NULL;
  char msg[256] = "";
  jc_status st = jc_selir_prepare (rt, job->ir, t, &job->eo, msg, sizeof msg);
  if (st != JC_OK)
    {
      rt->stats.compile_failures++;
      jc_runtime_note_failure (rt, "trace at pc %u: compile failed: %s",
                               s->head_pc, msg);
      jc_log (rt, JC_LOG_COMPILE, "trace %u at pc %u: compile failed: %s",
              t->id, s->head_pc, msg);
      jc_job_free (job);
      return JC_COMPILE_FAILED;
    }
  /* A walk that reached another installed trace's head: its final exit
   * is a link from the start, for a root trace as for a side trace (the
   * head is looked up at run time, so a trace replaced, invalidated or
   * evicted there is not run: the exit then returns to the host).
   * side_threshold 0 turns links off with side traces. */
  if (s->link_head && rt->opts.side_threshold != 0)
    t->exits[s->link_exit].link = s->link_head;
  t->raw_entry = s->raw_entry != 0;
  t->copy_home = s->copy_home;
  if (closed)
    {
      t->path_sig = s->path;
      t->path_len = s->ninsns;
    }
  t->ptrs_in_buf = s->raw_entry == 2;
  jc_side_arm (rt, t);
  *out = job;
  return JC_OK;
}

/* Inner heads (options.inner_exit_min_insns).  A root trace's walk that
 * comes back to a loop head other than its own in the root frame (a loop
 * nobody unrolls: insertion sort's `while` inside its `for`, a function's
 * loop reached from its entry) aborts, and the head backs off; a
 * function-entry trace of a function with a loop never got compiled at
 * all.  Now, when the abort pays (below), the inner head is remembered on
 * the trace's head (jc_head.stop_code/stop_pc), and the head's next
 * selection ends with an exit there the first time its walk reaches it:
 * the code before the loop runs natively, and the exit, unconditional and
 * in the root frame, becomes a link once hot (side.c, link_exit), so when
 * the inner loop gets a trace of its own (it is an ordinary loop head to
 * the host) the entry trace goes on into it without the host.
 *
 * Why the next selection rather than walking again at once: a host keeps
 * state of its own along a walk (stack depths, what it inlined, types it
 * learned), reset where it calls jc_runtime_hot; a second walk inside the
 * same call would find that state at the end of the first.  The price is
 * one backoff step (the abort counts as the head's failure, as before),
 * and no host needs to know.  If the next walk takes another path and
 * does not reach the remembered head, it ends as any walk does; another
 * inner loop replaces the remembered one.
 *
 * When it pays: at least inner_exit_min_insns host instructions (those of
 * inlined calls included) before the inner head's first visit -- each
 * entry then pays one trace entry and one exit through the host's frame
 * callbacks for them.  Not for side traces (their exits do not become
 * links later) nor inside an inlined frame (no link into a callee's loop),
 * nor when an unroll budget ran out there (that loop is the host's). */
static int
inner_exit_pays (const selection *s)
{
  const jc_runtime *rt = s->rt;
  return s->reason == JC_ABORT_INNER_LOOP && !s->parent
         && s->inner_depth == 0 && s->inner_why == 0
         && rt->opts.inner_exit_min_insns != 0
         && s->inner_first >= rt->opts.inner_exit_min_insns;
}

static jc_status
select_at (jc_runtime *rt, const void *code, uint32_t pc, jc_hot_kind kind,
           const jc_trace *parent, uint32_t parent_exit, jc_job **out)
{
  selection s;
  memset (&s, 0, sizeof s);
  s.rt = rt;
  s.head_code = code;
  s.head_pc = pc;
  s.kind = kind;
  s.parent = parent;
  s.parent_exit = parent_exit;
  /* Only side.c's raw links select a side trace of an unconditional exit
   * (a link exit back to the root's head): a loop copy, closing at home. */
  s.copy_home = parent && parent->exits[parent_exit].uncond;
  s.frames[0].code = code;
  s.frames[0].len = code_len (rt, code);
  s.visited = calloc (jc_sel_max_insns (rt, 1) + 1, sizeof *s.visited);
  if (!s.visited)
    return jc_runtime_fail (rt, JC_NO_MEMORY, "out of memory for selection");
  rt->stats.traces_started++;
  rt->last_abort = JC_ABORT_NONE;
  if (parent)
    jc_log (rt, JC_LOG_TRACE, "side trace start at pc %u (trace %u exit %u)",
            pc, parent->id, parent_exit);
  else
    jc_log (rt, JC_LOG_TRACE, "trace start at pc %u (%s)", pc,
            kind == JC_HOT_FUNC ? "function entry" : "loop head");
  jc_status st = JC_OK;
  jc_head *h = parent ? NULL : jc_runtime_head (rt, code, pc, 0);
  if (h && h->stop_code && rt->opts.inner_exit_min_insns)
    {
      s.stop = 1;
      s.stop_code = h->stop_code;
      s.stop_pc = h->stop_pc;
    }
  char berr[200] = "";
  s.b = jc_selir_new (rt, code, pc, berr, sizeof berr);
  if (!s.b)
    {
      sel_abort (&s, JC_ABORT_IR_ERROR, "%s", berr);
      goto aborted;
    }
  /* Until prepare has given the trace its deps, the dependency filter
   * (invalidate.c) cannot see them: every invalidation meanwhile takes the
   * full path. */
  rt->selecting++;
  if (parent)
    {
      s.raw_entry = jc_selir_seed_side (rt, s.b, parent, parent_exit);
      if (s.raw_entry < 0)
        {
          rt->selecting--;
          sel_abort (&s, JC_ABORT_IR_ERROR, "%s", jc_selir_error (s.b));
          goto aborted;
        }
    }
  if (walk (&s) != 0 || payback (&s) != 0)
    {
      rt->selecting--;
      if (h && inner_exit_pays (&s))
        {
          h->stop_code = s.inner_code;
          h->stop_pc = s.inner_pc;
          jc_log (rt, JC_LOG_TRACE, "inner loop at pc %u after %u "
                  "instructions: the next trace here ends at it", s.inner_pc,
                  s.inner_first);
        }
      goto aborted;
    }
  st = prepare (&s, out);
  rt->selecting--;
  goto done;
aborted:
  rt->last_abort = s.reason;
  jc_stats_count_abort (rt, s.reason);
  jc_runtime_note_failure (rt, "trace at pc %u aborted (%s): %s", pc,
                           jc_abort_reason_name (s.reason), s.msg);
  jc_log (rt, JC_LOG_ABORT, "trace at pc %u aborted (%s): %s", pc,
          jc_abort_reason_name (s.reason), s.msg);
  st = JC_ABORTED;
done:
  if (s.b)
    jc_selir_free (s.b);
  free (s.visited);
  return st;
}

jc_status
jc_select_trace (jc_runtime *rt, const void *code, uint32_t pc,
                 jc_hot_kind kind, jc_job **out)
{
  return select_at (rt, code, pc, kind, NULL, 0, out);
}

/* A side trace from exit exit_id of parent: its head is the exit's resume
 * pc in its (only) frame, which exit.c has just restored. */
jc_status
jc_select_side (jc_runtime *rt, const jc_trace *parent, uint32_t exit_id,
                jc_job **out)
{
  const jc_rt_exit *ex = &parent->exits[exit_id];
  const jc_rt_frame *fr = &ex->frames[ex->nframes - 1];
  return select_at (rt, fr->code, fr->pc, JC_HOT_LOOP, parent, exit_id, out);
}
