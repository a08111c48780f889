#!/bin/sh
# tests/minipy/check-exit-no-wait.sh -- a program that ends while a
# background compile is still running does not wait for it: minipy prints
# its output, its --jit-stats line and its exit status as usual and ends
# with _exit (mp_jit_fini, examples/minipy/jit/jit.h), leaving the compile
# thread to the process's end.  The program's loop becomes hot a few
# iterations before the end and its trace is long (a hundred
# statements: a compile of well over the microseconds the rest of the run
# takes), so the compile is in flight at exit on any machine.
set -u
top_builddir=${top_builddir:-.}
minipy="$top_builddir/examples/minipy/minipy"
py=${PYTHON3:-$(command -v python3)}
[ -n "$py" ] || { echo "SKIP: python3 not found"; exit 77; }
[ -x "$minipy" ] || { echo "FAIL: $minipy not built"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-exit-no-wait.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0

# The program: a loop of 2010 iterations over a 100-statement body (hot
# after the default threshold), then a result; $1 is the program's last
# line.
mkprog() {
  {
    echo "def run(n):"
    echo "    a = 1.5; b = 7; t = 0.0"
    echo "    for i in range(n):"
    k=0
    while [ $k -lt 50 ]; do
      echo "        a = a * 1.0000001 + $k.25"
      echo "        t = t + a / (b + $k)"
      k=$((k + 1))
    done
    echo "    return t"
    echo "print('%.6e' % run(2010))"
    echo "$1"
  } >"$tmp/prog.py"
}

# name, last line, expected status
check() {
  mkprog "$2"
  "$py" "$tmp/prog.py" >"$tmp/want.out" 2>"$tmp/want.err"; want=$?
  MINIPY_JIT= "$minipy" --jit-stats --jit-log=compile "$tmp/prog.py" >"$tmp/got.out" 2>"$tmp/got.err"; got=$?
  if [ $got -ne $want ] || [ $got -ne "$3" ]; then
    echo "FAIL $1: exit status $got, python3 $want, expected $3"; status=1
  fi
  if ! cmp -s "$tmp/want.out" "$tmp/got.out"; then
    echo "FAIL $1: stdout differs from python3's"; diff "$tmp/want.out" "$tmp/got.out" | head -5; status=1
  fi
  if ! grep -q "^minipy-jit: exiting without waiting for the compile thread" "$tmp/got.err"; then
    echo "FAIL $1: no compile was in flight at exit, or minipy waited for it:"; grep -v "^jitcore\[ir\]" "$tmp/got.err" | head -5; status=1
  fi
  if ! grep -q "^jit: compiled=.* compile_queued=[1-9]" "$tmp/got.err"; then
    echo "FAIL $1: the --jit-stats line is missing or shows no compile in flight"; status=1
  fi
  last=$(tail -n 1 "$tmp/want.err")
  if [ -n "$last" ] && ! grep -qxF "$last" "$tmp/got.err"; then
    echo "FAIL $1: stderr lacks python3's last line '$last'"; status=1
  fi
  [ $status -eq 0 ] && echo "ok $1"
}

check plain "print('done')" 0
check exit-status "import sys; sys.exit(3)" 3
check exception "print(1 // 0)" 1
exit $status
