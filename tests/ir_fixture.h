/* ir_fixture.h -- a tiny fake host for the IR and backend suites: a frame
 * is an array of tagged slots {tag, value}; load_slot guards the tag the
 * test expects and unboxes the value. */
#ifndef JC_TESTS_IR_FIXTURE_H
#define JC_TESTS_IR_FIXTURE_H

#include <stdint.h>
#include <string.h>
#include <jitcore/jitcore.h>
#include "../libjitcore/ir.h"

enum { TAG_INT = 1, TAG_FLT = 2, TAG_OBJ = 3 };

typedef struct tslot {
  int64_t tag;
  union { int64_t i; double f; void *p; } v;
} tslot;

typedef struct fixture {
  jc_host host;
  int64_t expect_tag[32];    /* what load_slot guards per slot (0: INT) */
  int loads;                 /* load_slot calls */
  int fail_load;             /* make load_slot fail */
  uint32_t entry_mask;       /* root slots load_slot reads raw (the value
                                word, no tag guard) and binds with
                                jc_lower_slot_bind_entry */
} fixture;

static inline int
fx_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
              uint32_t slot)
{
  fixture *fx = ud;
  (void) code;
  fx->loads++;
  if (fx->fail_load)
    return 1;
  if (slot < 32 && (fx->entry_mask >> slot & 1))
    return jc_lower_slot_bind_entry (b, slot,
                                     jc_lower_load (b, JC_TYPE_I64,
                                                    jc_lower_frame (b),
                                                    (int64_t) (slot * sizeof (tslot)) + 8, 2),
                                     0);
  if (depth > 0)
    return jc_lower_slot_bind (b, slot, jc_lower_const_i64 (b, 0),
                               JC_BIND_TYPE_ONLY);
  int64_t tag = fx->expect_tag[slot] ? fx->expect_tag[slot] : TAG_INT;
  jc_ref fr = jc_lower_frame (b);
  int64_t off = (int64_t) (slot * sizeof (tslot));
  jc_ref t = jc_lower_load (b, JC_TYPE_I64, fr, off, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_EQ, t, jc_lower_const_i64 (b, tag)),
                  1);
  jc_type ty = tag == TAG_INT ? JC_TYPE_I64
               : tag == TAG_FLT ? JC_TYPE_F64 : JC_TYPE_PTR;
  jc_ref v = jc_lower_load (b, ty, fr, off + 8, 2);
  return jc_lower_slot_bind (b, slot, v, JC_BIND_TYPE_ONLY);
}

static inline int64_t h_add3 (int64_t a, int64_t b) { return a + 3 * b; }
static inline int64_t h_nonzero (int64_t a) { return a; }   /* MAY_RAISE: 0 fails */
static inline double h_half (double x) { return x / 2; }
static inline void *h_self_standin (void *f) { (void) f; return NULL; }
static inline void *h_ident (void *p) { return p; }

static const jc_helper fx_helpers[] = {
  { "add3", (void *) h_add3, "i64(i64,i64)", JC_HELPER_PURE },
  { "nonzero", (void *) h_nonzero, "i64(i64)", JC_HELPER_MAY_RAISE },
  { "half", (void *) h_half, "f64(f64)", JC_HELPER_PURE },
  { "bad", (void *) h_half, "f64(f64", 0 },
  /* jc_lower_call_self's stand-in (never called) */
  { "self", (void *) h_self_standin, "ptr(ptr)",
    JC_HELPER_READS_MEMORY | JC_HELPER_WRITES_MEMORY },
  { "ident", (void *) h_ident, "ptr(ptr)", JC_HELPER_MAY_RAISE },
};
enum { FX_H_ADD3 = 0, FX_H_NONZERO, FX_H_HALF, FX_H_BAD, FX_H_SELF,
       FX_H_IDENT };

static inline void
fx_init (fixture *fx)
{
  memset (fx, 0, sizeof *fx);
  fx->host.abi_version = JC_HOST_ABI_VERSION;
  fx->host.size = sizeof fx->host;
  fx->host.userdata = fx;
  fx->host.load_slot = fx_load_slot;
  fx->host.helpers = fx_helpers;
  fx->host.nhelpers = sizeof fx_helpers / sizeof fx_helpers[0];
}

static inline jc_lower *
fx_builder (fixture *fx, uint32_t max_insns)
{
  jc_ir_hooks h = { &fx->host, max_insns, 0, 0 };
  return jc_ir_new (&h, fx, 0);
}

/* i = slot0, n = slot1: guard i < n; slot2 = i * 2 (written, never read);
 * slot0 = i + 1 (overflow-checked when checked_add).  Not yet closed. */
static inline jc_lower *
fx_counting_loop (fixture *fx, int checked_add)
{
  jc_lower *b = fx_builder (fx, 0);
  jc_ir_begin_insn (b, 0, NULL, -1);
  jc_ref i = jc_lower_slot_get (b, 0), n = jc_lower_slot_get (b, 1);
  jc_lower_guard (b, jc_lower_cmp (b, JC_LT, i, n), 1);
  jc_ir_begin_insn (b, 1, NULL, -1);
  jc_lower_slot_set (b, 2, jc_lower_binop (b, JC_MUL, i,
                                           jc_lower_const_i64 (b, 2)));
  jc_ir_begin_insn (b, 2, NULL, -1);
  jc_ref one = jc_lower_const_i64 (b, 1);
  jc_lower_slot_set (b, 0, checked_add ? jc_lower_binop_ov (b, JC_ADD, i, one)
                                       : jc_lower_binop (b, JC_ADD, i, one));
  return b;
}

/* Value of slot in snapshot `id`'s root frame, by scanning exit_buf. */
static inline int
fx_exit_slot (const jc_lower *b, uint32_t id, const uint64_t *buf,
              uint32_t slot, uint64_t *out)
{
  const jc_snap *s = jc_ir_snap (b, id);
  if (!s)
    return -1;
  for (uint32_t e = s->frames[0].first;
       e < s->frames[0].first + s->frames[0].count; e++)
    if (s->entries[e].slot == slot)
      {
        *out = buf[e];
        return 0;
      }
  return -1;
}

#endif
