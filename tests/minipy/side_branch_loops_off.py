# The program of side_branch_loops.py with MINIPY_JIT_BRANCH_SIDES=0: the
# selection refuses a loop trace whose branches, both of whose ways go on
# with the loop, would leave it on more than one iteration in 16 (the
# behaviour before branch side traces), so none of its loops waits for a
# side trace and none of them compiles (the only trace is the list
# comprehension's that builds the sieve's flags).
# jit-env: MINIPY_JIT_BRANCH_SIDES=0 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: branch_side_loops==0 hop_drops==0 side_traces==0 trace_links==0
import helper_side_branch_loops_prog
