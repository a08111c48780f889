/* vm_programs.h -- test-VM programs that several suites run (each suite
 * keeps the programs only it uses).  Every program's entry is main. */
#ifndef JC_TESTS_VM_PROGRAMS_H
#define JC_TESTS_VM_PROGRAMS_H

/* main(n, s0): s = s0; for i < n: s += i.  Returns s. */
extern const char vm_prog_sum[];

/* main(n, k): i = 0; while i < n: i = step(i, k), where step(x, k) is
 * x + 1 if x < k else x + 2: a call the JIT inlines, whose branch flips
 * at i == k, so that exit restores two frames.  Returns i. */
extern const char vm_prog_inline[];

/* main(n, k): g = 5; for i < n: if i == k: g = 7; s += g, with g a global
 * that traces embed as a constant (rebinding it invalidates them). */
extern const char vm_prog_global[];

/* main(n, k): for i < n: s += 1 if i < k else i.  The loop's trace follows
 * the first arm; from i == k on its branch guard fails every iteration,
 * and that exit gets a side trace for the other arm. */
extern const char vm_prog_branch[];

#endif
