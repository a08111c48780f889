# dict_store_direct.py with the direct dict and global stores off
# (MINIPY_JIT_DICT_STORE=0, MINIPY_JIT_GLOBAL_STORE=0): the same output,
# every store through the generic SETITEM and STORE_GLOBAL helpers.
# jit-env: MINIPY_JIT_DICT_STORE=0 MINIPY_JIT_GLOBAL_STORE=0
# jit-expect: dict_stores==0 global_stores==0 dict_hints==0 traces_compiled>=5
import helper_dict_store_prog
helper_dict_store_prog.main()
