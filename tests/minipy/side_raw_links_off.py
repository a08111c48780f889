# The program of side_raw_links.py with raw links off through minipy's
# switch (MINIPY_JIT_RAW_LINKS=0, also minipy's default; side_branch_loops.py
# turns them off through the library's JITCORE_OPTIONS=side_link_raw=0): every link exit of
# a branch side trace restores the frame and enters the root, so nothing
# is linked raw and the frame is restored on each such iteration.
# jit-env: JITCORE_OPTIONS=threshold=2000,side_threshold=1000 MINIPY_JIT_RAW_LINKS=0
# jit-expect: branch_side_loops>=8 hop_drops==1 raw_links==0 deopts>=150000
import helper_side_branch_loops_prog
