# deopt_branch_chain.py with branch chains off (MINIPY_JIT_BRANCH_CHAINS=0):
# the same output, no chain lowered.
# jit-env: MINIPY_JIT_BRANCH_CHAINS=0 MINIPY_JIT_BRANCH_JUDGE=0 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: branch_chains==0
import helper_chain_prog
helper_chain_prog.main()
