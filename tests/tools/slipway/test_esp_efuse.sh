# tests/tools/slipway/test_esp_efuse.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway esp efuse` over an OTP file and a flash file: summary, burns
# with the device's rules (bits only 0 to 1, write protection, widths),
# key burns with their purpose and read protection, and every refusal
# named without a burn.
. "$SRCTREE/tests/lib.sh"
T=$TESTTMP
otp=$T/fuses.otp
head -c 256 /dev/zero >"$otp"       # 64 words, eFuses from word 8
ef() { "$SLIPWAY" esp efuse --otp "$otp" "$@"; }
field() { ef summary | sed -n "s/^$1 *= \([^ ]*\).*/\1/p"; }

expect_output "summary of blank eFuses" "^SECURE_BOOT_EN += 0 R/W" ef summary
expect_output "burn-efuse: two fields at once" "burned DIS_DOWNLOAD_MODE = 0x1" \
	ef burn-efuse SECURE_VERSION 3 DIS_DOWNLOAD_MODE 1
if [ "$(field SECURE_VERSION)" = 3 ] && [ "$(field DIS_DOWNLOAD_MODE)" = 1 ] &&
    [ "$(od -An -tu4 -j$(( (8 + 4) * 4 )) -N4 "$otp" | tr -d ' ')" = 3 ]; then
	ok "the burns land in the OTP file at the eFuse words (SECURE_VERSION in word 4)"
else not_ok "burned values: $(field SECURE_VERSION) $(field DIS_DOWNLOAD_MODE)"; fi
cp "$otp" "$T/before"
expect_fail "a burn that would clear a bit is refused" "would clear a burned bit" \
	ef burn-efuse SECURE_VERSION 4
expect_fail "a value wider than the field is refused" "does not fit" \
	ef burn-efuse SECURE_BOOT_EN 2
expect_fail "an unknown field is refused before anything burns" "no eFuse field 'NOPE'" \
	ef burn-efuse DIS_PAD_JTAG 1 NOPE 1
expect_fail "an odd argument count is refused" "NAME VALUE pairs" ef burn-efuse DIS_PAD_JTAG
if cmp -s "$otp" "$T/before"; then ok "refused burns leave the file as it was"
else not_ok "a refused burn changed the file"; fi
expect_output "write-protect-efuse" "write-protected DIS_DOWNLOAD_MODE" \
	ef write-protect-efuse DIS_DOWNLOAD_MODE
expect_fail "a write-protected field refuses burns (WR_DIS shared with SECURE_VERSION)" \
	"SECURE_VERSION: write-protected" ef burn-efuse SECURE_VERSION 7
expect_output "summary marks it R/-" "^DIS_DOWNLOAD_MODE += 1 R/-" ef summary

head -c 32 /dev/urandom >"$T/xts.key"
expect_output "burn-key: an XTS key" "burned BLOCK_KEY2 with purpose XTS_AES_128_KEY" \
	ef burn-key BLOCK_KEY2 "$T/xts.key" XTS_AES_128_KEY
expect_output "the XTS key is read-protected, its purpose shown" \
	"^BLOCK_KEY2 += \?\? \(read-protected\)" ef summary
expect_output "KEY_PURPOSE_2 names XTS_AES_128_KEY" "^KEY_PURPOSE_2 += XTS_AES_128_KEY \(4\) R/-" ef summary
"$SLIPWAY" esp secure digest-sbv2-public-key --keyfile "$SRCTREE/keys/test/rsa-3072.pem" \
	--output "$T/digest.bin" >/dev/null
expect_output "burn-key: a Secure Boot digest stays readable" \
	"^BLOCK_KEY0 += $(od -An -tx1 -v "$T/digest.bin" | tr -d ' \n')" \
	sh -c "\"$SLIPWAY\" esp efuse --otp \"$otp\" burn-key BLOCK_KEY0 \"$T/digest.bin\" SECURE_BOOT_DIGEST0 && \"$SLIPWAY\" esp efuse --otp \"$otp\" summary"
expect_fail "another key into a burned (write-protected) block is refused" "BLOCK_KEY0: write-protected" \
	ef burn-key BLOCK_KEY0 "$T/xts.key" SECURE_BOOT_DIGEST0
head -c 31 /dev/zero >"$T/short.key"
expect_fail "a key file not of 32 bytes is refused" "exactly 32 bytes" \
	ef burn-key BLOCK_KEY1 "$T/short.key" USER
expect_fail "an unknown purpose is refused" "no key purpose" ef burn-key BLOCK_KEY1 "$T/xts.key" NOPE
expect_fail "an unknown key block is refused" "no key block" ef burn-key BLOCK_KEY6 "$T/xts.key" USER

# The flash-kept form: a burned bit is a programmed 0.
head -c 8192 /dev/zero | tr '\0' '\377' >"$T/flash.bin"
expect_output "flash-kept: burn at --offset" "burned SECURE_BOOT_EN = 0x1" \
	"$SLIPWAY" esp efuse --flash "$T/flash.bin" --offset 0x1000 burn-efuse SECURE_BOOT_EN 1
if [ "$(od -An -tx1 -j$((0x1000 + 9)) -N1 "$T/flash.bin" | tr -d ' ')" = fe ]; then
	ok "flash-kept: SECURE_BOOT_EN is bit 8 of word 2, programmed to 0"
else not_ok "flash-kept layout: $(od -An -tx1 -j$((0x1000)) -N16 "$T/flash.bin")"; fi
expect_fail "a file too short for the eFuses is refused" "too short" \
	"$SLIPWAY" esp efuse --flash "$T/flash.bin" --offset 0x1f80 summary
expect_fail "--flash without --offset is refused" "needs --offset" \
	"$SLIPWAY" esp efuse --flash "$T/flash.bin" summary
expect_fail "no eFuse file named" "--otp FILE or --flash" "$SLIPWAY" esp efuse summary
