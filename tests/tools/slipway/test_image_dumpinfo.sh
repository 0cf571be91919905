# tests/tools/slipway/test_image_dumpinfo.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway image dumpinfo` agrees with imgtool dumpinfo on every vector:
# the same text, byte for byte, wherever imgtool printed one.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/imgtool

for d in "$V"/*/; do
	v=$(basename "$d")
	[ -f "$d/dumpinfo.txt" ] || continue
	if grep -q '^# imgtool dumpinfo failed' "$d/dumpinfo.txt"; then
		expect_fail "$v: refused where imgtool failed" "past the end of the file" \
			"$SLIPWAY" image dumpinfo "$d/image.bin"
		continue
	fi
	(cd "$d" && "$SLIPWAY" image dumpinfo image.bin) >"$TESTTMP/$v.txt" 2>"$TESTTMP/$v.err"
	if cmp -s "$TESTTMP/$v.txt" "$d/dumpinfo.txt"; then
		ok "$v: dumpinfo identical to imgtool's"
	else
		not_ok "$v: dumpinfo differs"; diff "$TESTTMP/$v.txt" "$d/dumpinfo.txt" | head -10 | sed 's/^/#   /'
	fi
done
grep -q "length 0x400 runs past the end of its block" "$TESTTMP/neg-tlv-len-past-end.err" &&
	ok "an overlong TLV is named on stderr" || not_ok "no warning for the overlong TLV"

expect_output "--json gives the header" '"version":[[:space:]]+"1.3.0\+0"' \
	"$SLIPWAY" image dumpinfo --json "$V/ecdsa-p256-seccnt-dep/image.bin"
expect_output "--json gives the TLVs" '"type_name":[[:space:]]+"DEPENDENCY"' \
	"$SLIPWAY" image dumpinfo --json "$V/ecdsa-p256-seccnt-dep/image.bin"
expect_output "--json gives the trailer" '"image_ok":[[:space:]]+1' \
	"$SLIPWAY" image dumpinfo --json "$V/ecdsa-p256-pad-confirm-ma32/image.bin"
cp "$V/hash-only/image.bin" "$TESTTMP/a\"b\\c.bin"
expect_output "--json escapes the file name" '"filename":[[:space:]]+"a\\"b\\\\c.bin"' \
	"$SLIPWAY" image dumpinfo --json "$TESTTMP/a\"b\\c.bin"
head -c 20 "$V/hash-only/image.bin" >"$TESTTMP/short.bin"
expect_fail "a file shorter than a header" "shorter than an image header" \
	"$SLIPWAY" image dumpinfo "$TESTTMP/short.bin"
expect_fail "no such file" "No such file" "$SLIPWAY" image dumpinfo "$TESTTMP/none.bin"
