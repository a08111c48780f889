# d.get(k[, default]) on an exact dict with an exact str or int key
# lowered to a direct helper (dict_get_call in jit/jit_lower.c, h_dict_get)
# instead of the generic call; the program is helper_dict_get_prog.py,
# whose dict subclasses, user-class keys (__hash__/__eq__, colliding with
# int keys) and dicts changed in the loop take the general path.
# dict_get_direct_off.py runs it with MINIPY_JIT_DICT_GET=0.
# jit-expect: dict_gets>=3 traces_compiled>=3
import helper_dict_get_prog
helper_dict_get_prog.main()
