# A function-entry trace that reaches its loop's head ends there with an
# exit (libjitcore's inner_exit_min_insns, minipy's MPJ_FN_MIN_INSNS) and
# links to the loop's trace; func_inner_exit_off.py runs the same program
# with MINIPY_JIT_INNER_EXIT=0, where the entry's walk aborts at the loop.
# jit-env: JITCORE_OPTIONS=threshold=5000
# jit-expect: inner_exits>=2 trace_links>=1 invalidated==0
import helper_inner_exit_prog
helper_inner_exit_prog.main()
