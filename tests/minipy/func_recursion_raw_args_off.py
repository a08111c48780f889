# func_recursion_raw_args.py with raw arguments off (MINIPY_JIT_RAW_ARGS=0):
# the self-calls box their arguments through the helpers, same output.
# jit-env: MINIPY_JIT_RAW_ARGS=0
# jit-expect: traces_compiled>=3 self_calls>=20000 raw_self_calls==0
import helper_raw_args_prog
