#!/bin/sh
# check-abi.sh -- compare libjitcore.so with the committed ABI baseline
# (tests/abi/libjitcore.abi) using libabigail's abidiff.
#
# abidiff's exit status is a bit mask: 1 error, 2 usage error, 4 "ABI
# changed", 8 "incompatible change".  An added function and a changed struct
# both set only bit 4, so bit 4 alone cannot tell a harmless addition from a
# breaking change.  The check therefore runs abidiff twice:
#   1. with --no-added-syms: additions are suppressed, so any bit 4 or 8 left
#      is a change to something that already existed -> FAIL;
#   2. plainly: a remaining bit 4 means symbols were added -> PASS with a
#      reminder to refresh the baseline (`make abi-baseline`).
# Skipped (exit 77) when abigail-tools is not installed.
set -u
lib="$top_builddir/libjitcore/.libs/libjitcore.so"
base="$top_srcdir/tests/abi/libjitcore.abi"
if [ -z "${ABIDIFF:-}" ] || ! [ -x "$ABIDIFF" ]; then
  echo "abidiff not found (install the Debian package abigail-tools): skipped"
  exit 77
fi
test -f "$lib" || { echo "missing $lib"; exit 99; }
test -f "$base" || { echo "missing baseline $base"; exit 99; }
hdrs="--headers-dir2 $top_srcdir/include/jitcore --headers-dir2 $top_builddir/include/jitcore"

"$ABIDIFF" --no-added-syms $hdrs "$base" "$lib"
st=$?
if [ $((st & 3)) -ne 0 ]; then
  echo "abidiff failed to run (status $st)"
  exit 99
fi
if [ $((st & 12)) -ne 0 ]; then
  echo "FAIL: the ABI of existing symbols or types changed (abidiff status $st)."
  echo "If the change is deliberate and compatible, run 'make abi-baseline'"
  echo "and commit tests/abi/libjitcore.abi with it (README, 'ABI')."
  exit 1
fi
"$ABIDIFF" $hdrs "$base" "$lib" > /dev/null
st=$?
if [ $((st & 4)) -ne 0 ]; then
  echo "ABI compatible; new symbols were added since the baseline:"
  "$ABIDIFF" $hdrs "$base" "$lib"
  echo "run 'make abi-baseline' to record them"
fi
echo "ABI compatible with the baseline"
exit 0
