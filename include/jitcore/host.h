/* jitcore/host.h -- the host plugin ABI, version 1: the one struct of
 * callbacks through which a bytecode interpreter (the host) tells
 * libjitcore about its code, its inline caches and its frames.
 *
 * Manual
 * ======
 * A host fills in a jc_host (start from JC_HOST_INIT or memset 0, set
 * abi_version = JC_HOST_ABI_VERSION and size = sizeof (jc_host)) and passes
 * it to jc_runtime_new().  The library reads only the first `size` bytes:
 * a host built against these headers keeps working with any later 1.x
 * library, and a newer host's extra fields are accepted if they are zero
 * (a non-zero unknown tail is refused, so a host never silently loses a
 * callback it relies on).
 *
 * Identities.  A code object is whatever `const void *code` the host uses
 * (its function/code struct); a pc is a uint32_t index into its bytecode
 * that the host chooses (instruction index or byte offset).  A frame is a
 * `void *` the host passes to jc_trace_enter and gets back in the frame
 * callbacks.  Slots are the host's frame slots numbered 0..n-1 (locals
 * and, for a stack VM, operand-stack entries).
 *
 * Who calls what, when:
 *   - trace selection (inside jc_runtime_hot) calls code_info, line_of,
 *     disasm, ic_data and lower; lower calls the IR builder
 *     (<jitcore/lower.h>), which calls load_slot the first time the trace
 *     reads a slot of a frame;
 *   - after a successful compile, retain for each host object the trace
 *     keeps as a constant, then install;
 *   - inside jc_trace_enter, after the native code returns: push_frame,
 *     write_slot, set_pc (the deopt of exit.c); when that exit is hot, the
 *     selection callbacks above for a side trace starting there (with the
 *     frames just restored; see jc_lower_side_entry), but never install:
 *     side traces are linked by the runtime, not handed to the host;
 *   - jc_runtime_free: uninstall for every installed trace, release for
 *     every retained object.
 * All callbacks run on the thread that called into the library.  None may
 * call back into the runtime except through the jc_lower builder handle it
 * was given.  A callback returning non-zero reports a host error: the
 * current trace is abandoned (never the process).
 *
 * Required: lower, load_slot, write_slot, set_pc, install.  Everything else
 * is optional: NULL means the host does not offer that feature (no
 * push_frame: calls are never inlined; no ic_data: lower gets NULL).
 */
#ifndef JITCORE_HOST_H
#define JITCORE_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <jitcore/common.h>

JC_BEGIN_DECLS

#define JC_HOST_ABI_VERSION 1

#ifndef JC_LOWER_TYPEDEF
#define JC_LOWER_TYPEDEF
typedef struct jc_lower jc_lower;       /* the IR builder (lower.h) */
#endif
struct jc_trace;

/* Filled in by the host's code_info callback. */
typedef struct jc_code_info {
  const char *name;          /* function name, for logs; may be NULL */
  const char *file;          /* source file, for logs and debug info */
  int32_t first_line;        /* line of the function's first instruction */
  uint32_t bytecode_len;     /* number of valid pcs: 0 .. bytecode_len-1 */
} jc_code_info;

/* What the lower callback says about where the trace goes next. */
typedef enum jc_step_kind {
  JC_STEP_NEXT = 0,     /* continue at step.pc in the same code (fallthrough,
                           branch not taken, or branch taken: the host has
                           emitted the guard for the direction it chose) */
  JC_STEP_CALL = 1,     /* inline a call: continue at step.pc in step.code,
                           a new frame; the caller resumes at
                           step.return_pc.  Callee slots 0..nargs-1 are
                           the caller's slots arg_base..arg_base+nargs-1. */
  JC_STEP_RETURN = 2,   /* return from an inlined frame: the callee's slot
                           step.arg_base (the result) goes to caller slot
                           step.return_slot, and the caller's slots above
                           it are dropped (step.pc unused: the caller
                           continues at the return_pc of its CALL step).
                           In the root frame of a function-entry trace
                           (JC_HOT_FUNC) the trace ends with an exit to the
                           return instruction; in a loop trace it aborts. */
  JC_STEP_ABORT = 3,    /* give up: step.reason (jc_abort_reason) and an
                           optional step.message for the abort log */
  JC_STEP_EXIT = 4      /* end the trace here with an unconditional exit to
                           the interpreter at step.pc (e.g. an instruction
                           the trace cannot run but the head is still
                           worth having) */
} jc_step_kind;

typedef struct jc_step {
  uint32_t kind;             /* jc_step_kind */
  uint32_t pc;               /* NEXT/CALL/EXIT: the next pc */
  const void *code;          /* CALL: callee code object */
  uint32_t return_pc;        /* CALL: pc in the caller after the call */
  uint32_t arg_base;         /* CALL: first argument slot in the caller;
                                RETURN: callee slot holding the result */
  uint32_t nargs;            /* CALL: number of arguments */
  uint32_t nslots;           /* CALL: slots of the callee frame */
  uint32_t return_slot;      /* RETURN: caller slot that gets the result */
  uint32_t reason;           /* ABORT: jc_abort_reason */
  const char *message;       /* ABORT: host's detail, static storage */
} jc_step;

/* Flags of a helper: what the optimizer may assume about a call. */
enum {
  JC_HELPER_PURE = 1u << 0,          /* result depends only on arguments */
  JC_HELPER_MAY_RAISE = 1u << 1,     /* may fail: the call gets a guard */
  JC_HELPER_ALLOCATES = 1u << 2,     /* may allocate host objects */
  JC_HELPER_READS_MEMORY = 1u << 3,  /* reads host memory */
  JC_HELPER_WRITES_MEMORY = 1u << 4, /* writes host memory */
  /* Reference counting, for hosts that count references.  The optimizer's
   * RC pass (JC_PASS_RC) removes an INCREF of a value followed by a DECREF
   * of the same value when nothing between them can drop another
   * reference to it: only pure helpers, loads, stores, arithmetic and
   * guards lie between (a guard may exit in between: see write_slot on why
   * that is safe).  Both must have the signature "void(ptr)". */
  JC_HELPER_INCREF = 1u << 5,        /* adds one reference to its argument;
                                        writes nothing a trace loads */
  JC_HELPER_DECREF = 1u << 6,        /* drops one reference; may free the
                                        object and run arbitrary host code */
  /* The host's generic path for an instruction (added in 1.7;
   * JC_HAVE_HELPER_GENERIC): a call, a generic operator, a lookup or
   * iteration that may run guest code -- what interpreting the
   * instruction does anyway, so a trace that calls it saves nothing on
   * that instruction's work.  Changes nothing in the IR; the payback rule
   * (jc_options.payback_ratio) counts such calls.  A library before 1.7
   * ignores the bit. */
  JC_HELPER_GENERIC = 1u << 7
};
#define JC_HAVE_HELPER_GENERIC 1

/* A host C function a trace may call.  signature is a C-like string of
 * IR type names: "i64(i64,i64)", "f64(f64)", "void(ptr,i64)", "bool(ptr)";
 * types are i64, f64, ptr, bool, void.  A MAY_RAISE helper reports failure
 * by returning 0 (i64/bool/ptr) or NaN (f64) and the trace exits. */
typedef struct jc_helper {
  const char *name;          /* unique; used in IR dumps and lookups */
  void *fn;                  /* the function, cast to void * */
  const char *signature;
  uint32_t flags;            /* JC_HELPER_* */
} jc_helper;

/* One slot of an exit, as the optional one-call restore callback
 * (jc_host.restore) receives it: the library's own description of the
 * exit, handed over as it is (no copy per exit).  The value is
 * buf[src] when from_buf is 1 (buf is the exit buffer restore gets),
 * otherwise constant; type is its IR type (a jc_type: i64, f64, bool or
 * ptr) and the raw bits mean what they mean for write_slot.  same_as is
 * JC_EXIT_NOT_SAME, or the index in the same array of an earlier number
 * entry whose slot gets the very same value (what copy_slot is for: the
 * host gives both slots one object).  The layout is fixed for ABI
 * version 1 (32 bytes; reserved is 0). */
typedef struct jc_exit_slot {
  uint32_t slot;             /* host slot number in the frame */
  uint32_t type;             /* jc_type of the value */
  uint32_t from_buf;         /* 1: buf[src]; 0: constant */
  uint32_t src;
  uint32_t same_as;          /* index of an earlier entry, or
                                JC_EXIT_NOT_SAME */
  uint32_t reserved;
  uint64_t constant;
} jc_exit_slot;

#define JC_EXIT_NOT_SAME UINT32_MAX

/* flags of jc_host.restore */
enum {
  /* Before a side trace with a raw entry (options.side_raw): write only
   * the entries of type ptr, as the library would with write_slot before
   * set_pc; the number entries stay in the exit buffer for the side trace
   * (see set_pc on the slots this leaves stale). */
  JC_RESTORE_PTRS_ONLY = 1u << 0
};

typedef struct jc_host {
  uint32_t abi_version;      /* JC_HOST_ABI_VERSION */
  uint32_t size;             /* sizeof (jc_host) as the host compiled it */
  void *userdata;            /* passed as first argument to every callback */

  /* --- bytecode (optional) --- */
  /* Describe a code object; return 0 on success. */
  int (*code_info) (void *ud, const void *code, jc_code_info *out);
  /* Source line of pc, or -1 if unknown. */
  int32_t (*line_of) (void *ud, const void *code, uint32_t pc);
  /* Write a one-line disassembly of the instruction at pc into buf (always
   * NUL-terminated, at most len bytes). */
  void (*disasm) (void *ud, const void *code, uint32_t pc, char *buf,
                  size_t len);

  /* --- inline caches (optional) --- */
  /* What tier 1 observed at pc (branch bias, operand types, call target);
   * opaque to the library, handed to lower.  May return NULL. */
  const void *(*ic_data) (void *ud, const void *code, uint32_t pc);

  /* --- lowering (required) --- */
  /* Emit IR for the instruction at pc of code through b, then fill *step
   * (zeroed by the caller) with where the trace goes next.  frame_depth is
   * 0 in the trace's root frame, 1 in a callee inlined from it, and so on.
   * ic is ic_data's answer.  Return 0, or non-zero for a host error (the
   * trace aborts with JC_ABORT_HOST_REFUSED). */
  int (*lower) (void *ud, jc_lower *b, const void *code, uint32_t pc,
                uint32_t frame_depth, const void *ic, jc_step *step);
  /* Called by the builder the first time a trace reads `slot` of the frame
   * at frame_depth (0 = root) that is not yet bound: emit IR that loads and
   * unboxes it (with a type guard) and bind it to the slot through the
   * builder (see lower.h).  Return 0, or non-zero to abort the trace. */
  int (*load_slot) (void *ud, jc_lower *b, const void *code,
                    uint32_t frame_depth, uint32_t slot);

  /* --- frames at exits --- */
  /* Required.  Store a raw value into slot of frame.  type is the IR type
   * of the value (a jc_type from <jitcore/lower.h>: i64, f64, bool, ptr);
   * raw holds its bits (an i64, a double's bits, 0/1, a pointer).  The host
   * boxes it as its interpreter would have.  A ptr value is borrowed: the
   * trace holds no reference of its own for it, so a host that counts
   * references takes one here (and drops the one the slot held before).
   * Return 0 on success. */
  int (*write_slot) (void *ud, void *frame, uint32_t slot, uint32_t type,
                     uint64_t raw);
  /* Required.  Set the pc at which frame resumes in the interpreter.
   * Normally every slot the exit changed was written first.  Before a side
   * trace with a raw entry (options.side_raw), only the exit's ptr slots
   * are written and its i64/f64/bool slots are not: the side trace keeps
   * them, and a later restore (the side trace's own exit) writes them.  So
   * a slot that this restore does not write may hold a stale value; a host
   * that counts references must not drop one for a slot above the stack
   * depth it last knew as valid (minipy sets such slots to NULL). */
  int (*set_pc) (void *ud, void *frame, uint32_t pc);
  /* Optional (enables inlining).  Create the frame of an inlined call to
   * code on top of caller, whose pc has already been set to the call's
   * return pc; the callee's slots start as the interpreter's fresh frame
   * would have them, and nargs arguments are removed from the caller's
   * slots starting at arg_base (as the interpreter's call does).  Return
   * the new frame (which becomes current), or NULL on failure. */
  void *(*push_frame) (void *ud, void *caller, const void *code,
                       uint32_t arg_base, uint32_t nargs);

  /* --- helpers (optional) --- */
  const jc_helper *helpers;  /* table of nhelpers entries, host-owned, must
                                outlive the runtime */
  uint32_t nhelpers;
  uint32_t reserved0;        /* must be 0 */

  /* --- object lifetime (optional; both or neither) --- */
  void (*retain) (void *ud, void *obj);
  void (*release) (void *ud, void *obj);

  /* --- installation --- */
  /* Required.  A trace for (code, pc) is ready: the host stores it where
   * tier 1 looks when it reaches pc (one load) and enters it with
   * jc_trace_enter.  Return 0 if installed, non-zero to refuse. */
  int (*install) (void *ud, const void *code, uint32_t pc,
                  struct jc_trace *trace);
  /* Optional.  The trace is going away (jc_runtime_free): forget it. */
  void (*uninstall) (void *ud, const void *code, uint32_t pc,
                     struct jc_trace *trace);

  /* --- frames at exits, continued (optional; library 1.1) --- */
  /* During a restore, slot dst of frame gets the very value that this
   * restore already wrote to slot src of the same frame (with write_slot):
   * the trace held one i64/f64/bool value in both, as after `b = a`.  A
   * host whose numbers are objects gives both slots one object, as its
   * interpreter would (identity, a NaN found in a container).  Without
   * it, the library calls write_slot for dst with the same raw bits. */
  int (*copy_slot) (void *ud, void *frame, uint32_t dst, uint32_t src);

  /* --- helper memory effects (optional; added in 1.2) --- */
  /* NULL, or a host-owned table of nhelpers entries parallel to helpers
   * that must outlive the runtime.  For a helper that may write memory
   * (JC_HELPER_WRITES_MEMORY, JC_HELPER_ALLOCATES, or no memory flag at
   * all), a non-zero entry is the set of alias classes (jc_lower_load's
   * `alias`) its writes may change: bit (a % 64) for class a.  A load of
   * any other class keeps its value across a call of that helper, so the
   * optimizer reuses it (CSE) and a loop keeps it from its first
   * iteration (LOOP) instead of loading it after every call.  Making a new
   * object counts as changing nothing a trace loads.  0 (or no table): the
   * helper may write any memory.  Ignored for JC_HELPER_DECREF helpers,
   * which may run any host code.  A mask that leaves out a class the
   * helper does write makes traces read stale values: the host must be
   * exact. */
  const uint64_t *helper_writes;

  /* --- frames at exits, in one call (optional; added in 1.2) --- */
  /* Restore one frame of an exit in one call: store the nslots values of
   * slots[] (see jc_exit_slot; values from buf or constants) into frame,
   * giving an entry with same_as the very object of entry same_as, and
   * then set the frame's resume pc -- exactly what write_slot for each
   * entry (copy_slot for those with same_as), then set_pc(frame, pc) would
   * do.  With JC_RESTORE_PTRS_ONLY in flags, only the ptr entries are
   * stored (before a raw side-trace entry), then the pc set.  With
   * restore, the library calls neither write_slot, copy_slot nor set_pc at
   * exits (write_slot and set_pc are still required); push_frame still
   * makes each inlined frame, whose restore comes next.  For a host whose
   * exits box values, this saves a callback per slot and lets it store
   * straight into the frame.  slots[] and buf are valid only during the
   * call.  Return 0 on success (non-zero: a host error, as for
   * write_slot). */
  int (*restore) (void *ud, void *frame, uint32_t pc,
                  const jc_exit_slot *slots, uint32_t nslots,
                  const uint64_t *buf, uint32_t flags);

  /* --- side-trace entry objects (optional; added in 1.4) --- */
  /* A raw side trace (options.side_raw) of a single-frame exit takes the
   * exit's i64/f64/bool values from the exit buffer; with seed_ptr it may
   * take its ptr values from there too, so that the exit writes nothing
   * to the frame and the host is not called between the two traces.
   * Called at the selection of such a side trace, before its first
   * instruction, once per ptr slot the parent's exit lists, while the
   * frame holds what the exit restored (the selection's frame): value is
   * the slot's entry value (ptr; the parent's word).  Return 0 to take
   * it: the slot is then bound to value as set (in none of the frame's
   * memory: every exit of the side trace writes it back), with no class
   * known, and load_slot is not called for it; the host may remember what
   * it knows of the live object for value (as load_slot would) but must
   * emit no IR here (a class guard goes where an instruction needs one,
   * as for a slot bound JC_BIND_TYPE_ONLY).  Non-zero: the slot is left
   * to load_slot as before.  Only when every ptr slot of the exit was
   * taken is the exit's frame write skipped at run time (stats
   * side_ptr_entries); the object must stay alive without the frame's
   * reference until the side trace's exit writes it (as a value the
   * parent trace kept alive until its own exit). */
  int (*seed_ptr) (void *ud, jc_lower *b, const void *code, uint32_t slot,
                   int32_t value /* a jc_ref */);
} jc_host;
#define JC_HAVE_helper_writes 1
#define JC_HAVE_seed_ptr 1

/* Initialiser for a jc_host variable: version and size set, rest zero. */
#define JC_HOST_INIT \
  { .abi_version = JC_HOST_ABI_VERSION, .size = (uint32_t) sizeof (jc_host) }

JC_END_DECLS

#endif /* JITCORE_HOST_H */
