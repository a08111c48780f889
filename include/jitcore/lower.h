/* jitcore/lower.h -- the IR builder a host's lowering callbacks use to turn
 * one bytecode instruction into typed trace IR.
 *
 * Manual
 * ======
 * During trace selection the runtime calls the host's `lower` callback once
 * per instruction on the trace, handing it a `jc_lower *` builder.  The
 * callback emits IR with the functions below and fills in its jc_step
 * (<jitcore/host.h>).  Every function returns an IR reference (jc_ref, an
 * index >= 0) or JC_REF_NONE; after the first failure the builder is in a
 * sticky error state, every later call returns JC_REF_NONE (or -1), and the
 * runtime aborts the trace with the builder's message.  So a callback may
 * emit a whole instruction and check jc_lower_ok() once at the end.
 *
 * Values are SSA and typed (jc_type).  A ref stays valid for the whole
 * trace.  IR is emitted in program order; the backend runs it top to bottom,
 * so a value must be defined before it is used (the builder checks).
 *
 * Frame slots are virtual.  jc_lower_slot_get() returns what a slot holds
 * at this point of the trace; the first read of a slot not yet known makes
 * the builder call the host's load_slot callback, which emits IR that loads
 * and type-checks the slot from the host's frame and binds the result with
 * jc_lower_slot_bind().  jc_lower_slot_set() changes what the slot holds
 * for the rest of the trace; nothing is stored to the frame: at an exit the
 * runtime writes every slot that differs from memory through the host's
 * write_slot callback, as its snapshot lists it.
 *
 * Guards.  jc_lower_guard() takes a snapshot of the frames as they were when
 * the current instruction began (slot values set by earlier instructions,
 * the instruction's pc) and exits there when the condition fails: the
 * interpreter re-executes the instruction, so a callback emits its guards
 * before it sets slots.  Overflow-checked arithmetic and helpers flagged
 * JC_HELPER_MAY_RAISE carry the same kind of guard.
 *
 * Loops.  The trace ends when it returns to its head.  The backend runs the
 * first iteration once (it loads and checks every slot it reads) and then a
 * loop in which slot values stay in registers: a slot read from memory and
 * never set keeps its first-iteration value, a slot set in the body carries
 * its new value to the next iteration.  A carried value must keep the IR
 * type its load_slot bound; a JC_TYPE_PTR slot is carried only if it was
 * bound with JC_BIND_TYPE_ONLY (load_slot's checks were only what the IR
 * type says), otherwise the loop does not close and the trace ends with an
 * exit to its head instead (logged, still correct).
 *
 * Thread-safety: a builder is used only on the thread that runs selection,
 * and only during the callbacks it is passed to.
 */
#ifndef JITCORE_LOWER_H
#define JITCORE_LOWER_H

#include <stdint.h>
#include <jitcore/common.h>

JC_BEGIN_DECLS

#ifndef JC_LOWER_TYPEDEF
#define JC_LOWER_TYPEDEF
typedef struct jc_lower jc_lower;
#endif

/* IR value types.  X (NAME, "dump name", C type). */
#define JC_TYPE_LIST(X)        \
  X (VOID, "void", void)       \
  X (I64, "i64", int64_t)      \
  X (F64, "f64", double)       \
  X (PTR, "ptr", void *)       \
  X (BOOL, "bool", _Bool)

typedef enum jc_type {
#define JC_X(n, s, c) JC_TYPE_##n,
  JC_TYPE_LIST (JC_X)
#undef JC_X
  JC_TYPE__COUNT
} jc_type;

typedef int32_t jc_ref;
#define JC_REF_NONE ((jc_ref) -1)

/* Binary operators for jc_lower_binop.  Both operands have the same type.
 * ADD SUB MUL: i64 (wrapping) or f64.  DIV: f64 only.  AND OR XOR: i64 or
 * bool.  SHL SHR (arithmetic): i64, shift count 0..63 (the host guards it).
 * FLOORDIV FLOORMOD: i64 division rounding toward minus infinity and its
 * remainder, which has the divisor's sign (Python's // and %): through
 * jc_lower_binop_ov, which exits when the divisor is 0 or the quotient
 * overflows (INT64_MIN // -1); jc_lower_binop accepts them only with a
 * constant divisor other than 0 and -1, where neither can happen.
 * Values are stable ABI: new operators are only appended. */
typedef enum jc_binop {
  JC_ADD = 0, JC_SUB, JC_MUL, JC_DIV, JC_AND, JC_OR, JC_XOR, JC_SHL, JC_SHR,
  JC_FLOORDIV, JC_FLOORMOD,
  JC_BINOP__COUNT
} jc_binop;

/* Comparisons (result bool): signed for i64, ordered for f64 (false on NaN
 * except NE); EQ/NE also on ptr and bool. */
typedef enum jc_cmp {
  JC_EQ = 0, JC_NE, JC_LT, JC_LE, JC_GT, JC_GE, JC_CMP__COUNT
} jc_cmp;

/* Unary operators: NEG (i64 wrapping, f64), NOT (bool: logical; i64:
 * bitwise), I2F (i64 -> f64), F2I (f64 -> i64, truncating; the host guards
 * the range), B2I (bool -> i64 0/1), I2B (i64 -> bool, != 0). */
typedef enum jc_unop {
  JC_NEG = 0, JC_NOT, JC_I2F, JC_F2I, JC_B2I, JC_I2B, JC_UNOP__COUNT
} jc_unop;

/* Flags of jc_lower_slot_bind. */
enum {
  JC_BIND_TYPE_ONLY = 1u << 0  /* load_slot checked nothing beyond the IR
                                  type: any value of that type may be
                                  carried into the slot around the loop */
};

/* --- state ------------------------------------------------------------ */

/* 1 while the builder has no error; 0 after the first one. */
JC_API int jc_lower_ok (const jc_lower *b);
/* The first error's message, or NULL.  Owned by the builder. */
JC_API const char *jc_lower_error (const jc_lower *b);
/* Put the builder in its error state with a message of the host's (the
 * trace aborts with it).  Returns -1. */
JC_API int jc_lower_fail (jc_lower *b, const char *message);
/* The type of a value; JC_TYPE_VOID for JC_REF_NONE or a bad ref. */
JC_API jc_type jc_lower_type (const jc_lower *b, jc_ref v);
/* 1 while the host lowers the first instruction of a side trace
 * (<jitcore/runtime.h>, "side traces"), 0 otherwise.  The parent trace
 * left at this instruction because one of its guards failed, so what tier
 * 1 usually does here is not what happens now (typically a branch goes the
 * other way than its bias says).  During this call the host's frames are
 * exactly as that exit restored them and the interpreter would execute
 * this instruction next: the host may read its live frame to lower the
 * instruction for the case at hand (e.g. the direction the branch's
 * condition now takes).  Everything the host emits is still guarded as
 * usual, so a wrong guess costs speed, never correctness.  2 (library
 * 1.7, options.side_link_raw): the side trace is a loop copy -- it starts
 * at its root's head from a link exit and closes its loop there -- so its
 * later instructions are best lowered as the root lowered them. */
JC_API int jc_lower_side_entry (const jc_lower *b);

/* --- constants -------------------------------------------------------- */

JC_API jc_ref jc_lower_const_i64 (jc_lower *b, int64_t v);
JC_API jc_ref jc_lower_const_f64 (jc_lower *b, double v);
JC_API jc_ref jc_lower_const_bool (jc_lower *b, int v);
/* A raw address the host guarantees outlives the trace and is the same in
 * every process that might load it (static host data); prefer const_obj. */
JC_API jc_ref jc_lower_const_ptr (jc_lower *b, const void *p);
/* A host object the trace uses as a constant: it goes to the trace's
 * constant table (the code loads it from there, never as an immediate) and
 * is retained through the host's retain callback once the trace is
 * compiled, released when the trace is freed.  The same object twice gives
 * the same table entry. */
JC_API jc_ref jc_lower_const_obj (jc_lower *b, void *obj);

/* --- the frame -------------------------------------------------------- */

/* The host frame pointer the trace was entered with (type ptr): the base
 * for load_slot's loads. */
JC_API jc_ref jc_lower_frame (jc_lower *b);
/* What slot of the current frame holds here; may call load_slot. */
JC_API jc_ref jc_lower_slot_get (jc_lower *b, uint32_t slot);
/* From here on slot holds v (virtual: written back only at exits). */
JC_API int jc_lower_slot_set (jc_lower *b, uint32_t slot, jc_ref v);
/* Inside load_slot only: slot holds v, which equals what memory holds.
 * flags: JC_BIND_*.  */
JC_API int jc_lower_slot_bind (jc_lower *b, uint32_t slot, jc_ref v,
                               uint32_t flags);

/* Inside load_slot only, for a slot of the root frame, before the trace
 * took its first snapshot (added in 1.4): slot holds v, a value the host
 * hands the trace some other way than in the frame's slot (minipy: an int
 * argument passed raw, in a field of its frame, by a native self-call),
 * so the frame's memory may not hold it.  The slot counts as set by the
 * trace from its entry on, as a side trace's seeded entry values do: every
 * snapshot lists it, the current instruction's included, so every exit
 * writes it back (write_slot / restore) and a raw side entry is seeded
 * with it.  A host reads such slots (jc_lower_slot_get) at the start of
 * the trace's first instruction, before any guard; later it is an error
 * (the exits made so far would not write the slot).  flags: JC_BIND_*. */
#define JC_HAVE_jc_lower_slot_bind_entry 1
JC_API int jc_lower_slot_bind_entry (jc_lower *b, uint32_t slot, jc_ref v,
                                     uint32_t flags);

/* Added in 1.5.  At the start of the current instruction, before its
 * first guard: the slots of the innermost frame numbered `first` and up
 * are dead here -- the host, resuming at this instruction, never reads
 * what they hold before it writes them (minipy: its operand stack above
 * the depth at this pc).  The snapshots taken from here on, this
 * instruction's included, do not list them, so exits do not store or
 * write them back, side traces are not seeded with them, and a loop's
 * exits at this pc carry none of them.  A slot the trace sets again is
 * live from then on; reading one before that (jc_lower_slot_get) is an
 * error, as is a call after the instruction's first guard.  Only for
 * slots the host's own deopt never reads at this pc: what memory holds
 * there stays as it was (stale).  Returns how many of the slots the trace
 * had set (the snapshot entries left out), or -1. */
#define JC_HAVE_jc_lower_slots_dead_from 1
JC_API int jc_lower_slots_dead_from (jc_lower *b, uint32_t first);

/* Added in 1.6.  An i64: the address of a word in the native stack frame
 * of the trace code running this instruction, without a call.  A trace
 * that calls itself natively (jc_lower_call_self) gets a new frame, lower
 * on the machine stack, at every level, so comparing the value with a
 * bound the host keeps (minipy: the C stack's floor, less a margin) lets
 * the trace leave before native recursion runs out of stack.  The same
 * value everywhere in one activation of the trace function. */
#define JC_HAVE_jc_lower_stack_address 1
JC_API jc_ref jc_lower_stack_address (jc_lower *b);

/* --- arithmetic, comparison, conversion --------------------------------- */

JC_API jc_ref jc_lower_binop (jc_lower *b, jc_binop op, jc_ref x, jc_ref y);
/* i64 ADD, SUB or MUL with an overflow guard: on overflow the trace exits
 * to the current instruction (the interpreter takes its slow path).  Also
 * i64 FLOORDIV and FLOORMOD, which exit on a zero divisor and on
 * INT64_MIN // -1 (the interpreter raises ZeroDivisionError or goes to its
 * big integers). */
JC_API jc_ref jc_lower_binop_ov (jc_lower *b, jc_binop op, jc_ref x,
                                 jc_ref y);
JC_API jc_ref jc_lower_cmp (jc_lower *b, jc_cmp op, jc_ref x, jc_ref y);
JC_API jc_ref jc_lower_unop (jc_lower *b, jc_unop op, jc_ref x);
/* cond ? x : y, without a branch (x and y of one type). */
JC_API jc_ref jc_lower_select (jc_lower *b, jc_ref cond, jc_ref x, jc_ref y);

/* --- memory ------------------------------------------------------------ */

/* Load a value of type t from (char *) base + offset.  alias is the host's
 * alias class (any small integer it chooses, e.g. one per object field
 * kind); stores to another class never change what a load returns. */
JC_API jc_ref jc_lower_load (jc_lower *b, jc_type t, jc_ref base,
                             int64_t offset, uint32_t alias);
JC_API int jc_lower_store (jc_lower *b, jc_ref base, int64_t offset,
                           jc_ref v, uint32_t alias);

/* Indexed access (added in 1.2): a value of type t at
 *     (char *) base + index * scale + offset
 * with index an i64 value and scale a constant of 1 .. JC_LOWER_MAX_SCALE
 * (typically the element size), as one operation the backend emits as an
 * array access (one scaled-address load or store on most CPUs) rather than
 * a multiply, an add and a load.  The library checks no bounds: the host
 * guards the index first.  alias as for jc_lower_load: a store to another
 * class never changes what the load returns, and an indexed store
 * (jc_lower_store_index) of a class changes what any load of that class
 * may return, indexed or not.  With a constant index the optimizer turns
 * either into a plain load or store at offset + index * scale. */
#define JC_LOWER_MAX_SCALE 65536
#define JC_HAVE_jc_lower_load_index 1
JC_API jc_ref jc_lower_load_index (jc_lower *b, jc_type t, jc_ref base,
                                   jc_ref index, int64_t scale,
                                   int64_t offset, uint32_t alias);
#define JC_HAVE_jc_lower_store_index 1
JC_API int jc_lower_store_index (jc_lower *b, jc_ref base, jc_ref index,
                                 int64_t scale, int64_t offset, jc_ref v,
                                 uint32_t alias);

/* --- calls --------------------------------------------------------------- */

/* Call the host helper with index `helper` in its jc_host.helpers table.
 * Arguments are checked against its signature.  Returns the result, or a
 * ref of type void for a void helper.  A JC_HELPER_MAY_RAISE helper gets a
 * guard on its result (0 or NaN means failure: exit to this instruction,
 * where the interpreter redoes the operation and raises). */
JC_API jc_ref jc_lower_call (jc_lower *b, uint32_t helper,
                             const jc_ref *args, uint32_t nargs);

/* A call made only when cond (bool) is true (added in 1.2): a slow path
 * the trace takes without leaving it, such as allocating when an update in
 * place is impossible.  As jc_lower_call otherwise; the value is the
 * helper's result when it was called and 0 (0.0, NULL, false) when not,
 * and a JC_HELPER_MAY_RAISE helper's failure exit is taken only when it
 * was called and failed.  The optimizer assumes the call's memory effects
 * whenever the instruction is reached, never removes it as a common
 * subexpression and never reuses it in a loop.  Helpers flagged
 * JC_HELPER_INCREF or JC_HELPER_DECREF are refused (an error). */
#define JC_HAVE_jc_lower_call_if 1
JC_API jc_ref jc_lower_call_if (jc_lower *b, jc_ref cond, uint32_t helper,
                                const jc_ref *args, uint32_t nargs);

/* A native call of the trace's own code (added in 1.3): what a recursive
 * call becomes in a function-entry trace (PyPy's call_assembler, on
 * itself).  The generated code calls the trace's function directly, with
 * `frame` (ptr) as the frame it runs on and an exit buffer on the
 * caller's native stack; the value (ptr) points to that call's words:
 * word 0 the exit number the callee returned, word 1 the library's, then
 * its exit buffer.
 * When that exit has a linked side trace that takes its values raw with
 * nothing to write to the frame, the generated code runs it at once on
 * the same frame and buffer (word 0 is then that trace's exit, marked).
 * Nothing restores that exit: the host keeps its own return protocol
 * (minipy stores the result in the frame before the function's final
 * exit) and otherwise hands the words to jc_trace_self_exit
 * (<jitcore/runtime.h>) from a helper, before its next self-call (the
 * words are reused).  frame must be a frame the trace may be entered with
 * (its head code, made by the host); its slots are what the callee's slot
 * loads read.  `helper` is a stand-in the host registers with signature
 * "ptr(ptr)", neither pure, may-raise nor a reference count helper: it is
 * never called, its flags and writes tell the optimizer what the callee
 * may do.  The call counts no entry and needs no jc_trace_enter: the
 * trace is running (the outer entry keeps it alive) and calls only
 * itself. */
#define JC_HAVE_jc_lower_call_self 1
JC_API jc_ref jc_lower_call_self (jc_lower *b, uint32_t helper, jc_ref frame);

/* --- guards ----------------------------------------------------------- */

/* Continue only while cond (bool) equals expect (0 or 1); otherwise exit to
 * the interpreter at the current instruction with its snapshot.  Returns 0,
 * or -1 on error. */
JC_API int jc_lower_guard (jc_lower *b, jc_ref cond, int expect);

/* --- dependencies ------------------------------------------------------ */

/* The trace relies on something of the host's that may change: a class's
 * layout, a global's binding, a function's code.  key names it (any value
 * the host chooses, typically the address of the thing).  When the host
 * changes it, it calls jc_runtime_invalidate(rt, key) (<jitcore/runtime.h>)
 * and every trace that declared the key is uninstalled; a trace whose
 * selection or compile was under way when the key changed is never
 * installed.  Returns 0, or -1 on error. */
JC_API int jc_lower_depend (jc_lower *b, uintptr_t key);

/* --- constants, read back (added in 1.2) ----------------------------- */

/* 1 if v is an i64 constant made by jc_lower_const_i64, with its value in
 * *value (value may be NULL); 0 for any other ref (including JC_REF_NONE
 * and an i64 the trace computes, even if the optimizer would fold it
 * later: the builder does not fold).  A host uses it to decide at
 * projection time what a constant operand makes certain, e.g. the trip
 * count of a range it unrolls (jc_lower_unroll). */
JC_API int jc_lower_is_const_i64 (const jc_lower *b, jc_ref v,
                                  int64_t *value);
#define JC_HAVE_jc_lower_is_const_i64 1
/* 1 if v is a pointer constant (jc_lower_const_ptr, or jc_lower_const_obj:
 * then *value is the object), 0 otherwise. */
JC_API int jc_lower_is_const_ptr (const jc_lower *b, jc_ref v,
                                  const void **value);
#define JC_HAVE_jc_lower_is_const_ptr 1

/* --- full unrolling of inner loops (added in 1.2) -------------------- *
 * Selection aborts when the walk comes back to an instruction it already
 * visited in the same frame instance (JC_ABORT_INNER_LOOP): that is an
 * inner loop, which must get its own trace.  A loop whose trip count the
 * host knows at projection time (a range with constant bounds it created
 * in the trace, a list whose length tier 1 always saw the same) may
 * instead be unrolled into the outer trace.  While lowering that loop's
 * head instruction (its FOR_ITER), the host decides without a guard, or
 * with a guard that exits to this head if the count turns out wrong, that
 * the loop runs one more iteration, emits the IR for that (the next item
 * as a constant, the iterator's new position stored where an exit finds
 * it), and calls jc_lower_unroll().  Then the walk's next return to this
 * instruction, in the same frame instance, is the loop's next iteration
 * and not an inner loop: what was visited since this visit (the body of
 * the iteration) may be visited again, and the head itself.  On the visit
 * where the loop ends the host does not call it and steps to the loop's
 * exit.
 *
 * Each call grants one return and spends one unit of the trace's budget,
 * options.max_unroll (<jitcore/runtime.h>; default 64, 0 = no unrolling);
 * the trace's other limits (max_trace_insns, max_snapshots) count every
 * unrolled instruction as usual.  Returns 0 when granted; -1 when the
 * budget is spent (nothing granted: the host should lower the head as an
 * ordinary, guarded loop head, and the return then aborts the trace as an
 * inner loop whose message says the budget was spent), outside selection,
 * or on a builder error.  Calling it twice for one instruction grants
 * once.  Every other return to a visited instruction still aborts.
 *
 * Soundness is the host's: every guard inside an unrolled iteration has
 * the usual snapshot, so the iterator the interpreter resumes with must be
 * at the position that iteration's guards assume (minipy keeps the real
 * iterator object and stores its new position at each unrolled head, as
 * its ordinary FOR_ITER lowering does). */
JC_API int jc_lower_unroll (jc_lower *b);
#define JC_HAVE_jc_lower_unroll 1

JC_END_DECLS

#endif /* JITCORE_LOWER_H */
