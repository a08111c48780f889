# jit_payback.py with the payback rule off (MINIPY_JIT_PAYBACK=0): the
# loops that call digits() and the generator are compiled too, so more
# traces and no no_payback abort (the key would be missing from the
# jit: line; aborted counts what else aborts).  The same output.
# jit-env: MINIPY_JIT_PAYBACK=0
# jit-expect: traces_compiled>=4
import helper_payback_prog
helper_payback_prog.main()
