# l.append(v) in a trace (CALL_LIST_APPEND: the method is list.append and
# l an exact list) calls the list_append helper instead of the generic
# call (jit/jit_lower.c, list_append_call); a list subclass with its own
# append, passed in or rebound mid-loop, takes the generic way again (a
# class guard's exit).  list_append_call_off.py runs the same program with
# it off (MINIPY_JIT_LIST_APPEND=0).
# jit-expect: traces_compiled>=1 deopts>=1
import helper_list_append_prog
helper_list_append_prog.main()
