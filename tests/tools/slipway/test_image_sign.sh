# tests/tools/slipway/test_image_sign.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway image sign` against imgtool's own output, and its refusals.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/imgtool

# hash-only is the one vector with no signature: our output must equal
# imgtool's byte for byte (MANIFEST: imgtool sign -H 32 --pad-header
# -S 0x20000 -v 1.0.0).
cmdline=$(awk -F'\t' '$1 == "hash-only" { print $2 }' "$V/MANIFEST")
case "$cmdline" in
*"-H 32 --pad-header -S 0x20000 -v 1.0.0"*) ok "MANIFEST hash-only command is the one this test mirrors" ;;
*) not_ok "MANIFEST hash-only command changed: $cmdline" ;;
esac
expect_ok "sign hash-only" "$SLIPWAY" image sign -H 32 --pad-header -S 0x20000 \
	-v 1.0.0 "$V/hash-only/payload.bin" "$TESTTMP/ho.bin"
cmp -s "$TESTTMP/ho.bin" "$V/hash-only/image.bin" &&
	ok "hash-only output equals imgtool's byte for byte" ||
	not_ok "hash-only output differs from imgtool's"

# Without --pad-header the input must begin with header-size zero bytes.
head -c 512 /dev/zero >"$TESTTMP/zhdr.bin"
cat "$V/hash-only/payload.bin" >>"$TESTTMP/zhdr.bin"
expect_ok "sign with the header's room already in the input" \
	"$SLIPWAY" image sign -H 0x200 -S 0x20000 -v 1.0.0 "$TESTTMP/zhdr.bin" "$TESTTMP/z.img"
expect_fail "input without zero header room is refused" "does not start with 0x200 zero bytes" \
	"$SLIPWAY" image sign -H 0x200 -S 0x20000 -v 1.0.0 "$V/hash-only/payload.bin" "$TESTTMP/x.img"
expect_fail "image larger than the slot is refused" "exceed the slot size 0x500" \
	"$SLIPWAY" image sign -H 32 --pad-header -S 0x500 -v 1.0.0 "$V/hash-only/payload.bin" "$TESTTMP/x.img"
[ ! -e "$TESTTMP/x.img" ] && ok "no output file after a refusal" || not_ok "output written after a refusal"
expect_fail "bad version" "--version: '1.x' is not" \
	"$SLIPWAY" image sign -H 32 --pad-header -S 0x20000 -v 1.x "$V/hash-only/payload.bin" "$TESTTMP/x.img"
expect_fail "bad alignment" "--align: '3'" \
	"$SLIPWAY" image sign -H 32 --pad-header -S 0x20000 -v 1.0.0 --align 3 "$V/hash-only/payload.bin" "$TESTTMP/x.img"
expect_fail "header size below 32" "--header-size" \
	"$SLIPWAY" image sign -H 16 --pad-header -S 0x20000 -v 1.0.0 "$V/hash-only/payload.bin" "$TESTTMP/x.img"
expect_fail "missing input file" "nope.bin: No such file" \
	"$SLIPWAY" image sign -H 32 --pad-header -S 0x20000 -v 1.0.0 "$TESTTMP/nope.bin" "$TESTTMP/x.img"
expect_fail "required options" "are required" "$SLIPWAY" image sign a b

# --pad-header fills the header's spare room with the erased value.
expect_ok "sign with -R 0" "$SLIPWAY" image sign -H 64 --pad-header -R 0 -S 0x20000 \
	-v 1.0.0 "$V/hash-only/payload.bin" "$TESTTMP/r0.img"
[ "$(od -v -An -tx1 -j32 -N32 "$TESTTMP/r0.img" | tr -d ' \n')" = "$(printf '00%.0s' $(seq 32))" ] &&
	ok "-R 0 pads the header with zeros" || not_ok "-R 0 header padding"

# Every group and command answers --help.
expect_output "slipway --help lists groups" "image +MCUboot" "$SLIPWAY" --help
expect_output "slipway image --help lists commands" "sign +make an MCUboot image" "$SLIPWAY" image --help
expect_output "slipway image sign --help" "--header-size" "$SLIPWAY" image sign --help
expect_output "slipway flash assemble --help" "OFFSET:FILE" "$SLIPWAY" flash assemble --help
expect_fail "unknown group" "unknown group 'nope'" "$SLIPWAY" nope
expect_fail "unknown command" "unknown command 'nope'" "$SLIPWAY" image nope
