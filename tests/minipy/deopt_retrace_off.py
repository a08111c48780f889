# deopt_retrace.py with the re-arm after a drop at a branch guard off
# (MINIPY_JIT_RETRACE=0): the trace is dropped and its head is dead, so
# no trace is left and no retrace counted.  The same output.
# jit-env: MINIPY_JIT_RETRACE=0 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: retraces==0 live_traces==0
import helper_retrace_prog
helper_retrace_prog.main()
