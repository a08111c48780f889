# Exits with operands on the stack, live below the exit's depth and dead
# above it: the dead ones leave the snapshots (jit_lower.c, dead_stack;
# libjitcore's jc_lower_slots_dead_from), the live ones come back, through
# type changes, overflows, exceptions, inlined calls, side traces,
# generators, del and locals().  Same program with dead slots kept:
# deopt_dead_slots_off.py.
# jit-expect: traces_compiled>=5 exits>=20 dead_slots>=20
import helper_dead_slots_prog
