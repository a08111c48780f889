/* ir_dump.c -- the human-readable IR listing (JITCORE_LOG=ir): one line
 * per instruction with its pc and line, then every snapshot, so a person
 * can read the trace next to the host's disassembly. */
#include <inttypes.h>
#include "ir_internal.h"

static const char *const type_names[] = {
#define JC_X(n, s, c) s,
  JC_TYPE_LIST (JC_X)
#undef JC_X
};
static const char *const op_names[] = {
#define JC_X(n, s, k) s,
  JC_IR_OP_LIST (JC_X)
#undef JC_X
};
static const char *const binop_names[] = {
  "ADD", "SUB", "MUL", "DIV", "BAND", "BOR", "BXOR", "SHL", "SHR",
  "FLOORDIV", "FLOORMOD"
};
static const char *const cmp_names[] = { "EQ", "NE", "LT", "LE", "GT", "GE" };
static const char *const unop_names[] = {
  "NEG", "NOT", "I2F", "F2I", "B2I", "I2B"
};

const char *
jc_ir_type_name (jc_type t)
{
  return (unsigned) t < JC_TYPE__COUNT ? type_names[t] : "?";
}

static const char *
op_name (const jc_ir_insn *in, char *buf, size_t n)
{
  switch (in->op)
    {
    case JC_IR_BINOP:
      return in->sub < JC_BINOP__COUNT ? binop_names[in->sub] : "BINOP?";
    case JC_IR_BINOV:
      snprintf (buf, n, "%sOV", in->sub < JC_BINOP__COUNT ? binop_names[in->sub] : "?");
      return buf;
    case JC_IR_CMP:
      return in->sub < 6 ? cmp_names[in->sub] : "CMP?";
    case JC_IR_UNOP:
      return in->sub < 6 ? unop_names[in->sub] : "UNOP?";
    default:
      return in->op < JC_IR__COUNT ? op_names[in->op] : "?";
    }
}

static void
dump_ref (FILE *out, jc_ref r)
{
  if (JC_SNAP_IS_CARRIED (r))
    fprintf (out, "loop:%u", JC_SNAP_CARRIED_SLOT (r));
  else
    fprintf (out, "%04d", (int) r);
}

static void
dump_insn (const jc_lower *b, FILE *out, jc_ref i)
{
  const jc_ir_insn *in = &b->insns[i];
  char buf[16];
  fprintf (out, "%04d %c %-4s %-6s", (int) i, in->group ? '>' : ' ',
           jc_ir_type_name (in->type), op_name (in, buf, sizeof buf));
  switch (in->op)
    {
    case JC_IR_KI64: case JC_IR_KBOOL:
      fprintf (out, " %" PRId64, in->imm.i); break;
    case JC_IR_KF64:
      fprintf (out, " %.17g", in->imm.f); break;
    case JC_IR_KPTR:
      fprintf (out, " %p", in->imm.p); break;
    case JC_IR_XBUF:
      if (in->sub)
        fprintf (out, " 0x%" PRIx64, (uint64_t) in->imm.i);
      else
        fprintf (out, " exit_buf[%" PRId64 "]", in->imm.i);
      break;
    case JC_IR_KOBJ:
      fprintf (out, " [%" PRId64 "] %p", in->imm.i,
               b->consts[in->imm.i]); break;
    case JC_IR_LOAD:
      fprintf (out, " %04d%+" PRId64 " @%u", (int) in->a, in->imm.i,
               in->sub); break;
    case JC_IR_STORE:
      fprintf (out, " %04d%+" PRId64 " @%u = %04d", (int) in->a, in->imm.i,
               in->sub, (int) in->b); break;
    case JC_IR_LOADX:
      fprintf (out, " %04d[%04d*%u]%+" PRId64 " @%u", (int) in->a, (int) in->b,
               in->scale, in->imm.i, in->sub); break;
    case JC_IR_STOREX:
      fprintf (out, " %04d[%04d*%u]%+" PRId64 " @%u = %04d", (int) in->a,
               (int) in->b, in->scale, in->imm.i, in->sub, (int) in->c);
      break;
    case JC_IR_CALL:
      {
        const jc_host *h = b->hooks.host;
        fprintf (out, " %s(", h && in->sub < h->nhelpers
                 ? h->helpers[in->sub].name : "?");
        for (jc_ref k = 0; k < in->b; k++)
          fprintf (out, "%s%04d", k ? " " : "", (int) b->args[in->a + k]);
        fputc (')', out);
        if (in->flags & JC_IRF_COND)
          fprintf (out, " if %04d", (int) in->c);
        if (in->flags & JC_IRF_SELF)
          fprintf (out, " self-call");
        break;
      }
    case JC_IR_GUARD:
      fprintf (out, " %04d == %u", (int) in->a, in->sub);
      if (in->flags & JC_IRF_LOOP_IMPLIED)
        fprintf (out, " first-iteration-only");
      break;
    case JC_IR_SELECT:
      fprintf (out, " %04d ? %04d : %04d", (int) in->a, (int) in->b,
               (int) in->c); break;
    default:
      if (in->a >= 0)
        fprintf (out, " %04d", (int) in->a);
      if (in->b >= 0)
        fprintf (out, " %04d", (int) in->b);
    }
  if (in->snap >= 0)
    fprintf (out, "  -> exit %d", (int) in->snap);
  fprintf (out, "    ; pc %u", in->pc);
  if (in->line >= 0)
    fprintf (out, " line %d", (int) in->line);
  fputc ('\n', out);
}

static void
dump_snap (const jc_lower *b, FILE *out, uint32_t id)
{
  const jc_snap *s = &b->snaps[id];
  fprintf (out, "SNAP #%u", id);
  for (uint32_t f = 0; f < s->nframes; f++)
    {
      const jc_snap_frame *sf = &s->frames[f];
      fprintf (out, " %s{pc=%u", f ? "| " : "", sf->pc);
      if (f)
        fprintf (out, " args=%u+%u", sf->arg_base, sf->nargs);
      for (uint32_t e = sf->first; e < sf->first + sf->count; e++)
        {
          fprintf (out, " %u:", s->entries[e].slot);
          dump_ref (out, s->entries[e].ref);
        }
      fputc ('}', out);
    }
  fputc ('\n', out);
}

void
jc_ir_dump (const jc_lower *b, FILE *out)
{
  fprintf (out, "---- TRACE head pc %u: %u insns, %u snapshots%s\n",
           b->head_pc, b->ninsns, b->nsnaps,
           b->closed == 1 ? ", loop" : b->closed == 2 ? ", exit" : "");
  uint32_t nops = 0;
  for (uint32_t i = 0; i < b->ninsns; i++)
    if (b->insns[i].op == JC_IR_NOP)
      nops++;
    else
      dump_insn (b, out, (jc_ref) i);
  if (nops)
    fprintf (out, "---- (%u instructions removed by the optimizer)\n", nops);
  if (b->closed == 1)
    {
      fprintf (out, "---- LOOP carries");
      for (uint32_t k = 0; k < b->ncarried; k++)
        if (b->carried[k] != JC_REF_NONE)
          fprintf (out, " %u:%04d", k, (int) b->carried[k]);
      fputc ('\n', out);
    }
  for (uint32_t i = 0; i < b->nsnaps; i++)
    dump_snap (b, out, i);
  if (b->error)
    fprintf (out, "---- ERROR %s\n", b->error);
}
