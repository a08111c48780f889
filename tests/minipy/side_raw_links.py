# The program of side_branch_loops.py with libjitcore's raw links on
# (MINIPY_JIT_RAW_LINKS=1, side_link_raw=1; libjitcore README "Raw links"): the
# link exit of a branch side trace back to its root's head gets a loop
# copy of the root that starts from the exit's words, and the copy's own
# side traces link back into it without a restore (raw_links), so the
# frame is restored on far fewer iterations (deopts).  Forced hot:
# raw_links=26853 deopts=44108 (side_raw_links_off.py: 0 and 204149),
# the flip still dropped by the hop judge.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=1000 MINIPY_JIT_RAW_LINKS=1
# jit-expect: branch_side_loops>=8 hop_drops==1 raw_links>=15000 deopts<=100000
import helper_side_branch_loops_prog
