#!/bin/sh
# check-symbols.sh -- libjitcore.so exports exactly the functions its
# symbol-version script lists, all named jc_*, each under a JITCORE_ node.
set -u
lib="$top_builddir/libjitcore/.libs/libjitcore.so"
map="$top_srcdir/libjitcore/libjitcore.map"
test -f "$lib" || { echo "missing $lib"; exit 99; }
tmp=${TMPDIR:-/tmp}/jc-syms.$$
trap 'rm -f "$tmp".*' EXIT

# Names listed in the map: identifiers ending in ';' that are not node keywords.
# Strip comments, split at ';', keep bare identifiers other than 'local'.
tr '\n' ' ' < "$map" | sed -e 's,/\*[^*]*\*\+\([^/*][^*]*\*\+\)*/,,g' |
  tr ';{}' '\n\n\n' | sed -e 's/^.*://' -e 's/[ \t]//g' |
  grep -E '^[A-Za-z_][A-Za-z0-9_]*$' | grep -v '^JITCORE_' | sort -u > "$tmp.map"
# Defined dynamic symbols of the library (ignore the version node symbols).
${NM:-nm} -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' |
  grep -v '^JITCORE_' | sort -u > "$tmp.lib"

status=0
if ! cmp -s "$tmp.map" "$tmp.lib"; then
  echo "exported symbols differ from libjitcore.map (< map, > library):"
  diff "$tmp.map" "$tmp.lib"
  status=1
fi
if grep -v '^jc_' "$tmp.lib"; then
  echo "the symbols above are exported but not named jc_*"
  status=1
fi
# Every exported function carries a JITCORE_ version tag.
${OBJDUMP:-objdump} -T "$lib" | awk '$2=="g" || $3=="DF" || $3=="DO"' |
  grep -E ' (DF|DO) ' | grep -v '\*UND\*' > "$tmp.dyn"
if grep -v 'JITCORE_1\.' "$tmp.dyn"; then
  echo "the symbols above have no JITCORE_1.x version node"
  status=1
fi
n=$(wc -l < "$tmp.lib")
echo "$n exported symbols, all jc_* and versioned: $( [ $status = 0 ] && echo yes || echo no)"
exit $status
