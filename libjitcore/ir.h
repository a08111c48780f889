/* ir.h -- the trace IR: SSA instructions, virtual frame slots and
 * snapshots, and the builder's internal interface used by trace selection
 * (select.c) and the backend (emit_gccjit.c).  Never installed.
 *
 * Design
 * ======
 * A trace is one array of instructions (jc_ir_insn), in program order from
 * the trace head.  An instruction's index is its SSA reference (jc_ref).
 * Operands are earlier refs; immediates (constants, offsets, helper index)
 * sit in the instruction.  Every instruction remembers the pc and source
 * line of the bytecode instruction it came from, for dumps and debug info.
 *
 * Frames and slots.  The builder keeps a stack of frames (the root frame,
 * then one per inlined call).  Each frame maps its slots to refs: a slot is
 * UNKNOWN (never read: memory holds it), LOADED (bound by load_slot: the ref
 * equals memory), SET (the trace changed it: memory is stale) or DEAD (the
 * host said nothing reads it before it is set again: jc_lower_slots_dead_
 * from).  Only SET slots go into snapshots, and only they are written back
 * at an exit.
 *
 * Snapshots.  jc_ir_begin_insn() copies the SET entries of every frame; a
 * guard in that instruction takes a snapshot of that copy (once per
 * instruction: all guards of one instruction share it and so share the
 * exit).  A snapshot is a list of frames (outermost first), each with code,
 * resume pc and, for inlined frames, where its arguments came from, plus a
 * list of entries {slot, ref}.  The exit buffer layout of an exit is the
 * snapshot's entries in order, one 64-bit word each (a constant entry still
 * gets its word; the runtime may fold it).  Snapshot n is exit n.  With
 * home-word exits (jc_ir_assign_homes) entry i's word is home[i] instead:
 * one word per (frame depth, slot) for the whole trace.
 *
 * Loops.  jc_ir_close_loop() records, for every root slot, the value that
 * goes around the back edge.  load_slot's instructions are bracketed
 * ("slot-load groups"), so the backend can emit the body twice: the first
 * iteration as recorded, then the loop, in which every group is skipped and
 * its bound ref replaced by the first iteration's value (slot not SET:
 * memory is unchanged, so is the value) or by the loop-carried variable.
 */
#ifndef JC_IR_H
#define JC_IR_H

#include <stdint.h>
#include <stdio.h>
#include <jitcore/host.h>
#include <jitcore/lower.h>

#ifndef JC_HIDDEN
# define JC_HIDDEN __attribute__((visibility("hidden")))
#endif

/* IR opcodes.  X (NAME, "dump name", number of ref operands). */
#define JC_IR_OP_LIST(X)                                                  \
  X (KI64, "KI64", 0)      /* i64 constant (imm.i) */                     \
  X (KF64, "KF64", 0)      /* f64 constant (imm.f) */                     \
  X (KBOOL, "KBOOL", 0)    /* bool constant (imm.i) */                    \
  X (KPTR, "KPTR", 0)      /* raw pointer constant (imm.p) */             \
  X (KOBJ, "KOBJ", 0)      /* constant-table entry imm.i */               \
  X (FRAME, "FRAME", 0)    /* the entry frame pointer */                  \
  X (XBUF, "XBUF", 0)      /* a side trace's entry value, as type: sub 0  \
                              exit_buf[imm.i], left there by its parent;  \
                              sub 1 the constant bits imm.i */            \
  X (STACK, "STACK", 0)    /* i64: an address in the running trace      \
                              function's own stack frame */               \
  X (BINOP, "", 2)         /* sub = jc_binop */                           \
  X (BINOV, "", 2)         /* sub = jc_binop, overflow-guarded, snap */   \
  X (CMP, "", 2)           /* sub = jc_cmp */                             \
  X (UNOP, "", 1)          /* sub = jc_unop */                            \
  X (SELECT, "SELECT", 3)                                                 \
  X (LOAD, "LOAD", 1)      /* a = base, imm.i = offset, sub = alias */    \
  X (STORE, "STORE", 2)    /* a = base, b = value, imm.i, sub = alias */  \
  X (LOADX, "LOADX", 2)    /* a = base, b = index (i64), at base +       \
                              index * scale + imm.i, sub = alias */       \
  X (STOREX, "STOREX", 3)  /* a = base, b = index, c = value, scale,     \
                              imm.i, sub = alias */                       \
  X (CALL, "CALL", 0)      /* sub = helper, args in arg pool [a, a+b);  \
                              JC_IRF_COND: only when bool c holds */     \
  X (GUARD, "GUARD", 1)    /* a = cond, sub = expected, snap */           \
  X (EXIT, "EXIT", 0)      /* unconditional exit through snap */       \
  X (NOP, "NOP", 0)        /* removed by an optimization pass */

typedef enum jc_ir_op {
#define JC_X(n, s, k) JC_IR_##n,
  JC_IR_OP_LIST (JC_X)
#undef JC_X
  JC_IR__COUNT
} jc_ir_op;

typedef struct jc_ir_insn {
  uint8_t op;                /* jc_ir_op */
  uint8_t type;              /* jc_type of the result */
  uint16_t flags;            /* JC_IRF_* */
  uint32_t sub;              /* operator, alias class, helper, expect */
  jc_ref a, b, c;
  int32_t snap;              /* snapshot of a guarding op, else -1 */
  uint32_t pc;               /* bytecode pc it was lowered from */
  int32_t line;              /* guest source line, -1 if unknown */
  const char *file;          /* guest source file, or NULL */
  uint32_t group;            /* slot-load group + 1, or 0 */
  uint32_t scale;            /* LOADX/STOREX: bytes per index step */
  union { int64_t i; double f; const void *p; } imm;
} jc_ir_insn;

enum {
  JC_IRF_MAYRAISE = 1u << 0, /* CALL with a failure guard (snap) */
  JC_IRF_COND = 1u << 1,     /* CALL made only when c is true (value 0
                                otherwise) */
  JC_IRF_SELF = 1u << 2,     /* CALL of the trace's own native code
                                (jc_lower_call_self): sub is the host's
                                stand-in helper, which says its effects;
                                args[0] the frame */
  JC_IRF_LOOP_IMPLIED = 1u << 3  /* GUARD that holds in every iteration
                                after the first (FACTS, opt_facts.c): the
                                backend's loop copy leaves it out */
};

/* A slot-load group: instructions [first, last] emitted by load_slot for
 * (depth, slot), whose bound value is `ref`. */
typedef struct jc_ir_group {
  uint32_t depth, slot;
  jc_ref first, last, ref;
  uint32_t flags;            /* JC_BIND_* */
} jc_ir_group;

typedef struct jc_snap_entry {
  uint32_t slot;
  uint32_t type;             /* jc_type of the value, for write_slot */
  jc_ref ref;                /* the value, or JC_SNAP_CARRIED(slot) */
} jc_snap_entry;

/* In a loop variant of a snapshot (see jc_ir_snap_loop), an entry whose
 * ref is JC_SNAP_CARRIED(s) holds root slot s's loop-carried value: the
 * value the previous iteration left in it. */
#define JC_SNAP_CARRIED(slot) ((jc_ref) (-2 - (jc_ref) (slot)))
#define JC_SNAP_IS_CARRIED(ref) ((ref) <= -2)
#define JC_SNAP_CARRIED_SLOT(ref) ((uint32_t) (-2 - (ref)))

typedef struct jc_snap_frame {
  const void *code;
  uint32_t pc;               /* resume pc; for a caller, the return pc */
  uint32_t arg_base, nargs;  /* inlined frame: caller slots of its args */
  uint32_t nslots;           /* inlined frame: its slot count */
  uint32_t first, count;     /* its entries in jc_snap.entries */
  uint32_t dead_from;        /* slots from here on are dead at pc (the
                                host's jc_lower_slots_dead_from); a loop
                                variant adds no carried slot there.
                                UINT32_MAX: none said */
} jc_snap_frame;

typedef struct jc_snap {
  uint32_t nframes;
  jc_snap_frame *frames;
  uint32_t nentries;
  jc_snap_entry *entries;    /* exit buffer word i holds entries[i].ref */
  uint32_t pc;               /* innermost frame's pc, for logs */
  uint32_t *home;            /* home-word exits (jc_ir_assign_homes): the
                                word of entries[i] is home[i]; NULL: i */
} jc_snap;

/* What the builder needs from its creator. */
typedef struct jc_ir_hooks {
  const jc_host *host;       /* load_slot, helpers, userdata */
  uint32_t max_insns;        /* 0: default 4000 */
  uint32_t max_snaps;        /* 0: default 500 */
  uint32_t max_unroll;       /* jc_lower_unroll grants this many; 0: none */
} jc_ir_hooks;

/* Create a builder for a trace whose root frame runs `code` from head_pc.
 * Returns NULL only when out of memory. */
JC_HIDDEN jc_lower *jc_ir_new (const jc_ir_hooks *h, const void *code,
                               uint32_t head_pc);
JC_HIDDEN void jc_ir_free (jc_lower *b);
/* Whether the host called jc_lower_unroll while lowering the instruction
 * just done: 0 no, 1 granted (one iteration of max_unroll spent), 2
 * refused (none left).  Clears the request. */
JC_HIDDEN int jc_ir_take_unroll (jc_lower *b);

/* Before lowering the instruction at pc of the current frame's code.
 * file/line (may be NULL/-1) label the instructions emitted for it. */
JC_HIDDEN int jc_ir_begin_insn (jc_lower *b, uint32_t pc, const char *file,
                                int32_t line);
/* Inline a call: a new frame running code from its pc 0 ... the host's
 * step says where.  arg_base/nargs: caller slots that become callee slots
 * 0..nargs-1.  return_pc: where the caller resumes. */
JC_HIDDEN int jc_ir_frame_push (jc_lower *b, const void *code,
                                uint32_t return_pc, uint32_t arg_base,
                                uint32_t nargs, uint32_t nslots);
/* Return from the innermost inlined frame: callee slot result_slot goes to
 * caller slot return_slot; caller slots above return_slot are dropped. */
JC_HIDDEN int jc_ir_frame_pop (jc_lower *b, uint32_t result_slot,
                               uint32_t return_slot);
JC_HIDDEN uint32_t jc_ir_depth (const jc_lower *b);   /* 0 = root */
/* Selection says whether the instruction it lowers next is a side trace's
 * first (jc_lower_side_entry answers it to the host). */
JC_HIDDEN void jc_ir_set_side_entry (jc_lower *b, int on);

/* End the trace: back to its head (only at depth 0), or an unconditional
 * exit to pc of the current frame.  close_loop returns -1 and sets no error
 * when the loop cannot close (a carried slot changed its IR type, or a
 * guarded ptr slot changed): the caller then ends with jc_ir_end_exit at
 * the head pc. */
JC_HIDDEN int jc_ir_close_loop (jc_lower *b);
JC_HIDDEN int jc_ir_end_exit (jc_lower *b, uint32_t pc);

/* jc_lower_slot_bind_entry: root slot `slot` is SET to v from the trace's
 * entry on, in the current instruction's start state too. */
JC_HIDDEN int jc_ir_slot_entry_set (jc_lower *b, uint32_t slot, jc_ref v);
/* jc_lower_slots_dead_from: slots `first` and up of the innermost frame
 * DEAD now and in the current instruction's start state; returns how many
 * of them were SET there (the snapshot entries this leaves out), or -1. */
JC_HIDDEN int jc_ir_slots_dead_from (jc_lower *b, uint32_t first);

/* Before the first instruction of a side trace: root slot `slot` holds its
 * parent exit's value, exit_buf[src] of `type` (from_buf) or `constant`
 * (raw bits), and is SET (it is not in the frame's memory: every exit of
 * the side trace writes it back).  0 on success. */
JC_HIDDEN int jc_ir_seed_slot (jc_lower *b, uint32_t slot, jc_type type,
                               int from_buf, uint32_t src, uint64_t constant);
/* The same for a ptr slot offered to the host's seed_ptr: 1 if the host
 * took it (the slot is seeded), 0 if not (nothing bound: load_slot reads
 * the slot as before), -1 on error. */
JC_HIDDEN int jc_ir_seed_ptr (jc_lower *b, const void *code, uint32_t slot,
                              int from_buf, uint32_t src, uint64_t constant);

/* Read access for the runtime and backend. */
JC_HIDDEN uint32_t jc_ir_ninsns (const jc_lower *b);
/* Host instructions that called a JC_HELPER_GENERIC helper
 * unconditionally; whether the trace ended by closing its loop. */
JC_HIDDEN uint32_t jc_ir_generic_insns (const jc_lower *b);
JC_HIDDEN int jc_ir_loop_closed (const jc_lower *b);
JC_HIDDEN const jc_ir_insn *jc_ir_insns (const jc_lower *b);
JC_HIDDEN const jc_ref *jc_ir_args (const jc_lower *b);
JC_HIDDEN uint32_t jc_ir_nsnaps (const jc_lower *b);   /* = number of exits */
JC_HIDDEN const jc_snap *jc_ir_snap (const jc_lower *b, uint32_t id);
JC_HIDDEN uint32_t jc_ir_ngroups (const jc_lower *b);
JC_HIDDEN const jc_ir_group *jc_ir_groups (const jc_lower *b);
/* After close_loop: 1, and for each root slot SET in the trace the
 * carried value (JC_REF_NONE for others) in an array of jc_ir_nloopslots.
 * A guard in the loop body exits through jc_ir_snap_loop(b, snap): the
 * snapshot plus the carried slots it does not list (in the first
 * iteration those slots are still in memory; in later ones they are not).
 * It is the same id when nothing needs adding. */
JC_HIDDEN int jc_ir_is_loop (const jc_lower *b);
JC_HIDDEN uint32_t jc_ir_nloopslots (const jc_lower *b);
JC_HIDDEN const jc_ref *jc_ir_loop_carried (const jc_lower *b);
JC_HIDDEN uint32_t jc_ir_snap_loop (const jc_lower *b, uint32_t snap);
/* The constant table: objects passed to const_obj, in table order. */
JC_HIDDEN uint32_t jc_ir_nconsts (const jc_lower *b);
JC_HIDDEN void *const *jc_ir_consts (const jc_lower *b);
JC_HIDDEN const jc_host *jc_ir_host (const jc_lower *b);
/* Exit buffer words the trace uses: the largest snapshot's entry count,
 * or with home-word exits the number of homes. */
JC_HIDDEN uint32_t jc_ir_exit_words (const jc_lower *b);
/* Home-word exits.  Give every (frame depth, slot) that some snapshot
 * lists one word of the exit buffer, its home, and make every snapshot's
 * entry for it live there (jc_snap.home), so that the backend can store a
 * value into its home on the hot path once, before the first guard that
 * needs it, and an exit block stores nothing.  Called after the passes
 * (they may rewrite snapshots); 0, or -1 out of memory (nothing changed). */
JC_HIDDEN int jc_ir_assign_homes (jc_lower *b);
/* The number of homes: 0 when jc_ir_assign_homes was not called. */
JC_HIDDEN uint32_t jc_ir_nhomes (const jc_lower *b);
/* With home-word exits: whether entry en is a constant (KI64, KF64,
 * KBOOL, KPTR of its own type), which its exit holds itself (from_buf 0,
 * its raw bits in *bits) and the trace never stores.  0 otherwise, and
 * always without home-word exits. */
JC_HIDDEN int jc_ir_entry_const (const jc_lower *b, const jc_snap_entry *en,
                                 uint64_t *bits);
/* Total entries over all snapshots (what a full exit block stores). */
JC_HIDDEN uint32_t jc_ir_snap_entries (const jc_lower *b);
/* The host assumptions the trace depends on (jc_lower_depend). */
JC_HIDDEN uint32_t jc_ir_ndeps (const jc_lower *b);
JC_HIDDEN const uintptr_t *jc_ir_deps (const jc_lower *b);

/* Human-readable dump of the IR and snapshots (JITCORE_LOG=ir). */
JC_HIDDEN void jc_ir_dump (const jc_lower *b, FILE *out);
JC_HIDDEN const char *jc_ir_type_name (jc_type t);

#endif /* JC_IR_H */
