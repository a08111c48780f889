# full_lot.py with the refusal off (MINIPY_JIT_FULL_LOT_REFUSE=0): the
# same output, and the exit that a full parking lot makes hot gets its
# side trace as any other hot exit.
# jit-env: MINIPY_JIT_FULL_LOT_REFUSE=0 JITCORE_OPTIONS=side_threshold=10
# jit-expect: traces_compiled>=2 side_traces>=1
import helper_full_lot_prog
helper_full_lot_prog.main()
