# tests/lib.sh
# SPDX-License-Identifier: Apache-2.0

# Helpers for script tests. Each check prints "ok - what" or "not ok - what";
# tests/run.sh counts them. Set by the runner: SRCTREE, BUILD (the check
# configuration's build directory), TESTTMP (a fresh temporary directory).

# The host program as `make tests` builds it under ASan, LSan and UBSan
# (the plain one when that build is absent). Findings go to
# $TESTTMP/sanitizer.*, which tests/run.sh reports as failures.
SLIPWAY=$BUILD/host-san/slipway
[ -x "$SLIPWAY" ] || SLIPWAY=$BUILD/host/slipway
export ASAN_OPTIONS="detect_leaks=1:log_path=$TESTTMP/sanitizer"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$TESTTMP/sanitizer"
SHARED=$SRCTREE/../shared

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

# expect_ok WHAT CMD...: CMD must exit 0.
expect_ok() {
	what=$1; shift
	if "$@" >"$TESTTMP/out" 2>&1; then ok "$what"; else
		not_ok "$what (exit $?)"; sed 's/^/#   /' "$TESTTMP/out"; fi
}

# expect_fail WHAT PATTERN CMD...: CMD must exit non-zero and print PATTERN
# (a grep -E expression) on stdout or stderr.
expect_fail() {
	what=$1 pattern=$2; shift 2
	if "$@" >"$TESTTMP/out" 2>&1; then
		not_ok "$what (exit 0)"; sed 's/^/#   /' "$TESTTMP/out"
	elif grep -Eq -- "$pattern" "$TESTTMP/out"; then ok "$what"; else
		not_ok "$what (no /$pattern/ in output)"; sed 's/^/#   /' "$TESTTMP/out"; fi
}

# expect_output WHAT PATTERN CMD...: CMD must exit 0 and print PATTERN.
expect_output() {
	what=$1 pattern=$2; shift 2
	if ! "$@" >"$TESTTMP/out" 2>&1; then
		not_ok "$what (exit $?)"; sed 's/^/#   /' "$TESTTMP/out"
	elif grep -Eq -- "$pattern" "$TESTTMP/out"; then ok "$what"; else
		not_ok "$what (no /$pattern/ in output)"; sed 's/^/#   /' "$TESTTMP/out"; fi
}

# Vectors live beside the repository; without them, say so loudly.
need_shared() {
	if [ ! -d "$SHARED/vectors" ]; then
		echo "# SKIP $0: $SHARED/vectors is missing: vector tests NOT RUN"
		exit 0
	fi
}

# defconfig_built NAME: this test built defconfigs/NAME_defconfig as it is
# (no option changed) and its whole `make` passed. `make check`'s matrix
# step then does not build it a second time (tests/run.sh); `make matrix`
# still builds every defconfig.
defconfig_built() {
	echo "$1" >>"$BUILD/defconfigs-built"
}
