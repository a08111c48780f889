# func_inner_exit.py's program with the inner-head exits off
# (MINIPY_JIT_INNER_EXIT=0): the function-entry walk aborts at the loop's
# head as before; python3's output all the same.
# jit-env: MINIPY_JIT_INNER_EXIT=0 JITCORE_OPTIONS=threshold=5000
# jit-expect: inner_exits==0 aborted.inner_loop>=1
import helper_inner_exit_prog
helper_inner_exit_prog.main()
