/* hello.c -- the smallest libjitcore host: a four-instruction register
 * bytecode that sums 0..n-1, run by its interpreter and then with the JIT
 * (hot loop head, projection, native trace, exit back to the interpreter). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <jitcore/jitcore.h>

enum { JGE, ADD, ADDI, JMP, RET };          /* opcodes */
typedef struct insn { int op, a, b, c; } insn;
enum { R_I, R_N, R_S, NREGS };              /* registers = frame slots */

static const insn prog[] = {
  { JGE, R_I, R_N, 4 },   /* 0: if i >= n goto 4   (the loop head) */
  { ADD, R_S, R_S, R_I }, /* 1: s = s + i */
  { ADDI, R_I, R_I, 1 },  /* 2: i = i + 1 */
  { JMP, 0, 0, 0 },       /* 3: goto 0 */
  { RET, R_S, 0, 0 },     /* 4: return s */
};

typedef struct frame { int64_t r[NREGS]; uint32_t pc; } frame;
typedef struct host { jc_trace *trace_at_0; jc_counter counter; } host;

/* --- lowering: each instruction to IR, assuming the loop goes on --- */
static int
lower (void *ud, jc_lower *b, const void *code, uint32_t pc, uint32_t depth,
       const void *ic, jc_step *step)
{
  (void) ud; (void) code; (void) depth; (void) ic;
  const insn *in = &prog[pc];
  step->kind = JC_STEP_NEXT;
  step->pc = pc + 1;
  switch (in->op)
    {
    case JGE:
      jc_lower_guard (b, jc_lower_cmp (b, JC_GE, jc_lower_slot_get (b, in->a),
                                       jc_lower_slot_get (b, in->b)), 0);
      break;
    case ADD:
      jc_lower_slot_set (b, in->a, jc_lower_binop_ov (b, JC_ADD,
                         jc_lower_slot_get (b, in->b),
                         jc_lower_slot_get (b, in->c)));
      break;
    case ADDI:
      jc_lower_slot_set (b, in->a, jc_lower_binop_ov (b, JC_ADD,
                         jc_lower_slot_get (b, in->b),
                         jc_lower_const_i64 (b, in->c)));
      break;
    case JMP:
      step->pc = (uint32_t) in->a;
      break;
    default:
      step->kind = JC_STEP_ABORT;
      step->reason = JC_ABORT_UNSUPPORTED_INSN;
    }
  return jc_lower_ok (b) ? 0 : 1;
}

static int
load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
           uint32_t slot)
{
  (void) ud; (void) code; (void) depth;
  jc_ref v = jc_lower_load (b, JC_TYPE_I64, jc_lower_frame (b),
                            (int64_t) (slot * sizeof (int64_t)), 1);
  return jc_lower_slot_bind (b, slot, v, JC_BIND_TYPE_ONLY);
}

/* One line of disassembly for the trace log (JITCORE_LOG=trace). */
static void
disasm (void *ud, const void *code, uint32_t pc, char *buf, size_t len)
{
  static const char *const names[] = { "JGE", "ADD", "ADDI", "JMP", "RET" };
  (void) ud; (void) code;
  const insn *in = &prog[pc];
  snprintf (buf, len, "%-4s %d %d %d", names[in->op], in->a, in->b, in->c);
}

/* --- frames at exits, installation --- */
static int
write_slot (void *ud, void *f, uint32_t slot, uint32_t type, uint64_t raw)
{
  (void) ud; (void) type;
  ((frame *) f)->r[slot] = (int64_t) raw;
  return 0;
}

static int
set_pc (void *ud, void *f, uint32_t pc)
{
  (void) ud;
  ((frame *) f)->pc = pc;
  return 0;
}

static int
install (void *ud, const void *code, uint32_t pc, jc_trace *t)
{
  (void) code;
  if (pc != 0)
    return 1;
  ((host *) ud)->trace_at_0 = t;
  return 0;
}

/* --- the interpreter (tier 1) --- */
static int64_t
run (jc_runtime *rt, host *h, int64_t n)
{
  frame f = { { 0, n, 0 }, 0 };
  int just_exited = 0;
  for (;;)
    {
      if (f.pc == 0 && h->trace_at_0 && !just_exited)
        {
          uint32_t resume;
          if (jc_trace_enter (rt, h->trace_at_0, &f, &resume) >= 0)
            {
              just_exited = 1;
              continue;
            }
        }
      just_exited = 0;
      const insn *in = &prog[f.pc];
      switch (in->op)
        {
        case JGE: f.pc = f.r[in->a] >= f.r[in->b] ? (uint32_t) in->c : f.pc + 1; break;
        case ADD: f.r[in->a] = f.r[in->b] + f.r[in->c]; f.pc++; break;
        case ADDI: f.r[in->a] = f.r[in->b] + in->c; f.pc++; break;
        case JMP:
          f.pc = (uint32_t) in->a;
          /* A safe point where a trace compiled in the background gets
           * installed, then the counter. */
          if (rt)
            jc_runtime_poll (rt);
          if (rt && jc_counter_tick (&h->counter))
            jc_runtime_hot (rt, prog, 0, JC_HOT_LOOP, &h->counter);
          break;
        case RET: return f.r[in->a];
        }
    }
}

static double
ms_since (struct timespec t0)
{
  struct timespec t1;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  return (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
}

int
main (void)
{
  printf ("libjitcore %s (headers %s)\n", jc_version (), JC_VERSION_STRING);
  int64_t n = 20000000;
  host h = { 0 };
  struct timespec t0;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  int64_t slow = run (NULL, &h, n);
  double t_interp = ms_since (t0);

  jc_host d = JC_HOST_INIT;
  d.userdata = &h;
  d.disasm = disasm;
  d.lower = lower;
  d.load_slot = load_slot;
  d.write_slot = write_slot;
  d.set_pc = set_pc;
  d.install = install;
  jc_runtime *rt = jc_runtime_new (&d, NULL);
  if (jc_runtime_status (rt) != JC_OK)
    printf ("JIT unavailable: %s\n", jc_runtime_error_message (rt));
  jc_counter_init (rt, &h.counter, JC_HOT_LOOP);
  clock_gettime (CLOCK_MONOTONIC, &t0);
  int64_t fast = run (rt, &h, n);
  double t_jit = ms_since (t0);
  jc_stats s = { .size = sizeof s };
  jc_stats_get (rt, &s);
  printf ("sum(0..%lld) = %lld interpreted in %.0f ms, %lld with the JIT in "
          "%.0f ms (%llu trace, %.0f ms compiling)\n", (long long) n - 1,
          (long long) slow, t_interp, (long long) fast, t_jit,
          (unsigned long long) s.traces_installed, s.compile_ns / 1e6);
  if (s.traces_installed == 0 && jc_runtime_last_failure (rt)[0])
    printf ("no trace: %s\n", jc_runtime_last_failure (rt));
  jc_runtime_free (rt);
  return strcmp (jc_version (), JC_VERSION_STRING) != 0 || slow != fast;
}
