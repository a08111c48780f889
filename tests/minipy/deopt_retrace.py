# A loop traced along one way of its branch (`s.startswith("item0")`,
# true for the first 10000 of 60000 iterations) whose entries then all
# leave at that branch's guard: the judge drops the trace at its next
# window and, since one branch guard ends nearly every entry, re-arms the
# head (mp_jit_loop_head in jit/jit_host.c) with the loop's branch
# histories started again, so the loop is traced once more along the way
# it goes now and that trace is kept: the remaining ~48000 iterations run
# in it with few entries.  The re-arm is off by default and turned on here
# (MINIPY_JIT_RETRACE=1); deopt_retrace_off.py runs the same program with
# MINIPY_JIT_RETRACE=0, where the head is dead after the drop.  Thresholds
# as outside the forced-hot way (jit-env), so the loop is judged as in a
# normal run.
# jit-env: MINIPY_JIT_RETRACE=1 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: retraces==1 live_traces>=1 trace_entries<=4000
import helper_retrace_prog
helper_retrace_prog.main()
