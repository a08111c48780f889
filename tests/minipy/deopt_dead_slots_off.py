# deopt_dead_slots.py with dead stack slots kept in the snapshots
# (MINIPY_JIT_DEAD_SLOTS=0): same output.
# jit-env: MINIPY_JIT_DEAD_SLOTS=0
# jit-expect: traces_compiled>=5 exits>=20 dead_slots==0
import helper_dead_slots_prog
