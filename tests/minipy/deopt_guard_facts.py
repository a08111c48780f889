# libjitcore's FACTS pass (comparisons decided by earlier guards) on, the
# default: helper_facts_prog.py's loops give python3's output; forced hot,
# the pass decides comparisons (folded= counts them with FOLD's own), as
# the negative-index selects of the range loops' list indexes.
# deopt_guard_facts_off.py runs the same program with the pass off.
# jit-expect: traces_compiled>=1 folded>=30
import helper_facts_prog
helper_facts_prog.main()
