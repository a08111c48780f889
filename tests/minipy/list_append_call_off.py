# list_append_call.py with the list_append lowering off
# (MINIPY_JIT_LIST_APPEND=0): every l.append(v) in a trace is the generic
# call.  The same output.
# jit-env: MINIPY_JIT_LIST_APPEND=0
# jit-expect: traces_compiled>=1
import helper_list_append_prog
helper_list_append_prog.main()
