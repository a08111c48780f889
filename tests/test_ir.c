/* test_ir.c -- the IR builder without compiling: typing, sticky errors,
 * virtual slots and load_slot, snapshots (instruction-start state, sharing,
 * inlined frames, loop variants), limits and the dump. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cunit_main.h"
#include "ir_fixture.h"

static void
test_types_and_sticky_error (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_const_i64 (b, 2), f = jc_lower_const_f64 (b, 1.5);
  CU_ASSERT_EQUAL (jc_lower_type (b, i), JC_TYPE_I64);
  CU_ASSERT_EQUAL (jc_lower_type (b, f), JC_TYPE_F64);
  CU_ASSERT_EQUAL (jc_lower_type (b, jc_lower_cmp (b, JC_LT, i, i)),
                   JC_TYPE_BOOL);
  CU_ASSERT_EQUAL (jc_lower_type (b, jc_lower_unop (b, JC_I2F, i)),
                   JC_TYPE_F64);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  CU_ASSERT_EQUAL (jc_lower_binop (b, JC_ADD, i, f), JC_REF_NONE);
  CU_ASSERT_FALSE (jc_lower_ok (b));
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "i64 and f64"));
  /* Sticky: later valid calls fail too, the first message stays. */
  CU_ASSERT_EQUAL (jc_lower_const_i64 (b, 1), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "i64 and f64"));
  jc_ir_free (b);
}

static void
test_invalid_ops (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_const_i64 (b, 2);
  CU_ASSERT_EQUAL (jc_lower_binop (b, JC_DIV, i, i), JC_REF_NONE);
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  jc_ref p = jc_lower_const_ptr (b, &fx);
  CU_ASSERT_EQUAL (jc_lower_cmp (b, JC_LT, p, p), JC_REF_NONE);
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_guard (b, jc_lower_const_i64 (b, 1), 1), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "not bool"));
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_binop (b, JC_ADD, 5, 7), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "bad IR reference"));
  jc_ir_free (b);
}

/* jc_host.seed_ptr (1.4): a side trace's ptr slot offered from the exit
 * buffer.  Taken: bound as set to the XBUF the host was shown, listed by
 * every snapshot, no load_slot; declined: nothing bound, load_slot reads
 * it as before; a callback that emits IR is an error. */
static jc_ref seed_seen;
static int
fx_seed_ptr (void *ud, jc_lower *b, const void *code, uint32_t slot,
             int32_t value)
{
  (void) ud;
  (void) code;
  if (slot == 5)
    jc_lower_const_i64 (b, 1);      /* not allowed */
  if (slot == 3 || slot == 5)
    {
      seed_seen = value;
      return 0;
    }
  return 1;
}

static int
snap_lists (const jc_lower *b, uint32_t id, uint32_t slot, jc_ref *ref)
{
  const jc_snap *s = jc_ir_snap (b, id);
  for (uint32_t e = 0; s && e < s->frames[0].count; e++)
    if (s->entries[s->frames[0].first + e].slot == slot)
      {
        *ref = s->entries[s->frames[0].first + e].ref;
        return 1;
      }
  return 0;
}

static void
test_seed_ptr (void)
{
  fixture fx;
  fx_init (&fx);
  fx.host.seed_ptr = fx_seed_ptr;
  fx.expect_tag[4] = TAG_OBJ;
  jc_lower *b = fx_builder (&fx, 0);
  seed_seen = JC_REF_NONE;
  CU_ASSERT_EQUAL (jc_ir_seed_ptr (b, fx.host.userdata, 3, 1, 7, 0), 1);
  CU_ASSERT_NOT_EQUAL (seed_seen, JC_REF_NONE);
  CU_ASSERT_EQUAL (jc_ir_seed_ptr (b, fx.host.userdata, 4, 1, 8, 0), 0);
  CU_ASSERT_EQUAL (jc_ir_ngroups (b), 1);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref p = jc_lower_slot_get (b, 3);
  CU_ASSERT_EQUAL (p, seed_seen);
  CU_ASSERT_EQUAL (jc_lower_type (b, p), JC_TYPE_PTR);
  CU_ASSERT_EQUAL (jc_ir_insns (b)[p].op, JC_IR_XBUF);
  CU_ASSERT_EQUAL (jc_ir_insns (b)[p].imm.i, 7);
  CU_ASSERT_EQUAL (fx.loads, 0);
  jc_ref q = jc_lower_slot_get (b, 4);
  CU_ASSERT_EQUAL (fx.loads, 1);
  CU_ASSERT_EQUAL (jc_lower_type (b, q), JC_TYPE_PTR);
  jc_lower_guard (b, jc_lower_cmp (b, JC_EQ, p, q), 1);
  CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
  jc_ref r = JC_REF_NONE;
  /* the seed is set (the frame does not hold it); slot 4 only loaded */
  CU_ASSERT_TRUE (snap_lists (b, 0, 3, &r));
  CU_ASSERT_EQUAL (r, p);
  CU_ASSERT_FALSE (snap_lists (b, 0, 4, &r));
  jc_ir_free (b);

  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_ir_seed_ptr (b, fx.host.userdata, 5, 1, 0, 0), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "seed_ptr emitted"));
  jc_ir_free (b);
}

static void
test_slot_load_once (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref a = jc_lower_slot_get (b, 3);
  jc_ref a2 = jc_lower_slot_get (b, 3);
  CU_ASSERT_NOT_EQUAL (a, JC_REF_NONE);
  CU_ASSERT_EQUAL (a, a2);
  CU_ASSERT_EQUAL (fx.loads, 1);
  jc_lower_slot_set (b, 3, jc_lower_const_i64 (b, 9));
  jc_ref a3 = jc_lower_slot_get (b, 3);
  CU_ASSERT_EQUAL (jc_ir_insns (b)[a3].op, JC_IR_KI64);
  CU_ASSERT_EQUAL (fx.loads, 1);
  CU_ASSERT_EQUAL (jc_ir_ngroups (b), 1);
  CU_ASSERT_EQUAL (jc_ir_groups (b)[0].ref, a);
  jc_ir_free (b);
}

static void
test_load_slot_failure (void)
{
  fixture fx;
  fx_init (&fx);
  fx.fail_load = 1;
  jc_lower *b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_slot_get (b, 0), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "load_slot failed"));
  jc_ir_free (b);
  fx_init (&fx);
  fx.host.load_slot = NULL;
  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_slot_get (b, 0), JC_REF_NONE);
  jc_ir_free (b);
  fx_init (&fx);
  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_slot_bind (b, 0, jc_lower_const_i64 (b, 1), 0),
                   -1);   /* outside load_slot */
  jc_ir_free (b);
}

static void
test_snapshot_is_instruction_start (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 10, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0);
  jc_ref y = jc_lower_binop (b, JC_ADD, x, jc_lower_const_i64 (b, 1));
  jc_lower_slot_set (b, 1, y);
  /* A guard after the set, in the same instruction: exits before it. */
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, y, x), 0);
  jc_ir_begin_insn (b, 11, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, y, x), 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_NE, y, x), 1);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  /* snap 0: slot 0's type guard (pc 10, nothing set);
   * snap 0 is shared by the second guard of pc 10; snap 1: pc 11. */
  CU_ASSERT_EQUAL (jc_ir_nsnaps (b), 2);
  const jc_snap *s0 = jc_ir_snap (b, 0), *s1 = jc_ir_snap (b, 1);
  CU_ASSERT_EQUAL (s0->pc, 10);
  CU_ASSERT_EQUAL (s0->nentries, 0);
  CU_ASSERT_EQUAL (s1->pc, 11);
  CU_ASSERT_EQUAL (s1->nentries, 1);
  CU_ASSERT_EQUAL (s1->entries[0].slot, 1);
  CU_ASSERT_EQUAL (s1->entries[0].ref, y);
  CU_ASSERT_EQUAL (s1->entries[0].type, JC_TYPE_I64);
  jc_ir_free (b);
}

static void
test_inlined_frames_snapshot (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  static const char callee[] = "callee";
  jc_ir_begin_insn (b, 4, NULL, -1);
  jc_ref v = jc_lower_binop (b, JC_MUL, jc_lower_slot_get (b, 0),
                             jc_lower_const_i64 (b, 2));
  jc_lower_slot_set (b, 5, v);          /* the argument, on the stack */
  CU_ASSERT_EQUAL (jc_ir_frame_push (b, callee, 6, 5, 1, 3), 0);
  CU_ASSERT_EQUAL (jc_ir_depth (b), 1);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref a = jc_lower_slot_get (b, 0);  /* the argument */
  CU_ASSERT_EQUAL (a, v);
  jc_lower_slot_set (b, 1, jc_lower_binop (b, JC_ADD, a, a));
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, a, jc_lower_const_i64 (b, 0)), 1);
  const jc_snap *s = jc_ir_snap (b, jc_ir_nsnaps (b) - 1);
  CU_ASSERT_EQUAL (s->nframes, 2);
  CU_ASSERT_PTR_EQUAL (s->frames[1].code, callee);
  CU_ASSERT_EQUAL (s->frames[0].pc, 6);  /* caller resumes after the call */
  CU_ASSERT_EQUAL (s->frames[1].pc, 1);
  CU_ASSERT_EQUAL (s->frames[1].arg_base, 5);
  CU_ASSERT_EQUAL (s->frames[1].nargs, 1);
  CU_ASSERT_EQUAL (s->frames[0].count, 1);  /* caller slot 5 */
  CU_ASSERT_EQUAL (s->frames[1].count, 1);  /* callee slot 1 */
  CU_ASSERT_EQUAL (s->entries[s->frames[1].first].slot, 1);
  CU_ASSERT_EQUAL (jc_ir_frame_pop (b, 1, 5), 0);
  CU_ASSERT_EQUAL (jc_ir_depth (b), 0);
  jc_ir_begin_insn (b, 6, NULL, -1);
  jc_ref r = jc_lower_slot_get (b, 5);
  CU_ASSERT_EQUAL (jc_ir_insns (b)[r].op, JC_IR_BINOP);
  CU_ASSERT_EQUAL (jc_ir_frame_pop (b, 0, 0), -1);  /* root frame */
  jc_ir_free (b);
}

static void
test_too_many_insns (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 50);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_const_i64 (b, 1);
  for (int i = 0; i < 100 && x != JC_REF_NONE; i++)
    x = jc_lower_binop (b, JC_ADD, x, x);
  CU_ASSERT_EQUAL (x, JC_REF_NONE);
  CU_ASSERT_EQUAL (jc_ir_ninsns (b), 50);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "too long"));
  jc_ir_free (b);
}

static void
test_helper_checks (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ref i = jc_lower_const_i64 (b, 1), f = jc_lower_const_f64 (b, 1);
  jc_ref args[2] = { i, i };
  CU_ASSERT_NOT_EQUAL (jc_lower_call (b, 0, args, 2), JC_REF_NONE);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  args[1] = f;
  CU_ASSERT_EQUAL (jc_lower_call (b, 0, args, 2), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "argument 1"));
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  f = jc_lower_const_f64 (b, 1);
  CU_ASSERT_EQUAL (jc_lower_call (b, 3, &f, 1), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "bad signature"));
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_call (b, 99, NULL, 0), JC_REF_NONE);
  jc_ir_free (b);
}

static void
test_const_obj_table (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  int o1, o2;
  jc_lower_const_obj (b, &o1);
  jc_lower_const_obj (b, &o2);
  jc_lower_const_obj (b, &o1);
  CU_ASSERT_EQUAL (jc_ir_nconsts (b), 2);
  CU_ASSERT_PTR_EQUAL (jc_ir_consts (b)[0], &o1);
  CU_ASSERT_PTR_EQUAL (jc_ir_consts (b)[1], &o2);
  jc_ir_free (b);
}

static void
test_loop_variants (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_counting_loop (&fx, 1);
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  CU_ASSERT_TRUE (jc_ir_is_loop (b));
  const jc_ref *c = jc_ir_loop_carried (b);
  CU_ASSERT_NOT_EQUAL (c[0], JC_REF_NONE);
  CU_ASSERT_EQUAL (c[1], JC_REF_NONE);
  CU_ASSERT_NOT_EQUAL (c[2], JC_REF_NONE);
  /* The i < n guard's snapshot lists nothing; its loop variant must write
   * back slots 0 and 2, which later iterations keep in registers. */
  /* All guards of instruction 0 (two type guards, i < n) share snap 0. */
  uint32_t v = jc_ir_snap_loop (b, 0);
  const jc_snap *s = jc_ir_snap (b, 0), *sv = jc_ir_snap (b, v);
  CU_ASSERT_EQUAL (s->nentries, 0);
  CU_ASSERT_NOT_EQUAL (v, 0);
  CU_ASSERT_EQUAL (sv->nentries, 2);
  CU_ASSERT_TRUE (JC_SNAP_IS_CARRIED (sv->entries[0].ref));
  /* Emitting after the end is an error. */
  CU_ASSERT_EQUAL (jc_lower_const_i64 (b, 1), JC_REF_NONE);
  jc_ir_free (b);
}

/* jc_lower_slots_dead_from (1.5): slots the host says are dead at the
 * current instruction leave its snapshots (and the later ones) until set
 * again; the count is of the set ones; a read of a dead slot, or a call
 * after the instruction's first guard, is an error; a loop variant at that
 * pc carries none of them; only the innermost frame's slots. */
static void
test_slots_dead_from (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0);           /* loaded */
  jc_ref y = jc_lower_binop (b, JC_ADD, x, jc_lower_const_i64 (b, 1));
  jc_lower_slot_set (b, 1, y);
  jc_lower_slot_set (b, 2, y);
  jc_lower_slot_set (b, 3, x);
  jc_ir_begin_insn (b, 1, NULL, -1);
  /* Slots 2 and up: 2 and 3 were set (counted), nothing above. */
  CU_ASSERT_EQUAL (jc_lower_slots_dead_from (b, 2), 2);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, y, x), 1);
  const jc_snap *s = jc_ir_snap (b, jc_ir_nsnaps (b) - 1);
  CU_ASSERT_EQUAL (s->pc, 1);
  CU_ASSERT_EQUAL (s->nentries, 1);
  CU_ASSERT_EQUAL (s->entries[0].slot, 1);
  CU_ASSERT_EQUAL (s->frames[0].dead_from, 2);
  /* After this instruction's first guard: refused. */
  CU_ASSERT_EQUAL (jc_lower_slots_dead_from (b, 1), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "first snapshot"));
  jc_ir_free (b);

  /* Dead stays dead in later instructions until set; set is live again;
   * a dead slot read is an error. */
  fx_init (&fx);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  x = jc_lower_slot_get (b, 0);
  jc_lower_slot_set (b, 1, x);
  jc_lower_slot_set (b, 2, x);
  jc_ir_begin_insn (b, 1, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_slots_dead_from (b, 1), 2);
  jc_lower_slot_set (b, 2, jc_lower_const_i64 (b, 7));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, x, jc_lower_const_i64 (b, 0)), 1);
  s = jc_ir_snap (b, jc_ir_nsnaps (b) - 1);
  CU_ASSERT_EQUAL (s->nentries, 1);
  CU_ASSERT_EQUAL (s->entries[0].slot, 2);
  CU_ASSERT_EQUAL (s->frames[0].dead_from, UINT32_MAX);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  CU_ASSERT_EQUAL (jc_lower_slot_get (b, 1), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "dead"));
  jc_ir_free (b);

  /* A loop: slot 2 is carried (set at the back edge), but dead where the
   * body's guard exits, so that guard's loop variant does not list it;
   * slot 0 (dead from 3 does not cover it) is carried as usual. */
  fx_init (&fx);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_slot_get (b, 0);
  jc_ref i1 = jc_lower_binop (b, JC_ADD, i, jc_lower_const_i64 (b, 1));
  jc_lower_slot_set (b, 0, i1);
  jc_ir_begin_insn (b, 1, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_slots_dead_from (b, 2), 0);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i1, jc_lower_const_i64 (b, 9)),
                  1);
  uint32_t guard_snap = jc_ir_nsnaps (b) - 1;
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_slot_set (b, 2, i1);
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  const jc_ref *c = jc_ir_loop_carried (b);
  CU_ASSERT_NOT_EQUAL (c[0], JC_REF_NONE);
  CU_ASSERT_NOT_EQUAL (c[2], JC_REF_NONE);
  const jc_snap *sv = jc_ir_snap (b, jc_ir_snap_loop (b, guard_snap));
  int has0 = 0, has2 = 0;
  for (uint32_t e = 0; e < sv->nentries; e++)
    {
      has0 |= sv->entries[e].slot == 0;
      has2 |= sv->entries[e].slot == 2;
    }
  CU_ASSERT_TRUE (has0);
  CU_ASSERT_FALSE (has2);
  jc_ir_free (b);

  /* Inlined frame: only its own slots die, the caller keeps its entry. */
  fx_init (&fx);
  b = fx_builder (&fx, 0);
  static const char callee[] = "callee";
  jc_ir_begin_insn (b, 4, NULL, -1);
  jc_ref v = jc_lower_binop (b, JC_MUL, jc_lower_slot_get (b, 0),
                             jc_lower_const_i64 (b, 2));
  jc_lower_slot_set (b, 5, v);
  CU_ASSERT_EQUAL (jc_ir_frame_push (b, callee, 6, 5, 1, 3), 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_lower_slot_set (b, 1, v);
  jc_lower_slot_set (b, 2, v);
  jc_ir_begin_insn (b, 1, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_slots_dead_from (b, 2), 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, v, jc_lower_const_i64 (b, 0)), 1);
  s = jc_ir_snap (b, jc_ir_nsnaps (b) - 1);
  CU_ASSERT_EQUAL (s->nframes, 2);
  CU_ASSERT_EQUAL (s->frames[0].count, 1);     /* caller slot 5 */
  CU_ASSERT_EQUAL (s->frames[0].dead_from, UINT32_MAX);
  CU_ASSERT_EQUAL (s->frames[1].count, 1);     /* callee slot 1 only */
  CU_ASSERT_EQUAL (s->entries[s->frames[1].first].slot, 1);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  jc_ir_free (b);
}

static void
test_loop_type_unstable (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_slot_get (b, 0);
  jc_lower_slot_set (b, 0, jc_lower_unop (b, JC_I2F, i));
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), -1);
  CU_ASSERT_TRUE (jc_lower_ok (b));   /* not an error: end with an exit */
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 0), 0);
  const jc_snap *s = jc_ir_snap (b, jc_ir_nsnaps (b) - 1);
  CU_ASSERT_EQUAL (s->nentries, 1);
  CU_ASSERT_EQUAL (s->entries[0].type, JC_TYPE_F64);
  jc_ir_free (b);
}

static void
test_dump (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_counting_loop (&fx, 1);
  jc_ir_close_loop (b);
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&text, &len);
  jc_ir_dump (b, f);
  fclose (f);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "ADDOV"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "GUARD"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "LOAD"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "SNAP #0"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "LOOP carries"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "loop:0"));
  free (text);
  jc_ir_free (b);
}

static void
test_fail_from_host (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  CU_ASSERT_EQUAL (jc_lower_fail (b, "no lowering for FOO"), -1);
  CU_ASSERT_STRING_EQUAL (jc_lower_error (b), "no lowering for FOO");
  CU_ASSERT_EQUAL (jc_lower_ok (NULL), 0);
  CU_ASSERT_EQUAL (jc_lower_type (NULL, 0), JC_TYPE_VOID);
  jc_ir_free (b);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "types_and_sticky_error", test_types_and_sticky_error },
    { "invalid_ops", test_invalid_ops },
    { "slot_load_once", test_slot_load_once },
    { "seed_ptr", test_seed_ptr },
    { "load_slot_failure", test_load_slot_failure },
    { "snapshot_is_instruction_start", test_snapshot_is_instruction_start },
    { "inlined_frames_snapshot", test_inlined_frames_snapshot },
    { "too_many_insns", test_too_many_insns },
    { "helper_checks", test_helper_checks },
    { "const_obj_table", test_const_obj_table },
    { "loop_variants", test_loop_variants },
    { "loop_type_unstable", test_loop_type_unstable },
    { "slots_dead_from", test_slots_dead_from },
    { "dump", test_dump },
    { "fail_from_host", test_fail_from_host },
    { NULL, NULL }
  };
  return JC_SUITE ("ir", NULL, NULL, tests);
}
