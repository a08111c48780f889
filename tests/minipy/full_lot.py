# A side exit taken because the parking lot was full (a helper of the
# counting loop in helper_full_lot_prog.py failed for want of room) gets
# no side trace: the exit only releases the lot (mpj_lower in
# jit/jit_lower.c refuses it, MINIPY_JIT_FULL_LOT_REFUSE).  Thresholds as
# outside the forced-hot way, so that the exit gets hot as it does in a
# normal run; full_lot_off.py runs it with the refusal off.
# jit-env: JITCORE_OPTIONS=side_threshold=10
# jit-expect: traces_compiled>=1 side_traces==0 side_aborted>=1 exits>=50
import helper_full_lot_prog
helper_full_lot_prog.main()
