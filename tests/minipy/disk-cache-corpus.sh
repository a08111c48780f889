#!/bin/sh
# tests/minipy/disk-cache-corpus.sh -- `make check-disk-cache-corpus`: every
# program of the minipy corpus forced hot (--jit-sync --jit-threshold=1) three
# ways -- no disk cache, storing into an empty one, loading from it -- must
# give the same stdout and exit status.  Not part of `make check` (about half
# an hour on two cores); prints one line per difference and a summary, and
# exits 1 when anything differs.
#   usage: disk-cache-corpus.sh MINIPY SRCDIR   (SRCDIR holds tests/minipy/)
set -u
minipy=$1
src=$2/tests/minipy
[ -x "$minipy" ] || { echo "FAIL: $minipy not built"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disk-cache-corpus.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
unset JITCORE_DISK_CACHE MINIPY_JIT
hot="--jit-sync --jit-threshold=1"
n=0 bad=0 hits=0
cd "$src" || exit 99
for p in *.py; do
  case $p in helper_*) continue ;; esac
  n=$((n + 1))
  timeout 120 "$minipy" $hot "$p" >"$tmp/a" 2>/dev/null </dev/null; ra=$?
  timeout 120 "$minipy" $hot --jit-cache="$tmp/cache" "$p" >"$tmp/b" 2>/dev/null </dev/null; rb=$?
  timeout 120 "$minipy" $hot --jit-cache="$tmp/cache" --jit-stats "$p" >"$tmp/c" 2>"$tmp/cerr" </dev/null; rc=$?
  h=$(sed -n 's/^jit: .* disk_hits=\([0-9]*\).*/\1/p' "$tmp/cerr")
  hits=$((hits + ${h:-0}))
  if [ $ra -ne $rb ] || [ $ra -ne $rc ] || ! cmp -s "$tmp/a" "$tmp/b" || ! cmp -s "$tmp/a" "$tmp/c"; then
    echo "DIFF $p (exit $ra / $rb / $rc)"
    bad=$((bad + 1))
  fi
done
echo "disk-cache-corpus: programs=$n differing=$bad traces_loaded_in_third_runs=$hits"
[ $bad -eq 0 ] && [ $hits -gt 0 ]
