# Stores into a watched dict ask the JIT's filter of invalidation keys
# inline (mp_jit_dict_store, jit/jit.h) and call the hook only for a key
# that passes; rebinding what a trace depends on still invalidates it.
# The program is helper_store_filter_prog.py; store_filter_off.py runs it
# with MINIPY_JIT_INLINE_FILTER=0 (every store calls the hook).
# jit-expect: traces_compiled>=3 invalidated>=2
import helper_store_filter_prog
helper_store_filter_prog.main()
