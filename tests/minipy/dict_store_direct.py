# Stores into exact dicts with exact str or int keys through the JIT's
# direct helpers (jit/jit_lower.c "Dict stores": dict_store_int,
# dict_store_obj, the entry hint of d.get's int, store_global_at); the
# program is helper_dict_store_prog.py (big ints mid-loop, mixed key
# classes, user-class keys, subclasses, a dict changed between the get and
# the store, globals deleted mid-loop).  dict_store_direct_off.py runs it
# with MINIPY_JIT_DICT_STORE=0 MINIPY_JIT_GLOBAL_STORE=0.
# jit-expect: dict_stores>=5 global_stores>=2 dict_hints>=1000 traces_compiled>=5
import helper_dict_store_prog
helper_dict_store_prog.main()
