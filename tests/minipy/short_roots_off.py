# short_roots.py's program with the short roots off
# (MINIPY_JIT_SHORT_ROOTS=0): the loop nest aborts at the trace length
# limit and its short inner loops stay refused, so nothing is compiled
# for it (when written); python3's output all the same.
# jit-env: MINIPY_JIT_SHORT_ROOTS=0
# jit-expect: short_roots==0 trace_links==0
import helper_short_roots_prog
helper_short_roots_prog.main()
