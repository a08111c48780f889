# Raw side traces that take their parent exit's objects from the exit
# buffer (libjitcore's seed_ptr): nothing is written to the frame between
# the two traces.  The side paths use the seeded objects (attributes,
# methods, subscripts, identity, None), change their classes mid-run and
# keep them alive only through the trace (a temporary from a helper).
# The same program as side_raw_ptrs.py with the option off.
# jit-env: JITCORE_OPTIONS=side_raw_ptrs=0
# jit-expect: side_ptr_entries==0 side_raw_entries>=1000 side_traces>=2
import helper_side_raw_ptrs_prog
