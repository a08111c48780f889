#!/bin/sh
# tests/fuzz/fuzz-smoke.sh -- `make check`'s slice of the JIT's differential
# fuzzer: a few fixed seeds of tests/fuzz/run-fuzz (each program run by
# python3 and by minipy five ways, which must all agree).  The long run is
# `make fuzz-jit`.  Skips (77) without python3 or minipy.
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=${PYTHON3:-python3}
minipy=$top_builddir/examples/minipy/minipy
command -v "$py" >/dev/null 2>&1 || { echo "no python3: skipped"; exit 77; }
[ -x "$minipy" ] || { echo "no $minipy: skipped"; exit 77; }
out=$top_builddir/tests/fuzz/smoke-failures
rm -rf "$out"
"$py" "$top_srcdir/tests/fuzz/run-fuzz" --minipy="$minipy" --seeds=1-3 --out="$out"
st=$?
[ $st -eq 0 ] && rm -rf "$out"
exit $st
