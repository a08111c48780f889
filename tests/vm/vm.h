/* vm.h -- the test host: a small dynamically-typed stack VM (tagged ints
 * and floats, locals, arithmetic, comparisons, jumps, calls) with a text
 * assembler, an interpreter, and hooks for libjitcore (tests/vm/vm_jit.c). */
#ifndef JC_TESTS_VM_H
#define JC_TESTS_VM_H

#include <stdint.h>
#include <jitcore/jitcore.h>

/* Opcodes: name, operand kind (0 none, 1 int, 2 float, 3 label, 4 call). */
#define VM_OP_TABLE(X)                                                   \
  X (CONST, 1)   /* push int a */                                        \
  X (CONSTF, 2)  /* push float f */                                      \
  X (LOAD, 1)    /* push local a */                                      \
  X (STORE, 1)   /* pop into local a */                                  \
  X (POP, 0)                                                             \
  X (DUP, 0)                                                             \
  X (ADD, 0)     /* int+int overflowing promotes to float */             \
  X (SUB, 0)                                                             \
  X (MUL, 0)                                                             \
  X (LT, 0)      /* comparisons push int 0/1 */                          \
  X (LE, 0)                                                              \
  X (EQ, 0)                                                              \
  X (JMP, 3)     /* jump to a */                                         \
  X (JZ, 3)      /* pop; jump to a if it is 0 (int 0 or float 0.0) */    \
  X (CALL, 4)    /* call function a with b args from the stack */        \
  X (RET, 0)     /* pop the result, return it to the caller */           \
  X (TOFLOAT, 0) /* convert top to float */                              \
  X (MAX, 0)     /* the larger of two numbers (ints stay ints) */      \
  X (GETG, 1)    /* push global a (0..3); traces embed it as a constant */ \
  X (SETG, 1)    /* pop into global a; invalidates traces that embed it */

typedef enum vm_opcode {
#define VM_OP_ENUM_(n, k) VM_##n,
  VM_OP_TABLE (VM_OP_ENUM_)
#undef VM_OP_ENUM_
  VM_OP_COUNT_
} vm_opcode;

enum { VM_INT = 0, VM_FLOAT = 1 };

typedef struct vm_value {
  uint32_t tag;                /* VM_INT or VM_FLOAT */
  uint32_t pad;
  union { int64_t i; double f; } u;
} vm_value;

typedef struct vm_insn {
  uint32_t op;
  int32_t a, b;
  double f;
} vm_insn;

typedef struct vm_func {
  char name[32];
  vm_insn *code;
  uint32_t ncode;
  uint32_t nparams, nlocals, maxstack;
  int32_t *depth;              /* stack depth before each pc (-1 unreachable) */
  uint8_t *loop_head;          /* 1 at targets of backward jumps */
  int index;
} vm_func;

typedef struct vm_program {
  vm_func *funcs;
  int nfuncs;
} vm_program;

/* Calls of the MAX helper made by compiled traces (test observability). */
extern unsigned long vm_helper_max_calls;
/* Test hook: when set, every MAX helper call made by a trace calls it
 * (e.g. to invalidate the running trace from inside it). */
extern void (*vm_helper_hook) (void);

/* Parse the assembler text; NULL with a message in err on error. */
vm_program *vm_assemble (const char *src, char *err, size_t errlen);
void vm_program_free (vm_program *p);
vm_func *vm_find (vm_program *p, const char *name);
const char *vm_op_name (uint32_t op);

/* Per-pc inline caches tier 1 fills in, read by the lowering. */
typedef struct vm_ic {
  uint8_t seen_a, seen_b;      /* bit VM_INT/VM_FLOAT seen as operand a (lower), b (top) */
  uint8_t overflowed;          /* an int op overflowed here */
  uint32_t taken, not_taken;   /* JZ: jumps taken / not */
  uint8_t rootdir;             /* JZ: 1 + the way the last root selection
                                  lowered it (0: none); a loop copy goes
                                  that way too (vm_lower.c) */
} vm_ic;

typedef struct vm_frame {
  vm_func *fn;
  uint32_t pc;
  uint32_t sp;                 /* operand stack depth */
  vm_value *slots;             /* locals, then the operand stack */
} vm_frame;

#define VM_MAX_FRAMES 64
#define VM_STACK_VALUES 8192

struct vm;
/* Called before each instruction is dispatched (for the deopt checker). */
typedef void (*vm_step_hook) (struct vm *vm, void *ud);

typedef struct vm {
  vm_program *prog;
  vm_frame frames[VM_MAX_FRAMES];
  int nframes;                 /* frames[nframes-1] is current */
  vm_value values[VM_STACK_VALUES];
  vm_ic **ics;                 /* per function, per pc */
  jc_counter **counters;       /* per function, per pc (loop heads) */
  jc_counter *func_counters;   /* per function: entries */
  jc_trace ***traces;          /* per function, per pc: installed traces */
  jc_runtime *rt;              /* NULL: interpreter only */
  vm_step_hook hook;
  void *hook_ud;
  void (*on_exit) (struct vm *vm, int exit_id, void *ud);  /* after restore */
  int expect;                  /* lowering: tag load_slot guards for (-1 none) */
  int sel_side;                /* lowering: a side selection (its first
                                  instruction had jc_lower_side_entry);
                                  0 from each jc_runtime_hot */
  int sel_copy;                /* ... and a loop copy (side entry 2) */
  int copy_bias;               /* test knob: a loop copy's JZ follows the
                                  branch history as other selections do,
                                  not the root's way (a host that knows no
                                  better: select.c's diverged catches it) */
  uint32_t inline_arg_base[VM_MAX_FRAMES];  /* lowering: per inlined depth */
  int refuse_install;          /* test knob: install callback refuses */
  int hold_polls;              /* test knob: the back edges skip their
                                  jc_runtime_poll (async installs wait) */
  int installed;
  uint64_t steps, trace_entries;
  vm_value result;
  vm_value globals[4];         /* GETG / SETG */
  int error;                   /* 1 after a runtime error (msg in errmsg) */
  char errmsg[128];
} vm;

void vm_init (vm *v, vm_program *p);
void vm_fini (vm *v);
/* Run function fn with int args; returns 0 on success (result in v->result). */
int vm_run (vm *v, vm_func *fn, const vm_value *args, int nargs);

static inline vm_value vm_int (int64_t i)
{ vm_value v = { VM_INT, 0, { .i = i } }; return v; }
static inline vm_value vm_float (double f)
{ vm_value v = { VM_FLOAT, 0, { .f = f } }; return v; }

#endif
