# nbody's loop nest, too long to trace with its inner loops unrolled: the
# innermost loop becomes a short root (jit/jit_lower.c,
# mpj_sel_short_roots) and its side traces link back to it round the
# loops around it (libjitcore's side_link_home), so the nest runs in a
# tree of native traces (forced hot when written: 10 traces, 8 of them
# side traces, 19493 links); short_roots_off.py runs the same program
# with MINIPY_JIT_SHORT_ROOTS=0 (nothing compiled: the nest is traced
# whole or not at all), short_roots_home_off.py with side_link_home=0.
# jit-expect: short_roots>=1 side_traces>=2 trace_links>=10000
import helper_short_roots_prog
helper_short_roots_prog.main()
