# short_roots.py's program with libjitcore's side_link_home off: the
# innermost loop is still a short root, but the side trace from its end
# closes a loop of its own at the root's head instead of linking to the
# root (when written: it could not close, and its exit to its own head
# returned to the interpreter every time, 0 links); python3's output all
# the same.
# jit-env: JITCORE_OPTIONS=side_link_home=0
# jit-expect: short_roots>=1 trace_links==0
import helper_short_roots_prog
helper_short_roots_prog.main()
