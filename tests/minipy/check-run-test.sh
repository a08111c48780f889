#!/bin/sh
# tests/minipy/check-run-test.sh -- tests of run-test's `# jit-expect:`
# checking, with a stand-in for minipy (a shell script that runs the program
# under python3 and prints a given `jit:` line on stderr), so that each rule
# of run-test's header is seen to pass what it must and fail what it must,
# whether or not minipy has its JIT yet.
set -u
srcdir=${top_srcdir:-$(dirname "$0")/../..}
runtest="$srcdir/tests/minipy/run-test"
py=${PYTHON3:-$(command -v python3)}
[ -n "$py" ] || { echo "SKIP: python3 not found"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-run-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The stand-in: `-c CODE` is the runner's probe; it prints FAKE_PROBE_LINE.
# Otherwise it records its argv, runs the program and prints FAKE_JIT_LINE
# (each of its lines) on stderr after the program's own stderr.
cat >"$tmp/fake-minipy" <<EOF
#!/bin/sh
for a; do
  if [ "\$a" = -c ]; then
    [ -n "\${FAKE_PROBE_LINE:-}" ] && printf '%s\n' "\$FAKE_PROBE_LINE" >&2
    exit 0
  fi
  last=\$a
done
printf '%s\n' "\$*" >"$tmp/argv"
"$py" "\$last"; st=\$?
[ -n "\${FAKE_JIT_LINE:-}" ] && printf '%s\n' "\$FAKE_JIT_LINE" >&2
exit \$st
EOF
chmod +x "$tmp/fake-minipy"

cat >"$tmp/prog.py" <<'EOF'
# A program with two expectations.
# jit-expect: compiled>=1 exits>=2
print(sum(range(10)))
EOF
cat >"$tmp/plain.py" <<'EOF'
print("no expectations")
EOF
cat >"$tmp/err_tb_raise.py" <<'EOF'
# jit-expect: traces_compiled>=1
def f():
    raise KeyError("k")
f()
EOF
cat >"$tmp/bad_directive.py" <<'EOF'
# jit-expect: compiled=>1
print(1)
EOF

status=0
n=0
# expect EXIT FLAGS FILE GREP-PATTERN [FAKE_JIT_LINE [FAKE_PROBE_LINE]]
expect() {
  want=$1 flags=$2 file=$3 pat=$4
  n=$((n + 1))
  FAKE_JIT_LINE=${5:-} FAKE_PROBE_LINE=${6:-} MINIPY_JIT= \
    "$py" "$runtest" --minipy="$tmp/fake-minipy" --minipy-flags="$flags" \
    "$tmp/$file" >"$tmp/log" 2>&1
  got=$?
  if [ "$got" != "$want" ] || { [ -n "$pat" ] && ! grep -q -- "$pat" "$tmp/log"; }; then
    echo "FAIL case $n: run-test $flags $file with jit line '${5:-}' probe '${6:-}':"
    echo "  exit $got (want $want), log should contain '$pat':"
    sed 's/^/    /' "$tmp/log"
    status=1
  else
    echo "ok $n: exit $got, $pat"
  fi
}
sync='--jit-sync --jit-threshold=1'
expect 0 "$sync" prog.py '2 term(s) hold' 'jit: traces_compiled=1 exits=2 compile_ms=1.5'
grep -q -- '--jit-stats' "$tmp/argv" || { echo "FAIL: --jit-stats not appended in a JIT run"; status=1; }
expect 1 "$sync" prog.py 'compiled>=1 does not hold: traces_compiled=0' 'jit: traces_compiled=0 exits=2'
expect 1 "$sync" prog.py 'exits>=2 does not hold' 'jit: traces_compiled=4 exits=1'
expect 0 "$sync" prog.py '2 term(s) hold' 'jit: compiled=3 exits=9'
expect 1 "$sync" prog.py 'no exits in the jit: line' 'jit: traces_compiled=1'
expect 1 "$sync" prog.py 'malformed term' 'jit: traces_compiled exits=3'
expect 1 "$sync" prog.py 'printed 2 jit: lines' 'jit: traces_compiled=1 exits=2
jit: traces_compiled=1 exits=2'
expect 0 "$sync" prog.py 'NOT CHECKED' '' ''
expect 1 "$sync" prog.py 'although `minipy --jit-stats -c pass` prints one' '' 'jit: traces_compiled=0'
expect 0 '' prog.py 'not checked (asynchronous' 'jit: traces_compiled=0 exits=0'
expect 0 '--jit=off' prog.py 'not checked (the JIT is off' 'jit: traces_compiled=0'
grep -q -- '--jit-stats' "$tmp/argv" && { echo "FAIL: --jit-stats appended with --jit=off"; status=1; }
expect 0 "$sync" plain.py 'PASS' 'jit: traces_compiled=0'
expect 0 "$sync" err_tb_raise.py '1 term(s) hold' 'jit: traces_compiled=1'
expect 1 "$sync" err_tb_raise.py 'does not hold' 'jit: traces_compiled=0'
expect 99 "$sync" bad_directive.py 'bad jit-expect term' 'jit: traces_compiled=1'
echo "$n cases"
exit $status
