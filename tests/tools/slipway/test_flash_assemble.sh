# tests/tools/slipway/test_flash_assemble.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway flash assemble`: placement, fill, and refusals.
. "$SRCTREE/tests/lib.sh"
printf 'AAAA' >"$TESTTMP/a"
printf 'BB' >"$TESTTMP/b"

expect_ok "assemble two files" "$SLIPWAY" flash assemble --size 16 -o "$TESTTMP/f.bin" \
	0x4:"$TESTTMP/a" 12:"$TESTTMP/b"
[ "$(od -v -An -tx1 "$TESTTMP/f.bin" | tr -d ' \n')" = "ffffffff41414141ffffffff4242ffff" ] &&
	ok "bytes placed at their offsets, rest erased" || not_ok "assembled bytes"
expect_ok "fill value" "$SLIPWAY" flash assemble --size 4 --fill 0 -o "$TESTTMP/z.bin"
[ "$(od -v -An -tx1 "$TESTTMP/z.bin" | tr -d ' \n')" = "00000000" ] && ok "fill 0" || not_ok "fill 0"
expect_fail "overlap is refused, naming both" "b at 0x6 overlaps .*a at 0x4" \
	"$SLIPWAY" flash assemble --size 16 -o "$TESTTMP/x.bin" 2:"$TESTTMP/b" 4:"$TESTTMP/a" 6:"$TESTTMP/b"
expect_fail "past the end is refused" "runs past the end of the 0x10-byte flash" \
	"$SLIPWAY" flash assemble --size 16 -o "$TESTTMP/x.bin" 14:"$TESTTMP/a"
expect_fail "offset wrap is refused" "runs past the end" \
	"$SLIPWAY" flash assemble --size 16 -o "$TESTTMP/x.bin" 0xffffffff:"$TESTTMP/a"
expect_fail "malformed placement" "'12' is not OFFSET:FILE" \
	"$SLIPWAY" flash assemble --size 16 -o "$TESTTMP/x.bin" 12
[ ! -e "$TESTTMP/x.bin" ] && ok "no output after refusals" || not_ok "output written after a refusal"
