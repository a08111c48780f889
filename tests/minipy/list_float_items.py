# Float items of small lists in unrolled loops, with the lowering's item
# facts and range() helpers on (jit/jit_lower.c: fact_get, pure_range);
# list_float_items_off.py runs the same program with both off.  Equal to
# python3's output, from smaller traces: thresholds of 100 (jit-env), so
# that the loops' profiles say which inner loops to unroll; the forced-hot
# way then compiles 8 traces of ir_insns=3831 in all (measured when
# written); with the item facts off 4167, the range() helpers off 4071,
# both off 4407.
# jit-env: JITCORE_OPTIONS=threshold=100,side_threshold=100
# jit-expect: traces_compiled>=1 ir_insns<=3900
import helper_float_items
helper_float_items.main()
