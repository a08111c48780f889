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
env | grep '^CRT_' | sort >"$tmp/env"
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
cat >"$tmp/env_prog.py" <<'EOF'
# jit-env: CRT_A=1 CRT_OPTS=side_threshold=1000
# jit-expect: compiled>=1
print(2)
EOF
cat >"$tmp/bad_env.py" <<'EOF'
# jit-env: CRT_A
print(3)
EOF

status=0
n=0
# expect EXIT FLAGS FILE GREP-PATTERN [FAKE_JIT_LINE [FAKE_PROBE_LINE]]
# ($extra: more options for run-test itself)
extra=
expect() {
  want=$1 flags=$2 file=$3 pat=$4
  n=$((n + 1))
  FAKE_JIT_LINE=${5:-} FAKE_PROBE_LINE=${6:-} MINIPY_JIT= \
    "$py" "$runtest" --minipy="$tmp/fake-minipy" --minipy-flags="$flags" $extra \
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
expect 0 "$sync" env_prog.py 'CRT_A=1 CRT_OPTS=side_threshold=1000 ' 'jit: traces_compiled=1'
[ "$(cat "$tmp/env")" = "CRT_A=1
CRT_OPTS=side_threshold=1000" ] || { echo "FAIL: jit-env not in minipy's environment: $(cat "$tmp/env")"; status=1; }
expect 0 '--jit=off' env_prog.py 'not checked (the JIT is off' ''
[ -s "$tmp/env" ] && { echo "FAIL: jit-env applied with --jit=off"; status=1; }
expect 99 "$sync" bad_env.py 'bad jit-env term' 'jit: traces_compiled=1'
extra='--jit-todo=other.py,prog.py'
expect 0 "$sync" prog.py 'expected failure: .*does not hold' 'jit: traces_compiled=0 exits=2'
expect 1 "$sync" prog.py 'take the program off' 'jit: traces_compiled=1 exits=2'
expect 1 "$sync" prog.py 'malformed term' 'jit: traces_compiled exits=3'
extra=

# As automake's test driver: one :test-result: per case in the .trs file.
# drive EXPECT-FAILURE FLAGS FILE JIT-LINE PROBE-LINE WANTED-TRS-LINES...
drive() {
  xf=$1 flags=$2 file=$3 line=$4 probe=$5
  shift 5
  n=$((n + 1))
  rm -f "$tmp/d.log" "$tmp/d.trs"
  FAKE_JIT_LINE=$line FAKE_PROBE_LINE=$probe MINIPY_JIT= \
    "$py" "$runtest" --driver --test-name "t/$file" --log-file "$tmp/d.log" \
    --trs-file "$tmp/d.trs" --color-tests no --enable-hard-errors yes \
    --expect-failure "$xf" -- --minipy="$tmp/fake-minipy" $flags "$tmp/$file" >"$tmp/d.out" 2>&1
  got=$?
  ok=yes
  [ "$got" = 0 ] || ok=no
  for want; do grep -qx -- "$want" "$tmp/d.trs" 2>/dev/null || ok=no; done
  if [ $ok = yes ]; then
    echo "ok $n: driver $flags $file: $*"
  else
    echo "FAIL case $n: driver $flags $file, exit $got; .trs should have: $*"
    for f in d.out d.trs d.log; do echo "  $f:"; sed 's/^/    /' "$tmp/$f" 2>/dev/null; done
    status=1
  fi
}
drive no "--minipy-flags=--jit-sync" prog.py 'jit: traces_compiled=1 exits=2' '' \
  ':test-result: PASS output' ':test-result: PASS jit-expect' ':global-test-result: PASS'
drive no "--minipy-flags=--jit-sync" prog.py 'jit: traces_compiled=0 exits=2' '' \
  ':test-result: PASS output' ':test-result: FAIL jit-expect' ':global-test-result: FAIL' ':recheck: yes'
drive no "--minipy-flags=--jit-sync" prog.py '' '' \
  ':test-result: PASS output' ':test-result: SKIP jit-expect' ':global-test-result: PASS'
drive no "--minipy-flags=--jit-sync --jit-todo=prog.py" prog.py 'jit: traces_compiled=0 exits=0' '' \
  ':test-result: PASS output' ':test-result: XFAIL jit-expect' ':global-test-result: PASS'
drive no "--minipy-flags=--jit=off" prog.py '' '' \
  ':test-result: PASS output' ':global-test-result: PASS'
drive yes "--minipy-flags=--jit=off" plain.py '' '' \
  ':test-result: XPASS output' ':global-test-result: FAIL'
grep -q 'jit-expect' "$tmp/d.trs" && { echo "FAIL: a jit-expect case for a program without one"; status=1; }
echo "$n cases"
exit $status
