# tests/tools/slipway/test_cli.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# The host program's command line: --help at every level (on stdout, exit
# 0, ending with a newline), exit status 2 for usage errors, 1 for a failed
# operation; run under the sanitizers like every script test, so the error
# paths below are also leak checks.
. "$SRCTREE/tests/lib.sh"

# help WHAT ARGS...: stdout only, exit 0, last byte a newline.
help() {
	what=$1; shift
	if "$SLIPWAY" "$@" >"$TESTTMP/h.out" 2>"$TESTTMP/h.err" &&
	   [ -s "$TESTTMP/h.out" ] && [ ! -s "$TESTTMP/h.err" ] &&
	   [ "$(tail -c 1 "$TESTTMP/h.out" | od -An -tx1 | tr -d ' ')" = 0a ]; then
		ok "$what"
	else
		not_ok "$what"; sed 's/^/#   /' "$TESTTMP/h.out" "$TESTTMP/h.err"
	fi
}

# status WHAT CODE ARGS...: exit status CODE.
status() {
	what=$1 want=$2; shift 2
	"$SLIPWAY" "$@" >"$TESTTMP/s.out" 2>&1
	rc=$?
	[ "$rc" = "$want" ] && ok "$what" ||
		{ not_ok "$what (exit $rc, not $want)"; sed 's/^/#   /' "$TESTTMP/s.out"; }
}

help "slipway --help" --help
help "slipway -h" -h
for g in image flash part smp; do
	help "slipway $g --help" "$g" --help
	for c in $("$SLIPWAY" "$g" --help | awk '/^  [a-z]/ { print $1 }'); do
		help "slipway $g $c --help" "$g" "$c" --help
	done
done
help "--help after a sub-command: slipway smp image list --help" smp image list --help
help "--help after other options" image sign --version 1.0.0 --help

status "no arguments: usage error" 2
status "an unknown group" 2 bogus
status "an unknown command" 2 image bogus
status "an unknown option" 2 image sign --bogus
status "a bad number" 2 image sign --version 1 --header-size x --slot-size 1 a b
status "missing operands" 2 part gen
status "smp without a port" 2 smp params
status "a file that is not there" 1 image dumpinfo "$TESTTMP/none.bin"
head -c 20 /dev/zero >"$TESTTMP/short.bin"
status "verify: a file shorter than a header, with a key" 1 \
	image verify --key "$SRCTREE/keys/test/ecdsa-p256.pem" "$TESTTMP/short.bin"
status "verify: keys of two types" 1 image verify \
	--key "$SRCTREE/keys/test/ecdsa-p256.pem" --key "$SRCTREE/keys/test/ed25519.pem" \
	"$TESTTMP/short.bin"
status "verify: the second key unreadable" 1 image verify \
	--key "$SRCTREE/keys/test/ecdsa-p256.pem" --key "$TESTTMP/short.bin" \
	"$TESTTMP/short.bin"
