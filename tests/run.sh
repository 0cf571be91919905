#!/bin/sh
# tests/run.sh
# SPDX-License-Identifier: Apache-2.0
# Every test of the tree, as `make check` runs it: build the sim test
# configuration, run each cmocka unit test, each script test
# (tests/**/test_*.sh), then the defconfig matrix. Ends with one line
# "check: N passed, N failed" and a non-zero exit on any failure.
# Environment: O (the build directory; default build/).
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
out=${O:-$src/build}
bdir=$out/check
jobs=$(nproc 2>/dev/null || echo 2)
pass=0 fail=0
failed=""

note_fail() { fail=$((fail + $1)); failed="$failed
  $2"; }

echo "== build: sim test configuration in $bdir"
if ! make -s -C "$src" O="$bdir" sim_defconfig >/dev/null ||
   ! make -s -C "$src" O="$bdir" -j"$jobs" tests; then
	echo "check: 0 passed, 1 failed"
	exit 1
fi

# Every later build (script tests, fuzz, matrix) takes the host program and
# the host mbedtls from this one instead of compiling them again (Makefile,
# HOST_O): about 24 s of CPU per build directory.
export HOST_O="$bdir"

echo "== unit tests (cmocka)"
for t in $(cat "$bdir/tests/list"); do
	log=$t.log
	"$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed
	pass=$((pass + p))
	name=${t#"$bdir/tests/"}
	if [ "$f" -gt 0 ]; then
		cat "$log"
		note_fail "$f" "$name"
	fi
	printf '  %-40s %3d passed, %d failed\n' "$name" "$p" "$f"
	# the power-fail proof's own summary line
	sed -n 's/^powerfail: /    powerfail: /p' "$log"
done

echo "== script tests"
rm -f "$bdir/defconfigs-built"
for s in $(cd "$src" && find tests -name 'test_*.sh' | sort); do
	log=$bdir/tests/$(echo "$s" | tr / _).log
	tmp=$(mktemp -d)
	# Each script test's own builds use both cores (they run one at a time).
	MAKEFLAGS=-j$jobs SRCTREE=$src BUILD=$bdir TESTTMP=$tmp bash "$src/$s" </dev/null >"$log" 2>&1
	rc=$?
	# the host program's sanitizer findings (tests/lib.sh)
	for san in "$tmp"/sanitizer.*; do
		[ -f "$san" ] || continue
		echo "not ok - sanitizer finding in the host program ($san)" >>"$log"
		sed 's/^/#   /' "$san" >>"$log"
	done
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	pass=$((pass + p))
	if [ "$f" -gt 0 ]; then
		cat "$log"
		note_fail "$f" "$s"
	fi
	grep -h '^# SKIP' "$log" | sed 's/^/  /'
	printf '  %-40s %3d passed, %d failed\n' "$s" "$p" "$f"
done

echo "== fuzz smoke (libFuzzer, ${FUZZ_SMOKE_SECONDS:-5}s per target; 'make fuzz' runs long)"
if make -s -C "$src" O="$out" fuzz FUZZ_SECONDS="${FUZZ_SMOKE_SECONDS:-5}" >"$bdir/fuzz.log" 2>&1; then
	sed 's/^/  /' "$bdir/fuzz.log"
	pass=$((pass + $(grep -c ', no crash$' "$bdir/fuzz.log")))
else
	cat "$bdir/fuzz.log"
	note_fail 1 "fuzz smoke"
fi

# The script tests built some defconfigs as they are (tests/lib.sh,
# defconfig_built) and failed if they did not build; the matrix builds the
# rest, so that every defconfig is built once per check. `make matrix`
# (the nightly) builds them all.
all=$(cd "$src/defconfigs" && ls *_defconfig | sed 's/_defconfig$//')
built=$(sort -u "$bdir/defconfigs-built" 2>/dev/null)
rest=$(printf '%s\n' $all | grep -vxF -e "$built" | tr '\n' ' ')
[ -n "$built" ] || rest=$all
echo "== matrix: every defconfig ($(printf '%s\n' $built | grep -c .) built by the script tests above: $(echo $built))"
if [ -z "$rest" ] || make -s -C "$src" O="$out" matrix DEFCONFIGS="$rest"; then
	n=$(ls "$src"/defconfigs/*_defconfig | wc -l)
	pass=$((pass + n))
else
	note_fail 1 "make matrix"
fi

[ "$fail" -eq 0 ] || printf 'failed:%s\n' "$failed"
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
