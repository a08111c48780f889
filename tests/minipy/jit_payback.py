# libjitcore's payback rule (libjitcore/README.md, "Payback"): a loop
# whose trace would call the interpreter's generic paths for more than
# one in payback (32) of its instructions -- here `total + digits(r)`
# (digits has a loop, so it is called, not inlined) and a loop over a
# generator -- is not compiled (aborted.no_payback), while the loops of
# native work are.  MINIPY_JIT_PAYBACK=1 keeps the rule on in the
# forced-hot way too (minipy turns it off below --jit-threshold=32);
# jit_payback_off.py runs the same program with it off.
# jit-env: MINIPY_JIT_PAYBACK=1
# jit-expect: aborted.no_payback>=2 traces_compiled>=2
import helper_payback_prog
helper_payback_prog.main()
