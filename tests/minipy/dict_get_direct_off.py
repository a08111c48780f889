# dict_get_direct.py with the direct d.get off (MINIPY_JIT_DICT_GET=0):
# the same output, every d.get through the generic call helper.
# jit-env: MINIPY_JIT_DICT_GET=0
# jit-expect: dict_gets==0 traces_compiled>=3
import helper_dict_get_prog
helper_dict_get_prog.main()
