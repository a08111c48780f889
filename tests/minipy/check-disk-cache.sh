#!/bin/sh
# tests/minipy/check-disk-cache.sh -- minipy with libjitcore's disk cache
# (--jit-cache=DIR): a first run stores its traces, a second loads them
# (disk_hits, no disk errors) and prints python3's output again; forced
# hot, and with a constant of the program changed (other traces, other
# keys), the output is still python3's; two processes may fill one
# cache at once; a directory others may write to
# is refused with a logged reason and costs only the compiles; a
# configuration the library refuses turns the JIT off with a message.
set -u
top_builddir=${top_builddir:-.}
minipy="$top_builddir/examples/minipy/minipy"
py=${PYTHON3:-$(command -v python3)}
[ -n "$py" ] || { echo "SKIP: python3 not found"; exit 77; }
[ -x "$minipy" ] || { echo "FAIL: $minipy not built"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-disk-cache.XXXXXX") || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset JITCORE_DISK_CACHE JITCORE_OPTIONS MINIPY_JIT
status=0

# $1: the global K (a host object the traces read from their constant
# table: the same code, K's new value), $2: a literal of fill's loop (an
# immediate of its code: another key).  Int and float loops, a call that
# is inlined, a method call on a class, a global, a list.
mkprog() {
  cat >"$tmp/prog.py" <<EOF
K = $1
class P:
    def __init__(self, x):
        self.x = x
    def step(self, d):
        self.x = self.x * 0.5 + d
        return self.x
def mix(n):
    acc = 0
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + K) % 2147483648
        acc = (acc + (x >> 7) ^ i) % 1000000007
    return acc
def walk(n):
    p = P(1.0)
    t = 0.0
    for i in range(n):
        t += p.step(i * 0.25)
    return t
def fill(n):
    out = []
    for i in range(n):
        out.append(i * K % $2)
    return sum(out)
print(mix(20000), "%.6f" % walk(20000), fill(20000))
EOF
}

stat_of() {   # key, file: the value of key= on the jit: line
  sed -n 's/^jit: .* '"$1"'=\([0-9]*\).*/\1/p' "$2"
}

# name, expect (hits|stores|any), minipy options...
run() {
  name=$1 expect=$2
  shift 2
  "$minipy" --jit-stats "$@" "$tmp/prog.py" >"$tmp/got.out" 2>"$tmp/got.err"
  rc=$?
  if [ $rc -ne 0 ] || ! cmp -s "$tmp/want.out" "$tmp/got.out"; then
    echo "FAIL $name: exit $rc or stdout differs from python3's"
    diff "$tmp/want.out" "$tmp/got.out" | head -5; head -5 "$tmp/got.err"
    status=1
    return
  fi
  hits=$(stat_of disk_hits "$tmp/got.err")
  stores=$(stat_of disk_stores "$tmp/got.err")
  errors=$(stat_of disk_errors "$tmp/got.err")
  compiled=$(stat_of traces_compiled "$tmp/got.err")
  case $expect in
    stores) ok=$([ "${stores:-0}" -ge 1 ] && [ "${hits:-0}" -eq 0 ] && [ "${errors:-1}" -eq 0 ] && echo y) ;;
    hits) ok=$([ "${hits:-0}" -ge 1 ] && [ "${hits:-0}" -eq "${compiled:-x}" ] && [ "${errors:-1}" -eq 0 ] && echo y) ;;
    any) ok=$([ "${errors:-1}" -eq 0 ] && echo y) ;;
    some-stores) ok=$([ "${stores:-0}" -ge 1 ] && [ "${errors:-1}" -eq 0 ] && echo y) ;;
    errors) ok=$([ "${errors:-0}" -ge 1 ] && [ "${stores:-1}" -eq 0 ] && [ "${hits:-1}" -eq 0 ] && echo y) ;;
  esac
  if [ "$ok" != y ]; then
    echo "FAIL $name: expected $expect; disk_hits=$hits disk_stores=$stores disk_errors=$errors traces_compiled=$compiled"
    status=1
    return
  fi
  echo "ok $name (compiled=$compiled disk_hits=$hits disk_stores=$stores)"
}

mkprog 12345 97
"$py" "$tmp/prog.py" >"$tmp/want.out" || { echo "FAIL: python3"; exit 1; }
cache="$tmp/cache"
run first-run stores --jit-sync --jit-cache="$cache"
run second-run hits --jit-sync --jit-cache="$cache"
run forced-hot any --jit-sync --jit-threshold=1 --jit-cache="$cache"
run forced-hot-again hits --jit-sync --jit-threshold=1 --jit-cache="$cache"
run default-mode any --jit-cache="$cache"
JITCORE_DISK_CACHE="$cache" run by-environment hits --jit-sync
if ls -a "$cache" | grep -q '^\.tmp-'; then
  echo "FAIL: temporary files left in the cache"; ls -a "$cache"; status=1
fi

mkprog 54321 97
"$py" "$tmp/prog.py" >"$tmp/want.out" || { echo "FAIL: python3"; exit 1; }
run changed-global hits --jit-sync --jit-cache="$cache"
mkprog 54321 89
"$py" "$tmp/prog.py" >"$tmp/want.out" || { echo "FAIL: python3"; exit 1; }
run changed-literal some-stores --jit-sync --jit-cache="$cache"
run changed-literal-again hits --jit-sync --jit-cache="$cache"

# Two processes filling one empty cache at once: both right, and a third
# run finds every trace (whichever of them published each entry).
par="$tmp/par"
"$minipy" --jit-sync --jit-cache="$par" "$tmp/prog.py" >"$tmp/p1.out" 2>&1 &
p1=$!
"$minipy" --jit-sync --jit-cache="$par" "$tmp/prog.py" >"$tmp/p2.out" 2>&1
wait $p1
if ! cmp -s "$tmp/want.out" "$tmp/p1.out" || ! cmp -s "$tmp/want.out" "$tmp/p2.out"; then
  echo "FAIL parallel: an output differs from python3's"; status=1
else
  echo "ok parallel"
fi
run after-parallel hits --jit-sync --jit-cache="$par"
if ls -a "$par" | grep -q '^\.tmp-'; then
  echo "FAIL parallel: temporary files left"; ls -a "$par"; status=1
fi

mkdir "$tmp/open" && chmod 0777 "$tmp/open"
run open-directory errors --jit-sync --jit-cache="$tmp/open" --jit-log=compile
if ! grep -q "disk cache: .*not this user's alone" "$tmp/got.err"; then
  echo "FAIL open-directory: no logged reason"; status=1
fi

long=$(printf '%0300d' 0)
"$minipy" --jit-cache="$tmp/$long" "$tmp/prog.py" >"$tmp/got.out" 2>"$tmp/got.err"
if [ $? -ne 0 ] || ! cmp -s "$tmp/want.out" "$tmp/got.out" \
   || ! grep -q "^minipy: the JIT is off: .*longer than 255 bytes" "$tmp/got.err"; then
  echo "FAIL long-path: the output or the message"; cat "$tmp/got.err" | head -3; status=1
else
  echo "ok long-path"
fi
exit $status
