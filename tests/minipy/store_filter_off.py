# store_filter.py with the inline filter off (MINIPY_JIT_INLINE_FILTER=0):
# the same output and the same invalidations.
# jit-env: MINIPY_JIT_INLINE_FILTER=0
# jit-expect: traces_compiled>=3 invalidated>=2
import helper_store_filter_prog
helper_store_filter_prog.main()
