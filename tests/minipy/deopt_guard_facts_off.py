# helper_facts_prog.py with libjitcore's FACTS pass off
# (JITCORE_OPTIONS=passes=... without facts): python3's output as with it
# on, and fewer instructions folded (what facts.py counts more are the
# comparisons the pass decides).
# jit-env: JITCORE_OPTIONS=passes=fold+cse+guard+dce+loop+rc+sink+range
# jit-expect: traces_compiled>=1 folded<=10
import helper_facts_prog
helper_facts_prog.main()
