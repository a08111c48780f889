# deopt_branch_chain.py with recursive loops judged as any loop
# (MINIPY_JIT_REC_LOOPS=0): queens()'s inner loop (7 iterations a call)
# is refused ("unrolled into the loop around it", then too few iterations
# per entry), so only the other loops compile.  The same output.
# jit-env: MINIPY_JIT_REC_LOOPS=0 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: rec_heads==0 compiled>=1
import helper_chain_prog
helper_chain_prog.main()
