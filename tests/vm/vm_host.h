/* vm_host.h -- the test VM's host plugin for libjitcore (vm_host.c,
 * vm_lower.c) and the deopt-exactness checker (vm_check.c). */
#ifndef JC_TESTS_VM_HOST_H
#define JC_TESTS_VM_HOST_H

#include <jitcore/jitcore.h>
#include "vm.h"

/* IR type codes write_slot receives: the builder's jc_type values. */
#define VM_JT_I64 1    /* JC_TYPE_I64 */
#define VM_JT_F64 2    /* JC_TYPE_F64 */
#define VM_JT_BOOL 4   /* JC_TYPE_BOOL */

jc_host vm_host_descriptor (vm *v);
/* The optional jc_host.restore (not in vm_host_descriptor's descriptor)
 * and the number of its calls. */
int vm_host_restore (void *ud, void *frame, uint32_t pc,
                     const jc_exit_slot *slots, uint32_t nslots,
                     const uint64_t *buf, uint32_t flags);
extern unsigned long vm_restore_calls;
void vm_attach (vm *v, jc_runtime *rt);
void vm_disasm (const vm_func *f, uint32_t pc, char *buf, size_t len);
vm_frame *vm_call_frame (vm *v, vm_func *fn, vm_value *base, uint32_t nargs);

int vm_lower (void *ud, jc_lower *b, const void *code, uint32_t pc,
              uint32_t depth, const void *ic, jc_step *step);
int vm_load_slot (void *ud, jc_lower *b, const void *code, uint32_t depth,
                  uint32_t slot);
extern const jc_helper vm_helpers[];
extern const uint32_t vm_nhelpers;

#endif
