/* vm_compare.h -- the exactness harness of the runtime's suites (test_vm,
 * test_deopt, test_side, test_async): assemble a test-VM program, run its
 * main once with libjitcore attached, recording the VM's full state after
 * every trace exit that returns to the interpreter (vm_check.h), then once
 * in the interpreter alone, which must pass through those states in order
 * and end with the same result.  CUnit assertions check both; the caller
 * checks what its test is about (stats, counts, the result's value).
 *
 * Hooks let a suite add what is its own: a runtime with spies in its
 * descriptor (new_runtime), hand-made traces installed before the run
 * (before_run), its own look at every exit (on_exit) or step (on_step),
 * and work between the end of the run and the reading of the stats
 * (after_run: a flush, an invalidation). */
#ifndef JC_TESTS_VM_COMPARE_H
#define JC_TESTS_VM_COMPARE_H

#include <stddef.h>
#include <stdint.h>
#include <jitcore/jitcore.h>
#include "vm.h"

typedef struct vm_compare_spec {
  const char *src;              /* the program (vm_assemble's text) */
  const vm_value *args;         /* main's arguments */
  int nargs;
  const jc_options *options;    /* NULL: vm_compare_options () */
  vm *jit_vm, *interp_vm;       /* NULL: the harness's own (static) VMs */
  /* All optional; each gets ud. */
  jc_runtime *(*new_runtime) (vm *v, const jc_options *o, void *ud);
  void (*before_run) (vm *v, jc_runtime *rt, vm_program *p, void *ud);
  void (*on_exit) (vm *v, int exit_id, void *ud);
  void (*on_step) (vm *v, void *ud);
  void (*after_run) (vm *v, jc_runtime *rt, void *ud);
  void *ud;
} vm_compare_spec;

typedef struct vm_compare {
  vm_value jit, interp;         /* main's result in each run */
  jc_stats stats;               /* the JIT run's, after after_run */
  size_t exits;                 /* exits that returned to the VM */
  size_t matched;               /* of those, reproduced by the interpreter */
  uint64_t entries;             /* the VM's jc_trace_enter calls */
  uint64_t steps_jit, steps_interp;  /* instructions interpreted */
  int installed;                /* traces the VM had installed at the end */
} vm_compare;

/* The harness's default options: synchronous compiles, loop threshold 5. */
jc_options vm_compare_options (void);

/* Assemble src, or fail the current test (fatally) with the error. */
vm_program *vm_asm_ok (const char *src);

/* Run spec's program both ways and compare (see above). */
vm_compare vm_compare_run (const vm_compare_spec *spec);

/* The common case: default hooks, own VMs. */
vm_compare vm_compare_simple (const char *src, const vm_value *args,
                              int nargs, const jc_options *options);

#endif
