/* vm_check.h -- deopt exactness: compare the VM's state after each trace
 * exit with the states the interpreter alone passes through. */
#ifndef JC_TESTS_VM_CHECK_H
#define JC_TESTS_VM_CHECK_H

#include <stddef.h>
#include "vm.h"

#define VM_STATE_FRAMES 8
#define VM_STATE_SLOTS 32

typedef struct vm_state_frame {
  int func;
  uint32_t pc, sp, nslots;
  vm_value slots[VM_STATE_SLOTS];
} vm_state_frame;

typedef struct vm_state {
  int nframes;
  vm_state_frame frames[VM_STATE_FRAMES];
} vm_state;

typedef struct vm_check {
  vm_state *expected;           /* states after each exit of the JIT run */
  size_t nexpected, cap;
  size_t matched;               /* how many the interpreter run reproduced */
} vm_check;

void vm_state_capture (const vm *v, vm_state *s);
int vm_state_equal (const vm_state *a, const vm_state *b);
void vm_state_format (const vm_state *s, char *buf, size_t len);

/* Install the exit recorder on the JIT run's VM. */
void vm_check_record (vm_check *c, vm *jit_vm);
/* Record v's state as the next expected one (what the recorder does at
 * each exit; for a suite with an on_exit hook of its own). */
void vm_check_note (vm_check *c, const vm *v);
/* Install the matcher on an interpreter-only VM (then run it): afterwards
 * matched == nexpected iff every exit state occurred, in order. */
void vm_check_replay (vm_check *c, vm *interp_vm);
void vm_check_free (vm_check *c);

#endif
