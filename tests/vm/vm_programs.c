/* vm_programs.c -- the shared test-VM programs (vm_programs.h). */
#include "vm_programs.h"

const char vm_prog_sum[] =
  "func main 2 4\n"
  "  const 0\n  store 2\n  load 1\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n"
  "  jmp loop\n"
  "done:\n  load 3\n  ret\n";

const char vm_prog_inline[] =
  "func step 2 2\n"
  "  load 0\n  load 1\n  lt\n  jz big\n"
  "  load 0\n  const 1\n  add\n  ret\n"
  "big:\n"
  "  load 0\n  const 2\n  add\n  ret\n"
  "func main 2 3\n"
  "  const 0\n  store 2\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  call step 2\n  store 2\n  jmp loop\n"
  "done:\n  load 2\n  ret\n";

const char vm_prog_global[] =
  "func main 2 4\n"
  "  const 5\n  setg 0\n  const 0\n  store 2\n  const 0\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  eq\n  jz skip\n"
  "  const 7\n  setg 0\n"
  "skip:\n"
  "  load 3\n  getg 0\n  add\n  store 3\n"
  "  load 2\n  const 1\n  add\n  store 2\n"
  "  jmp loop\n"
  "done:\n  load 3\n  ret\n";

const char vm_prog_branch[] =
  "func main 2 4\n"
  "  const 0\n  store 2\n  const 0\n  store 3\n"
  "loop:\n"
  "  load 2\n  load 0\n  lt\n  jz done\n"
  "  load 2\n  load 1\n  lt\n  jz big\n"
  "  load 3\n  const 1\n  add\n  store 3\n  jmp next\n"
  "big:\n"
  "  load 3\n  load 2\n  add\n  store 3\n"
  "next:\n"
  "  load 2\n  const 1\n  add\n  store 2\n  jmp loop\n"
  "done:\n  load 3\n  ret\n";
