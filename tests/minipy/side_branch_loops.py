# Loops with an if/else in the body whose less taken way (one iteration in
# 7 to 23) both continue the loop: the selection takes them (branch_stays
# in jit/jit_lower.c, MPJ_MIN_ITERS_PER_HOP), the judge waits for the side
# traces of their other ways (judge_later in jit/jit_host.c), which go
# round and link back to the loop's trace, so both ways run natively.
# Shapes: a sieve's count loop, the two ways leaving an int or a float in
# one local, an elif chain, nested ifs, a break in the rare way, a branch
# that flips half way, a while loop, an inner loop of 30 iterations a run.
# After the flip most iterations hop through the side trace, and the hop
# judge (mpj_hop_judge) drops that loop's trace (hop_drops); the inner
# loop's end links back to its trace round the outer loop (libjitcore's
# side_link_home) once a run, which is not counted as a hop, so that trace
# stays (counted, its 5.7 iterations a hop would drop it too: hop_drops=2,
# side_entries about 139000 instead of 197000).  Thresholds as outside
# the forced-hot way (jit-env), so that the histories hold 2000 iterations
# when a loop is selected.  side_branch_loops_off.py runs the same program with
# MINIPY_JIT_BRANCH_SIDES=0: there these loops are refused.
# libjitcore's raw links are off here (side_link_raw=0: every link restores
# the frame for the root, as when these numbers were taken);
# side_raw_links.py runs the program with them.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=1000,side_link_raw=0
# jit-expect: branch_side_loops>=8 hop_drops==1 side_traces>=8 side_entries>=170000 trace_links>=160000
import helper_side_branch_loops_prog
