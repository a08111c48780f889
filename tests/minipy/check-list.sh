#!/bin/sh
# tests/minipy/check-list.sh -- every tests/minipy/*.py is listed in
# tests/minipy/local.mk (in MINIPY_TESTS, or MINIPY_SUPPORT for helper_*.py),
# every listed file exists, and every MINIPY_XFAIL_TESTS entry is a listed
# test, so no test is silently left out of `make check` or of the release
# tarball; every MINIPY_JIT_TODO entry is a test with a jit-expect line;
# and every deopt_*.py states what the JIT must do on it in a
# `# jit-expect:` line (see run-test), so that none can pass without a JIT.
set -u
srcdir=${top_srcdir:-$(dirname "$0")/../..}
mk="$srcdir/tests/minipy/local.mk"
[ -f "$mk" ] || { echo "SKIP: $mk not found"; exit 77; }
block() {  # the file names in the backslash-continued list assigned to $1
  sed -n "/^$1 [+]*= /,/^\$/p" "$mk" | sed -n 's|^	tests/minipy/\([^ ]*\.py\).*|\1|p' | sort -u
}
tests=$(block MINIPY_TESTS)
support=$(block MINIPY_SUPPORT)
xfail=$(block MINIPY_XFAIL_TESTS)
todo=$(block MINIPY_JIT_TODO)
jitxfail=$(block MINIPY_JIT_XFAIL_TESTS)
status=0
for f in "$srcdir"/tests/minipy/*.py; do
  b=$(basename "$f")
  case $b in
    helper_*) printf '%s\n' "$support" | grep -qx "$b" || { echo "not in MINIPY_SUPPORT: tests/minipy/$b"; status=1; } ;;
    *) printf '%s\n' "$tests" | grep -qx "$b" || { echo "not in MINIPY_TESTS: tests/minipy/$b"; status=1; } ;;
  esac
done
for b in $tests $support; do
  [ -f "$srcdir/tests/minipy/$b" ] || { echo "listed but missing: tests/minipy/$b"; status=1; }
done
for b in $xfail $jitxfail; do
  printf '%s\n' "$tests" | grep -qx "$b" || { echo "MINIPY_XFAIL_TESTS/MINIPY_JIT_XFAIL_TESTS entry is not a test: tests/minipy/$b"; status=1; }
done
for b in $todo; do
  grep -q '^# jit-expect: ' "$srcdir/tests/minipy/$b" 2>/dev/null ||
    { echo "MINIPY_JIT_TODO entry is not a test with a jit-expect line: tests/minipy/$b"; status=1; }
done
for f in "$srcdir"/tests/minipy/deopt_*.py; do
  grep -q '^# jit-expect: ' "$f" || { echo "no '# jit-expect:' line: tests/minipy/$(basename "$f")"; status=1; }
done
echo "$(printf '%s\n' $tests | wc -l) tests, $(printf '%s\n' $support | wc -l) support files, $(printf '%s\n' $xfail | grep -c .) expected failures, $(printf '%s\n' $jitxfail | grep -c .) expected failures forced hot, $(printf '%s\n' $todo | grep -c .) on the JIT's to-do list"
exit $status
