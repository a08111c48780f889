# Branch chains (lower_chain in jit/jit_lower.c) on: the program of
# helper_chain_prog.py, with thresholds as outside the forced-hot way
# (jit-env) so that the loops are judged as they are in a normal run, and
# the branch judge off (the chains of spec() go each way about as often,
# which it refuses) so that their eager conditions that fail (an index
# past the end, an overflow) run in traces; deopt_branch_chain_off.py runs
# it with MINIPY_JIT_BRANCH_CHAINS=0.
# jit-env: MINIPY_JIT_BRANCH_JUDGE=0 JITCORE_OPTIONS=threshold=2000,side_threshold=1000
# jit-expect: branch_chains>=3 rec_heads>=1 compiled>=2
import helper_chain_prog
helper_chain_prog.main()
