/* ir_internal.h -- the builder's own layout, shared by ir.c (storage,
 * frames, snapshots, loop closing), lower.c (the public emit functions) and
 * ir_dump.c.  Never installed. */
#ifndef JC_IR_INTERNAL_H
#define JC_IR_INTERNAL_H

#include "ir.h"

/* Slot states of a builder frame (see ir.h). */
enum { JC_SLOT_UNKNOWN = 0, JC_SLOT_LOADED = 1, JC_SLOT_SET = 2,
       JC_SLOT_DEAD = 3 };   /* jc_lower_slots_dead_from: not read again
                                before it is set; in no snapshot */

typedef struct jc_bslot {
  uint8_t state;
  jc_ref ref;
} jc_bslot;

typedef struct jc_bframe {
  const void *code;
  uint32_t return_pc;        /* inlined: where the caller resumes */
  uint32_t arg_base, nargs, nslots;
  uint32_t nslot_cap;
  jc_bslot *slots;           /* grown on demand */
  jc_bslot *saved;           /* state at the current instruction's start */
  uint32_t nsaved;
  uint32_t pc;               /* pc of the instruction being lowered */
  uint32_t dead_from;        /* jc_lower_slots_dead_from of the current
                                instruction; UINT32_MAX: none */
} jc_bframe;

struct jc_lower {
  jc_ir_hooks hooks;
  const void *head_code;
  uint32_t head_pc;

  jc_ir_insn *insns;
  uint32_t ninsns, cap_insns;
  jc_ref *args;              /* CALL argument pool */
  uint32_t nargs, cap_args;

  jc_snap *snaps;
  uint32_t nsnaps, cap_snaps;
  int32_t insn_snap;         /* snapshot of the current instruction, or -1 */

  jc_ir_group *groups;
  uint32_t ngroups, cap_groups;
  int32_t open_group;        /* group being filled by load_slot, or -1 */

  jc_bframe *frames;
  uint32_t nframes, cap_frames;

  void **consts;
  uint32_t nconsts, cap_consts;

  uint32_t cur_pc;
  int32_t cur_line;
  const char *cur_file;

  int closed;                /* 1 loop, 2 exit */
  jc_ref *carried;           /* loop: per root slot */
  uint32_t ncarried;
  uint32_t *snap_loop;       /* loop variant of each body snapshot */
  uint32_t nbody_snaps;      /* snapshots taken before close_loop */
  uint32_t exit_words;
  uint32_t nhomes;           /* jc_ir_assign_homes: words; 0 not called */

  int side_entry;            /* lowering a side trace's first insn */
  uint32_t generic_insns;    /* host instructions that made an
                                unconditional call of a JC_HELPER_GENERIC
                                helper (the payback rule, select.c) */
  int generic_this_insn;     /* the current instruction counted there */

  uintptr_t *deps;           /* jc_lower_depend keys */
  uint32_t ndeps, cap_deps;

  char *error;               /* sticky first error */
  char errbuf[256];

  /* Unrolling (jc_lower_unroll): iterations granted so far (against
   * hooks.max_unroll), and whether the instruction being lowered asked for
   * one (read and cleared by jc_ir_take_unroll). */
  uint32_t unrolled;
  uint8_t unroll_asked;      /* 0 no, 1 granted, 2 refused (budget spent) */
};

JC_HIDDEN jc_ref jc_ir_emit (jc_lower *b, jc_ir_op op, jc_type t, jc_ref a,
                             jc_ref bb, jc_ref c, uint32_t sub);
JC_HIDDEN int32_t jc_ir_snapshot (jc_lower *b);
JC_HIDDEN int jc_ir_set_error (jc_lower *b, const char *fmt, ...)
  __attribute__((format (printf, 2, 3)));
JC_HIDDEN int jc_ir_check_ref (jc_lower *b, jc_ref r, const char *what);
JC_HIDDEN jc_bframe *jc_ir_top (jc_lower *b);
JC_HIDDEN jc_bslot *jc_ir_slot (jc_lower *b, jc_bframe *f, uint32_t slot);

#endif /* JC_IR_INTERNAL_H */
