/* test_emit.c -- the libgccjit backend: traces built through the builder
 * are compiled, run on a fake frame, and their exits and exit buffers are
 * checked against the values the same computation gives in C. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cunit_main.h"
#include "ir_fixture.h"
#include "../libjitcore/backend.h"
#include "../libjitcore/opt.h"

static int
compile (const jc_lower *b, const jc_emit_opts *o, jc_compiled *c)
{
  char err[512];
  int rc = jc_emit_compile (b, "t", o, c, err, sizeof err);
  if (rc != 0)
    fprintf (stderr, "compile failed: %s\n", err);
  return rc;
}

static void
set_int (tslot *f, int k, int64_t v)
{
  f[k].tag = TAG_INT;
  f[k].v.i = v;
}

/* i = slot0, n = slot1, s = slot2: while i < n: s += i (ov); i += 1. */
static jc_lower *
build_sum (fixture *fx)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, "sum.x", 1);
  jc_ref i = jc_lower_slot_get (b, 0), n = jc_lower_slot_get (b, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i, n), 1);
  jc_ir_begin_insn (b, 1, "sum.x", 2);
  jc_ref s = jc_lower_slot_get (b, 2);
  jc_lower_slot_set (b, 2, jc_lower_binop_ov (b, JC_ADD, s, i));
  jc_ir_begin_insn (b, 2, "sum.x", 3);
  jc_lower_slot_set (b, 0, jc_lower_binop (b, JC_ADD, i,
                                           jc_lower_const_i64 (b, 1)));
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  return b;
}

static uint64_t
exit_value (const jc_lower *b, uint32_t id, const uint64_t *buf, uint32_t k)
{
  uint64_t v = 0xdeadbeef;
  CU_ASSERT_EQUAL (fx_exit_slot (b, id, buf, k, &v), 0);
  return v;
}

static void
run_sum (int opt_level)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = build_sum (&fx);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.opt_level = opt_level;
  jc_compiled c;
  if (compile (b, &o, &c) != 0)
    {
      CU_FAIL ("compile");
      jc_ir_free (b);
      return;
    }
  CU_ASSERT_TRUE (c.code_bytes > 0);
  tslot f[3];
  set_int (f, 0, 0);
  set_int (f, 1, 1000);
  set_int (f, 2, 0);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  /* Left through the i < n guard, in the loop: its loop variant. */
  const jc_snap *s = jc_ir_snap (b, id);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_EQUAL (s->pc, 0);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), 1000);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), 499500);
  /* The frame itself is untouched: slots are virtual. */
  CU_ASSERT_EQUAL (f[2].v.i, 0);

  /* Overflow: s starts near the top; the ADDOV exit holds the state before
   * the add (slot 2 as the previous iteration left it, slot 0 current). */
  set_int (f, 0, 5);
  set_int (f, 1, 1000);
  set_int (f, 2, INT64_MAX - 20);
  id = c.entry (f, buf);
  s = jc_ir_snap (b, id);
  CU_ASSERT_EQUAL (s->pc, 1);
  /* 5+6+7 = 18 fits, +8 overflows: i = 8, s = MAX - 2. */
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), 8);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), INT64_MAX - 2);

  /* Overflow in the very first iteration: nothing is set yet. */
  set_int (f, 0, 1);
  set_int (f, 2, INT64_MAX);
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 1);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->nentries, 0);

  /* A type guard: slot 2 holds a float, the trace wants an int. */
  set_int (f, 0, 0);
  f[2].tag = TAG_FLT;
  f[2].v.f = 1.5;
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 1);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->nentries, 0);
  jc_emit_release (&c);
  jc_ir_free (b);
}

static void test_sum_loop_o2 (void) { run_sum (2); }
static void test_sum_loop_o0 (void) { run_sum (0); }

/* A slot that is only ever written in the body must still be written back
 * at an exit in a later iteration, with the previous iteration's value. */
static void
test_write_only_slot_written_back (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_counting_loop (&fx, 0);
  CU_ASSERT_EQUAL_FATAL (jc_ir_close_loop (b), 0);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  tslot f[3];
  set_int (f, 0, 0);
  set_int (f, 1, 10);
  set_int (f, 2, -1);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), 10);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), 18);
  /* Exit in the first iteration: nothing to write back. */
  set_int (f, 0, 10);
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->nentries, 0);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* jc_lower_slot_bind_entry: a slot the trace takes from elsewhere than the
 * frame's slot (here the value word, whatever the tag says) is written
 * back by every exit, the first instruction's guards included, with the
 * value the trace had; a slot loaded the ordinary way is not. */
static jc_lower *
build_entry_slot (fixture *fx)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, "entry.x", 1);
  jc_ref x = jc_lower_slot_get (b, 0), y = jc_lower_slot_get (b, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, x, y), 1);
  jc_ir_begin_insn (b, 1, "entry.x", 2);
  jc_lower_slot_set (b, 2, jc_lower_binop (b, JC_MUL, x,
                                           jc_lower_const_i64 (b, 2)));
  jc_ir_begin_insn (b, 2, "entry.x", 3);
  jc_lower_guard (b, jc_lower_cmp (b, JC_NE, x, jc_lower_const_i64 (b, 5)),
                  1);
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 3), 0);
  return b;
}

static int
snap_has_slot (const jc_lower *b, uint32_t id, uint32_t slot)
{
  uint64_t v;
  uint64_t buf[16] = { 0 };
  return fx_exit_slot (b, id, buf, slot, &v) == 0;
}

static void
test_entry_slot_written_back (void)
{
  fixture fx;
  fx_init (&fx);
  fx.entry_mask = 1;
  jc_lower *b = build_entry_slot (&fx);
  CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  tslot f[3];
  uint64_t buf[16];
  static const int64_t xs[] = { 9, 5, 3, -4 };
  for (int i = 0; i < 4; i++)
    {
      /* slot 0's tag says "object": only its value word is the trace's. */
      f[0].tag = TAG_OBJ;
      f[0].v.i = xs[i];
      set_int (f, 1, 7);
      set_int (f, 2, 0);
      uint32_t id = c.entry (f, buf);
      const jc_snap *s = jc_ir_snap (b, id);
      CU_ASSERT_FATAL (s != NULL);
      int64_t x = xs[i];
      uint32_t want_pc = x >= 7 ? 0 : x == 5 ? 2 : 3;
      CU_ASSERT_EQUAL (s->pc, want_pc);
      CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), x);
      CU_ASSERT_FALSE (snap_has_slot (b, id, 1));
      if (want_pc > 0)
        CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), 2 * x);
      CU_ASSERT_EQUAL (f[0].tag, TAG_OBJ);   /* the trace wrote no slot */
    }
  jc_emit_release (&c);
  jc_ir_free (b);
  /* The same trace with slot 0 loaded as usual: no exit writes it. */
  fx_init (&fx);
  b = build_entry_slot (&fx);
  for (uint32_t k = 0; k < jc_ir_nsnaps (b); k++)
    CU_ASSERT_FALSE (snap_has_slot (b, k, 0));
  jc_ir_free (b);
}

/* A call_if whose helper returns a pointer (a may-raise one: NULL fails):
 * NULL when not called, the helper's value when called, the failure exit
 * only when called and failed.  slot 0: the condition (i64 != 0), slot 1:
 * the pointer passed (TAG_OBJ); the result is written to slot 2. */
static void
test_call_if_ptr (void)
{
  fixture fx;
  fx_init (&fx);
  fx.expect_tag[1] = TAG_OBJ;
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref c = jc_lower_cmp (b, JC_NE, jc_lower_slot_get (b, 0),
                           jc_lower_const_i64 (b, 0));
  jc_ref p = jc_lower_slot_get (b, 1);
  jc_ref r = jc_lower_call_if (b, c, FX_H_IDENT, &p, 1);
  CU_ASSERT_EQUAL (jc_lower_type (b, r), JC_TYPE_PTR);
  jc_lower_slot_set (b, 2, r);
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 1), 0);
  CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
  jc_compiled cc;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &cc), 0);
  int obj;
  for (int k = 0; k < 3; k++)
    {
      tslot f[3];
      set_int (f, 0, k == 0 ? 0 : 1);
      f[1].tag = TAG_OBJ;
      f[1].v.p = k == 2 ? NULL : &obj;
      uint64_t buf[16];
      uint32_t id = cc.entry (f, buf);
      const jc_snap *s = jc_ir_snap (b, id);
      CU_ASSERT_FATAL (s != NULL);
      CU_ASSERT_EQUAL (s->pc, k == 2 ? 0 : 1);   /* k 2: called, failed */
      if (k < 2)
        CU_ASSERT_EQUAL ((uintptr_t) exit_value (b, id, buf, 2),
                         k == 0 ? (uintptr_t) 0 : (uintptr_t) &obj);
    }
  jc_emit_release (&cc);
  jc_ir_free (b);
}

/* jc_lower_stack_address: an address in the trace function's own frame,
 * so below the caller's locals and lower again when the trace is entered
 * from deeper down the C stack (what a host's native-recursion check
 * relies on).  Two in one trace are one value. */
static uint32_t __attribute__ ((noinline))
enter_deeper (const jc_compiled *c, tslot *f, uint64_t *buf)
{
  volatile char pad[8192];
  pad[0] = 1;
  uint32_t id = c->entry (f, buf);
  pad[sizeof pad - 1] = pad[0];
  return id;
}

static void
test_stack_address (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref s1 = jc_lower_stack_address (b), s2 = jc_lower_stack_address (b);
  CU_ASSERT_EQUAL (jc_lower_type (b, s1), JC_TYPE_I64);
  jc_lower_slot_set (b, 0, s1);
  jc_lower_slot_set (b, 1, jc_lower_binop (b, JC_SUB, s1, s2));
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 1), 0);
  CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  volatile char here = 0;
  tslot f[2];
  set_int (f, 0, 0);
  set_int (f, 1, 7);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  uintptr_t a = (uintptr_t) exit_value (b, id, buf, 0);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 1), 0);
  CU_ASSERT_TRUE (a < (uintptr_t) &here);
  CU_ASSERT_TRUE (a > (uintptr_t) &here - 65536);
  id = enter_deeper (&c, f, buf);
  uintptr_t d = (uintptr_t) exit_value (b, id, buf, 0);
  CU_ASSERT_TRUE (d + 8192 <= a);
  CU_ASSERT_TRUE (d > a - 65536);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* Where jc_lower_slot_bind_entry is refused: outside load_slot, after the
 * trace's first snapshot, in an inlined frame. */
static void
test_entry_slot_refused (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_slot_bind_entry (b, 0, jc_lower_const_i64 (b, 1),
                                             0), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "outside load_slot"));
  jc_ir_free (b);
  fx_init (&fx);
  fx.entry_mask = 2;
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, jc_lower_slot_get (b, 0),
                                   jc_lower_const_i64 (b, 3)), 1);
  CU_ASSERT_TRUE (jc_lower_ok (b));
  CU_ASSERT_EQUAL (jc_lower_slot_get (b, 1), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "first snapshot"));
  jc_ir_free (b);
  fx_init (&fx);
  fx.entry_mask = 4;
  b = fx_builder (&fx, 0);
  static const char callee[] = "callee";
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_lower_slot_set (b, 5, jc_lower_const_i64 (b, 4));
  CU_ASSERT_EQUAL (jc_ir_frame_push (b, callee, 1, 5, 1, 3), 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_slot_get (b, 2), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "root frame"));
  jc_ir_free (b);
}

/* Floats, conversions, select, helpers, and an unconditional exit. */
static void
test_float_helpers_exit (void)
{
  fixture fx;
  fx_init (&fx);
  fx.expect_tag[0] = TAG_FLT;
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0), k = jc_lower_slot_get (b, 1);
  jc_ref y = jc_lower_binop (b, JC_DIV,
      jc_lower_binop (b, JC_ADD, jc_lower_binop (b, JC_MUL, x, x),
                      jc_lower_unop (b, JC_I2F, k)),
      jc_lower_const_f64 (b, 4.0));
  jc_ref h = jc_lower_call (b, 2, &y, 1);         /* half */
  jc_ref args[2] = { k, jc_lower_const_i64 (b, 5) };
  jc_ref a3 = jc_lower_call (b, 0, args, 2);      /* k + 15 */
  jc_ref big = jc_lower_cmp (b, JC_GT, a3, jc_lower_const_i64 (b, 20));
  jc_ref sel = jc_lower_select (b, big, jc_lower_const_i64 (b, 1),
                                jc_lower_unop (b, JC_NEG, a3));
  jc_lower_slot_set (b, 2, h);
  jc_lower_slot_set (b, 3, sel);
  jc_lower_slot_set (b, 4, jc_lower_unop (b, JC_F2I, h));
  jc_ir_begin_insn (b, 7, NULL, -1);
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 7), 0);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  tslot f[2];
  f[0].tag = TAG_FLT;
  f[0].v.f = 3.0;
  set_int (f, 1, 3);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  const jc_snap *s = jc_ir_snap (b, id);
  CU_ASSERT_EQUAL (s->pc, 7);
  uint64_t hv = exit_value (b, id, buf, 2);
  double d;
  memcpy (&d, &hv, sizeof d);
  CU_ASSERT_DOUBLE_EQUAL (d, (3.0 * 3.0 + 3) / 4.0 / 2, 1e-15);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 3), -18);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 4), 1);
  set_int (f, 1, 7);    /* 7 + 15 > 20 */
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 3), 1);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* A MAY_RAISE helper's 0 result exits to the instruction that called it. */
static void
test_may_raise_helper (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 3, NULL, -1);
  jc_ref a = jc_lower_slot_get (b, 0);
  jc_lower_slot_set (b, 1, jc_lower_call (b, 1, &a, 1));
  jc_ir_begin_insn (b, 4, NULL, -1);
  jc_ir_end_exit (b, 4);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  tslot f[1];
  uint64_t buf[4];
  set_int (f, 0, 42);
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 4);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 1), 42);
  set_int (f, 0, 0);
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 3);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* Host objects come from the constant table; loads and stores through
 * them reach memory. */
static void
test_const_obj_load_store (void)
{
  fixture fx;
  fx_init (&fx);
  int64_t cell[2] = { 40, 0 };
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref o = jc_lower_const_obj (b, cell);
  jc_ref v = jc_lower_load (b, JC_TYPE_I64, o, 0, 7);
  jc_lower_store (b, o, 8, jc_lower_binop (b, JC_ADD, v,
                                           jc_lower_const_i64 (b, 2)), 7);
  jc_lower_slot_set (b, 0, v);
  jc_ir_end_exit (b, 1);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  uint64_t buf[4];
  tslot f[1];
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL (cell[1], 42);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), 40);
  cell[0] = 100;
  c.entry (f, buf);
  CU_ASSERT_EQUAL (cell[1], 102);
  /* The object is read from the table, not baked in: repointing the
   * entry redirects the same code to another object. */
  int64_t other[2] = { 7, 0 };
  CU_ASSERT_EQUAL_FATAL (c.nconsts, 1);
  CU_ASSERT_PTR_EQUAL (c.consts[0], cell);
  c.consts[0] = other;
  id = c.entry (f, buf);
  CU_ASSERT_EQUAL (other[1], 9);
  CU_ASSERT_EQUAL (cell[1], 102);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), 7);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* Overflow-checked multiply and subtract at the edges. */
static void
test_mul_sub_overflow (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0), y = jc_lower_slot_get (b, 1);
  jc_lower_slot_set (b, 2, jc_lower_binop_ov (b, JC_MUL, x, y));
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_lower_slot_set (b, 3, jc_lower_binop_ov (b, JC_SUB, x, y));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_ir_end_exit (b, 2);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  static const struct { int64_t x, y; uint32_t pc; } cases[] = {
    { 3, 4, 2 }, { INT64_MAX / 2, 2, 2 }, { INT64_MAX / 2 + 1, 2, 0 },
    { INT64_MIN, -1, 0 }, { INT64_MIN, 1, 1 }, { -1, INT64_MAX, 2 },
    { -2, INT64_MAX, 0 }, { 0, INT64_MIN, 1 }, { 0, INT64_MAX, 2 }
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
    {
      tslot f[2];
      uint64_t buf[4];
      set_int (f, 0, cases[k].x);
      set_int (f, 1, cases[k].y);
      uint32_t id = c.entry (f, buf);
      CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, cases[k].pc);
    }
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* ADDOV, SUBOV and MULOV both ways the backend emits them (GCC's overflow
 * builtins, and the sign tests and 128-bit product used without them):
 * each exits exactly when C's __builtin_*_overflow says the result does
 * not fit, and otherwise leaves the wrapped-free result. */
static void
test_overflow_both_ways (void)
{
  static const int64_t v[] = { 0, 1, -1, 2, -2, 3, 1000003, -1000003,
                               (int64_t) 1 << 31, -((int64_t) 1 << 31),
                               (int64_t) 3037000499, (int64_t) 3037000500,
                               -(int64_t) 3037000500, INT64_MAX / 2,
                               INT64_MAX / 2 + 1, INT64_MIN / 2,
                               INT64_MIN / 2 - 1, INT64_MAX - 1, INT64_MAX,
                               INT64_MIN + 1, INT64_MIN };
  const size_t nv = sizeof v / sizeof v[0];
  static const jc_binop ops[3] = { JC_ADD, JC_SUB, JC_MUL };
  for (int ob = 0; ob < 2; ob++)
    for (int k = 0; k < 3; k++)
      {
        fixture fx;
        fx_init (&fx);
        jc_lower *b = fx_builder (&fx, 0);
        jc_ir_begin_insn (b, 0, NULL, -1);
        jc_ref x = jc_lower_slot_get (b, 0), y = jc_lower_slot_get (b, 1);
        jc_lower_slot_set (b, 2, jc_lower_binop_ov (b, ops[k], x, y));
        jc_ir_begin_insn (b, 1, NULL, -1);
        jc_ir_end_exit (b, 1);
        jc_emit_opts o;
        jc_emit_opts_init (&o);
        o.ov_builtins = ob;
        jc_compiled c;
        CU_ASSERT_EQUAL_FATAL (compile (b, &o, &c), 0);
        int wrong = 0;
        for (size_t i = 0; i < nv; i++)
          for (size_t j = 0; j < nv; j++)
            {
              long r;
              int over = k == 0 ? __builtin_saddl_overflow (v[i], v[j], &r)
                         : k == 1 ? __builtin_ssubl_overflow (v[i], v[j], &r)
                         : __builtin_smull_overflow (v[i], v[j], &r);
              tslot f[2];
              uint64_t buf[4];
              set_int (f, 0, v[i]);
              set_int (f, 1, v[j]);
              uint32_t id = c.entry (f, buf);
              uint32_t pc = jc_ir_snap (b, id)->pc;
              if (over ? pc != 0
                       : pc != 1 || (int64_t) exit_value (b, id, buf, 2) != r)
                wrong++;
            }
        CU_ASSERT_EQUAL (wrong, 0);
        jc_emit_release (&c);
        jc_ir_free (b);
      }
}

/* Python's // and % on i64: guarded (binop_ov) with a variable divisor,
 * unguarded with a constant one.  The expected values were printed by
 * python3 (x // y, x % y, x // 7, x % -3, x // 4, x % 8, x // 2**62: the
 * last three a shift and a mask); a zero divisor and
 * INT64_MIN // -1 exit at the division.  Compiled with the optimizer off
 * and on (FOLD turns the constant-divisor guards away and folds constant
 * operands), same results. */
static jc_lower *
build_floor_divmod (fixture *fx)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0), y = jc_lower_slot_get (b, 1);
  jc_lower_slot_set (b, 2, jc_lower_binop_ov (b, JC_FLOORDIV, x, y));
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_lower_slot_set (b, 3, jc_lower_binop_ov (b, JC_FLOORMOD, x, y));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_slot_set (b, 4, jc_lower_binop (b, JC_FLOORDIV, x,
                                           jc_lower_const_i64 (b, 7)));
  jc_lower_slot_set (b, 5, jc_lower_binop_ov (b, JC_FLOORMOD, x,
                                              jc_lower_const_i64 (b, -3)));
  /* Constants fold: 100 // -7 == -15, -100 % 7 == 5 (python3). */
  jc_lower_slot_set (b, 6, jc_lower_binop_ov (b, JC_FLOORDIV,
                                              jc_lower_const_i64 (b, 100),
                                              jc_lower_const_i64 (b, -7)));
  jc_lower_slot_set (b, 7, jc_lower_binop (b, JC_FLOORMOD,
                                           jc_lower_const_i64 (b, -100),
                                           jc_lower_const_i64 (b, 7)));
  /* By powers of two: a shift and a mask (x // 4, x % 8, x // 2**62). */
  jc_lower_slot_set (b, 8, jc_lower_binop (b, JC_FLOORDIV, x,
                                           jc_lower_const_i64 (b, 4)));
  jc_lower_slot_set (b, 9, jc_lower_binop (b, JC_FLOORMOD, x,
                                           jc_lower_const_i64 (b, 8)));
  jc_lower_slot_set (b, 10, jc_lower_binop (b, JC_FLOORDIV, x,
      jc_lower_const_i64 (b, (int64_t) 1 << 62)));
  jc_ir_begin_insn (b, 3, NULL, -1);
  jc_ir_end_exit (b, 3);
  return b;
}

static void
test_floor_divmod (void)
{
  static const struct {
    int64_t x, y, q, m, q7, m3;
    uint32_t pc;
    int64_t q4, m8, q62;
  } cases[] = {
    { 7, 2, 3, 1, 1, -2, 3, 1, 7, 0 },
    { -7, 2, -4, 1, -1, -1, 3, -2, 1, -1 },
    { 7, -2, -4, -1, 1, -2, 3, 1, 7, 0 },
    { -7, -2, 3, -1, -1, -1, 3, -2, 1, -1 },
    { 6, 3, 2, 0, 0, 0, 3, 1, 6, 0 },
    { -6, 3, -2, 0, -1, 0, 3, -2, 2, -1 },
    { 0, 5, 0, 0, 0, 0, 3, 0, 0, 0 },
    { 0, -5, 0, 0, 0, 0, 3, 0, 0, 0 },
    { 1, INT64_MAX, 0, 1, 0, -2, 3, 0, 1, 0 },
    { -1, INT64_MAX, -1, 9223372036854775806, -1, -1, 3, -1, 7, -1 },
    { INT64_MIN, 1, INT64_MIN, 0, -1317624576693539402, -2, 3,
      INT64_MIN / 4, 0, -2 },
    { INT64_MIN, 2, -4611686018427387904, 0, -1317624576693539402, -2, 3,
      INT64_MIN / 4, 0, -2 },
    { INT64_MIN, -2, 4611686018427387904, 0, -1317624576693539402, -2, 3,
      INT64_MIN / 4, 0, -2 },
    { INT64_MAX, -1, -9223372036854775807, 0, 1317624576693539401, -2, 3,
      2305843009213693951, 7, 1 },
    { -9223372036854775807, -1, INT64_MAX, 0, -1317624576693539401, -1, 3,
      INT64_MIN / 4, 1, -2 },
    { INT64_MAX, INT64_MIN, -1, -1, 1317624576693539401, -2, 3,
      2305843009213693951, 7, 1 },
    { INT64_MIN, INT64_MAX, -2, 9223372036854775806, -1317624576693539402, -2, 3,
      INT64_MIN / 4, 0, -2 },
    { -9, -3, 3, 0, -2, 0, 3, -3, 7, -1 },
    { 5, 0, 0, 0, 0, 0, 0, 1, 5, 0 },
    { INT64_MIN, -1, 0, 0, 0, 0, 0, INT64_MIN / 4, 0, -2 },
    { INT64_MIN, 0, 0, 0, 0, 0, 0, INT64_MIN / 4, 0, -2 },
  };
  for (int opt = 0; opt <= 1; opt++)
    {
      fixture fx;
      fx_init (&fx);
      jc_lower *b = build_floor_divmod (&fx);
      CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
      if (opt)
        {
          jc_opt_stats st = { 0 };
          CU_ASSERT_EQUAL (jc_opt_run (b, JC_OPT_ALL, &st, NULL), 0);
          CU_ASSERT (st.folded >= 3);
          uint32_t guarded = 0;
          for (uint32_t i = 0; i < jc_ir_ninsns (b); i++)
            guarded += jc_ir_insns (b)[i].op == JC_IR_BINOV;
          CU_ASSERT_EQUAL (guarded, 2);   /* only the variable divisors */
        }
      jc_compiled c;
      CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
      for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        {
          tslot f[11];
          uint64_t buf[16];
          for (int s = 0; s < 11; s++)
            set_int (f, s, 0);
          set_int (f, 0, cases[k].x);
          set_int (f, 1, cases[k].y);
          uint32_t id = c.entry (f, buf);
          CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, cases[k].pc);
          if (cases[k].pc != 3)
            continue;
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), cases[k].q);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 3), cases[k].m);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 4), cases[k].q7);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 5), cases[k].m3);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 6), -15);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 7), 5);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 8), cases[k].q4);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 9), cases[k].m8);
          CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 10),
                           cases[k].q62);
        }
      jc_emit_release (&c);
      jc_ir_free (b);
    }
  /* The builder refuses an unguarded division by a variable, by 0 or -1. */
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0);
  CU_ASSERT_EQUAL (jc_lower_binop (b, JC_FLOORDIV, x, x), JC_REF_NONE);
  CU_ASSERT_PTR_NOT_NULL (strstr (jc_lower_error (b), "use binop_ov"));
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  x = jc_lower_slot_get (b, 0);
  CU_ASSERT_EQUAL (jc_lower_binop (b, JC_FLOORMOD, x,
                                   jc_lower_const_i64 (b, -1)), JC_REF_NONE);
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_binop_ov (b, JC_FLOORDIV, jc_lower_const_f64 (b, 1),
                                      jc_lower_const_f64 (b, 2)), JC_REF_NONE);
  jc_ir_free (b);
}

/* An exit inside an inlined frame hands back both frames' values. */
static void
test_inlined_exit (void)
{
  fixture fx;
  fx_init (&fx);
  static const char callee[] = "callee";
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref a = jc_lower_slot_get (b, 0);
  jc_lower_slot_set (b, 4, jc_lower_binop (b, JC_ADD, a, a));
  jc_ir_frame_push (b, callee, 1, 4, 1, 2);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref p = jc_lower_slot_get (b, 0);
  jc_lower_slot_set (b, 1, jc_lower_binop (b, JC_MUL, p, p));
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, jc_lower_slot_get (b, 1),
                                   jc_lower_const_i64 (b, 100)), 1);
  jc_ir_frame_pop (b, 1, 4);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ir_end_exit (b, 1);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  tslot f[1];
  uint64_t buf[8];
  set_int (f, 0, 3);             /* (3+3)^2 = 36 < 100: returns */
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->nframes, 1);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 4), 36);
  set_int (f, 0, 6);             /* 144: the guard in the callee fails */
  id = c.entry (f, buf);
  const jc_snap *s = jc_ir_snap (b, id);
  CU_ASSERT_EQUAL_FATAL (s->nframes, 2);
  CU_ASSERT_EQUAL (s->frames[0].pc, 1);
  CU_ASSERT_EQUAL (s->frames[1].pc, 1);
  CU_ASSERT_EQUAL ((int64_t) buf[s->frames[0].first], 12);   /* slot 4 */
  CU_ASSERT_EQUAL ((int64_t) buf[s->frames[1].first], 144);  /* slot 1 */
  jc_emit_release (&c);
  jc_ir_free (b);
}

static void
test_injected_failure (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = build_sum (&fx);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.inject_failure = 1;
  jc_compiled c;
  char err[512] = "";
  CU_ASSERT_EQUAL (jc_emit_compile (b, "t", &o, &c, err, sizeof err), -1);
  CU_ASSERT_PTR_NULL (c.entry);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "libgccjit"));
  jc_ir_free (b);
  /* A builder in error state is refused before libgccjit runs. */
  b = fx_builder (&fx, 0);
  jc_lower_fail (b, "host said no");
  CU_ASSERT_EQUAL (jc_emit_compile (b, "t", NULL, &c, err, sizeof err), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "host said no"));
  jc_ir_free (b);
}

/* No assembler or linker to be found (the driver libgccjit runs is looked up
 * on PATH): the compile fails with libgccjit's message, nothing crashes,
 * and a later compile with the tools back works. */
static void
test_missing_toolchain (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = build_sum (&fx);
  const char *old = getenv ("PATH");
  char *saved = old ? strdup (old) : NULL;
  setenv ("PATH", "/nonexistent-jc-test", 1);
  jc_compiled c;
  char err[512] = "";
  int rc = jc_emit_compile (b, "t", NULL, &c, err, sizeof err);
  if (saved)
    setenv ("PATH", saved, 1);
  else
    unsetenv ("PATH");
  free (saved);
  CU_ASSERT_EQUAL (rc, -1);
  CU_ASSERT_PTR_NULL (c.entry);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "libgccjit"));
  CU_ASSERT_EQUAL (compile (b, NULL, &c), 0);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* Debug info with guest locations, and -march=native, still compute the
 * same. */
static void
test_debuginfo_native (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = build_sum (&fx);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.debuginfo = 1;
  o.native_cpu = 1;
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, &o, &c), 0);
  tslot f[3];
  set_int (f, 0, 0);
  set_int (f, 1, 10);
  set_int (f, 2, 0);
  uint64_t buf[8];
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), 45);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* Carried slots that read each other (a, b = b, a + b) update in parallel;
 * a loop exit writes back both, as the interpreter would have them. */
static void
test_parallel_carry (void)
{
  fixture fx;
  fx_init (&fx);
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref k = jc_lower_slot_get (b, 2);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, k, jc_lower_const_i64 (b, 0)), 1);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ref x = jc_lower_slot_get (b, 0), y = jc_lower_slot_get (b, 1);
  jc_ref sum = jc_lower_binop_ov (b, JC_ADD, x, y);
  jc_lower_slot_set (b, 0, y);
  jc_lower_slot_set (b, 1, sum);
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_slot_set (b, 2, jc_lower_binop (b, JC_SUB, k,
                                           jc_lower_const_i64 (b, 1)));
  CU_ASSERT_EQUAL_FATAL (jc_ir_close_loop (b), 0);
  jc_compiled c;
  CU_ASSERT_EQUAL_FATAL (compile (b, NULL, &c), 0);
  for (int64_t n = 1; n <= 90; n += 89)
    {
      tslot f[3];
      set_int (f, 0, 0);
      set_int (f, 1, 1);
      set_int (f, 2, n);
      uint64_t buf[8];
      uint32_t id = c.entry (f, buf);
      int64_t a = 0, bb = 1;
      for (int64_t i = 0; i < n; i++)
        {
          int64_t t = a + bb;
          a = bb;
          bb = t;
        }
      CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), a);
      CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 1), bb);
      CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), 0);
    }
  /* fib(93) overflows int64: the exit is the add's, with the state before
   * it: iteration 92 left a = fib(91)... */
  tslot f[3];
  set_int (f, 0, 0);
  set_int (f, 1, 1);
  set_int (f, 2, 200);
  uint64_t buf[8];
  uint32_t id = c.entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 1);
  int64_t a = 0, bb = 1, left = 200;
  while (!__builtin_add_overflow (a, bb, &(int64_t) { 0 }))
    {
      int64_t t = a + bb;
      a = bb;
      bb = t;
      left--;
    }
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 0), a);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 1), bb);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2), left);
  jc_emit_release (&c);
  jc_ir_free (b);
}

/* ---------------------------------------------------------------- batches */

/* Memory cells (JC_OPT_SINK): a loop that keeps a counter and an
 * iterator's position in memory, as minipy's traces do,
 *   pc 0: cnt += 1                       (cell @7, a raw pointer)
 *   pc 1: i = it[0]; s = s + i (ADDOV)   (exit before it[0] is stored)
 *   pc 2: guard i < it[1]; it[0] = i + 1 (cell @8, a constant object)
 *   pc 3: guard i != k                   (exit after both stores)
 * must leave memory, the exit taken and the exit buffer exactly as with the
 * cells in memory (sink off), and as C says.  with_call 1 adds a call of a
 * helper that is not pure, which keeps the cells in memory: the code is
 * then the same with sink on and off; 2 a call_if of peek (below). */
static jc_lower *
build_cells (fixture *fx, int64_t *cnt, int64_t *it, int64_t k,
             int with_call)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref pc = jc_lower_const_ptr (b, cnt);
  jc_ref c = jc_lower_load (b, JC_TYPE_I64, pc, 0, 7);
  jc_lower_store (b, pc, 0, jc_lower_binop (b, JC_ADD, c,
                                            jc_lower_const_i64 (b, 1)), 7);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ref po = jc_lower_const_obj (b, it);
  jc_ref i = jc_lower_load (b, JC_TYPE_I64, po, 0, 8);
  jc_lower_slot_set (b, 2, jc_lower_binop_ov (b, JC_ADD,
                                              jc_lower_slot_get (b, 2), i));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i,
                                   jc_lower_load (b, JC_TYPE_I64, po, 8, 9)),
                  1);
  jc_lower_store (b, po, 0, jc_lower_binop (b, JC_ADD, i,
                                            jc_lower_const_i64 (b, 1)), 8);
  jc_ir_begin_insn (b, 3, NULL, -1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_NE, i, jc_lower_const_i64 (b, k)),
                  1);
  if (with_call == 1)
    {
      jc_ref a = jc_lower_const_i64 (b, 1);
      jc_lower_call (b, 1, &a, 1);        /* nonzero: not pure */
    }
  else if (with_call == 2)              /* peek, when (i & 7) == 3 */
    {
      jc_ref c3 = jc_lower_cmp (b, JC_EQ,
                                jc_lower_binop (b, JC_AND, i,
                                                jc_lower_const_i64 (b, 7)),
                                jc_lower_const_i64 (b, 3));
      jc_lower_call_if (b, c3, (uint32_t) (sizeof fx_helpers
                                           / sizeof fx_helpers[0]), &i, 1);
    }
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  return b;
}

typedef struct cells_run {
  uint32_t pc;                 /* of the exit taken */
  int64_t s, cnt, i;           /* slot 2 at the exit, the two cells */
} cells_run;

static cells_run
run_cells (int sink, int with_call, int64_t s0, int64_t stop, int64_t k,
           size_t *code_bytes)
{
  cells_run r = { 0 };
  int64_t cnt = 0, it[2] = { 0, stop };
  fixture fx;
  fx_init (&fx);
  jc_lower *b = build_cells (&fx, &cnt, it, k, with_call);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.sink = sink;
  jc_compiled c;
  if (compile (b, &o, &c) != 0)
    {
      CU_FAIL ("compile");
      jc_ir_free (b);
      return r;
    }
  *code_bytes = c.code_bytes;
  tslot f[3];
  set_int (f, 2, s0);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  r.pc = jc_ir_snap (b, id)->pc;
  uint64_t v = (uint64_t) s0;
  fx_exit_slot (b, id, buf, 2, &v);   /* not listed: slot 2 unchanged */
  r.s = (int64_t) v;
  r.cnt = cnt;
  r.i = it[0];
  jc_emit_release (&c);
  jc_ir_free (b);
  return r;
}

static void
test_memory_cells (void)
{
  /* (s0, stop, k) and what C says: the loop runs until i == stop (pc 2),
   * i == k (pc 3) or the sum overflows (pc 1). */
  static const struct { int64_t s0, stop, k; cells_run want; } cases[] = {
    { 0, 1000, -1, { 2, 500500, 1001, 1000 } },
    { 0, 1000, 0, { 3, 0, 1, 1 } },           /* the first iteration */
    { 0, 1000, 1, { 3, 1, 2, 2 } },           /* the second, in the loop */
    { 0, 1000, 700, { 3, 245350, 701, 701 } },
    { 0, 1, -1, { 2, 1, 2, 1 } },
    { INT64_MAX - 10, 1000, -1, { 1, INT64_MAX, 6, 5 } },
    { INT64_MAX, 1000, -1, { 1, INT64_MAX, 2, 1 } },
  };
  for (size_t n = 0; n < sizeof cases / sizeof cases[0]; n++)
    for (int call = 0; call < 2; call++)
      {
        size_t bytes[2];
        cells_run r[2];
        for (int sink = 0; sink < 2; sink++)
          {
            r[sink] = run_cells (sink, call, cases[n].s0, cases[n].stop,
                                 cases[n].k, &bytes[sink]);
            CU_ASSERT_EQUAL (r[sink].pc, cases[n].want.pc);
            CU_ASSERT_EQUAL (r[sink].s, cases[n].want.s);
            CU_ASSERT_EQUAL (r[sink].cnt, cases[n].want.cnt);
            CU_ASSERT_EQUAL (r[sink].i, cases[n].want.i);
            if (r[sink].pc != cases[n].want.pc
                || r[sink].s != cases[n].want.s
                || r[sink].cnt != cases[n].want.cnt
                || r[sink].i != cases[n].want.i)
              fprintf (stderr, "case %zu call %d sink %d: pc %u s %lld cnt "
                       "%lld i %lld\n", n, call, sink, r[sink].pc,
                       (long long) r[sink].s, (long long) r[sink].cnt,
                       (long long) r[sink].i);
          }
        if (call)
          {
            CU_ASSERT_EQUAL (bytes[0], bytes[1]);   /* no cells: same code */
          }
        else
          {
            CU_ASSERT_NOT_EQUAL (bytes[0], bytes[1]);
          }
      }
}

/* Memory cells around a cold call.  The loop of build_cells, and at the
 * end of each iteration, when (i & 7) == 3, a call_if of `peek`: a helper
 * that reads both cells from memory (it logs what it sees), moves the
 * iterator on by 2 (the trace must load the cell back) and fails (a
 * MAY_RAISE exit after the call) at the iteration failat.  With sink on
 * the cells stay in locals on the hot path and go to memory only around
 * the call; what the helper sees, the exit and memory must be exactly as
 * with sink off, and as the C model below says. */
enum { PEEK_LOG = 512 };
static struct {
  int64_t *cnt, *it, failat;
  int64_t seen[PEEK_LOG][2];
  int n;
} peek;

static int64_t
h_peek (int64_t i)
{
  (void) i;
  if (peek.n < PEEK_LOG)
    {
      peek.seen[peek.n][0] = *peek.cnt;
      peek.seen[peek.n][1] = peek.it[0];
    }
  peek.n++;
  peek.it[0] += 2;
  return *peek.cnt == peek.failat ? 0 : 1;
}

static jc_helper peek_helpers[sizeof fx_helpers / sizeof fx_helpers[0] + 1];
#define FX_H_PEEK ((uint32_t) (sizeof fx_helpers / sizeof fx_helpers[0]))

static jc_lower *
build_cells_peek (fixture *fx, int64_t *cnt, int64_t *it, int64_t k)
{
  memcpy (peek_helpers, fx_helpers, sizeof fx_helpers);
  peek_helpers[FX_H_PEEK] = (jc_helper) {
    "peek", (void *) h_peek, "i64(i64)",
    JC_HELPER_READS_MEMORY | JC_HELPER_WRITES_MEMORY | JC_HELPER_MAY_RAISE };
  fx->host.helpers = peek_helpers;
  fx->host.nhelpers = FX_H_PEEK + 1;
  return build_cells (fx, cnt, it, k, 2);
}

/* The C model of the loop with the call: exit pc, slot 2, both cells. */
static cells_run
model_cells_peek (int64_t s0, int64_t stop, int64_t k, int64_t failat,
                  int64_t seen[][2], int *nseen)
{
  int64_t cnt = 0, it0 = 0, s = s0, t;
  *nseen = 0;
  for (;;)
    {
      cnt++;
      int64_t i = it0;
      if (__builtin_add_overflow (s, i, &t))
        return (cells_run) { 1, s, cnt, it0 };
      s = t;
      if (!(i < stop))
        return (cells_run) { 2, s, cnt, it0 };
      it0 = i + 1;
      if (i == k)
        return (cells_run) { 3, s, cnt, it0 };
      if ((i & 7) == 3)
        {
          if (*nseen < PEEK_LOG)
            {
              seen[*nseen][0] = cnt;
              seen[*nseen][1] = it0;
            }
          ++*nseen;
          it0 += 2;
          if (cnt == failat)
            return (cells_run) { 3, s, cnt, it0 };
        }
    }
}

static cells_run
run_cells_peek (int sink, int64_t s0, int64_t stop, int64_t k,
                int64_t failat, size_t *code_bytes)
{
  cells_run r = { 0 };
  int64_t cnt = 0, it[2] = { 0, stop };
  fixture fx;
  fx_init (&fx);
  peek.cnt = &cnt;
  peek.it = it;
  peek.failat = failat;
  peek.n = 0;
  jc_lower *b = build_cells_peek (&fx, &cnt, it, k);
  jc_emit_opts o;
  jc_emit_opts_init (&o);
  o.sink = sink;
  jc_compiled c;
  if (compile (b, &o, &c) != 0)
    {
      CU_FAIL ("compile");
      jc_ir_free (b);
      return r;
    }
  *code_bytes = c.code_bytes;
  tslot f[3];
  set_int (f, 2, s0);
  uint64_t buf[16];
  uint32_t id = c.entry (f, buf);
  r.pc = jc_ir_snap (b, id)->pc;
  uint64_t v = (uint64_t) s0;
  fx_exit_slot (b, id, buf, 2, &v);
  r.s = (int64_t) v;
  r.cnt = cnt;
  r.i = it[0];
  jc_emit_release (&c);
  jc_ir_free (b);
  return r;
}

static void
test_memory_cells_cold_call (void)
{
  static const struct { int64_t s0, stop, k, failat; } cases[] = {
    { 0, 1000, -1, -1 },       /* to the end: every call made */
    { 0, 1000, 2, -1 },        /* before the first call */
    { 0, 1000, 3, -1 },        /* i == k at the call's iteration */
    { 0, 1000, 500, -1 },
    { 0, 1000, -1, 4 },        /* the first call fails */
    { 0, 1000, -1, 100 },      /* a later one: i's are skipped by then */
    { INT64_MAX - 40, 1000, -1, -1 },   /* overflow after some calls */
  };
  static int64_t want_seen[PEEK_LOG][2], got_seen[PEEK_LOG][2];
  for (size_t n = 0; n < sizeof cases / sizeof cases[0]; n++)
    {
      int nwant;
      cells_run want = model_cells_peek (cases[n].s0, cases[n].stop,
                                         cases[n].k, cases[n].failat,
                                         want_seen, &nwant);
      CU_ASSERT (nwant <= PEEK_LOG);
      size_t bytes[2];
      for (int sink = 0; sink < 2; sink++)
        {
          cells_run r = run_cells_peek (sink, cases[n].s0, cases[n].stop,
                                        cases[n].k, cases[n].failat,
                                        &bytes[sink]);
          int ngot = peek.n;
          memcpy (got_seen, peek.seen, sizeof got_seen);
          int same = r.pc == want.pc && r.s == want.s && r.cnt == want.cnt
                     && r.i == want.i && ngot == nwant
                     && memcmp (got_seen, want_seen,
                                (size_t) (nwant < PEEK_LOG ? nwant : PEEK_LOG)
                                * sizeof got_seen[0]) == 0;
          CU_ASSERT (same);
          if (!same)
            fprintf (stderr, "cold call case %zu sink %d: pc %u/%u s %lld/%lld "
                     "cnt %lld/%lld i %lld/%lld calls %d/%d\n", n, sink,
                     r.pc, want.pc, (long long) r.s, (long long) want.s,
                     (long long) r.cnt, (long long) want.cnt,
                     (long long) r.i, (long long) want.i, ngot, nwant);
        }
      CU_ASSERT_NOT_EQUAL (bytes[0], bytes[1]);   /* the cells were made */
    }
}

/* Integer ranges (JC_OPT_RANGE).  slots: 0 i, 1 n, 2 x, 3 s.
 *   pc 0: guard i < n; guard i >= 0
 *   pc 1: x = (x * 69069 + 1) % 2**32        (checks that cannot fail)
 *   pc 2: y = x * x                           (may overflow: kept)
 *   pc 3: d = x - 2**31; s += d % 7 + d // 7 + y % 1000003 + (i ^ 5) % 3
 *   pc 4: i += 1
 * The exits and exit buffers must be the same with ranges on and off and
 * what C computes with Python's floor rounding. */
static jc_lower *
build_ranges (fixture *fx)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_slot_get (b, 0), n = jc_lower_slot_get (b, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i, n), 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GE, i, jc_lower_const_i64 (b, 0)),
                  1);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ref x = jc_lower_binop_ov (b, JC_FLOORMOD,
      jc_lower_binop_ov (b, JC_ADD,
          jc_lower_binop_ov (b, JC_MUL, jc_lower_slot_get (b, 2),
                             jc_lower_const_i64 (b, 69069)),
          jc_lower_const_i64 (b, 1)),
      jc_lower_const_i64 (b, (int64_t) 1 << 32));
  jc_lower_slot_set (b, 2, x);
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_ref y = jc_lower_binop_ov (b, JC_MUL, x, x);
  jc_ir_begin_insn (b, 3, NULL, -1);
  jc_ref d = jc_lower_binop_ov (b, JC_SUB, x,
                                jc_lower_const_i64 (b, (int64_t) 1 << 31));
  jc_ref k7 = jc_lower_const_i64 (b, 7);
  jc_ref t = jc_lower_binop_ov (b, JC_ADD,
      jc_lower_binop_ov (b, JC_FLOORMOD, d, k7),
      jc_lower_binop_ov (b, JC_FLOORDIV, d, k7));
  t = jc_lower_binop_ov (b, JC_ADD, t,
      jc_lower_binop_ov (b, JC_FLOORMOD, y, jc_lower_const_i64 (b, 1000003)));
  t = jc_lower_binop_ov (b, JC_ADD, t,
      jc_lower_binop_ov (b, JC_FLOORMOD,
          jc_lower_binop (b, JC_XOR, i, jc_lower_const_i64 (b, 5)),
          jc_lower_const_i64 (b, 3)));
  jc_lower_slot_set (b, 3, jc_lower_binop_ov (b, JC_ADD,
                                              jc_lower_slot_get (b, 3), t));
  jc_ir_begin_insn (b, 4, NULL, -1);
  jc_lower_slot_set (b, 0, jc_lower_binop (b, JC_ADD, i,
                                           jc_lower_const_i64 (b, 1)));
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  return b;
}

static int64_t
py_mod (int64_t a, int64_t m)
{
  int64_t r = a % m;
  return r != 0 && (r ^ m) < 0 ? r + m : r;
}

static void
test_int_ranges (void)
{
  /* (i0, n, x0): ends at i == n (pc 0), at x * x > INT64_MAX (pc 2), or
   * at once for a negative i (pc 0, the i >= 0 guard). */
  static const int64_t cases[][3] = {
    { 0, 20000, 3 }, { 5, 300, 0 }, { -4, 100, 3 }, { 0, 1, 4294967295 },
    { 0, 3, 100000 }, { 0, 5000, 3037000499 },
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
    {
      /* What C says. */
      int64_t i = cases[k][0], x = cases[k][2], s = 0, xs = x;
      uint32_t pc = 0;
      int first = 1;
      while (i >= 0 && i < cases[k][1])
        {
          x = (x * 69069 + 1) % ((int64_t) 1 << 32);
          __int128 y = (__int128) x * x;
          if (y > INT64_MAX)
            {
              pc = 2;
              break;
            }
          int64_t d = x - ((int64_t) 1 << 31);
          int64_t m = py_mod (d, 7);
          s += m + (d - m) / 7 + py_mod ((int64_t) y, 1000003)
               + py_mod (i ^ 5, 3);
          i++;
          first = 0;
        }
      (void) xs;
      for (int range = 0; range < 2; range++)
        {
          fixture fx;
          fx_init (&fx);
          jc_lower *b = build_ranges (&fx);
          jc_emit_opts o;
          jc_emit_opts_init (&o);
          o.range = range;
          jc_compiled c;
          if (compile (b, &o, &c) != 0)
            {
              CU_FAIL ("compile");
              jc_ir_free (b);
              continue;
            }
          tslot f[4];
          set_int (f, 0, cases[k][0]);
          set_int (f, 1, cases[k][1]);
          set_int (f, 2, cases[k][2]);
          set_int (f, 3, 0);
          uint64_t buf[16];
          uint32_t id = c.entry (f, buf);
          const jc_snap *sn = jc_ir_snap (b, id);
          CU_ASSERT_EQUAL (sn->pc, pc);
          uint64_t v;
          int64_t gi = fx_exit_slot (b, id, buf, 0, &v) == 0 ? (int64_t) v
                                                           : cases[k][0];
          int64_t gx = fx_exit_slot (b, id, buf, 2, &v) == 0 ? (int64_t) v
                                                           : cases[k][2];
          int64_t gs = fx_exit_slot (b, id, buf, 3, &v) == 0 ? (int64_t) v
                                                           : 0;
          CU_ASSERT_EQUAL (gi, i);
          CU_ASSERT_EQUAL (gx, first && pc == 0 ? cases[k][2] : x);
          CU_ASSERT_EQUAL (gs, s);
          if (sn->pc != pc || gi != i || gs != s)
            fprintf (stderr, "ranges case %zu range %d: pc %u/%u i %lld/%lld "
                     "s %lld/%lld\n", k, range, sn->pc, pc, (long long) gi,
                     (long long) i, (long long) gs, (long long) s);
          jc_emit_release (&c);
          jc_ir_free (b);
        }
    }
}

/* Trace k of a batch: while i < n: s = add3 (s, i) + k (a helper from its
 * own table); cell[0] = i + 1 (an object from its own constant table);
 * i += 1.  Different k give different results, so mixed-up entry points
 * or tables show. */
static jc_lower *
build_batch_trace (fixture *fx, int64_t k, int64_t *cell)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_slot_get (b, 0), n = jc_lower_slot_get (b, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i, n), 1);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_ref args[2] = { jc_lower_slot_get (b, 2), i };
  jc_ref h = jc_lower_call (b, 0, args, 2);
  jc_lower_slot_set (b, 2, jc_lower_binop (b, JC_ADD, h,
                                           jc_lower_const_i64 (b, k)));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_ref i1 = jc_lower_binop (b, JC_ADD, i, jc_lower_const_i64 (b, 1));
  jc_lower_store (b, jc_lower_const_obj (b, cell), 0, i1, 7);
  jc_lower_slot_set (b, 0, i1);
  CU_ASSERT_EQUAL (jc_ir_close_loop (b), 0);
  return b;
}

/* Run trace k for n iterations and check s and the cell against C. */
static void
check_batch_trace (const jc_lower *b, const jc_compiled *c, int64_t k,
                   int64_t n, int64_t *cell)
{
  CU_ASSERT_PTR_NOT_NULL_FATAL (c->entry);
  tslot f[3];
  set_int (f, 0, 0);
  set_int (f, 1, n);
  set_int (f, 2, 0);
  uint64_t buf[16];
  *cell = -1;
  uint32_t id = c->entry (f, buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 0);
  CU_ASSERT_EQUAL ((int64_t) exit_value (b, id, buf, 2),
                   3 * n * (n - 1) / 2 + k * n);
  CU_ASSERT_EQUAL (*cell, n);
}

#define NB 4

/* Four traces in one context: one libgccjit compile, four entry points
 * with their own tables; the shared machine code lives until the last of
 * them is released (released here in an order that would use freed code
 * if the first release freed it; ASan/valgrind runs check that too). */
static void
test_batch_shares_one_compile (void)
{
  fixture fx;
  fx_init (&fx);
  int64_t cells[NB];
  jc_lower *b[NB];
  jc_compiled c[NB];
  jc_emit_batch *bt = jc_emit_batch_new (NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (bt);
  for (int k = 0; k < NB; k++)
    {
      char name[16];
      snprintf (name, sizeof name, "bt%d", k);
      b[k] = build_batch_trace (&fx, 10 * k, &cells[k]);
      CU_ASSERT_EQUAL (jc_emit_batch_add (bt, b[k], name, NULL), k);
    }
  CU_ASSERT_EQUAL (jc_emit_batch_compile (bt), NB);
  jc_emit_batch_info info;
  jc_emit_batch_get_info (bt, &info);
  CU_ASSERT_EQUAL (info.contexts, 1);
  CU_ASSERT_EQUAL (info.retried, 0);
  char err[256];
  for (int k = 0; k < NB; k++)
    CU_ASSERT_EQUAL (jc_emit_batch_take (bt, (uint32_t) k, &c[k], err,
                                         sizeof err), 0);
  CU_ASSERT_EQUAL (jc_emit_batch_take (bt, 0, &(jc_compiled) { 0 }, err,
                                       sizeof err), -1);
  CU_ASSERT_PTR_NOT_NULL (strstr (err, "already taken"));
  jc_emit_batch_free (bt);      /* the taken results stay valid */
  for (int k = 0; k < NB; k++)
    {
      CU_ASSERT_PTR_EQUAL (c[k].result, c[0].result);
      CU_ASSERT_EQUAL (c[k].nconsts, 1);
      CU_ASSERT_PTR_EQUAL (c[k].consts[0], &cells[k]);
      CU_ASSERT_TRUE (c[k].code_bytes > 0);
      for (int j = 0; j < k; j++)
        CU_ASSERT_PTR_NOT_EQUAL ((void *) c[k].entry, (void *) c[j].entry);
      check_batch_trace (b[k], &c[k], 10 * k, 100, &cells[k]);
    }
  /* Release all but trace 2, then run it. */
  for (int k = 0; k < NB; k++)
    if (k != 2)
      jc_emit_release (&c[k]);
  check_batch_trace (b[2], &c[2], 20, 37, &cells[2]);
  jc_emit_release (&c[2]);
  for (int k = 0; k < NB; k++)
    jc_ir_free (b[k]);
}

/* Traces that fail in a batch fail alone, each with its reason:
 * rejected while built (EMIT: the others compile in one context), rejected
 * only when the context compiles (COMPILE: every trace is compiled again
 * alone), a duplicate name, a builder in error. */
static void
batch_with_failure (int how)
{
  fixture fx;
  fx_init (&fx);
  int64_t cells[NB];
  jc_lower *b[NB];
  jc_emit_batch *bt = jc_emit_batch_new (NULL);
  for (int k = 0; k < NB; k++)
    {
      jc_emit_opts o;
      jc_emit_opts_init (&o);
      if (k == 1 && how != 3)
        o.inject_failure = how;
      b[k] = build_batch_trace (&fx, k, &cells[k]);
      if (k == 1 && how == 3)
        jc_lower_fail (b[k], "host said no");
      CU_ASSERT_EQUAL (jc_emit_batch_add (bt, b[k], k == 1 && how == 0
                                          ? "bt0" : (const char *[]) {
                                            "bt0", "bt1", "bt2", "bt3" }[k],
                                          &o), k);
    }
  CU_ASSERT_EQUAL (jc_emit_batch_compile (bt), NB - 1);
  jc_emit_batch_info info;
  jc_emit_batch_get_info (bt, &info);
  CU_ASSERT_EQUAL (info.retried, how == JC_EMIT_FAIL_COMPILE ? NB : 0);
  CU_ASSERT_EQUAL (info.contexts, how == JC_EMIT_FAIL_COMPILE ? 1 + NB : 1);
  for (int k = 0; k < NB; k++)
    {
      jc_compiled c;
      char err[256] = "";
      int rc = jc_emit_batch_take (bt, (uint32_t) k, &c, err, sizeof err);
      if (k == 1)
        {
          CU_ASSERT_EQUAL (rc, -1);
          CU_ASSERT_PTR_NULL (c.entry);
          const char *want = how == 0 ? "already in the batch"
                             : how == 3 ? "host said no" : "libgccjit";
          if (!strstr (err, want))
            fprintf (stderr, "reason '%s' lacks '%s'\n", err, want);
          CU_ASSERT_PTR_NOT_NULL (strstr (err, want));
          continue;
        }
      CU_ASSERT_EQUAL_FATAL (rc, 0);
      check_batch_trace (b[k], &c, k, 50, &cells[k]);
      jc_emit_release (&c);
    }
  jc_emit_batch_free (bt);
  for (int k = 0; k < NB; k++)
    jc_ir_free (b[k]);
}

static void
test_batch_emit_failure (void)
{
  batch_with_failure (JC_EMIT_FAIL_EMIT);
}

static void
test_batch_compile_failure (void)
{
  batch_with_failure (JC_EMIT_FAIL_COMPILE);
}

static void
test_batch_bad_traces (void)
{
  batch_with_failure (0);       /* duplicate name */
  batch_with_failure (3);       /* builder in error */
}

/* No toolchain: the batch and every retry fail, each trace with
 * libgccjit's reason; nothing leaks (ASan) and nothing crashes. */
static void
test_batch_missing_toolchain (void)
{
  fixture fx;
  fx_init (&fx);
  int64_t cells[2];
  jc_lower *b[2] = { build_batch_trace (&fx, 0, &cells[0]),
                     build_batch_trace (&fx, 1, &cells[1]) };
  jc_emit_batch *bt = jc_emit_batch_new (NULL);
  jc_emit_batch_add (bt, b[0], "a", NULL);
  jc_emit_batch_add (bt, b[1], "b", NULL);
  const char *old = getenv ("PATH");
  char *saved = old ? strdup (old) : NULL;
  setenv ("PATH", "/nonexistent-jc-test", 1);
  CU_ASSERT_EQUAL (jc_emit_batch_compile (bt), 0);
  if (saved)
    setenv ("PATH", saved, 1);
  else
    unsetenv ("PATH");
  free (saved);
  jc_emit_batch_info info;
  jc_emit_batch_get_info (bt, &info);
  CU_ASSERT_EQUAL (info.retried, 2);
  for (uint32_t k = 0; k < 2; k++)
    {
      jc_compiled c;
      char err[256] = "";
      CU_ASSERT_EQUAL (jc_emit_batch_take (bt, k, &c, err, sizeof err), -1);
      CU_ASSERT_PTR_NOT_NULL (strstr (err, "libgccjit"));
    }
  jc_emit_batch_free (bt);
  jc_ir_free (b[0]);
  jc_ir_free (b[1]);
}

/* test_self_call's chain of SELF_DEPTH frames of 4 slots: frame k has
 * n = SELF_DEPTH - 1 - k in slot 0 and its child, frame k + 1 (none for
 * the last), in slot 2; everything else zero. */
enum { SELF_DEPTH = 6 };
static void
self_frames (tslot f[SELF_DEPTH][4])
{
  memset (f, 0, SELF_DEPTH * sizeof f[0]);
  for (int k = 0; k < SELF_DEPTH; k++)
    {
      set_int (f[k], 0, SELF_DEPTH - 1 - k);   /* n = 5 .. 0 */
      f[k][2].tag = TAG_OBJ;
      f[k][2].v.p = k + 1 < SELF_DEPTH ? f[k + 1] : NULL;
    }
}

/* jc_lower_call_self: sum(n) = n + sum(n - 1) as a trace that calls its
 * own code on a child frame (slot 2 holds it) and takes the child's
 * result from its slot 1 when the child marked it done (slot 1's tag 1,
 * the host's return protocol here); a child that exits without (n <= 0:
 * the base case the test finished by hand, or a deliberately unfinished
 * one) makes the caller exit at its call with its own exit; and with the
 * base case's exit in the self-call exit table, the code there finishes
 * the child. */
static void
test_self_call (void)
{
  fixture fx;
  fx_init (&fx);
  fx.expect_tag[2] = TAG_OBJ;
  jc_lower *b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, "self.x", 1);
  jc_ref n = jc_lower_slot_get (b, 0);
  jc_lower_guard (b, jc_lower_cmp (b, JC_GT, n, jc_lower_const_i64 (b, 0)),
                  1);
  jc_ir_begin_insn (b, 1, "self.x", 2);
  jc_ref child = jc_lower_slot_get (b, 2);
  jc_ref w = jc_lower_call_self (b, FX_H_SELF, child);
  CU_ASSERT_EQUAL (jc_lower_type (b, w), JC_TYPE_PTR);
  jc_ref done = jc_lower_load (b, JC_TYPE_I64, child, 16, 4);
  jc_lower_guard (b, jc_lower_cmp (b, JC_EQ, done,
                                   jc_lower_const_i64 (b, 1)), 1);
  jc_ref r = jc_lower_load (b, JC_TYPE_I64, child, 24, 4);
  /* The callee's exit number, as word 0 of its words: the base case's
   * (its n > 0 guard, exit 0) for the deepest call. */
  jc_ref wid = jc_lower_load (b, JC_TYPE_I64, w, 0, 5);
  jc_ref s = jc_lower_binop (b, JC_ADD, n, r);
  jc_ir_begin_insn (b, 2, "self.x", 3);
  jc_ref fr = jc_lower_frame (b);
  jc_lower_store (b, fr, 24, s, 4);
  jc_lower_store (b, fr, 16, jc_lower_const_i64 (b, 1), 4);
  jc_lower_store (b, fr, 56, wid, 4);   /* slot 3's value: the last id */
  CU_ASSERT_EQUAL (jc_ir_end_exit (b, 3), 0);
  CU_ASSERT_TRUE_FATAL (jc_lower_ok (b));
  jc_compiled c;
  if (compile (b, NULL, &c) != 0)
    {
      CU_FAIL ("compile");
      jc_ir_free (b);
      return;
    }
  tslot f[SELF_DEPTH][4];
  self_frames (f);
  for (int k = 0; k < SELF_DEPTH; k++)
    f[k][3].v.i = -1;
  f[SELF_DEPTH - 1][1].tag = 1;                /* the base case, done: 0 */
  f[SELF_DEPTH - 1][1].v.i = 0;
  uint64_t buf[16];
  uint32_t id = c.entry (f[0], buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 3);   /* its final exit */
  for (int k = 0; k < SELF_DEPTH - 1; k++)
    {
      int64_t m = SELF_DEPTH - 1 - k;
      CU_ASSERT_EQUAL (f[k][1].tag, 1);
      CU_ASSERT_EQUAL (f[k][1].v.i, m * (m + 1) / 2);
    }
  /* The deepest callee left through exit 0; every other through the
   * final exit. */
  CU_ASSERT_EQUAL (f[SELF_DEPTH - 2][3].v.i, 0);
  CU_ASSERT_EQUAL ((uint32_t) f[0][3].v.i, id);
  /* A child that is not done: its caller exits at the call (pc 1), the
   * callers above it at theirs, and nothing above is marked done. */
  self_frames (f);
  id = c.entry (f[0], buf);
  CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 1);
  for (int k = 0; k < SELF_DEPTH; k++)
    CU_ASSERT_EQUAL (f[k][1].tag, 0);

  /* The exit table: exit 0 (the base case) gets a "side trace" that
   * finishes the frame (done, result 100) and leaves through its own exit
   * 0; the self-calls run it at once, and word 0 says so. */
  CU_ASSERT_PTR_NOT_NULL_FATAL (c.self_sides);
  CU_ASSERT_EQUAL (c.nself_sides, jc_ir_nsnaps (b));
  CU_ASSERT_PTR_NULL (c.self_sides[0]);
  fixture fx2;
  fx_init (&fx2);
  jc_lower *b2 = fx_builder (&fx2, 0);
  jc_ir_begin_insn (b2, 0, NULL, -1);
  jc_ref f2 = jc_lower_frame (b2);
  jc_lower_store (b2, f2, 24, jc_lower_const_i64 (b2, 100), 4);
  jc_lower_store (b2, f2, 16, jc_lower_const_i64 (b2, 1), 4);
  CU_ASSERT_EQUAL (jc_ir_end_exit (b2, 0), 0);
  CU_ASSERT_EQUAL (jc_ir_snap (b, 0)->pc, 0);
  jc_compiled c2;
  if (compile (b2, NULL, &c2) != 0)
    {
      CU_FAIL ("compile of the side trace");
    }
  else
    {
      CU_ASSERT_PTR_NULL (c2.self_sides);     /* no self-call in it */
      c.self_sides[0] = (void *) c2.entry;
      self_frames (f);
      id = c.entry (f[0], buf);
      CU_ASSERT_EQUAL (jc_ir_snap (b, id)->pc, 3);
      CU_ASSERT_EQUAL (f[0][1].v.i, 115);
      CU_ASSERT_EQUAL (f[SELF_DEPTH - 1][1].v.i, 100);
      CU_ASSERT_EQUAL ((uint64_t) f[SELF_DEPTH - 2][3].v.i, (uint64_t) 1 << 32);
      CU_ASSERT_EQUAL ((uint64_t) f[0][3].v.i, id);
      c.self_sides[0] = NULL;
      jc_emit_release (&c2);
    }
  jc_ir_free (b2);
  jc_emit_release (&c);
  jc_ir_free (b);

  /* The stand-in must be "ptr(ptr)" and not pure. */
  fx_init (&fx);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_call_self (b, FX_H_ADD3, jc_lower_frame (b)),
                   JC_REF_NONE);
  CU_ASSERT_FALSE (jc_lower_ok (b));
  jc_ir_free (b);
  b = fx_builder (&fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  CU_ASSERT_EQUAL (jc_lower_call_self (b, FX_H_SELF,
                                       jc_lower_const_i64 (b, 1)),
                   JC_REF_NONE);       /* the frame is no pointer */
  CU_ASSERT_FALSE (jc_lower_ok (b));
  jc_ir_free (b);
}

int
jc_test_register (void)
{
  static const jc_test_case tests[] = {
    { "sum_loop_o2", test_sum_loop_o2 },
    { "entry_slot_written_back", test_entry_slot_written_back },
    { "entry_slot_refused", test_entry_slot_refused },
    { "call_if_ptr", test_call_if_ptr },
    { "stack_address", test_stack_address },
    { "overflow_both_ways", test_overflow_both_ways },
    { "memory_cells", test_memory_cells },
    { "memory_cells_cold_call", test_memory_cells_cold_call },
    { "int_ranges", test_int_ranges },
    { "sum_loop_o0", test_sum_loop_o0 },
    { "write_only_slot_written_back", test_write_only_slot_written_back },
    { "float_helpers_exit", test_float_helpers_exit },
    { "may_raise_helper", test_may_raise_helper },
    { "const_obj_load_store", test_const_obj_load_store },
    { "mul_sub_overflow", test_mul_sub_overflow },
    { "floor_divmod", test_floor_divmod },
    { "inlined_exit", test_inlined_exit },
    { "injected_failure", test_injected_failure },
    { "debuginfo_native", test_debuginfo_native },
    { "missing_toolchain", test_missing_toolchain },
    { "parallel_carry", test_parallel_carry },
    { "batch_shares_one_compile", test_batch_shares_one_compile },
    { "batch_emit_failure", test_batch_emit_failure },
    { "batch_compile_failure", test_batch_compile_failure },
    { "batch_bad_traces", test_batch_bad_traces },
    { "batch_missing_toolchain", test_batch_missing_toolchain },
    { "self_call", test_self_call },
    { NULL, NULL }
  };
  return JC_SUITE ("emit", NULL, NULL, tests);
}
