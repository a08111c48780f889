# Native self-calls with raw arguments (jit_lower.c, "Raw arguments"): a
# recursive function whose int parameters its trace only uses unboxed gets
# them from the caller in Frame.jit_arg, its frame made and dropped in the
# generated code.  One and two arguments, recursion deeper than a code's 64
# spare frames, an accumulator that overflows into big ints part-way down,
# exceptions with locals set raised and caught at other depths, floats
# after ints, del of a raw argument, RecursionError and recursion after it.
# Same program with raw arguments off: func_recursion_raw_args_off.py.
# jit-expect: traces_compiled>=3 raw_self_calls>=20000
import helper_raw_args_prog
