# list_float_items.py's program with the item facts and the range()
# helpers off (MINIPY_JIT_ITEM_FACTS=0, MINIPY_JIT_PURE_RANGE=0): the same
# output as python3's (and as with them on), from larger traces (4407
# IR instructions against 3831 when written).
# jit-env: JITCORE_OPTIONS=threshold=100,side_threshold=100 MINIPY_JIT_ITEM_FACTS=0 MINIPY_JIT_PURE_RANGE=0
# jit-expect: traces_compiled>=1 ir_insns>=4300
import helper_float_items
helper_float_items.main()
